"""The linear pass of `annotator check` over documents, their spans and suggestions.

Each document's text is read once and its spans are checked in Python (SQLite's substr() walks
the UTF-8 text from its start, so one query per span is quadratic): offsets and text, grapheme
boundaries, the layer's overlap rule, duplicates, content hashes, suggestions that fit.
"""

from __future__ import annotations

import itertools
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from operator import itemgetter

from annotator.core.text import TextError, check_storable, content_hash
from annotator.store.problems import Problem

# -- documents and their spans, in one pass -------------------------------------------------

class _Groups:
    """Rows ordered by their first column (a document id), taken one document at a time."""

    def __init__(self, rows: Iterable[tuple]):
        self._groups = itertools.groupby(rows, key=itemgetter(0))
        self._advance()

    def _advance(self) -> None:
        group = next(self._groups, None)
        self.head = None if group is None else (group[0], list(group[1]))

    def take(self, doc_id) -> list[tuple]:
        if self.head is not None and self.head[0] == doc_id:
            rows = self.head[1]
            self._advance()
            return rows
        return []

    def rest(self) -> Iterator[tuple]:
        while self.head is not None:
            yield self.head
            self._advance()


class _Splits:
    """Whether a span splits a grapheme cluster, by annotator.core.graphemes.is_boundary.

    The answer for two neighbouring characters is cached when UAX #29 decides it from the pair
    alone, which is every pair whose first character is not a mark, a ZWJ or a regional
    indicator (the only rules that look further back: GB9c, GB11, GB12/13). Texts reuse few
    pairs, so nearly every span costs two dict lookups instead of two property look-ups.
    """

    MAX_PAIRS = 100_000  # a text of many distinct characters must not grow the cache unbounded

    def __init__(self, graphemes):
        self._is_boundary = graphemes.is_boundary
        self._reason = getattr(graphemes, "INSIDE_REASON", "inside a character (a letter and its marks, or one emoji)")
        self.ok: set[str] = set()  # pairs of characters with a boundary between them, whatever precedes

    def _boundary(self, text: str, i: int) -> bool:
        if i <= 0 or i >= len(text):
            return True
        if not self._is_boundary(text, i):
            return False
        first = text[i - 1]
        if (len(self.ok) < self.MAX_PAIRS and first != "\u200d" and not "\U0001f1e6" <= first <= "\U0001f1ff"
                and unicodedata.category(first)[0] != "M"):
            self.ok.add(text[i - 1:i + 1])
        return True

    def problem(self, text: str, start: int, end: int) -> str | None:
        if not self._boundary(text, start):
            return f"starts {self._reason}"
        if not self._boundary(text, end):
            return f"ends {self._reason}"
        return None


def _splits() -> _Splits | None:
    try:  # written alongside this module; until it exists the grapheme check is skipped
        from annotator.core import graphemes
    except ImportError:
        return None
    return _Splits(graphemes)


def documents_and_spans(conn: sqlite3.Connection) -> Iterator[Problem]:
    modes = dict(conn.execute("SELECT name, overlap FROM layers"))
    splits = _splits()
    # Both ordered by document id in SQLite's own order (the spans_doc and suggestions_doc
    # indexes), so one merge walks them: each text read once, no per-document query.
    spans = _Groups(conn.execute(
        'SELECT doc_id, id, start, "end", text, layer, label FROM spans '
        "WHERE doc_id IN (SELECT id FROM documents) ORDER BY doc_id, start"))
    suggestions = _Groups(conn.execute(
        'SELECT doc_id, id, start, "end", text FROM suggestions '
        "WHERE doc_id IN (SELECT id FROM documents) ORDER BY doc_id"))
    hashes: dict[str, str] = {}  # actual content hash -> first document with that text
    stale: list[Problem] = []
    for doc_id, text, stored in conn.execute("SELECT id, text, content_hash FROM documents ORDER BY id"):
        yield from _document(doc_id, text, stored, hashes, stale)
        if isinstance(text, str):
            yield from _spans(doc_id, text, spans.take(doc_id), modes, splits)
            yield from _suggestions(doc_id, text, suggestions.take(doc_id))
    # Only if SQLite's order and Python's equality ever disagreed (ids of mixed types):
    # check what the merge left over, one lookup per document.
    for groups, checker in ((spans, lambda d, t, rows: _spans(d, t, rows, modes, splits)),
                            (suggestions, _suggestions)):
        for doc_id, rows in groups.rest():
            row = conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            if row and isinstance(row[0], str):
                yield from checker(doc_id, row[0], rows)
    yield from stale


