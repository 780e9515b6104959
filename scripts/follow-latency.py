#!/usr/bin/env python3
"""Latency of `cas-logs follow`: from a complete line written to its step printed.

Usage: follow-latency.py CAS_LOGS LOG [LINES_PER_SECOND] [SECONDS]
Writes LOG's lines to `cas-logs follow --format ndjson` at the given rate, notes when each line
was written, reads the steps (each names its line number) and prints latency percentiles.
"""
import json
import subprocess
import sys
import threading
import time


def main() -> None:
    binary, log = sys.argv[1], sys.argv[2]
    rate = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
    with open(log, "rb") as handle:
        lines = handle.read().split(b"\n")[: int(rate * seconds)]
    process = subprocess.Popen([binary, "follow", "--format", "ndjson"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, bufsize=0)
    written = {}
    latencies = []

    def reader() -> None:
        for raw in process.stdout:
            now = time.perf_counter()
            if not raw.startswith(b"{"):
                continue
            step = json.loads(raw)
            sent = written.get(step["line"])
            if sent is not None:
                latencies.append(now - sent)

    thread = threading.Thread(target=reader)
    thread.start()
    start = time.perf_counter()
    batch = max(1, rate // 1000)  # write in 1 ms batches
    for index in range(0, len(lines), batch):
        target = start + index / rate
        delay = target - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        chunk = lines[index:index + batch]
        process.stdin.write(b"\n".join(chunk) + b"\n")
        now = time.perf_counter()
        for offset in range(len(chunk)):
            written[index + offset + 1] = now
    process.stdin.close()
    process.wait()
    thread.join()
    if not latencies:
        print("follow latency: no steps observed")
        return
    latencies.sort()

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    print(f"follow latency at {rate} lines/s: {len(latencies)} steps, p50 {percentile(0.5):.2f} ms, "
          f"p99 {percentile(0.99):.2f} ms, max {latencies[-1] * 1000:.2f} ms")


if __name__ == "__main__":
    main()
