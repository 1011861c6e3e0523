"""`annotator check`: is a project file whole and consistent? Repairs only what loses nothing.

Checks SQLite's own integrity and foreign keys, then what SQLite cannot know: every span's text
equals its document's text at its offsets and starts and ends on grapheme-cluster boundaries,
spans keep their layer's overlap rule, no span is stored twice, relations join spans of their
own document, content hashes match the text, suggestions fit their document, rejected
suggestions belong to a document and a label. Whatever would make an export impossible to import
again is a problem here.

Nothing here ever raises on a damaged file: every sqlite3.DatabaseError becomes a Problem. The
checks are linear in spans (the pass over texts and spans is check_documents.py).

Repairs never delete what a user made (spans, relations, entities, their links): what cannot be
fixed without loss is reported with what to do by hand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from annotator.store.check_documents import _overlaps, documents_and_spans
from annotator.store.problems import RESTORE, CheckResult, Problem, RepairError, names
from annotator.store.transaction import immediate

__all__ = ["CheckResult", "Problem", "RepairError", "check", "check_project", "repair", "_overlaps"]


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
    for step in (_schema_names, _foreign_keys, _missing_documents, _relations, documents_and_spans):
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
        if table == "relations" or (parent == "documents" and table in ("spans", "suggestions", "rejections", "sets")):
            continue  # _relations and _missing_documents say more about these
        if table == "rejections":
            # A rejection is the analyst's decision: reported, never deleted by a repair.
            row = conn.execute('SELECT doc_id, start, "end", layer, label, set_name FROM rejections WHERE rowid = ?',
                               [rowid]).fetchone()
            of_set = f" (set {row[5]})" if row[5] else ""  # '' is everyone's: the rows made before sets
            yield Problem("rejection label", f"rejections of document {row[0]} at {row[1]}-{row[2]}{of_set}",
                          f"label {row[4]!r} of layer {row[3]!r} is not in the project's schema",
                          fix="add the label to the project's schema again, or delete the row with a SQLite tool")
            continue
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
        yield Problem("label not in schema", f"spans {names(ids, len(ids))}",
                      f"label {label!r} of layer {layer!r} is not in the project's schema ({len(ids)} spans)",
                      fix="add the label to the project's schema, or relabel these spans in the window")
    for entity, ids in missing_entities.items():
        # Clearing the link would lose which entity the analyst meant: the id is user data.
        yield Problem("missing entity", f"spans {names(ids, len(ids))}",
                      f"linked to canonical entity {entity!r}, which does not exist ({len(ids)} spans)",
                      fix=f"restore entity {entity!r} (e.g. by importing an export that has it), "
                          "or link these spans to another entity in the window")


def _missing_documents(conn: sqlite3.Connection) -> Iterator[Problem]:
    """Spans and suggestions of a document id that no document has (e.g. documents.id edited by
    hand). The spans are kept; if exactly one document that has no spans of its own holds every
    one of them at its offsets, pointing them at it loses nothing."""
    missing = [row[0] for row in conn.execute(
        "SELECT doc_id FROM spans WHERE doc_id NOT IN (SELECT id FROM documents) "
        "UNION SELECT doc_id FROM suggestions WHERE doc_id NOT IN (SELECT id FROM documents) "
        "UNION SELECT doc_id FROM rejections WHERE doc_id NOT IN (SELECT id FROM documents) "
        "UNION SELECT doc_id FROM sets WHERE doc_id NOT IN (SELECT id FROM documents)")]
    for doc_id in missing:
        spans = conn.execute('SELECT id, start, "end", text FROM spans WHERE doc_id = ?', [doc_id]).fetchall()
        relations = conn.execute("SELECT count(*) FROM relations WHERE doc_id = ?", [doc_id]).fetchone()[0]
        suggestions = conn.execute("SELECT count(*) FROM suggestions WHERE doc_id = ?", [doc_id]).fetchone()[0]
        rejections = conn.execute("SELECT count(*) FROM rejections WHERE doc_id = ?", [doc_id]).fetchone()[0]
        sets = conn.execute("SELECT count(*) FROM sets WHERE doc_id = ?", [doc_id]).fetchone()[0]
        where = f"document {doc_id}"
        if not spans:
            if suggestions:
                yield Problem("missing document", where, f"{suggestions} suggestions of a document that does not "
                              "exist", "DELETE FROM suggestions WHERE doc_id = ?", (doc_id,))
            if rejections:  # the analyst's decisions: kept until the document is back or deleted by hand
                yield Problem("missing document", where, f"{rejections} rejected suggestions of a document that "
                              "does not exist", fix=f"if a document's id was changed, change it back to {doc_id!r}; "
                              "or delete them with a SQLite tool")
            if sets:  # annotators' statuses (done, skipped): decisions, kept like rejections
                yield Problem("missing document", where, f"the status of {sets} annotation sets of a document that "
                              "does not exist", fix=f"if a document's id was changed, change it back to {doc_id!r}; "
                              "or delete them with a SQLite tool")
            continue
        what = f"{len(spans)} spans, {relations} relations, {suggestions} suggestions and {rejections} rejections"
        home = _only_home(conn, spans)
        if home is not None:
            yield Problem("missing document", where,
                          f"{what} belong to a document id that no document has; document {home} (which has "
                          "no spans) holds all of their texts at their offsets",
                          "UPDATE spans SET doc_id = ? WHERE doc_id = ?", (home, doc_id),
                          more=(("UPDATE relations SET doc_id = ? WHERE doc_id = ?", (home, doc_id)),
                                ("UPDATE suggestions SET doc_id = ? WHERE doc_id = ?", (home, doc_id)),
                                ("UPDATE rejections SET doc_id = ? WHERE doc_id = ?", (home, doc_id)),
                                ("UPDATE sets SET doc_id = ? WHERE doc_id = ?", (home, doc_id))))
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
    current: list[Problem] = []  # the repair being applied, for the sentence if it fails

    def failed(exc: sqlite3.Error) -> RepairError:
        if not current:
            return RepairError(f"{_file_name(conn)}: nothing was repaired: {exc}", "repair_failed", detail=exc)
        problem = current[-1]
        return RepairError(f"{_file_name(conn)}: nothing was repaired ({problem.kind}, {problem.where}: {exc}); "
                           "the file is as it was", "repair_failed", kind=problem.kind, where=problem.where, detail=exc)

    with immediate(conn, failed):
        for problem in hashes:
            current.append(problem)
            conn.execute("UPDATE documents SET content_hash = 'repairing ' || id WHERE id = ?", (problem.params[1],))
        for problem in fixes:
            current.append(problem)
            for sql, params in problem.steps():
                conn.execute(sql, params)
    return len(fixes)


def check_project(conn: sqlite3.Connection, apply_repairs: bool = False) -> CheckResult:
    """Check; with `apply_repairs`, apply what loses nothing and check again (Project.check)."""
    problems = check(conn)
    if not apply_repairs or not any(p.repair for p in problems):
        return CheckResult(problems)
    fixed = repair(conn, problems)
    return CheckResult(check(conn), fixed)
