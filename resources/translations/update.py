"""`make translations`: extract every string of annotator/ui into annotator_en.ts and
annotator_ar.ts, fill in the English plural forms, compile annotator_en.qm and annotator_ar.qm.

Why English needs a translation at all: a `%n` message has one source text, the plural
("%n mentions"); without a translator Qt shows it for every count, so the window would say
"1 mentions". The .qm gives Qt the singular too. Every other English message stays unfinished:
Qt then shows the source text, which is the English.

The singular is derived from the source by an explicit table (PLURALS) of the word(s) that follow
`%n`, never guessed: a new plural noun is a new table entry, and a source the table does not
cover stops the build with its text, as does a "%n span(s)" style source (a source must read as
the real English plural). Runs with the virtualenv's pyside6-lupdate / pyside6-lrelease.

Arabic is a real translation: lupdate keeps what annotator_ar.ts already translates and adds
new strings unfinished. `--merge-ar FILE.json...` fills it from translators' files: a list of
{"context", "source", "translation"} or {"context", "source", "forms": [six forms]} (Qt's Arabic
order: zero, one, two, 3-10, 11-99, 100+), matched by context and source. The run fails (exit 1,
listing context and source) while annotator_ar.ts has a message that is unfinished, vanished or
obsolete, or a translation whose placeholders ({field}, %n, %1) or `&` count differ from its
source; the .qm is compiled all the same (lrelease leaves unfinished messages out).

    python resources/translations/update.py          # regenerate .ts and .qm
    python resources/translations/update.py --merge-ar ar_1.json ar_2.json
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
UI = ROOT / "annotator" / "ui"
TS = HERE / "annotator_en.ts"
QM = HERE / "annotator_en.qm"
TS_AR = HERE / "annotator_ar.ts"
QM_AR = HERE / "annotator_ar.qm"
ARABIC_FORMS = 6  # Qt's Arabic numerus forms: zero, one, two, few (3-10), many (11-99), other
# Forms that may say the number by the word alone («مستند واحد», «مستندان», «لا مستندات»).
FORMS_WITHOUT_N = (0, 1, 2)

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


def run_lupdate(ts: Path, language: str = "en") -> None:
    """Extract into `ts` (merged with what it already holds; vanished strings dropped). No
    source locations: the file changes only when a string does. `language` is written as the
    TS element's language: lrelease takes the number of plural forms from it."""
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", language, "-silent"],
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
        finish(message, forms)
    write(tree, ts)
    return problems


def finish(message: ET.Element, text: str | tuple[str, ...] | list[str]) -> None:
    """Set a message's translation (a str, or its plural forms) and mark it finished, which is
    what lrelease compiles."""
    translation = message.find("translation")
    translation.attrib.pop("type", None)
    for child in list(translation):
        translation.remove(child)
    if isinstance(text, str):
        translation.text = text
        return
    translation.text = None
    for form in text:
        ET.SubElement(translation, "numerusform").text = form


