"""`annotator check`: is a project file whole and consistent? Repairs only what loses nothing.

Checks SQLite's own integrity and foreign keys, then what SQLite cannot know: every span's text
equals its document's text at its offsets and starts and ends on grapheme-cluster boundaries,
spans keep their layer's overlap rule, no span is stored twice, relations join spans of their
own document, content hashes match the text, suggestions fit their document. Whatever would make
an export impossible to import again is a problem here.

Nothing here ever raises on a damaged file: every sqlite3.DatabaseError becomes a Problem. The
checks are linear in spans: each document's text is read once and its spans are checked in
Python (SQLite's substr() walks the UTF-8 text from its start, so one per span is quadratic).

Repairs never delete what a user made (spans, relations, entities, their links): what cannot be
fixed without loss is reported with what to do by hand.
"""

from __future__ import annotations

import itertools
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter

from annotator.core.text import TextError, check_storable, content_hash
from annotator.store.errors import ProjectError

RESTORE = ("restore the file from a backup copy (a .bak beside it, or your own), or salvage what is "
           "readable with `sqlite3 FILE .recover`")
MAX_IDS = 5  # ids named in a grouped problem before "and N more"


@dataclass(frozen=True)
class Problem:
    kind: str
    where: str  # table and id
    detail: str
    repair: str | None = None  # SQL that fixes it without losing annotations, if there is one
    params: tuple = ()
    fix: str | None = None  # what the user can do by hand, when there is no repair
    more: tuple = ()  # further (sql, params) steps of the same repair

    def __str__(self) -> str:
        if self.repair:
            return f"{self.kind}: {self.where}: {self.detail} (repairable)"
        fix = f"; needs a manual fix: {self.fix}" if self.fix else ""
        return f"{self.kind}: {self.where}: {self.detail}{fix}"

    def steps(self) -> list[tuple[str, tuple]]:
        return [(self.repair, self.params), *self.more] if self.repair else []


class RepairError(ProjectError):
    """The repairs could not all be applied; none was (the transaction was rolled back)."""


def _names(ids: list, total: int) -> str:
    shown = ", ".join(str(i) for i in ids[:MAX_IDS])
    return shown + (f" and {total - MAX_IDS} more" if total > MAX_IDS else "")


def _file_name(conn: sqlite3.Connection) -> str:
    try:
        for _, name, file in conn.execute("PRAGMA database_list"):
            if name == "main" and file:
                return file
    except sqlite3.Error:
        pass
    return "database"


def _damaged(name: str, exc: Exception) -> Problem:
    return Problem("damaged", name, f"SQLite cannot read it ({exc})", fix=RESTORE)


def check(conn: sqlite3.Connection) -> list[Problem]:
    name = _file_name(conn)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [_damaged(name, exc)]
    bad = [row for (row,) in rows if row != "ok"]
    if bad:  # on a damaged file the other checks would only add noise
        return [Problem("integrity", name, row, fix=RESTORE) for row in bad]
    try:
        return _checks(conn, name)
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc):
            raise
    # Text that is not UTF-8 (written by another tool, or damaged in a way the b-trees do not
    # show): read it again with the bad bytes kept as lone surrogates, which the document text
    # check then names, instead of stopping at the first undecodable row.
    factory = conn.text_factory
    conn.text_factory = lambda raw: raw.decode("utf-8", "surrogateescape")
    try:
        return _checks(conn, name)
    finally:
        conn.text_factory = factory


def _checks(conn: sqlite3.Connection, name: str) -> list[Problem]:
    problems: list[Problem] = []
    for step in (_schema_names, _foreign_keys, _missing_documents, _relations, _documents_and_spans):
        try:
            problems.extend(step(conn))  # generators: what was found before an error is kept
        except sqlite3.OperationalError as exc:
            if "decode" in str(exc) and conn.text_factory is str:
                raise
            problems.append(_damaged(name, exc))
            break
        except sqlite3.DatabaseError as exc:
            problems.append(_damaged(name, exc))
            break  # what follows would read the same damaged pages
    return problems


# -- the stored schema ----------------------------------------------------------------------

