"""Importers and exporters, one module per format, registered by name.

An import module defines ``SUFFIXES`` and ``read(path, *, encoding=None)``, yielding
``Draft`` (one document) or ``Rejection`` (a bad file or line) from ``annotator.io.records``.
An export module defines ``WRITES_FOLDER`` and ``export(docs, out, schema) -> list[str]``
(warnings for the user), writing every document of ``docs`` to ``out``; a folder format also
takes ``documents=`` (a dict it fills with file stem -> document id, kept in the manifest).
Writers go through ``export_to``, which applies the output guard (``annotator.io.outputs``).
What each format cannot carry is known in one place, ``annotator.io.format_loss``.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import secrets
import shutil
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from annotator.io.outputs import MANIFEST, MANIFEST_TOOL, OutputRefused, guard_output, read_manifest

IMPORT_FORMATS = {
    "txt": "annotator.io.txt",
    "jsonl": "annotator.io.jsonl",
    "csv": "annotator.io.csv_table",
    "html": "annotator.io.html_page",
    "brat": "annotator.io.brat_import",
    "webanno": "annotator.io.webanno",
    "labelstudio": "annotator.io.labelstudio",
    "conll": "annotator.io.conll_import",
    "spacy": "annotator.io.spacy_docbin",
}
EXPORT_FORMATS = {
    "native": "annotator.io.native",
    "doccano": "annotator.io.doccano",
    "prodigy": "annotator.io.prodigy",
    "conll": "annotator.io.conll",
    "brat": "annotator.io.brat",
    "labelstudio": "annotator.io.labelstudio",
    "spacy": "annotator.io.spacy_docbin",
}


def importer(name: str) -> ModuleType:
    return importlib.import_module(IMPORT_FORMATS[name])


def exporter(name: str) -> ModuleType:
    return importlib.import_module(EXPORT_FORMATS[name])


def format_for_path(path) -> str | None:
    """The import format a file's suffix names, or None (auto-detection skips such files)."""
    suffix = str(path).lower().rsplit(".", 1)[-1] if "." in str(path) else ""
    for name in IMPORT_FORMATS:
        if suffix in importer(name).SUFFIXES:
            return name
    return None


class SpanMismatch(str):
    """The warning for a span that no longer fits its document's text (edited behind annotator's
    back, or offsets outside the text): exporters leave such spans out, the CLI exits 1."""


def span_fits(text: str, span) -> bool:
    """The one check every exporter makes: the span's offsets lie in the text and cut out exactly
    the span's stored text."""
    start, end = span.start, span.end
    return (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
            and text[start:end] == span.text)


def mismatch(doc, span) -> SpanMismatch:
    return SpanMismatch(f"document {doc.id}: span {span.id} ({span.label} {span.start}-{span.end}): "
                        "does not match the document text")


def fitting_spans(doc, spans, warnings: list[str] | None) -> list:
    """The spans of `spans` that fit `doc.text`; one SpanMismatch warning for each other one."""
    kept = []
    for span in spans:
        if span_fits(doc.text, span):
            kept.append(span)
        elif warnings is not None:
            warnings.append(mismatch(doc, span))
    return kept


_WHITESPACE = re.compile(r"\s+")


def one_token(value, warnings: list[str] | None = None, seen: set[str] | None = None) -> str:
    """`value` as one whitespace-free token, for formats where a blank ends a field (brat labels,
    attribute values, CoNLL tags): runs of whitespace (newlines, tabs, U+2028 ...) become "_".
    A changed value is reported once per `seen` set."""
    value = str(value)
    token = _WHITESPACE.sub("_", value) or "_"
    if token != value and warnings is not None and (seen is None or value not in seen):
        if seen is not None:
            seen.add(value)
        warnings.append(f"label or value {value!r} contains whitespace and is written as {token}")
    return token


