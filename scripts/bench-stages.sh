#!/usr/bin/env bash
# Instructions per line by pipeline stage: callgrind (--dump-instr=no, one thread) on the generated
# 2 MB and 4 MB logs, `callgrind_annotate --inclusive=yes`, names demangled, and each stage's
# inclusive count taken as the largest among the functions its patterns match
# (scripts/bench-stages.py holds the mapping; BENCHMARKS.md, "Method", explains it), then each
# component's own instructions (exclusive counts summed by function name; the rows add up).
# Usage: scripts/bench-stages.sh [--mix utilization-heavy]   (a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=callgrind
if [ "${1:-}" = --mix ]; then
  prefix=callgrind-mix
  loggen_options=(--mix "$2")
else
  loggen_options=()
fi
swift build -c release --product cas-logs >/dev/null
swift build -c release --product cas-logs-loggen >/dev/null
mkdir -p bench-data
# A copy without DWARF: valgrind 3.19 gives up on the toolchain's DWARF 5; symbols are enough.
cas=bench-data/cas-logs.callgrind
strip --strip-debug -o "$cas" .build/release/cas-logs 2> /dev/null || cp .build/release/cas-logs "$cas"
for mb in 2 4; do
  log=bench-data/$prefix-${mb}MB.log
  [ -f "$log" ] || .build/release/cas-logs-loggen --output "$log" --size "${mb}MB" "${loggen_options[@]}"
  valgrind --tool=callgrind --dump-instr=no --callgrind-out-file="bench-data/stages-${mb}MB.out" \
    "$cas" report --format json --threads 1 "$log" > /dev/null 2> "bench-data/stages-${mb}MB.err"
  callgrind_annotate --inclusive=yes --threshold=100 "bench-data/stages-${mb}MB.out" 2> /dev/null |
    swift demangle --simplified > "bench-data/stages-${mb}MB.txt"
  callgrind_annotate --threshold=100 "bench-data/stages-${mb}MB.out" 2> /dev/null |
    swift demangle --simplified > "bench-data/stages-${mb}MB.self.txt"
done
python3 scripts/bench-stages.py \
  "bench-data/stages-2MB.txt" "$(wc -l < "bench-data/$prefix-2MB.log")" \
  "bench-data/stages-4MB.txt" "$(wc -l < "bench-data/$prefix-4MB.log")"
echo
python3 scripts/bench-stages.py --self \
  "bench-data/stages-2MB.self.txt" "$(wc -l < "bench-data/$prefix-2MB.log")" \
  "bench-data/stages-4MB.self.txt" "$(wc -l < "bench-data/$prefix-4MB.log")"