def _schema_names(conn: sqlite3.Connection) -> Iterator[Problem]:
    """Names and keys stored by an older annotator (or a hand edit) that today's rules refuse: a
    bidi control in a label passes for another label in the palette, a newline breaks brat and
    CoNLL lines, a control character as a key cannot be typed."""
    from annotator.core.schema import key_problem, name_problem

    for (name,) in conn.execute("SELECT name FROM layers ORDER BY position"):
        problem = name_problem(name, "layer")
        if problem:
            yield Problem("schema", f"layers {name!r}", problem, fix="rename the layer in a new project's schema")
    for name, key in conn.execute("SELECT name, key FROM labels ORDER BY position"):
        problem = name_problem(name, "label")
        if problem:
            yield Problem("schema", f"labels {name!r}", problem,
                          fix="export, rename the label in the JSONL and import into a new project")
        if key is not None and key_problem(key):
            yield Problem("schema", f"labels {name!r}", f"key {key!r}: {key_problem(key)}",
                          fix=f"UPDATE labels SET key = NULL WHERE name = {name!r} (then choose a new key)")


# -- foreign keys ---------------------------------------------------------------------------

def _foreign_keys(conn: sqlite3.Connection) -> Iterator[Problem]:
    unknown_labels: dict[tuple, list] = {}
    missing_entities: dict[str, list] = {}
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
        if table == "relations" or (parent == "documents" and table in ("spans", "suggestions")):
            continue  # _relations and _missing_documents say more about these
        if table == "spans" and parent == "labels":
            row = conn.execute("SELECT id, layer, label FROM spans WHERE rowid = ?", [rowid]).fetchone()
            unknown_labels.setdefault((row[1], row[2]), []).append(row[0])
        elif table == "spans" and parent == "entities":
            sid, entity = conn.execute("SELECT id, entity_id FROM spans WHERE rowid = ?", [rowid]).fetchone()
            missing_entities.setdefault(entity, []).append(sid)
        elif table == "suggestions":
            # An imported suggestion is not a user's work (the analyst accepts or rejects it; its
            # source file still has it): one whose label or entity is gone can be dropped or
            # unlinked. Its text is kept when only the entity is missing.
            sid = conn.execute("SELECT id FROM suggestions WHERE rowid = ?", [rowid]).fetchone()[0]
            if parent == "entities":
                yield Problem("missing entity", f"suggestions {sid}", "linked to a canonical entity that does "
                              "not exist", "UPDATE suggestions SET entity_id = NULL WHERE id = ?", (sid,))
            else:
                yield Problem("suggestion label", f"suggestions {sid}", f"refers to a missing row of {parent}",
                              "DELETE FROM suggestions WHERE id = ?", (sid,))
        else:
            key = conn.execute(f'SELECT id FROM "{table}" WHERE rowid = ?', [rowid]).fetchone()
            yield Problem("foreign key", f"{table} {key[0] if key else rowid}", f"refers to a missing row of {parent}",
                          fix=f"restore the missing {parent} row, or change this row with a SQLite tool")
    for (layer, label), ids in unknown_labels.items():
        yield Problem("label not in schema", f"spans {_names(ids, len(ids))}",
                      f"label {label!r} of layer {layer!r} is not in the project's schema ({len(ids)} spans)",
                      fix="add the label to the project's schema, or relabel these spans in the window")
    for entity, ids in missing_entities.items():
        # Clearing the link would lose which entity the analyst meant: the id is user data.
        yield Problem("missing entity", f"spans {_names(ids, len(ids))}",
                      f"linked to canonical entity {entity!r}, which does not exist ({len(ids)} spans)",
                      fix=f"restore entity {entity!r} (e.g. by importing an export that has it), "
                          "or link these spans to another entity in the window")


def _missing_documents(conn: sqlite3.Connection) -> Iterator[Problem]:
    """Spans and suggestions of a document id that no document has (e.g. documents.id edited by
    hand). The spans are kept; if exactly one document that has no spans of its own holds every
    one of them at its offsets, pointing them at it loses nothing."""
    missing = [row[0] for row in conn.execute(
        "SELECT doc_id FROM spans WHERE doc_id NOT IN (SELECT id FROM documents) "
        "UNION SELECT doc_id FROM suggestions WHERE doc_id NOT IN (SELECT id FROM documents)")]
    for doc_id in missing:
        spans = conn.execute('SELECT id, start, "end", text FROM spans WHERE doc_id = ?', [doc_id]).fetchall()
        relations = conn.execute("SELECT count(*) FROM relations WHERE doc_id = ?", [doc_id]).fetchone()[0]
        suggestions = conn.execute("SELECT count(*) FROM suggestions WHERE doc_id = ?", [doc_id]).fetchone()[0]
        where = f"document {doc_id}"
        if not spans:
            yield Problem("missing document", where, f"{suggestions} suggestions of a document that does not exist",
                          "DELETE FROM suggestions WHERE doc_id = ?", (doc_id,))
            continue
        what = f"{len(spans)} spans, {relations} relations and {suggestions} suggestions"
        home = _only_home(conn, spans)
        if home is not None:
            yield Problem("missing document", where,
                          f"{what} belong to a document id that no document has; document {home} (which has "
                          "no spans) holds all of their texts at their offsets",
                          "UPDATE spans SET doc_id = ? WHERE doc_id = ?", (home, doc_id),
                          more=(("UPDATE relations SET doc_id = ? WHERE doc_id = ?", (home, doc_id)),
                                ("UPDATE suggestions SET doc_id = ? WHERE doc_id = ?", (home, doc_id))))
        else:
            yield Problem("missing document", where, f"{what} belong to a document id that no document has",
                          fix=f"if a document's id was changed, change it back to {doc_id!r}; or import the "
                              "document again from an export that has it")