def write(tree: ET.ElementTree, path: Path) -> None:
    """Linguist's layout: the XML declaration, the DOCTYPE, four-space indents."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode", short_empty_elements=False)
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


# -- Arabic ------------------------------------------------------------------------------------

# A str.format field ({name}, {count:,}), a Qt argument (%1), the plural count (%n, %Ln).
FIELD = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:[!:][^{}]*)?\}|%L?\d+")
COUNT = re.compile(r"%L?n")


def merge_translations(ts: Path, files: list[Path]) -> list[str]:
    """Fill `ts` from translators' JSON files (later files win); the entries that match no
    message, or match it with the wrong shape (forms for a plain message), are returned."""
    tree = ET.parse(ts)
    by_key = {(context, message.findtext("source")): message for context, message in messages(tree)}
    problems = []
    for file in files:
        for entry in json.loads(Path(file).read_text(encoding="utf-8")):
            key = (entry.get("context", ""), entry.get("source", ""))
            message = by_key.get(key)
            where = f"{key[0]}: {key[1]!r}"
            if message is None:
                problems.append(f"{file}: no such message in {ts.name}: {where}")
                continue
            numerus = message.get("numerus") == "yes"
            if numerus != ("forms" in entry):
                problems.append(f"{file}: {'six forms' if numerus else 'one translation'} expected for {where}")
                continue
            finish(message, entry["forms"] if numerus else entry["translation"])
    write(tree, ts)
    return problems


def translation_problems(ts: Path, language: str = "ar", forms: int = ARABIC_FORMS) -> list[str]:
    """Why `ts` is not a complete, consistent translation: one line (context: source) for each
    unfinished, vanished or obsolete message, each plural without its `forms` forms, and each
    translation whose placeholders or `&` count differ from its source. Empty: complete."""
    tree = ET.parse(ts)
    problems = []
    if tree.getroot().get("language") != language:
        problems.append(f'{ts.name}: <TS language="{tree.getroot().get("language")}">, not "{language}" '
                        "(lrelease would compile the wrong plural forms)")
    for context, message in messages(tree):
        source = message.findtext("source") or ""
        where = f"{context}: {source!r}"
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if kind in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{kind}: {where}")
            continue
        if message.get("numerus") == "yes":
            texts = [form.text or "" for form in translation.iter("numerusform")]
            if len(texts) != forms:
                problems.append(f"{len(texts)} plural forms, not {forms}: {where}")
                continue
        else:
            texts = [translation.text or ""]
        for index, text in enumerate(texts):
            problem = placeholder_problem(source, text, index, message.get("numerus") == "yes")
            if problem:
                problems.append(f"{problem}: {where} -> {text!r}")
    return problems


def placeholder_problem(source: str, text: str, form: int = 0, numerus: bool = False) -> str | None:
    """What `text` (form number `form` of a plural) loses or adds of `source`'s {fields}, %1
    arguments, %n count and `&` mnemonics; None when it keeps them all."""
    if not text.strip():
        return "empty translation"
    if sorted(FIELD.findall(source)) != sorted(FIELD.findall(text)):
        return f"placeholders {sorted(FIELD.findall(text))} instead of {sorted(FIELD.findall(source))}"
    wanted, found = len(COUNT.findall(source)), len(COUNT.findall(text))
    if found != wanted and not (numerus and form in FORMS_WITHOUT_N and found == 0):
        return f"%n {found} times instead of {wanted}"
    if source.count("&") != text.count("&"):
        return f"{text.count('&')} '&' instead of {source.count('&')}"
    return None


def update_arabic(merge: list[Path]) -> list[str]:
    run_lupdate(TS_AR, "ar")
    # Always written back in write()'s layout: a run with --merge-ar and one without give the same file.
    problems = merge_translations(TS_AR, merge) if merge else []
    if not merge:
        write(ET.parse(TS_AR), TS_AR)
    run_lrelease(TS_AR, QM_AR)
    return problems + translation_problems(TS_AR)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--merge-ar", nargs="+", type=Path, default=[], metavar="FILE.json",
                        help="fill annotator_ar.ts from these translators' files")
    args = parser.parse_args(argv)
    run_lupdate(TS)
    problems = fill_plurals(TS)
    run_lrelease(TS, QM)
    count = sum(1 for _ in messages(ET.parse(TS)))
    print(f"{TS.name}: {count} messages; {QM.name} compiled")
    for problem in problems:
        print(f"plural not filled: {problem}", file=sys.stderr)
    arabic = update_arabic(args.merge_ar)
    count = sum(1 for _ in messages(ET.parse(TS_AR)))
    print(f"{TS_AR.name}: {count} messages, {count - len(arabic)} without a problem; {QM_AR.name} compiled")
    for problem in arabic:
        print(f"Arabic: {problem}", file=sys.stderr)
    return 1 if problems or arabic else 0


if __name__ == "__main__":
    sys.exit(main())
