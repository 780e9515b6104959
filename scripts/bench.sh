#!/usr/bin/env bash
# The benchmark: cas-logs next to ripgrep and wc on generated --v=4 logs, memory, follow latency,
# and instructions per line under callgrind. Usage: scripts/bench.sh [SIZES...]  (default: 100MB 1GB)
# Generated logs are kept in bench-data/ (ignored by git) and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100MB 1GB)
swift build -c release --product cas-logs >/dev/null
swift build -c release --product cas-logs-loggen >/dev/null
mkdir -p bench-data
cas=.build/release/cas-logs
timed() { /usr/bin/time -f "%e %M" -o bench-data/.time "$@" > /dev/null; cat bench-data/.time; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf '%-6s %-24s %9s %9s %10s %8s\n' size tool seconds MB/s maxRSS_MB "x rg"
for size in "${sizes[@]}"; do
  log=bench-data/$size.log
  [ -f "$log" ] || .build/release/cas-logs-loggen --output "$log" --truth "bench-data/$size.truth" --size "$size"
  bytes=$(stat -c %s "$log")
  cat "$log" > /dev/null  # warm the page cache so every tool reads from memory
  rg_seconds=""
  if command -v rg > /dev/null; then
    read -r rg_seconds rg_rss <<< "$(timed rg -c -e 'Upcoming' -e 'Terminating EC2 instance' "$log")"
  fi
  row() {
    local name=$1 seconds=$2 rss=$3 ratio="-"
    [ -n "$rg_seconds" ] && ratio=$(awk -v a="$seconds" -v b="$rg_seconds" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')
    printf '%-6s %-24s %9s %9.0f %10.1f %8s\n' "$size" "$name" "$seconds" \
      "$(awk -v b="$bytes" -v s="$seconds" 'BEGIN { print (s > 0 ? b / s / 1e6 : 0) }')" \
      "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$ratio"
  }
  read -r seconds rss <<< "$(timed "$cas" report --format json "$log")"
  row "cas-logs report (file)" "$seconds" "$rss"
  read -r seconds rss <<< "$(timed "$cas" report --format json --threads 1 "$log")"
  row "  same, one thread" "$seconds" "$rss"
  read -r seconds rss <<< "$(timed sh -c "cat '$log' | '$cas' report --format json")"
  row "cas-logs report (stdin)" "$seconds" "$rss"
  [ -n "$rg_seconds" ] && row "rg -c (2 patterns)" "$rg_seconds" "$rg_rss"
  if command -v wc > /dev/null; then
    read -r seconds rss <<< "$(timed wc -l "$log")"
    row "wc -l" "$seconds" "$rss"
  fi
done

python3 scripts/follow-latency.py "$cas" "bench-data/${sizes[0]}.log" 10000 10

if command -v valgrind > /dev/null; then
  # Instructions per line from two log sizes, so that start-up (argument parsing, catalogue
  # compilation) cancels out; one thread, so that the count does not depend on scheduling.
  count() {
    valgrind --tool=callgrind --callgrind-out-file=bench-data/callgrind.out "$cas" report --format json --threads 1 "$1" \
      > /dev/null 2> bench-data/callgrind.err
    grep -m1 -E '^(summary|totals):' bench-data/callgrind.out | awk '{ print $2 }'
  }
  for mb in 2 4; do
    [ -f "bench-data/callgrind-${mb}MB.log" ] ||
      .build/release/cas-logs-loggen --output "bench-data/callgrind-${mb}MB.log" --size "${mb}MB"
  done
  lines2=$(wc -l < bench-data/callgrind-2MB.log)
  lines4=$(wc -l < bench-data/callgrind-4MB.log)
  total2=$(count bench-data/callgrind-2MB.log)
  total4=$(count bench-data/callgrind-4MB.log)
  echo "callgrind: $total2 instructions for $lines2 lines (2 MB), $total4 for $lines4 lines (4 MB):" \
    "$(((total4 - total2) / (lines4 - lines2))) per line, start-up excluded"
fi
