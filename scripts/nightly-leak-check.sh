#!/usr/bin/env bash
# The nightly job: the nightly suite (every workload at large sizes, two forks each, with budgets), then its leak
# check (leak-mixed: the engine as a long-running agent uses it, watched for 60 s after warm-up).
#
#   scripts/nightly-leak-check.sh [RUN_FOLDER] [extra options for `flightdeck run`]
#
# RUN_FOLDER defaults to target/flightdeck/nightly/<UTC time>; it is kept whatever happens: report.json,
# report.md, the recordings, flame graphs, the leak check's evidence (leak-check/<workload>/) and changes.txt, the
# persistent shifts in the history (`flightdeck history --changes`).
# Exit code: 0 when everything held; 1 when a leak was found, a budget failed or a workload failed (the summary at
# the end says which); 2 on bad input. FLIGHTDECK_SUITE=quick runs the short suite instead (leak checks only run
# with the nightly suite, or with `flightdeck leak-check`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

out=${1:-$root/target/flightdeck/nightly/$(date -u +%Y%m%d-%H%M%S)}
shift $(( $# > 0 ? 1 : 0 ))
suite=${FLIGHTDECK_SUITE:-nightly}

mkdir -p "$out"
status=0
"$root/scripts/flightdeck" run --suite "$suite" --out "$out" "$@" || status=$?

# the persistent shifts in the history, this run included (printed, never failing the job: a shift is for a
# person to look at, with the commit it came with)
if [[ $status -le 1 ]]; then
  echo
  "$root/scripts/flightdeck" history --changes > "$out/changes.txt" 2>&1 || true
  cat "$out/changes.txt"
fi

echo
case $status in
  0) echo "nightly: passed; run folder $out" ;;
  1) echo "nightly: FAILED (a leak, a budget or a workload: see the summary above); run folder $out" >&2 ;;
  *) echo "nightly: could not run (exit code $status); run folder $out" >&2 ;;
esac
exit "$status"