def _document(doc_id, text, stored, hashes: dict, stale: list) -> Iterator[Problem]:
    where = f"documents {doc_id}"
    if not isinstance(text, str):
        yield Problem("document text", where, f"the text is stored as {type(text).__name__}, not text",
                      fix="import the document again from its source file")
        return
    storable = True
    try:
        check_storable(text)
    except TextError as exc:
        storable = False
        yield Problem("document text", where, str(exc), fix="import the document again from its source file")
    if "\r" in text:
        yield Problem("document text", where, "carriage return in canonical text",
                      fix="import the document again from its source file")
    actual = content_hash(text)
    first = hashes.setdefault(actual, doc_id)
    if first != doc_id:
        # The hash is UNIQUE: recomputing both would fail, and merging two documents' annotations
        # is a user's decision. An export of both would import as one.
        yield Problem("duplicate text", f"documents {first} and {doc_id}", "have the same text",
                      fix=f"move the annotations you keep to document {first} in the window, then delete "
                          f"document {doc_id}")
        stale[:] = [p for p in stale if p.params[1] != first]
    elif actual != stored and storable:
        # Collected, not yielded: a later document with the same text withdraws it.
        stale.append(Problem("content hash", where, "does not match the text",
                             "UPDATE documents SET content_hash = ? WHERE id = ?", (actual, doc_id)))
    elif actual != stored:
        yield Problem("content hash", where, "does not match the text",
                      fix="import the document again from its source file")


def _valid_offsets(start, end, length: int) -> bool:
    return type(start) is int and type(end) is int and 0 <= start < end <= length


def _spans(doc_id, text: str, rows: list[tuple], modes: dict, splits: _Splits | None) -> Iterator[Problem]:
    length = len(text)
    ok = splits.ok if splits is not None else set()
    by_layer: dict[str, list[tuple]] = {}
    for _, sid, start, end, stored, layer, label in rows:  # the hot loop: nothing built unless wrong
        if not (type(start) is int and type(end) is int and 0 <= start < end <= length):
            yield Problem("span text", f"spans {sid} (document {doc_id})",
                          f"offsets {start}-{end} outside the document (length {length})",
                          fix="delete the span in the window and mark the text again")
            continue
        if text[start:end] != stored:
            yield Problem("span text", f"spans {sid} (document {doc_id})",
                          f"text {stored!r} but the document has {text[start:end]!r} at {start}-{end}",
                          fix="delete the span in the window and mark the text again (or restore the document's "
                              "text if it was edited)")
            continue
        # Inline: two set look-ups per span; only an unknown pair of characters pays for the rules.
        if splits is not None and ((start and text[start - 1:start + 1] not in ok)
                                   or (end < length and text[end - 1:end + 1] not in ok)):
            split = splits.problem(text, start, end)
        else:
            split = None
        if split:
            yield Problem("grapheme boundary", f"spans {sid} (document {doc_id})", f"{label} {start}-{end} {split}",
                          fix="delete the span in the window and mark the whole characters again")
        members = by_layer.get(layer)
        if members is None:
            members = by_layer[layer] = []
        members.append((start, -end, label, str(sid)))
    for layer, members in by_layer.items():
        yield from _overlaps(doc_id, layer, modes.get(layer), members)


def _overlaps(doc_id, layer: str, mode: str | None, members: list[tuple]) -> Iterator[Problem]:
    """Duplicates and overlap-rule violations in one sorted sweep: n log n, at most one problem
    per span (annotator.core.overlap.conflicts finds only the first pair, and is quadratic when
    many spans are open at once). `members`: (start, -end, label, id), so that a plain tuple
    sort puts a span before those it contains (the rows come ordered by start: nearly free)."""
    members.sort()
    fix = "delete or shorten one of them in the window"
    previous = None
    reach = None  # 'none': the span reaching furthest right so far
    stack: list[tuple] = []  # 'nested': open spans, each inside the one below it
    for span in members:
        start, negative_end, label, sid = span
        if previous is not None and previous[:3] == span[:3]:
            yield Problem("duplicate span", f"spans {previous[3]} and {sid} (document {doc_id})",
                          f"both {label} {start}-{-negative_end} in layer {layer}",
                          fix="delete one of them in the window (keep the one with the relations and attributes "
                              "you want)")
            continue
        previous = span
        if mode == "none":
            if reach is not None and start < -reach[1]:
                yield _overlap(doc_id, layer, "no overlap", reach, span, fix)
            if reach is None or negative_end < reach[1]:
                reach = span
        elif mode == "nested":
            while stack and -stack[-1][1] <= start:
                stack.pop()
            if stack and negative_end < stack[-1][1]:
                yield _overlap(doc_id, layer, "spans only inside one another", stack[-1], span, fix)
            else:
                stack.append(span)


def _overlap(doc_id, layer: str, rule: str, a: tuple, b: tuple, fix: str) -> Problem:
    return Problem("overlap", f"spans {a[3]} and {b[3]} (document {doc_id})",
                   f"layer {layer} allows {rule}, but {a[2]} {a[0]}-{-a[1]} and {b[2]} {b[0]}-{-b[1]} cross",
                   fix=fix)


def _suggestions(doc_id, text: str, rows: list[tuple]) -> Iterator[Problem]:
    for _, sid, start, end, stored in rows:
        if not _valid_offsets(start, end, len(text)) or text[start:end] != stored:
            # A suggestion that no longer fits its text can never be accepted; it is not an annotation.
            yield Problem("suggestion text", f"suggestions {sid} (document {doc_id})",
                          "does not match the document", "DELETE FROM suggestions WHERE id = ?", (sid,))
