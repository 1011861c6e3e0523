"""Annotation sets: each annotator's spans, relations and status of a document, and the gold set.

A set is named by its annotator (the `annotator` column of spans and relations); the name
``gold`` is the adjudicated set. The `sets` table holds each set's status of a document (a set
that only has spans is "new" until its annotator marks it). Which sets a document has is the
union of the three: a set can have a status and no spans (an analyst who found nothing to mark
and said so). `packages` remembers the per-annotator project files merged back (team/merge.py).
The caller holds the transaction of every write (see Project).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from annotator.core.model import Relation, Span, now
from annotator.store.errors import ProjectError
from annotator.store.rows import (RELATION_INSERT, SPAN_INSERT, chunks, marks, relation_params, span_params)

GOLD = "gold"


def own_names(name: str) -> tuple[str, ...]:
    """The annotators whose spans are set `name`'s work (Workspace.own_spans): the set itself and
    the spans no annotator is recorded on, except for gold (only the adjudicated spans)."""
    return (name,) if name in ("", GOLD) else (name, "")


def set_status_sql(name: str) -> tuple[str, list]:
    """The status of set `name` of document `d` (the alias of documents in the caller's query) as
    an SQL expression and its parameters: its row in `sets`; with none, the document's own status
    when nobody outside `own_names(name)` has a set there (work recorded without names, statuses
    imported with the documents: everyone's), else new (another analyst's done is not this one's)."""
    own = own_names(name)
    inside = marks(own)
    sql = ("coalesce((SELECT x.status FROM sets x WHERE x.doc_id = d.id AND x.name = ?), "
           f"CASE WHEN EXISTS (SELECT 1 FROM sets x WHERE x.doc_id = d.id AND x.name NOT IN ({inside})) "
           f"OR EXISTS (SELECT 1 FROM spans x WHERE x.doc_id = d.id AND x.annotator NOT IN ({inside})) "
           f"OR EXISTS (SELECT 1 FROM relations x WHERE x.doc_id = d.id AND x.annotator NOT IN ({inside})) "
           "THEN 'new' ELSE d.status END)")
    return sql, [name, *own, *own, *own]


_SET_NAMES = ("SELECT doc_id, annotator FROM spans{where} UNION SELECT doc_id, annotator FROM relations{where} "
              "UNION SELECT doc_id, name FROM sets{where}")


class Sets:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    # -- reading ---------------------------------------------------------------------------

    def of_documents(self, doc_ids: Iterable[str] = ()) -> dict[str, dict[str, str]]:
        """doc id -> {set name: status} for the documents given (every document with a set when
        none is given), names sorted."""
        found: dict[str, dict[str, str]] = {}
        ids = list(doc_ids)
        pieces = chunks(ids) if ids else [()]
        for chunk in pieces:
            where = f" WHERE doc_id IN ({marks(chunk)})" if chunk else ""
            params = list(chunk) * 3
            for doc_id, name in self.conn.execute(_SET_NAMES.format(where=where), params):
                found.setdefault(doc_id, {})[name] = "new"
            for doc_id, name, status in self.conn.execute(f"SELECT doc_id, name, status FROM sets{where}", chunk):
                found[doc_id][name] = status
        return {doc_id: dict(sorted(sets.items())) for doc_id, sets in found.items()}

    def sources(self, doc_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """doc id -> {set name: creation time of the package it was last merged from}."""
        found: dict[str, dict[str, str]] = {}
        for chunk in chunks(list(doc_ids)):
            for doc_id, name, source in self.conn.execute(
                    f"SELECT doc_id, name, source FROM sets WHERE doc_id IN ({marks(chunk)}) AND source != ''", chunk):
                found.setdefault(doc_id, {})[name] = source
        return found

    def summary(self) -> list[dict]:
        """Per set name: documents it covers, spans, and documents by status (for stats)."""
        q = self.conn.execute
        names: dict[str, dict] = {}
        for name, docs in q(f"SELECT annotator, count(DISTINCT doc_id) FROM ({_SET_NAMES.format(where='')}) "
                            "GROUP BY annotator"):
            names[name] = {"set": name, "documents": docs, "spans": 0, "by_status": {}}
        for name, n in q("SELECT annotator, count(*) FROM spans GROUP BY annotator"):
            names[name]["spans"] = n
        for name, docs in names.items():
            docs["by_status"] = {"new": docs["documents"]}
        for name, status, n in q("SELECT name, status, count(*) FROM sets GROUP BY name, status"):
            by_status = names[name]["by_status"]
            by_status["new"] -= n
            by_status[status] = by_status.get(status, 0) + n
        for docs in names.values():
            docs["by_status"] = {k: v for k, v in sorted(docs["by_status"].items()) if v}
        return [names[name] for name in sorted(names, key=lambda n: (n == GOLD, n))]

    # -- writing ---------------------------------------------------------------------------

    def set_status(self, doc_id: str, name: str, status: str, stamp: str | None = None) -> None:
        self.conn.execute(
            "INSERT INTO sets (doc_id, name, status, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (doc_id, name) DO UPDATE SET status = excluded.status, updated = excluded.updated",
            [doc_id, name, status, stamp or now()])

    def record_new_documents(self, docs) -> None:
        """The sets that whole documents arrive with (an import): each annotator named on their
        spans or relations gets the document's status."""
        rows = []
        stamp = now()
        for doc in docs:
            for name in sorted({s.annotator for s in doc.spans} | {r.annotator for r in doc.relations}):
                rows.append((doc.id, name, doc.status, stamp))
        self.conn.executemany("INSERT OR IGNORE INTO sets (doc_id, name, status, updated) VALUES (?, ?, ?, ?)", rows)

    def replace(self, doc_id: str, name: str, spans: list[Span], relations: list[Relation],
                status: str | None, source: str = "") -> None:
        """Set `name` of the document becomes exactly these spans and relations (each carrying
        `name` as annotator), with `status` (None keeps the status it has), taken from `source`."""
        if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is None:
            raise ProjectError(f"no document {doc_id!r}", "no_document", doc_id=doc_id)
        foreign = [s.id for s in spans if s.annotator != name] + [r.id for r in relations if r.annotator != name]
        if foreign:
            raise ValueError(f"spans or relations of another set given for set {name!r}: {foreign[:3]}")
        self.conn.execute("DELETE FROM relations WHERE doc_id = ? AND annotator = ?", [doc_id, name])
        self.conn.execute("DELETE FROM spans WHERE doc_id = ? AND annotator = ?", [doc_id, name])
        self.conn.executemany(SPAN_INSERT, [span_params(doc_id, s, now()) for s in spans])
        self.conn.executemany(RELATION_INSERT, [relation_params(doc_id, r, now()) for r in relations])
        if status is not None:
            self.set_status(doc_id, name, status)
        self.conn.execute("INSERT OR IGNORE INTO sets (doc_id, name, status, updated) VALUES (?, ?, 'new', ?)",
                          [doc_id, name, now()])
        self.conn.execute("UPDATE sets SET source = ? WHERE doc_id = ? AND name = ?", [source, doc_id, name])

    # -- merged packages ---------------------------------------------------------------------

    def packages(self) -> list[dict]:
        return [{"id": i, "annotator": a, "created": c, "merged": m, "documents": n} for i, a, c, m, n in
                self.conn.execute("SELECT id, annotator, created, merged, documents FROM packages "
                                  "ORDER BY merged, id")]

    def record_package(self, package_id: str, annotator: str, created: str, documents: int) -> None:
        self.conn.execute(
            "INSERT INTO packages (id, annotator, created, merged, documents) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET merged = excluded.merged, documents = excluded.documents",
            [package_id, annotator, created, now(), documents])
