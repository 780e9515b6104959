#!/usr/bin/env bash
# Peak memory with hostile cardinality: 2,000,000 distinct unschedulable pods, 1,000,000 nodes
# (each unneeded and blocked), 10,000 node groups scaling up, in one log.
# Usage: scripts/measure-state.sh [PODS NODES GROUPS]   (default: 2000000 1000000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
pods=${1:-2000000}
nodes=${2:-1000000}
groups=${3:-10000}
swift build -c release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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
  }' > "$work/state.log"
size=$(stat -c %s "$work/state.log")
/usr/bin/time -f "%e %M" -o "$work/time" .build/release/cas-logs report --format json "$work/state.log" > "$work/report.json"
read -r seconds rss < "$work/time"
echo "pods=$pods nodes=$nodes groups=$groups log=$((size / 1000000))MB seconds=$seconds maxRSS=${rss}KB"
