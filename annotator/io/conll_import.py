"""CoNLL / IOB import: one token per line, its tag in the last column.

- Columns are separated by tabs or spaces; the token is the first, the tag the last, any
  columns between (CoNLL-2003's POS and chunk, Label Studio's ``-X- _``) are ignored.
- A blank line, or one of only tabs and spaces, ends a sentence. A line starting with ``#``
  before a sentence is a comment unless it ends in a tag (``# O`` is the token ``#``).
  A ``-DOCSTART-`` line starts a new document; a file without one is one document.
- Tags: ``O`` outside; ``B-``/``I-`` (IOB2), ``I-`` opening a span (IOB1), ``E-``/``L-``
  closing and ``S-``/``U-`` single-token spans (BIOES, BILOU); ``B_PER`` is read as ``B-PER``.
  A tag that is none of these rejects its document, naming the line; the file's other
  documents still import.
- Text: sentences are lines, tokens joined by one space, so every span is exactly its tokens.
- Invisible marks (bidi marks and controls such as U+200E/U+200F, ZWSP, BOM U+FEFF) are dropped
  from every token: WikiFANE/NewsFANE put U+200E before each token, and annotator's tokenizer
  (which its CoNLL export uses) treats the same characters as space, never as part of a word.
  A column of only such marks is no column.

The whole file is read and decoded like a .txt (BOM, CRLF, legacy Arabic code pages), so it is
limited to the size of one document (records.MAX_DOCUMENT bytes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator.core.chars import BIDI_CONTROLS
from annotator.io.records import Draft, Rejection
from annotator.io.txt import read_text

SUFFIXES = ("conll", "conll2003", "iob", "bio")
_INVISIBLE = str.maketrans("", "", BIDI_CONTROLS + "\u200b\ufeff")
_COLUMNS = re.compile(r"[ \t]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PREFIXES = {"B": "begin", "I": "inside", "E": "end", "L": "end", "S": "single", "U": "single"}
DOCSTART = "-DOCSTART-"


def _shown(value: str) -> str:
    """A column for a message: a line without separators can be a whole article long."""
    return repr(value) if len(value) <= 40 else repr(value[:40]) + "..."


def parse_tag(tag: str) -> tuple[str, str] | None:
    """(kind, label) of a tag, ("outside", "") for O, or None for a malformed tag."""
    if tag == "O":
        return "outside", ""
    if len(tag) > 2 and tag[1] in "-_" and tag[0] in _PREFIXES:  # B_PER in some corpora
        return _PREFIXES[tag[0]], tag[2:]
    return None


class _Document:
    """Text and spans of one document as its lines arrive."""

    def __init__(self, line: int):
        self.line = line  # where it starts, for messages
        self.parts: list[str] = []
        self.length = 0  # characters joined so far
        self.sentence_open = False
        self.spans: list[dict] = []
        self.open: dict | None = None  # the span the next I-/E- tag of its label continues

    def token(self, token: str, kind: str, label: str) -> None:
        if self.parts:
            self.parts.append(" " if self.sentence_open else "\n")
            self.length += 1
        start = self.length
        self.parts.append(token)
        self.length += len(token)
        self.sentence_open = True
        current = self.open
        if kind in ("inside", "end") and current is not None and current["label"] == label:
            current["end"] = self.length
        elif kind != "outside":
            current = {"start": start, "end": self.length, "label": label}
            self.spans.append(current)
        else:
            current = None
        self.open = current if kind in ("begin", "inside") else None

    def end_sentence(self) -> None:
        self.sentence_open = False
        self.open = None

    def draft(self, path: str) -> Draft:
        text = "".join(self.parts)
        for span in self.spans:
            span["text"] = text[span["start"]:span["end"]]
        meta = {"title": None, "source": None, "url": None, "file": Path(path).name}
        return Draft(text, path=path, line=self.line, meta=meta, spans=self.spans)


def _comment(columns: list[str], doc: _Document | None) -> bool:
    """A ``#`` line before a sentence that is not itself a token and tag (MultiCoNER's
    ``# id ...``, CoNLL-U's ``# text = ...``); ``# O`` inside or before a sentence is a token."""
    at_sentence_start = doc is None or not doc.sentence_open
    return (at_sentence_start and columns[0].startswith("#")
            and (len(columns) < 2 or parse_tag(columns[-1]) is None))


def read(path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    name = str(path)
    text = read_text(path, encoding)
    if isinstance(text, Rejection):
        yield text
        return
    doc: _Document | None = None
    bad: Rejection | None = None
    found = False  # any token line at all

    def finish():
        if bad is not None:
            return bad
        return doc.draft(name) if doc is not None and doc.parts else None

    for number, raw in enumerate(_LINE_BREAK.split(text), 1):
        columns = [c for c in _COLUMNS.split(raw.translate(_INVISIBLE).strip(" \t")) if c]
        if not columns:
            if doc is not None:
                doc.end_sentence()
            continue
        if columns[0] == DOCSTART:
            result = finish()
            if result is not None:
                yield result
            doc, bad = _Document(number), None
            continue
        if _comment(columns, doc):
            continue
        found = True
        if doc is None:
            doc = _Document(number)
        if bad is not None:
            continue  # the rest of a rejected document
        if len(columns) < 2:
            bad = Rejection(name, number, f"token {_shown(columns[0])} has no tag column (columns are separated by tabs "
                                          "or spaces, the tag is the last); its document is not imported")
            continue
        kind_label = parse_tag(columns[-1])
        if kind_label is None:
            bad = Rejection(name, number, f"tag {_shown(columns[-1])} is not O or B-, I-, E-, S-, L-, U- followed by a "
                                          "label; its document is not imported")
            continue
        doc.token(columns[0], *kind_label)
    result = finish()
    if result is not None:
        yield result
    elif not found:
        yield Rejection(name, None, "empty file (no CoNLL tokens)")
