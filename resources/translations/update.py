"""`make translations`: extract every string of annotator/ui into annotator_en.ts, fill in the
English plural forms, compile annotator_en.qm.

Why English needs a translation at all: a `%n` message has one source text, the plural
("%n mentions"); without a translator Qt shows it for every count, so the window would say
"1 mentions". The .qm gives Qt the singular too. Every other English message stays unfinished:
Qt then shows the source text, which is the English.

The singular is derived from the source by an explicit table (PLURALS) of the word(s) that follow
`%n`, never guessed: a new plural noun is a new table entry, and a source the table does not
cover stops the build with its text, as does a "%n span(s)" style source (a source must read as
the real English plural). Runs with the virtualenv's pyside6-lupdate / pyside6-lrelease.

    python resources/translations/update.py          # regenerate .ts and .qm
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
UI = ROOT / "annotator" / "ui"
TS = HERE / "annotator_en.ts"
QM = HERE / "annotator_en.qm"

# What follows "%n " in the plural source -> the same words for a count of one. Longest first
# wins. Words that do not change ("more", "rejected") are listed too: every %n message must be
# covered on purpose.
PLURALS: dict[str, str] = {
    "mentions": "mention",
    "documents": "document",
    "spans": "span",
    "stored spans no longer match": "stored span no longer matches",
    "suggestions": "suggestion",
    "duplicates": "duplicate",
    "entities": "entity",
    "claims": "claim",
    "labels": "label",
    "warnings": "warning",
    "errors": "error",
    "problems": "problem",
    "characters": "character",
    "files": "file",
    "lines": "line",
    "attributes": "attribute",
    "relations": "relation",
    "entity links": "entity link",
    "matches": "match",
    "more": "more",
    "rejected": "rejected",
    "nested or overlapping spans": "nested or overlapping span",
    "packages": "package",
    "annotators": "annotator",
    "matched or missed spans": "matched or missed span",
    "documents every annotator did": "document every annotator did",
    "overlapping candidates rejected": "overlapping candidate rejected",
    "agreed spans pre": "agreed span pre",
    "agreed candidates accepted into gold": "agreed candidate accepted into gold",
    "document sets changed": "document set changed",
    "changed": "changed",
    "kept from a newer package": "kept from a newer package",
    "added": "added",
    "replaced": "replaced",
    "unchanged": "unchanged",
    "Prodigy tasks": "Prodigy task",
    "ignore": "ignore",
    "accepted Prodigy tasks joined the document of their text": "accepted Prodigy task joined the document of its text",
}


class PluralError(ValueError):
    pass


def tool(name: str) -> str:
    """The Qt tool beside the running Python (the virtualenv's), else from PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def sources() -> list[str]:
    """Every module of annotator/ui (the .ts records no locations, so no path ends up in it)."""
    return sorted(str(p) for p in UI.glob("*.py"))


def run_lupdate(ts: Path) -> None:
    """Extract into `ts` (merged with what it already holds; vanished strings dropped). No
    source locations: the file changes only when a string does."""
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", "en", "-silent"],
                   cwd=HERE, check=True)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def singular(source: str) -> str:
    """The English singular of a `%n` plural source (PluralError if the table does not cover it)."""
    if "(s)" in source or "(es)" in source:
        raise PluralError(f"write the real plural, not a (s) form: {source!r}")
    head, marker, tail = source.partition("%n ")
    if not marker:
        raise PluralError(f"a plural message must have '%n ' followed by the counted word: {source!r}")
    for plural in sorted(PLURALS, key=len, reverse=True):
        if tail.startswith(plural) and (len(tail) == len(plural) or not tail[len(plural)].isalpha()):
            return f"{head}%n {PLURALS[plural]}{tail[len(plural):]}"
    raise PluralError(f"no singular for the word after %n (add it to PLURALS in {Path(__file__).name}): "
                      f"{source!r}")


def messages(tree: ET.ElementTree):
    """(context name, message element) of every message."""
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def fill_plurals(ts: Path) -> list[str]:
    """Give every numerus message its singular and plural; return the problems (one line each)."""
    tree = ET.parse(ts)
    problems = []
    for context, message in messages(tree):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        try:
            forms = (singular(source), source)
        except PluralError as exc:
            problems.append(f"{context}: {exc}")
            continue
        translation = message.find("translation")
        translation.attrib.pop("type", None)  # finished: lrelease compiles it
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    write(tree, ts)
    return problems


def write(tree: ET.ElementTree, path: Path) -> None:
    """Linguist's layout: the XML declaration, the DOCTYPE, four-space indents."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode", short_empty_elements=False)
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def main() -> int:
    run_lupdate(TS)
    problems = fill_plurals(TS)
    run_lrelease(TS, QM)
    count = sum(1 for _ in messages(ET.parse(TS)))
    print(f"{TS.name}: {count} messages; {QM.name} compiled")
    for problem in problems:
        print(f"plural not filled: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
