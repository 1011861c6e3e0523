"""Checking files without storing them (``annotator validate``): every format import reads.

Each path is found and its format detected exactly as import does (``importing.expand``, so a
folder of brat pairs, a CoNLL file saved as .txt and a Label Studio export are read by their
own readers), every document goes through the same ``Preparer`` as import, and what import
would refuse is yielded as a Rejection. Nothing is stored, so documents repeated across the
files are not problems here. An empty file is not a problem either: it is said, as a Note.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.schema import Schema
from annotator.io import IMPORT_FORMATS, importer
from annotator.io.importing import ImportReport, expand
from annotator.io.pipeline import Preparer
from annotator.io.records import Rejection

_BLANK = b" \t\r\n\x0b\x0c"
_BOM = b"\xef\xbb\xbf"
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Note:
    """Something worth saying about a path that is not a problem (an empty file, a skipped one)."""

    path: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}: {self.text}"


@dataclass
class Counts:
    documents: int = 0
    spans: int = 0
    bad: int = 0
    formats: dict[str, int] = field(default_factory=dict)  # documents checked, per detected format

    def summary(self) -> str:
        """'N documents, M spans checked (conll 3, brat 2); all valid' (or 'K bad lines').

        The per-format part is left out when everything was JSONL, the one format validate
        read before it detected formats (its line is unchanged for scripts that read it)."""
        by_format = ""
        if set(self.formats) - {"jsonl"}:
            by_format = " (" + ", ".join(f"{name} {count}" for name, count in sorted(self.formats.items())) + ")"
        verdict = "all valid" if not self.bad else f"{self.bad} bad lines"
        return f"{self.documents} documents, {self.spans} spans checked{by_format}; {verdict}"


def validate(paths: Iterable[Path], fmt: str = "auto", *, schema: Schema | None = None,
             offset_unit: str = "codepoint", encoding: str | None = None, text_column: str | None = None,
             counts: Counts | None = None) -> Iterator[Rejection | Note]:
    """Each bad item (a Rejection: path:line: reason) and each Note, in file order; `counts`
    (if given) is filled as the files are read. Raises ValueError for an unknown format."""
    if fmt != "auto" and fmt not in IMPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    counts = counts if counts is not None else Counts()
    preparer = Preparer(schema, offset_unit)
    found = ImportReport()
    for path, name in expand(paths, fmt, found, encoding=encoding, text_column=text_column):
        yield from _drain(found, counts)
        # The .ann of a brat pair may be empty (a text with no annotations): still a document.
        if name != "brat" and _blank(path):
            yield Note(str(path), "empty: no documents")
            continue
        options = {"text_column": text_column} if name == "csv" and text_column else {}
        items = importer(name).read(path, encoding=encoding, **options)
        try:
            for item in items:
                if isinstance(item, Rejection):
                    counts.bad += 1
                    yield item
                    continue
                if item.answer == "ignore":  # a Prodigy task the annotator skipped: import skips it too
                    continue
                # A rejected task's spans are rejections, which may overlap: as import reads them
                prepared = preparer.prepare(item, overlaps=item.answer == "accept")
                if isinstance(prepared, Rejection):
                    counts.bad += 1
                    yield prepared
                    continue
                if item.suggestions:  # validated as spans of their own, as import does
                    suggested = preparer.prepare(replace(item, spans=item.suggestions, relations=[], suggestions=[]))
                    if isinstance(suggested, Rejection):
                        counts.bad += 1
                        yield replace(suggested, reason=f"its predictions are not valid suggestions: {suggested.reason}")
                counts.documents += 1
                counts.spans += len(prepared.doc.spans)
                counts.formats[name] = counts.formats.get(name, 0) + 1
        finally:
            items.close()
    yield from _drain(found, counts)


def _drain(found: ImportReport, counts: Counts) -> Iterator[Rejection | Note]:
    """What finding the files turned up so far: refused paths are bad items, files a folder
    holds that no reader takes (READMEs, images) are notes, as import skips them."""
    rejected, found.rejected = found.rejected, []
    for rejection in rejected:
        counts.bad += 1
        yield rejection
    skipped, found.skipped_files = found.skipped_files, []
    for path in skipped:
        yield Note(path, f"skipped: {found.skipped_reasons.get(path, 'not an importable file')}")
    found.duplicates.clear()  # the same file reached twice (a link) is read once; nothing to say


def _blank(path: Path) -> bool:
    """True for a file of 0 bytes or only blanks (after a UTF-8 BOM); stops at the first other byte."""
    try:
        with open(path, "rb") as fh:
            chunk = fh.read(_CHUNK)
            if chunk.startswith(_BOM):
                chunk = chunk[len(_BOM):]
            while chunk:
                if chunk.strip(_BLANK):
                    return False
                chunk = fh.read(_CHUNK)
    except OSError:
        return False  # the reader says why it cannot be read
    return True
