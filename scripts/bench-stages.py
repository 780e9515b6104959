#!/usr/bin/env python3
"""Per-stage instruction split from two `callgrind_annotate --inclusive=yes` listings.

Usage: bench-stages.py [--self] SMALL.txt SMALL_LINES LARGE.txt LARGE_LINES   (see scripts/bench-stages.sh)
With --self the listings are exclusive (callgrind_annotate without --inclusive) and each
function's own count goes to its component (COMPONENTS): the rows add up to the whole.
Each stage's inclusive count is the largest inclusive count among the functions whose demangled
name matches one of its patterns (the stage's entry point: the functions below it are inside it,
so adding them would count twice). Per line is (large - small) / (large lines - small lines), so
that start-up cancels out; the share is of the large log's total. Stages nest where the pipeline
calls one from another (each row names the function it was read from): read the rows as inclusive.
"""
import re
import sys

# Stage, then patterns (regular expressions searched in the demangled function name).
STAGES = [
    ("line splitting (read, split)", [r"\bLineSplitter\.", r"\bInputReader\.", r"\bInputDecoder\."]),
    ("envelope", [r"\bEnvelopeStripper\.", r"\bJSONLineScanner\."]),
    ("record assembly (klog header)", [r"\bRecordAssembler\.", r"\bKlogHeader\w*\.", r"\bStandardHeader\."]),
    ("record handling (loops, wraps)", [r"\bRecordHandler\.", r"\bLoopTracker\."]),
    ("extraction (PCRE2 included)", [r"\bEventExtractor\."]),
    ("  of which PCRE2", [r"^pcre2_(jit_)?match"]),
    ("reorder buffer", [r"\bReorderBuffer\."]),
    ("reducer (episode builder)", [r"\bEpisodeBuilder\.", r"\bEventApplier\."]),
    ("report rendering", [r"\bJSONReportRenderer\.", r"\bJSONWriter\.", r"\bReport\.(init|make)"]),
]
# Components, for `--self`: each function's own instructions go to the first component one of
# whose patterns its demangled name matches, the rest to "other" (so the rows add up to the total).
COMPONENTS = [
    ("read and split lines", [r"\bInputReader\.", r"\bLineSplitter\.", r"\bInputDecoder\.", r"__memchr", r"^(__libc_)?read$"]),
    ("klog header", [r"\bStandardHeader\.", r"\bKlogHeader", r"\bNextHeader\.", r"\bCivilDate\."]),
    ("envelope", [r"\bEnvelopeStripper\.", r"\bJSONLineScanner\.", r"\bCollector"]),
    ("record assembly (one-line records included)", [r"\bAnalyzer\.", r"\bRecordAssembler\.", r"\bYearTracker\.", r"\bRecord\."]),
    ("record handling (counts, loops, clues)", [r"\bRecordHandler\.", r"\bLoopTracker\.", r"\bCloudProvider", r"\bMessageYears\.", r"\bTimeText\.", r"\bIterationId\.", r"\bUnrecognizedShapes\."]),
    ("recognition: hand-read lines, memo, names", [r"\bUtilizationLine\.", r"\bMessageMemo\.", r"\bNameTable\.", r"\bNameGeneration\.", r"\bmapNames\b", r"\bEventExtractor\.resolve"]),
    ("recognition: catalogue (PCRE2 included)", [r"\bEventExtractor\.", r"\bCaptures\.", r"\bMatcher\.", r"\bLiteralPrefilter\.", r"\bFailureShape", r"^pcre2_", r"^0x0000", r"\bmemmem\b", r"\bCatalog\b"]),
    # The release closures apply what the buffer releases: the reducers' (listed before the buffer).
    ("reducers", [r"\bEpisodeBuilder\.", r"Reducer\.", r"\bEvidence\.", r"\bNameKeyedTable\.", r"\bEventSink\.",
      r"closure #\d+ in static EventApplier\.push"]),
    ("reorder buffer", [r"\bReorderBuffer\.", r"\bInOrderQueue\.", r"\bInOrderLanes\.", r"\bBitRing\.", r"\bEventApplier\.",
      r"\bKeyHeap\.", r"retainedBytes", r"\bUtilizationNote\b"]),
    ("report rendering", [r"\bJSONReportRenderer\.", r"\bJSONWriter\.", r"\bReport\.", r"\brfc3339\b"]),
    ("Swift runtime (retain, release, copies, hashing)", [r"^swift_", r"\bHasher\b", r"\bString", r"outlined", r"\bdestroy\b", r"initializeWithCopy", r"__memcpy", r"__memmove", r"__memcmp", r"^malloc|^free|^_int_|^cfree",
      r"^_?String|_SmallString|Substring|StringInterpolation|Unicode\.|\bArray\b|Collection\.|Sequence\.",
      r"_allASCII|RefCounts|UnsafeMutablePointer|_BinaryIntegerToASCII|CustomStringConvertible"]),
]
LINE = re.compile(r"^\s*([\d,]+)\s+(?:\(\s*[\d.]+%\)\s+)?(\S.*)$")


