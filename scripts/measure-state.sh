#!/usr/bin/env bash
# Peak memory of `cas-logs report --format json` on hostile logs: cardinality, order and name size.
# Usage: scripts/measure-state.sh [CASE ...]   (default: every case; the promise is at most 64 MB each)
# Each case is read twice: as a file (segments on every core) and from standard input.
#   state        2,000,000 distinct unschedulable pods, 1,000,000 nodes (each unneeded and blocked),
#                10,000 node groups scaling up, in one log, in time order
#   reverse      the same pods and nodes (about 280 MB), newest first
#   interleaved  two descending sequences interleaved, so that every record lands inside the waiting run
#   names        300 records whose pod names are 1 MB each
# Environment: STATE_PODS, STATE_NODES, STATE_GROUPS scale the state and reverse cases (defaults above).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then cases=("$@"); else cases=(state reverse interleaved names); fi
pods=${STATE_PODS:-2000000}
nodes=${STATE_NODES:-1000000}
groups=${STATE_GROUPS:-10000}
swift build -c release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The time-ordered log of the state case.
state_log() {
  awk -v pods="$pods" -v nodes="$nodes" -v groups="$groups" 'function stamp(n) {
      return sprintf("I0101 %02d:%02d:%02d.%06d       1", int(n / 3600e6) % 24, int(n / 60e6) % 60, int(n / 1e6) % 60, n % 1000000)
    }
    BEGIN {
      t = 0
      for (i = 0; i < pods; i++) { t += 50; print stamp(t) " klogx.go:87] Pod ns/pod-" i " is unschedulable" }
      for (i = 0; i < nodes; i++) {
        t += 50; print stamp(t) " klogx.go:87] Node node-" i " - cpu utilization 0.1"
        t += 50; print stamp(t) " cluster.go:151] Node node-" i " cannot be removed: pod with local storage present: db-" i
      }
      for (i = 0; i < groups; i++) {
        t += 50; print stamp(t) " executor.go:147] Scale-up: setting group group-" i " size to 2"
        t += 50; print stamp(t) " clusterstate.go:260] Scale up in group group-" i " finished successfully in 1s"
      }
    }'
}

# Two runs of distinct pods, each newest first, interleaved (one late, three early): the input runs
# mostly newest first, and every late record falls between the early and the late ones waiting.
interleaved_log() {
  awk 'function stamp(n) {
      return sprintf("I0101 %02d:%02d:%02d.%06d       1", int(n / 3600e6) % 24, int(n / 60e6) % 60, int(n / 1e6) % 60, n % 1000000)
    }
    BEGIN {
      n = 100000
      for (i = 0; i < n; i++) {
        print stamp((8 * n - i) * 1000) " klogx.go:87] Pod ns/late-" i " is unschedulable"
        for (j = 0; j < 3; j++) print stamp((3 * n - 3 * i - j) * 1000) " klogx.go:87] Pod ns/early-" (3 * i + j) " is unschedulable"
      }
    }'
}

# 300 records naming a pod of 1 MB (just under the longest line kept).
names_log() {
  awk 'BEGIN {
      name = "p"; while (length(name) < 1000000) name = name name; name = substr(name, 1, 1000000)
      for (i = 0; i < 300; i++) printf "I0101 10:%02d:%02d.000000       1 klogx.go:87] Pod ns/%s%d is unschedulable\n", int(i / 60), i % 60, name, i
    }'
}

printf '%-12s %-8s %-9s %-12s %-9s %s\n' "case" "log(MB)" "seconds" "maxRSS(KB)" "seconds" "maxRSS(KB) from stdin"
for name in "${cases[@]}"; do
  case "$name" in
    state) state_log > "$work/input.log" ;;
    reverse) state_log | tac > "$work/input.log" ;;
    interleaved) interleaved_log > "$work/input.log" ;;
    names) names_log > "$work/input.log" ;;
    *) echo "unknown case '$name' (state, reverse, interleaved, names)" >&2; exit 2 ;;
  esac
  size=$(stat -c %s "$work/input.log")
  /usr/bin/time -f "%e %M" -o "$work/time" .build/release/cas-logs report --format json "$work/input.log" > "$work/report.json"
  read -r seconds rss < "$work/time"
  /usr/bin/time -f "%e %M" -o "$work/time" .build/release/cas-logs report --format json < "$work/input.log" > "$work/report.json"
  read -r stdin_seconds stdin_rss < "$work/time"
  printf '%-12s %-8s %-9s %-12s %-9s %s\n' "$name" "$((size / 1000000))" "$seconds" "$rss" "$stdin_seconds" "$stdin_rss"
done