def _only_home(conn: sqlite3.Connection, spans: list) -> str | None:
    end = max(int(row[2]) for row in spans if isinstance(row[2], int)) if spans else 0
    found = None
    for doc_id, text in conn.execute(
        "SELECT id, text FROM documents d WHERE NOT EXISTS (SELECT 1 FROM spans s WHERE s.doc_id = d.id) "
        "AND length(text) >= ?", [end]
    ):
        if isinstance(text, str) and all(isinstance(s, int) and isinstance(e, int) and text[s:e] == t
                                         for _, s, e, t in spans):
            if found is not None:
                return None  # two candidates: a guess, not a repair
            found = doc_id
    return found


# -- relations ------------------------------------------------------------------------------

def _relations(conn: sqlite3.Connection) -> Iterator[Problem]:
    for rid, doc_id, head, child, head_doc, child_doc, doc_exists, spans_doc_exists in conn.execute(
        "SELECT r.id, r.doc_id, r.head, r.child, h.doc_id, c.doc_id, "
        "EXISTS (SELECT 1 FROM documents WHERE id = r.doc_id), EXISTS (SELECT 1 FROM documents WHERE id = h.doc_id) "
        "FROM relations r LEFT JOIN spans h ON h.id = r.head LEFT JOIN spans c ON c.id = r.child "
        "WHERE h.id IS NULL OR c.id IS NULL OR h.doc_id IS NOT r.doc_id OR c.doc_id IS NOT r.doc_id "
        "OR r.doc_id NOT IN (SELECT id FROM documents)"
    ):
        where = f"relations {rid}"
        if head_doc is None or child_doc is None:
            gone = " and ".join(f"{role} span {ref}" for role, ref, doc in (("head", head, head_doc),
                                                                           ("child", child, child_doc)) if doc is None)
            # The relation (who claimed what) is the analyst's work even with one span gone.
            yield Problem("dangling relation", where, f"its {gone} does not exist",
                          fix="restore the span (e.g. from an export), or delete the relation in the window")
        elif head_doc != child_doc:
            yield Problem("relation across documents", where,
                          f"in document {doc_id} but joins spans of {head_doc} and {child_doc}",
                          fix="delete the relation in the window and make it again between spans of one document")
        elif head_doc == doc_id:
            continue  # the document is missing: reported once, with its spans, by _missing_documents
        elif spans_doc_exists:
            yield Problem("relation document", where,
                          f"in document {doc_id}{'' if doc_exists else ' (which does not exist)'} but both its "
                          f"spans are in {head_doc}",
                          "UPDATE relations SET doc_id = ? WHERE id = ?", (head_doc, rid))
        # else both spans are in a missing document: _missing_documents reports it


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


def _documents_and_spans(conn: sqlite3.Connection) -> Iterator[Problem]:
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


# -- repair ---------------------------------------------------------------------------------

def repair(conn: sqlite3.Connection, problems: list[Problem]) -> int:
    """Apply every available repair in one transaction; returns how many were applied.

    On any error nothing is applied and RepairError says why.
    """
    fixes = [p for p in problems if p.repair]
    if not fixes:
        return 0
    # content_hash is UNIQUE and checked per statement: a stale hash may equal another stale
    # hash's correct value, so every one being repaired is first moved out of the way.
    hashes = [p for p in fixes if p.kind == "content hash"]
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise RepairError(f"{_file_name(conn)}: nothing was repaired: {exc}") from exc
    try:
        for problem in hashes:
            conn.execute("UPDATE documents SET content_hash = 'repairing ' || id WHERE id = ?", (problem.params[1],))
        for problem in fixes:
            for sql, params in problem.steps():
                conn.execute(sql, params)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.rollback()
        raise RepairError(f"{_file_name(conn)}: nothing was repaired ({problem.kind}, {problem.where}: {exc}); "
                          "the file is as it was") from exc
    except BaseException:
        conn.rollback()
        raise
    return len(fixes)
