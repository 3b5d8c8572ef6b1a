#!/usr/bin/env python3
"""Man pages from argument-parser's `jwt --experimental-dump-help` JSON (the same data its generate-manual plugin
reads; the plugin needs a second build of the tool, this needs none): `jwt.1` and one `jwt-SUBCOMMAND.1` each.

    jwt --experimental-dump-help | python3 .ci/manpages.py OUTDIR VERSION
"""
import json
import os
import sys


def roff(text):
    """Escapes text for roff: backslashes, and a leading '.' or "'" that would read as a request."""
    lines = []
    for line in (text or "").replace("\\", "\\e").split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def flag_names(argument):
    names = []
    for name in argument.get("names", []):
        dash = "-" if name["kind"] in ("short", "longWithSingleDash") else "--"
        names.append("\\fB" + dash.replace("-", "\\-") + name["name"].replace("-", "\\-") + "\\fR")
    return ", ".join(names)


def synopsis_item(argument):
    value = argument.get("valueName", "")
    if argument["kind"] == "positional":
        item = "\\fI" + value + "\\fR"
    else:
        preferred = argument.get("preferredName") or argument["names"][0]
        dash = "-" if preferred["kind"] in ("short", "longWithSingleDash") else "--"
        item = "\\fB" + (dash + preferred["name"]).replace("-", "\\-") + "\\fR"
        if argument["kind"] == "option":
            item += " \\fI" + value + "\\fR"
    if argument.get("isRepeating"):
        item += " ..."
    return "[" + item + "]" if argument.get("isOptional") else item


def page(command, path, version, parent):
    full = " ".join(path)
    title = "-".join(path).upper()
    out = ['.TH "%s" "1" "" "jwt %s" "User Commands"' % (title, version), ".SH NAME"]
    out.append("%s \\- %s" % (full, roff(command.get("abstract", ""))))
    arguments = [a for a in command.get("arguments", []) if a.get("shouldDisplay", True)]
    subcommands = [s for s in command.get("subcommands", []) if s.get("shouldDisplay", True) and s["commandName"] != "help"]
    out.append(".SH SYNOPSIS")
    synopsis = "\\fB%s\\fR" % full
    if subcommands:
        synopsis += " \\fIsubcommand\\fR"
    for argument in arguments:
        if argument["kind"] == "flag" and argument.get("valueName") in ("help", "version"):
            continue
        synopsis += " " + synopsis_item(argument)
    out.append(synopsis)
    if command.get("discussion"):
        out += [".SH DESCRIPTION", roff(command["discussion"])]
    if arguments:
        out.append(".SH OPTIONS")
        for argument in arguments:
            out.append(".TP")
            if argument["kind"] == "positional":
                out.append("\\fI" + argument.get("valueName", "") + "\\fR")
            else:
                head = flag_names(argument)
                if argument["kind"] == "option":
                    head += " \\fI" + argument.get("valueName", "") + "\\fR"
                out.append(head)
            text = argument.get("abstract", "")
            if argument.get("defaultValue") is not None:
                text += " (default: %s)" % argument["defaultValue"]
            out.append(roff(text))
    if subcommands:
        out.append(".SH SUBCOMMANDS")
        for sub in subcommands:
            out += [".TP", "\\fB%s\\fR" % sub["commandName"], roff(sub.get("abstract", "")),
                    "See \\fB%s\\fR(1)." % "-".join(path + [sub["commandName"]])]
    out.append(".SH SEE ALSO")
    related = ["-".join(path + [s["commandName"]]) for s in subcommands]
    if not related and parent:
        related = ["-".join(parent)]
    out.append(", ".join("\\fB%s\\fR(1)" % name for name in related) if related else "README.md")
    return "\n".join(out) + "\n"


def emit(command, path, version, parent, folder, written):
    name = "-".join(path) + ".1"
    with open(os.path.join(folder, name), "w") as f:
        f.write(page(command, path, version, parent))
    written.append(name)
    for sub in command.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            emit(sub, path + [sub["commandName"]], version, path, folder, written)


def main():
    folder, version = sys.argv[1], sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    dump = json.load(sys.stdin)
    written = []
    emit(dump["command"], [dump["command"]["commandName"]], version, None, folder, written)
    print("\n".join(written))


if __name__ == "__main__":
    main()
