#!/usr/bin/env bash
# The benchmark: cas-logs next to ripgrep, wc, zcat and a Python baseline on generated --v=4 logs,
# memory, follow latency, and instructions per line under callgrind (both traffic mixes).
# Usage: scripts/bench.sh [SIZES...]   (default: 100MB 1GB; `scripts/bench.sh 20MB` is the quick run
# that prints every row). The utilization-heavy mix is timed at BENCH_MIX_SIZE (default: the first
# size). Generated logs (and their .gz, gzip -6) are kept in bench-data/ (ignored by git) and reused.
# BENCH_INSTRUCTIONS_ONLY=1 (make bench-instructions) runs only the instruction counts, with
# SWIFT_DETERMINISTIC_HASHING=1 so that counts at two commits compare exactly (Progress tables).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100MB 1GB)
mix_size=${BENCH_MIX_SIZE:-${sizes[0]}}
swift build -c release --product cas-logs >/dev/null
swift build -c release --product cas-logs-loggen >/dev/null
mkdir -p bench-data
cas=.build/release/cas-logs
loggen=.build/release/cas-logs-loggen
timed() { /usr/bin/time -f "%e %M" -o bench-data/.time "$@" > /dev/null; cat bench-data/.time; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b != "" && b > 0) printf "%.1f", a / b; else print "-" }'; }

# generate NAME SIZE [LOGGEN OPTIONS...]: bench-data/NAME.log (and .truth, .gz) unless present.
generate() {
  local name=$1 size=$2
  shift 2
  [ -f "bench-data/$name.log" ] ||
    "$loggen" --output "bench-data/$name.log" --truth "bench-data/$name.truth" --size "$size" "$@"
  [ -f "bench-data/$name.log.gz" ] || gzip -6 -c "bench-data/$name.log" > "bench-data/$name.log.gz"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
command -v rg > /dev/null || echo "rg not installed: no ripgrep row and no × rg ratios (apt-get install ripgrep)"
instructions_only=${BENCH_INSTRUCTIONS_ONLY:-}
[ -n "$instructions_only" ] ||
  printf '%-6s %-30s %9s %9s %10s %8s %8s\n' size tool seconds MB/s maxRSS_MB "x rg" "py/this"
summary=()

# bench LABEL NAME: every timed row on bench-data/NAME.log; LABEL is the size column.
bench() {
  local label=$1 log=bench-data/$2.log
  local gz=$log.gz bytes rg_seconds="" rg_rss py_seconds py_rss seconds rss file_seconds
  bytes=$(stat -c %s "$log")
  cat "$log" "$gz" > /dev/null  # warm the page cache so every tool reads from memory
  if command -v rg > /dev/null; then
    read -r rg_seconds rg_rss <<< "$(timed rg -c -e 'Upcoming' -e 'Terminating EC2 instance' "$log")"
  fi
  read -r py_seconds py_rss <<< "$(timed python3 scripts/bench-python-baseline.py "$log")"
  # MB/s is always of the uncompressed log, so that the .gz and zcat rows compare with the others.
  row() {
    printf '%-6s %-30s %9s %9s %10.1f %8s %8s\n' "$label" "$1" "$2" \
      "$(awk -v b="$bytes" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", b / s / 1e6; else print "-" }')" \
      "$(awk -v k="$3" 'BEGIN { print k / 1024 }')" "$(ratio "$2" "$rg_seconds")" "$(ratio "$py_seconds" "$2")"
  }
  read -r seconds rss <<< "$(timed "$cas" report --format json "$log")"
  file_seconds=$seconds
  row "cas-logs report (file)" "$seconds" "$rss"
  read -r seconds rss <<< "$(timed "$cas" report --format json --threads 1 "$log")"
  row "  same, one thread" "$seconds" "$rss"
  read -r seconds rss <<< "$(timed sh -c "cat '$log' | '$cas' report --format json")"
  row "cas-logs report (stdin)" "$seconds" "$rss"
  read -r seconds rss <<< "$(timed "$cas" report --format json "$gz")"
  row "cas-logs report (.gz, -6)" "$seconds" "$rss"
  [ -n "$rg_seconds" ] && row "rg -c (2 patterns)" "$rg_seconds" "$rg_rss"
  read -r seconds rss <<< "$(timed wc -l "$log")"
  row "wc -l" "$seconds" "$rss"
  read -r seconds rss <<< "$(timed zcat "$gz")"
  row "zcat FILE.gz" "$seconds" "$rss"
  row "python3 + re baseline" "$py_seconds" "$py_rss"
  local versus_rg="rg not measured"
  [ -z "$rg_seconds" ] || versus_rg="$(ratio "$file_seconds" "$rg_seconds")× rg (target ≤ 6×)"
  summary+=("$label: cas-logs report (file) is $(ratio "$py_seconds" "$file_seconds")× faster than the Python baseline (target ≥ 50×), $versus_rg")
}

