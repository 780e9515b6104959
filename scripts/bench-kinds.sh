#!/usr/bin/env bash
# Instructions per line by message kind: for each kind (a literal of its message), the 4 MB
# generated log's lines of that kind past its first lines (200, or more until they name the cloud
# provider), all of them and the first half, each after those lines (so the cloud clue and the
# first message date are found as in the whole log, and time runs forward),
# under callgrind (--dump-instr=no, one thread, SWIFT_DETERMINISTIC_HASHING=1); the difference
# over the difference in lines is the kind's cost a line, start-up and the shared first lines
# excluded.
# The last row takes the first kind alone (no cloud clue, no message date).
# Usage: scripts/bench-kinds.sh [--mix utilization-heavy]   (a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=callgrind
loggen_options=()
if [ "${1:-}" = --mix ]; then
  prefix=callgrind-mix
  loggen_options=(--mix "$2")
fi
swift build -c release --product cas-logs >/dev/null
swift build -c release --product cas-logs-loggen >/dev/null
mkdir -p bench-data/kinds
# A copy without DWARF: valgrind 3.19 gives up on the toolchain's DWARF 5; symbols are enough.
cas=bench-data/cas-logs.callgrind
strip --strip-debug -o "$cas" .build/release/cas-logs 2> /dev/null || cp .build/release/cas-logs "$cas"
log=bench-data/$prefix-4MB.log
[ -f "$log" ] || .build/release/cas-logs-loggen --output "$log" --size 4MB "${loggen_options[@]}"
instructions() {
  SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --dump-instr=no --callgrind-out-file=bench-data/kinds/run.out \
    "$cas" report --format json --threads 1 "$1" > /dev/null 2> bench-data/kinds/run.err
  sed -n 's/^summary: //p' bench-data/kinds/run.out
}
# The first lines: 200, doubled until cas-logs names the cloud provider from them (its report's
# `autoscaler.cloudProvider`), at most a quarter of the log: without the clue every record after
# them would be searched for it, as in the last row.
provider() {
  "$cas" report --format json "$1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["autoscaler"]["cloudProvider"] or "")'
}
first=200
total=$(wc -l < "$log")
while head -n "$first" "$log" > bench-data/kinds/first.log && [ -z "$(provider bench-data/kinds/first.log)" ]; do
  if [ $((first * 2)) -gt $((total / 4)) ]; then
    echo "bench-kinds: no cloud provider named in the first $first lines; rows are counted without the clue" >&2
    break
  fi
  first=$((first * 2))
done
echo "first lines: $first"
# row LABEL KIND FIRST: the kind's lines past the first $first, all and half, each after the lines
# in the file FIRST (/dev/null for none); a kind with fewer than 20 lines gives no row.
row() {
  tail -n +$((first + 1)) "$log" | grep -F -- "$2" > bench-data/kinds/all.lines || true
  local lines half full part
  lines=$(wc -l < bench-data/kinds/all.lines)
  [ "$lines" -ge 20 ] || return 0
  half=$((lines / 2))
  cat "$3" bench-data/kinds/all.lines > bench-data/kinds/all.log
  { cat "$3"; head -n "$half" bench-data/kinds/all.lines; } > bench-data/kinds/half.log
  full=$(instructions bench-data/kinds/all.log)
  part=$(instructions bench-data/kinds/half.log)
  printf '%-36s %8d %10d\n' "$1" "$lines" $(((full - part) / (lines - half)))
}
printf '%-36s %8s %10s\n' "kind (literal)" "lines" "per line"
for kind in "- cpu requested is" "Starting main loop" "No unschedulable pods" "Filtering out schedulables" \
  "Scale down status" "Refreshed ASG list" "is unneeded since" "unremovable:"; do
  row "$kind" "$kind" bench-data/kinds/first.log
done
# The first kind alone, without the shared first lines: a log where no source file names the
# cloud provider and no message holds a date, so each record is searched for both.
row "- cpu requested is (no clue, no date)" "- cpu requested is" /dev/null
