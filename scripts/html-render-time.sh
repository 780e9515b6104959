#!/usr/bin/env bash
# Size of the HTML report for a log with ten thousand scale-ups, and how long headless Chromium
# takes to load and screenshot it (browser start included).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product cas-logs >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk 'BEGIN { for (n = 0; n < 10000; n++) {
  h = int(n / 3600); m = int(n / 60) % 60; s = n % 60
  printf "I0101 %02d:%02d:%02d.000000       1 executor.go:147] Scale-up: setting group g-%d size to 2\n", h, m, s, n % 500
  printf "I0101 %02d:%02d:%02d.500000       1 clusterstate.go:260] Scale up in group g-%d finished successfully in 1s\n", h, m, s, n % 500
} }' > "$work/10k.log"
.build/release/cas-logs report --format html --output "$work/10k.html" "$work/10k.log"
echo "html: $(stat -c %s "$work/10k.html") bytes for 10000 scale-ups"
start=$(date +%s.%N)
chromium --headless --no-sandbox --disable-gpu --window-size=1280,900 --user-data-dir="$work/profile" \
  --screenshot="$work/10k.png" "file://$work/10k.html" > /dev/null 2>&1
end=$(date +%s.%N)
echo "chromium load and screenshot: $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') s"
