"""`annotator check`: is a project file whole and consistent? Repairs only what loses nothing.

Checks SQLite's own integrity and foreign keys, then what SQLite cannot know: every span's text
equals its document's text at its offsets, relations join spans of their own document, content
hashes match the text, suggestions fit their document.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass

from annotator.core.text import TextError, check_storable


@dataclass(frozen=True)
class Problem:
    kind: str
    where: str  # table and id
    detail: str
    repair: str | None = None  # SQL that fixes it without losing annotations, if there is one
    params: tuple = ()

    def __str__(self) -> str:
        fix = " (repairable)" if self.repair else ""
        return f"{self.kind}: {self.where}: {self.detail}{fix}"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def check(conn: sqlite3.Connection) -> list[Problem]:
    problems: list[Problem] = []
    for (row,) in conn.execute("PRAGMA integrity_check"):
        if row != "ok":
            problems.append(Problem("integrity", "database", row))
    if problems:
        return problems  # on a damaged file the other checks would only add noise
    problems += _foreign_keys(conn)
    problems += _spans(conn)
    problems += _relations(conn)
    problems += _documents(conn)
    problems += _suggestions(conn)
    return problems


def _foreign_keys(conn: sqlite3.Connection) -> list[Problem]:
    found = []
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        (key,) = conn.execute(f"SELECT id FROM {table} WHERE rowid = ?", [rowid]).fetchone() or (rowid,)
        where = f"{table} {key}"
        if table == "relations":
            # A relation whose span is gone points at nothing: dropping it loses nothing.
            found.append(Problem("orphan relation", where, f"refers to a missing row of {parent}",
                                 "DELETE FROM relations WHERE rowid = ?", (rowid,)))
        elif table in ("spans", "suggestions") and parent == "entities":
            found.append(Problem("missing entity", where, "linked to a canonical entity that does not exist",
                                 f"UPDATE {table} SET entity_id = NULL WHERE rowid = ?", (rowid,)))
        else:
            found.append(Problem("foreign key", where, f"refers to a missing row of {parent}"))
    return found


def _spans(conn: sqlite3.Connection) -> list[Problem]:
    found = []
    for sid, doc_id, start, end, text, length, actual in conn.execute(
        'SELECT s.id, s.doc_id, s.start, s."end", s.text, length(d.text), substr(d.text, s.start + 1, s."end" - s.start) '
        "FROM spans s JOIN documents d ON d.id = s.doc_id "
        'WHERE s.start < 0 OR s."end" <= s.start OR s."end" > length(d.text) '
        'OR substr(d.text, s.start + 1, s."end" - s.start) IS NOT s.text'
    ):
        if start < 0 or end <= start or end > length:
            detail = f"offsets {start}-{end} outside the document (length {length})"
        else:
            detail = f"text {text!r} but the document has {actual!r} at {start}-{end}"
        found.append(Problem("span text", f"spans {sid} (document {doc_id})", detail))
    return found


def _relations(conn: sqlite3.Connection) -> list[Problem]:
    found = []
    for rid, doc_id, head_doc, child_doc in conn.execute(
        "SELECT r.id, r.doc_id, h.doc_id, c.doc_id FROM relations r JOIN spans h ON h.id = r.head "
        "JOIN spans c ON c.id = r.child WHERE h.doc_id IS NOT r.doc_id OR c.doc_id IS NOT r.doc_id"
    ):
        found.append(Problem("relation across documents", f"relations {rid}",
                             f"in document {doc_id} but joins spans of {head_doc} and {child_doc}"))
    return found


def _documents(conn: sqlite3.Connection) -> list[Problem]:
    found = []
    for doc_id, text, stored in conn.execute("SELECT id, text, content_hash FROM documents"):
        try:
            check_storable(text)
        except TextError as exc:
            found.append(Problem("document text", f"documents {doc_id}", str(exc)))
        if "\r" in text:
            found.append(Problem("document text", f"documents {doc_id}", "carriage return in canonical text"))
        actual = _sha(text)
        if actual != stored:
            found.append(Problem("content hash", f"documents {doc_id}", "does not match the text",
                                 "UPDATE documents SET content_hash = ? WHERE id = ?", (actual, doc_id)))
    return found


def _suggestions(conn: sqlite3.Connection) -> list[Problem]:
    found = []
    for sid, doc_id in conn.execute(
        'SELECT s.id, s.doc_id FROM suggestions s JOIN documents d ON d.id = s.doc_id '
        'WHERE s."end" > length(d.text) OR substr(d.text, s.start + 1, s."end" - s.start) IS NOT s.text'
    ):
        # A suggestion that no longer fits its text can never be accepted; it is not an annotation.
        found.append(Problem("suggestion text", f"suggestions {sid} (document {doc_id})",
                             "does not match the document", "DELETE FROM suggestions WHERE id = ?", (sid,)))
    return found


def repair(conn: sqlite3.Connection, problems: list[Problem]) -> int:
    """Apply every available repair in one transaction; returns how many were applied."""
    fixes = [p for p in problems if p.repair]
    if not fixes:
        return 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for problem in fixes:
            conn.execute(problem.repair, problem.params)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(fixes)
