#!/usr/bin/env python3
"""The baseline a user would write: scale-ups and scale-downs from a CAS log with Python's `re`.

Usage: bench-python-baseline.py LOG
Reads LOG line by line, matches the klog header, then a handful of message patterns, and prints
a small JSON summary. It is the benchmark's yardstick (scripts/bench.sh), kept plain on purpose:
no pre-filter, no multiprocessing, no tricks, and no deliberate slowness either.
"""
import json
import re
import sys

HEADER = re.compile(r"^([IWEF])(\d{4}) (\d\d:\d\d:\d\d\.\d+)\s+\d+ ([^\]]+)\] (.*)$")
UPCOMING = re.compile(r"^Upcoming (\d+) nodes")
PLAN = re.compile(r"^Final scale-up plan: \[\{(\S+) (\d+)->(\d+) \(max: (\d+)\)\}\]")
SETTING = re.compile(r"^Scale-up: setting group (\S+) size to (\d+)")
FINISHED = re.compile(r"^Scale up in group (\S+) finished successfully in (\S+)")
TERMINATING = re.compile(r"^Terminating EC2 instance: (\S+)")
REMOVING = re.compile(r"^Scale-down: removing (?:empty )?node \"?([^\",\s]+)")
FAILED = re.compile(r"^Failed (?:to )?(.*)")


def main() -> None:
    summary = {"lines": 0, "records": 0, "upcoming": 0, "plans": 0, "scaleUps": 0, "finished": 0,
               "scaleDowns": 0, "terminated": 0, "failures": 0}
    groups = {}
    with open(sys.argv[1], encoding="utf-8", errors="replace") as log:
        for line in log:
            summary["lines"] += 1
            header = HEADER.match(line)
            if not header:
                continue
            summary["records"] += 1
            time, message = header.group(3), header.group(5)
            if UPCOMING.match(message):
                summary["upcoming"] += 1
            elif match := PLAN.match(message):
                summary["plans"] += 1
                groups.setdefault(match.group(1), {})["plan"] = f"{match.group(2)}->{match.group(3)}"
            elif match := SETTING.match(message):
                summary["scaleUps"] += 1
                groups.setdefault(match.group(1), {})["started"] = time
            elif match := FINISHED.match(message):
                summary["finished"] += 1
                groups.setdefault(match.group(1), {})["finished"] = time
            elif TERMINATING.match(message):
                summary["terminated"] += 1
            elif REMOVING.match(message):
                summary["scaleDowns"] += 1
            elif FAILED.match(message):
                summary["failures"] += 1
    summary["groups"] = len(groups)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
