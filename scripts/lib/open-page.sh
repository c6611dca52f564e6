# Shared by scripts/open-report and scripts/open-flamegraph; sourced, not run.

# The newest file under DIR named one of NAMES, or nothing.
newest_page() {
  local dir=$1; shift
  [[ -d $dir ]] || return 0
  local expr=() name
  for name in "$@"; do
    expr+=(${expr:+-o} -name "$name")
  done
  # ls -t sorts by time on GNU and BSD alike (find -printf is GNU's only); sed, not head, reads to the end
  find "$dir" -type f \( "${expr[@]}" \) -exec ls -t {} + 2>/dev/null | sed -n 1p || true
}

# Opens PAGE in the desktop's browser, or prints its address where there is no desktop.
open_page() {
  local page url
  page=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  url="file://$page"
  if [[ $(uname) == Darwin ]] && command -v open >/dev/null; then
    open "$url"
    echo "opened $url"
  elif [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]] && command -v xdg-open >/dev/null; then
    xdg-open "$url" >/dev/null 2>&1 &
    echo "opened $url"
  else
    echo "no desktop to open a browser on; open this page by hand:"
    echo "$url"
  fi
}
