#!/usr/bin/env bash
# Peak memory of `cas-logs report --format json` on the bundled samples repeated to SIZES megabytes.
# Usage: scripts/measure-memory.sh [MB ...]   (default: 20 100 300)
# The repeated samples are a worst case for state: nearly every line is an event, and every
# repetition adds episodes, failures and blocked nodes.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(20 100 300); fi
swift build -c release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat SampleLogs/*.log > "$work/seed.log"
printf '%-8s %-10s %-12s %s\n' "MB" "seconds" "maxRSS(KB)" "scale-ups in summary"
for mb in "${sizes[@]}"; do
  target=$((mb * 1000 * 1000))
  : > "$work/input.log"
  while [ "$(stat -c %s "$work/input.log")" -lt "$target" ]; do
    cat "$work/seed.log" >> "$work/input.log"
    if [ "$(stat -c %s "$work/input.log")" -lt $((target / 2)) ]; then
      cat "$work/input.log" "$work/input.log" > "$work/double.log" && mv "$work/double.log" "$work/input.log"
    fi
  done
  truncate -s "$target" "$work/input.log"
  /usr/bin/time -f "%e %M" -o "$work/time" .build/release/cas-logs report --format json "$work/input.log" > "$work/report.json"
  read -r seconds rss < "$work/time"
  total=$(grep -m1 -A1 '"scaleUps": {' "$work/report.json" | grep -o '[0-9]\+' | head -1)
  printf '%-8s %-10s %-12s %s\n' "$mb" "$seconds" "$rss" "$total"
done
