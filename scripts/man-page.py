#!/usr/bin/env python3
"""Writes the cas-logs(1) man page (roff) from the argument parser's own help.

Usage: scripts/man-page.py CAS_LOGS_BINARY > cas-logs.1

The binary's `--experimental-dump-help` JSON (swift-argument-parser's description of every
subcommand, option, default and value list) is the only source, so the page says what `--help` says.
"""

import datetime
import json
import subprocess
import sys


def roff(text):
    """Text escaped for roff: backslashes, dashes, and a leading dot or quote on any line."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(ch if ord(ch) < 128 else "\\[u%04X]" % ord(ch) for ch in text)
    lines = []
    for line in text.split("\n"):
        if line.startswith(".") or line.startswith("'"):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def paragraphs(text):
    """Roff paragraphs from help text: blank lines separate paragraphs."""
    out = []
    for block in text.strip().split("\n\n"):
        block = " ".join(part.strip() for part in block.split("\n") if part.strip())
        if block:
            out.append(".PP\n" + roff(block))
    return "\n".join(out)


def option_label(argument):
    """`\\fB\\-o\\fR, \\fB\\-\\-format\\fR \\fIformat\\fR` for an option, the value name for a positional."""
    value = argument.get("valueName", "value")
    if argument["kind"] == "positional":
        label = "\\fI" + roff(value) + "\\fR"
        return label + ("..." if argument.get("isRepeating") else "")
    names = []
    for name in argument.get("names", []):
        prefix = {"short": "-", "long": "--", "longWithSingleDash": "-"}.get(name["kind"], "--")
        names.append("\\fB" + roff(prefix + name["name"]) + "\\fR")
    label = ", ".join(names)
    if argument["kind"] == "option":
        label += " \\fI" + roff(value) + "\\fR"
    return label


def describe(argument):
    """The option's help, with its values and default."""
    text = argument.get("abstract", "")
    if argument.get("discussion"):
        text += " " + argument["discussion"]
    values = argument.get("allValues")
    if values and "(values:" not in text:
        text += " (values: " + ", ".join(values) + ")"
    default = argument.get("defaultValue")
    if default is not None and default != "" and argument["kind"] != "flag":
        text += " (default: " + default + ")"
    return roff(text)


def arguments_section(command):
    out = []
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True):
            continue
        out.append(".TP\n" + option_label(argument) + "\n" + describe(argument))
    return "\n".join(out)


def synopsis(path, command):
    parts = ["\\fB" + roff(" ".join(path)) + "\\fR"]
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True) or argument.get("kind") != "positional":
            continue
        parts.append("[" + option_label(argument) + "]")
        if "-- COMMAND" in argument.get("abstract", ""):
            # The words after `--` are taken out before parsing: the files' help documents them.
            parts.append("[\\fB\\-\\-\\fR \\fIcommand\\fR [\\fIargs\\fR...]]")
    return " ".join(parts[:1] + ["[\\fIoptions\\fR]"] + parts[1:])


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: man-page.py CAS_LOGS_BINARY")
    dump = subprocess.run([sys.argv[1], "--experimental-dump-help"], check=True, capture_output=True).stdout
    root = json.loads(dump)["command"]
    name = root["commandName"]
    version = subprocess.run([sys.argv[1], "--version"], capture_output=True, text=True).stdout.strip()
    date = datetime.date.today().isoformat()
    page = [
        '.TH "%s" "1" "%s" "%s %s" "User Commands"' % (name.upper(), date, name, roff(version)),
        ".SH NAME",
        roff(name) + " \\- " + roff(root.get("abstract", "")),
        ".SH SYNOPSIS",
    ]
    subcommands = [sub for sub in root.get("subcommands", []) if sub.get("shouldDisplay", True)]
    for sub in subcommands:
        if sub["commandName"] == "help":
            continue
        page += [".PP", synopsis([name, sub["commandName"]], sub)]
    page += [".SH DESCRIPTION", paragraphs(root.get("abstract", "") + "\n\n" + root.get("discussion", ""))]
    page += [".SH COMMANDS"]
    for sub in subcommands:
        if sub["commandName"] == "help":
            continue
        page += [".SS " + roff(name + " " + sub["commandName"]), paragraphs(sub.get("abstract", ""))]
        if sub.get("discussion"):
            page.append(paragraphs(sub["discussion"]))
        options = arguments_section(sub)
        if options:
            page += [".PP\nArguments and options:", options]
    root_options = arguments_section(root)
    if root_options:
        page += [".SH OPTIONS", root_options]
    page += [
        ".SH FILES",
        ".PP",
        "Shell completions: \\fBcas\\-logs \\-\\-generate\\-completion\\-script bash|zsh|fish\\fR.",
        ".SH SEE ALSO",
        ".PP",
        "\\fBkubectl\\fR(1); installed as \\fBkubectl\\-cas_logs\\fR, it runs as \\fBkubectl cas\\-logs\\fR.",
    ]
    sys.stdout.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()