def export_to(name: str, docs: Iterable, out: Path, schema, *, protected: Iterable[Path] = ()) -> list[str]:
    """Export with the named format after ``guard_output`` allowed `out`.

    A file is written beside `out` and renamed at the end, so a failed or interrupted export
    never leaves half a file where the last good one was. A folder is written into a fresh
    partial folder and then moved into place without ever deleting anything it did not write
    (see ``annotator.io.outputs``).
    """
    module = exporter(name)
    out = Path(out)
    protected = list(protected)
    guard_output(out, protected=protected, folder=module.WRITES_FOLDER)
    if module.WRITES_FOLDER:
        return _export_folder(name, module, docs, out, schema)
    partial = _partial_file(out)
    try:
        warnings = module.export(docs, partial, schema)
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return warnings


def write_beside(out: Path, write) -> None:
    """Call ``write(partial_path)`` and rename the result onto `out`: all of it or nothing."""
    partial = _partial_file(Path(out))
    try:
        write(partial)
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _partial_file(out: Path) -> Path:
    """A new file beside `out` whose name no other file has (O_EXCL), so it can never be, or be
    mistaken for, the project or one of its side files."""
    while True:
        partial = out.with_name(f".{out.name[:100]}.{secrets.token_hex(4)}.partial")
        try:
            os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return partial
        except FileExistsError:
            continue


def _export_folder(name: str, module: ModuleType, docs: Iterable, out: Path, schema) -> list[str]:
    # Beside where the files really go (out may be a link to a folder elsewhere): os.replace
    # only moves within one file system.
    parent = Path(os.path.realpath(out)).parent
    parent.mkdir(parents=True, exist_ok=True)
    partial = _partial_folder(parent, out.name)
    try:
        documents: dict[str, str] = {}
        warnings = module.export(docs, partial, schema, documents=documents)
        written = sorted(entry.name for entry in os.scandir(partial) if entry.name != MANIFEST)
        manifest = {"tool": MANIFEST_TOOL, "format": name, "files": written, "documents": documents}
        if not out.exists():
            _write_manifest(partial, manifest)
            os.rename(partial, out)  # one step: the folder appears whole or not at all
            return warnings
        _merge_into(out, partial, manifest)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)  # our own fresh folder, nothing else
        raise
    os.rmdir(partial)
    return warnings


def _partial_folder(parent: Path, name: str) -> Path:
    """A new folder of our own (mkdir fails on any existing name), with the user's usual
    permissions (mkdtemp would make it private, and the export folder with it)."""
    while True:
        partial = parent / f".{name[:100]}.{secrets.token_hex(4)}.partial"
        try:
            partial.mkdir()
            return partial
        except FileExistsError:
            continue


def _merge_into(out: Path, partial: Path, manifest: dict) -> None:
    """Move the new files into `out` (empty, or an earlier export): replace only files the old
    manifest lists, remove only its stale ones, and refuse before touching anything if a new
    name is taken by a file of the user's."""
    old = read_manifest(out)
    ours = {f.lower() for f in old["files"]} if old else set()
    mine = {f.lower() for f in manifest["files"]}
    for entry in os.scandir(out):
        # Case-insensitive: on macOS and Windows "A.txt" would overwrite the user's "a.txt".
        if entry.name != MANIFEST and entry.name.lower() in mine and entry.name.lower() not in ours:
            raise OutputRefused("collides", out, f"{out} already holds {entry.name}, which annotator did not "
                                "write; choose a new or empty folder.")
    stale = [f for f in (old["files"] if old else []) if f.lower() not in mine]
    # First a manifest listing old and new files: if we are interrupted, the next export still
    # knows every file here that is ours.
    _write_manifest(partial, manifest | {"files": sorted(set(manifest["files"]) | set(stale))})
    os.replace(partial / MANIFEST, out / MANIFEST)
    for file in manifest["files"]:
        os.replace(partial / file, out / file)
    for file in stale:
        target = out / file
        if target.is_symlink() or target.is_file():
            target.unlink()
    _write_manifest(partial, manifest)
    os.replace(partial / MANIFEST, out / MANIFEST)


def _write_manifest(folder: Path, manifest: dict) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    with open(folder / MANIFEST, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