def read(path: str) -> tuple[int, dict[str, int]]:
    total, functions = 0, {}
    with open(path, encoding="utf-8", errors="replace") as listing:
        for line in listing:
            match = LINE.match(line)
            if not match:
                continue
            count, name = int(match.group(1).replace(",", "")), match.group(2)
            if name.startswith("PROGRAM TOTALS"):
                total = count
                continue
            # "file:function [object]": keep the function.
            name = re.sub(r"\s+\[[^\]]*\]$", "", name)
            name = name.split(":", 1)[1] if re.match(r"^[^ (]*:", name) and not name.startswith("(") else name
            functions[name] = max(functions.get(name, 0), count)
    return total, functions


def stage(functions: dict[str, int], patterns: list[str]) -> tuple[int, str]:
    best, where = 0, "-"
    for name, count in functions.items():
        if count > best and any(re.search(pattern, name) for pattern in patterns):
            best, where = count, name
    return best, where


def component(name: str) -> str:
    for title, patterns in COMPONENTS:
        if any(re.search(pattern, name) for pattern in patterns):
            return title
    return "other"


def main_self(arguments: list[str]) -> None:
    small_total, small = read(arguments[0])
    large_total, large = read(arguments[2])
    extra_lines = int(arguments[3]) - int(arguments[1])
    sums: dict[str, int] = {}
    for name in set(small) | set(large):
        key = component(name)
        sums[key] = sums.get(key, 0) + large.get(name, 0) - small.get(name, 0)
    print(f"{'component (own instructions)':<50} {'per line':>9}")
    print(f"{'everything':<50} {(large_total - small_total) / extra_lines:9.0f}")
    for title in [title for title, _ in COMPONENTS] + ["other"]:
        print(f"{title:<50} {sums.get(title, 0) / extra_lines:9.0f}")


def main() -> None:
    if sys.argv[1] == "--self":
        main_self(sys.argv[2:])
        return
    small_total, small = read(sys.argv[1])
    large_total, large = read(sys.argv[3])
    extra_lines = int(sys.argv[4]) - int(sys.argv[2])
    print(f"{'stage':<32} {'per line':>9} {'share':>7}  read from (4 MB log, inclusive)")
    print(f"{'everything':<32} {(large_total - small_total) / extra_lines:9.0f} {100.0:6.1f}%  PROGRAM TOTALS")
    for title, patterns in STAGES:
        large_count, where = stage(large, patterns)
        small_count, _ = stage(small, patterns)
        share = 100 * large_count / large_total if large_total else 0
        print(f"{title:<32} {(large_count - small_count) / extra_lines:9.0f} {share:6.1f}%  {where[:90]}")


if __name__ == "__main__":
    main()
