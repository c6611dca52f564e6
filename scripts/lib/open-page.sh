# Shared by scripts/open-report and scripts/open-flamegraph; sourced, not run.

# Where runs land: target/flightdeck under the folder a command was started in (runs write there), and the
# project's own; each once.
run_roots() {
  local here=$PWD/target/flightdeck there=$root/target/flightdeck
  [[ -d $here ]] && echo "$here"
  [[ -d $there && $(cd "$there" && pwd) != $(cd "$here" 2>/dev/null && pwd) ]] && echo "$there"
  return 0
}

# The newest file under the run roots whose path matches the find -path PATTERN, or nothing.
newest_page() {
  local pattern=$1 roots=()
  mapfile -t roots < <(run_roots)
  [[ ${#roots[@]} -gt 0 ]] || return 0
  # ls -t sorts by time on GNU and BSD alike (find -printf is GNU's only); sed, not head, reads to the end
  find "${roots[@]}" -type f -path "$pattern" -exec ls -t {} + 2>/dev/null | sed -n 1p || true
}

# A file:// address for a path, with the characters a URL cannot hold as they are percent-encoded.
file_url() {
  local path=$1 out="" c i
  for ((i = 0; i < ${#path}; i++)); do
    c=${path:i:1}
    case $c in
      [a-zA-Z0-9/._~-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  echo "file://$out"
}

# Opens PAGE in the desktop's browser, or prints its address where there is no desktop.
open_page() {
  local page
  page=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  if [[ $(uname) == Darwin ]] && command -v open >/dev/null; then
    open "$page" && echo "opened $(file_url "$page")"
  elif [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]] && command -v xdg-open >/dev/null; then
    xdg-open "$page" >/dev/null 2>&1 &
    echo "opening $(file_url "$page")"
  else
    echo "no desktop to open a browser on; open this page by hand:"
    file_url "$page"
  fi
}