if [ -z "$instructions_only" ]; then
  for size in "${sizes[@]}"; do
    generate "$size" "$size"
    bench "$size" "$size"
  done
  generate "mix-$mix_size" "$mix_size" --mix utilization-heavy
  bench "u$mix_size" "mix-$mix_size"
  printf '%s\n' "(u$mix_size: the utilization-heavy mix, 85 % utilization lines; py/this: Python baseline seconds over the row's)" \
    "${summary[@]}"
fi

[ -n "$instructions_only" ] || python3 scripts/follow-latency.py "$cas" "bench-data/${sizes[0]}.log" 10000 10

if command -v valgrind > /dev/null; then
  # Instructions per line from two log sizes, so that start-up (argument parsing, catalogue
  # compilation) cancels out; one thread, so that the count does not depend on scheduling.
  # A copy without DWARF: valgrind 3.19 gives up on the toolchain's DWARF 5; symbols are enough.
  strip --strip-debug -o bench-data/cas-logs.callgrind "$cas" 2> /dev/null || cp "$cas" bench-data/cas-logs.callgrind
  # count LOG [THREADS]
  count() {
    env ${instructions_only:+SWIFT_DETERMINISTIC_HASHING=1} \
      valgrind --tool=callgrind --dump-instr=no --callgrind-out-file=bench-data/callgrind.out \
      bench-data/cas-logs.callgrind report --format json --threads "${2:-1}" "$1" > /dev/null 2> bench-data/callgrind.err
    grep -m1 -E '^(summary|totals):' bench-data/callgrind.out | awk '{ print $2 }'
  }
  # per_line PREFIX LABEL [LOGGEN OPTIONS...]
  per_line() {
    local prefix=$1 label=$2
    shift 2
    for mb in 2 4; do
      [ -f "bench-data/$prefix-${mb}MB.log" ] ||
        "$loggen" --output "bench-data/$prefix-${mb}MB.log" --size "${mb}MB" "$@"
    done
    local lines2 lines4 total2 total4
    lines2=$(wc -l < "bench-data/$prefix-2MB.log")
    lines4=$(wc -l < "bench-data/$prefix-4MB.log")
    total2=$(count "bench-data/$prefix-2MB.log")
    total4=$(count "bench-data/$prefix-4MB.log")
    echo "callgrind$label: $total2 instructions for $lines2 lines (2 MB), $total4 for $lines4 lines (4 MB):" \
      "$(((total4 - total2) / (lines4 - lines2))) per line, start-up excluded"
    if [ -z "$label" ]; then
      # The segmented read's extra work: all threads' instructions on the 4 MB log (four segments).
      local threaded
      threaded=$(count "bench-data/$prefix-4MB.log" 2)
      echo "callgrind --threads 2: $threaded instructions for $lines4 lines (4 MB):" \
        "$(((threaded - total4) / lines4)) per line more than --threads 1"
    fi
  }
  per_line callgrind ""
  per_line callgrind-mix " (utilization-heavy mix)" --mix utilization-heavy
else
  echo "valgrind not installed: no instructions per line (apt-get install valgrind)"
fi
