#!/usr/bin/env python3
"""Runs the release binary over hostile variants of every catalogue example and of the samples.

Each variant replaces one number, one name or the time of an example line with a hostile value
(huge, negative, fractional, exponent, NaN, a year far out of range, a 2 KiB name), or wraps the
line in CAS JSON logging with hostile `ts`/`v`. Every command must end with exit 0, 1, 2 or 3 and at
most one line on stderr; a signal (a trap) or a multi-line error is a finding.

Usage: scripts/hostile-census.py [BINARY] [--limit N]   (default binary: .build/release/cas-logs)
Exit status: 0 when nothing was found, 1 otherwise (each finding printed with its reproducer).
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HOSTILE_NUMBERS = [
    "999999999999999999999", "-999999999999999999999", "9223372036854775807", "9223372036854775808",
    "-9223372036854775808", "1e308", "1e400", "-1e30", "nan", "inf", "0", "-1", "0.000000000000000000001",
    "18446744073709551616", "99999999999999999999999999999999999999999",
]
HOSTILE_DURATIONS = ["999999999999999999999s", "1e308h", "9223372036854775807ns", "-5s", "nan", "2562047h47m16.854775808s",
                     "99999999999h", "1.5e300m", "0s", "-9223372036854775808ns"]


def examples(binary):
    out = subprocess.run([binary, "catalog"], capture_output=True, text=True, check=True).stdout
    return [line.split("\t", 2)[2] for line in out.splitlines() if line.startswith("\t") and line.count("\t") >= 2]


def variants(line, rng):
    header, _, message = line.partition("] ")
    numbers = list(re.finditer(r"\d+(\.\d+)?(ms|s|m|h|ns|us)?", message))
    for match in numbers:
        pool = HOSTILE_DURATIONS if match.group(2) else HOSTILE_NUMBERS
        for value in rng.sample(pool, 3):
            yield header + "] " + message[:match.start()] + value + message[match.end():]
    words = list(re.finditer(r"[A-Za-z0-9_./:-]{3,}", message))
    for match in rng.sample(words, min(2, len(words))):
        yield header + "] " + message[:match.start()] + "n" * 2048 + message[match.end():]
    # The header's own numbers: month, day, time.
    yield re.sub(r"^([IWEF])\d{4}", r"\g<1>9999", line)
    yield re.sub(r"^([IWEF])(\d{4}) \d\d", r"\1\2 99", line)
    yield "2024-13-45T99:99:99.999999999Z stdout F " + line
    yield "0000-01-01T00:00:00Z " + line
    yield "99999-01-01T00:00:00Z " + line
    for ts in ["1e30", "1e400", "-1e30", "9.3e15", "nan", "\"x\"", "1.7976931348623157e308"]:
        yield '{"ts":%s,"caller":"x.go:1","msg":%s,"v":0}' % (ts, json.dumps(message))
    for v in ["1e300", "9223372036854775807", "-1", "1e400", "nan"]:
        yield '{"ts":1700000000.5,"caller":"x.go:1","msg":%s,"v":%s}' % (json.dumps(message), v)


COMMANDS = [
    ["report"], ["report", "--format", "json"], ["report", "--format", "html"], ["report", "--format", "markdown"],
    ["follow"], ["assert", "--expect", "scale-up"],
]


def run(binary, command, path):
    try:
        result = subprocess.run([binary] + command + [path], capture_output=True, timeout=60,
                                stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "timeout"
    stderr = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode < 0 or result.returncode > 3:
        return "exit %d: %s" % (result.returncode, stderr.splitlines()[-1] if stderr else "")
    if stderr.count("\n") > 0:
        return "stderr has %d lines" % (stderr.count("\n") + 1)
    return None


def main():
    args = sys.argv[1:]
    limit = None
    if "--limit" in args:
        index = args.index("--limit")
        limit = int(args[index + 1])
        del args[index:index + 2]
    binary = args[0] if args else ".build/release/cas-logs"
    rng = random.Random(15)
    cases = [v for line in examples(binary) for v in variants(line, rng)]
    if limit:
        cases = cases[:limit]
    findings = 0
    with tempfile.TemporaryDirectory() as work:
        # Several variants per file keep the run short; a finding is then narrowed to its line.
        batch = 40
        for start in range(0, len(cases), batch):
            group = cases[start:start + batch]
            path = os.path.join(work, "batch.log")
            with open(path, "w") as handle:
                handle.write("\n".join(group) + "\n")
            for command in COMMANDS:
                if run(binary, command, path) is None:
                    continue
                for case in group:
                    with open(path, "w") as handle:
                        handle.write(case + "\n")
                    problem = run(binary, command, path)
                    if problem:
                        findings += 1
                        print("FINDING %s | %s | %s" % (" ".join(command), problem, case[:300]))
    print("%d variants, %d commands each: %d findings" % (len(cases), len(COMMANDS), findings))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
