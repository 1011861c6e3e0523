"""Documents: storing whole ones (with their spans and relations), listing, reading, status."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from annotator.core.model import Document, EntityRef, Relation, now
from annotator.store.errors import ProjectError
from annotator.store.sets import GOLD, own_names, set_status_sql
from annotator.store.rows import (RELATION_COLUMNS, RELATION_INSERT, SPAN_INSERT, SPAN_ORDER, SPAN_SELECT, chunks,
                                  dumps, marks, relation_params, span_from_row, span_params)

# Tables whose ids an import must not reuse (a fixed list: the name goes into the SQL text).
ID_TABLES = ("documents", "spans", "relations")


@dataclass(frozen=True, slots=True)
class SpanFilter:
    """Which spans an export or listing wants; empty tuples mean all."""

    layers: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    start_before: int | None = None  # only spans starting before this offset (a first screen)
    # One annotation set (store/sets.py): its spans, and the documents that have it with that
    # set's status. None: every set, with the document's status.
    set_name: str | None = None
    # Of a document with a gold set only the gold set, else every set (the default of an export).
    prefer_gold: bool = False

    def sql(self) -> tuple[str, list]:
        clauses, params = [], []
        annotators = self.annotators if self.set_name is None else (self.set_name,)
        for column, values in (("s.layer", self.layers), ("s.label", self.labels), ("s.annotator", annotators)):
            if values:
                clauses.append(f"{column} IN ({marks(values)})")
                params.extend(values)
        if self.start_before is not None:
            clauses.append("s.start < ?")
            params.append(self.start_before)
        if self.prefer_gold and self.set_name is None:
            clauses.append(f"(s.annotator = '{GOLD}' OR NOT EXISTS (SELECT 1 FROM spans g WHERE g.doc_id = s.doc_id "
                           f"AND g.annotator = '{GOLD}') AND NOT EXISTS (SELECT 1 FROM sets g WHERE "
                           f"g.doc_id = s.doc_id AND g.name = '{GOLD}'))")
        return "".join(f" AND {c}" for c in clauses), params


def _status_where(statuses: tuple[str, ...]) -> str:
    return f" WHERE status IN ({marks(statuses)})" if statuses else ""


class Documents:
    """The documents table and what is stored with a whole document. The caller holds the
    transaction of every write (see Project)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    # -- writing ---------------------------------------------------------------------------

    def add(self, docs: list[Document], entities: Iterable[EntityRef] = ()) -> None:
        stamp = now()
        conn = self.conn
        seq = conn.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0]
        conn.executemany(
            "INSERT OR IGNORE INTO entities (id, type, name, aliases, created, updated) VALUES (?, ?, ?, '[]', ?, ?)",
            [(e.id, e.type, e.name, stamp, stamp) for e in entities],
        )
        conn.executemany(
            "INSERT INTO documents (id, seq, text, content_hash, meta, status, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(d.id, seq + n, d.text, d.content_hash, dumps(d.meta), d.status, stamp, stamp)
             for n, d in enumerate(docs, 1)],
        )
        conn.executemany(SPAN_INSERT, [span_params(d.id, s, stamp) for d in docs for s in d.spans])
        conn.executemany(RELATION_INSERT, [relation_params(d.id, r, stamp) for d in docs for r in d.relations])

    def set_status(self, doc_id: str, status: str) -> None:
        cur = self.conn.execute("UPDATE documents SET status = ?, updated = ? WHERE id = ?", [status, now(), doc_id])
        if cur.rowcount != 1:
            raise ProjectError(f"no document {doc_id!r}", "no_document", doc_id=doc_id)

    # -- ids an import must not reuse --------------------------------------------------------

    def taken_ids(self, kind: str, ids: Iterable[str]) -> set[str]:
        """Which of `ids` are already used by a row of `kind` (documents, spans or relations)."""
        if kind not in ID_TABLES:
            raise ValueError(f"no ids of kind {kind!r}")
        return self._existing(kind, "id", ids)

    def stored_ids_by_hash(self, hashes: Iterable[str]) -> dict[str, str]:
        """content hash -> id of the stored document with that text, for the hashes stored."""
        found: dict[str, str] = {}
        for chunk in chunks(list(hashes)):
            found.update(self.conn.execute(
                f"SELECT content_hash, id FROM documents WHERE content_hash IN ({marks(chunk)})", chunk))
        return found

    def _existing(self, table: str, column: str, values: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in chunks(list(values)):
            found.update(row[0] for row in self.conn.execute(
                f"SELECT {column} FROM {table} WHERE {column} IN ({marks(chunk)})", chunk))
        return found

    # -- reading ---------------------------------------------------------------------------

    def rows(self, set_name: str | None = None) -> list[tuple[str, str | None, str, int]]:
        """(id, title, status, span count) in project order: of the documents, or as set
        `set_name` sees them (its status, its own spans: sets.own_names). One query."""
        if set_name is None:
            return self.conn.execute(
                "SELECT d.id, d.title, d.status, (SELECT count(*) FROM spans s WHERE s.doc_id = d.id) "
                "FROM documents d ORDER BY d.seq"
            ).fetchall()
        status, params = set_status_sql(set_name)
        own = own_names(set_name)
        return self.conn.execute(
            f"SELECT d.id, d.title, {status}, (SELECT count(*) FROM spans s WHERE s.doc_id = d.id "
            f"AND s.annotator IN ({marks(own)})) FROM documents d ORDER BY d.seq", [*params, *own]
        ).fetchall()

    def status(self, doc_id: str, set_name: str | None = None) -> str:
        """The document's status, or that of its set `set_name` (sets.set_status_sql)."""
        status, params = ("d.status", []) if set_name is None else set_status_sql(set_name)
        row = self.conn.execute(f"SELECT {status} FROM documents d WHERE d.id = ?", [*params, doc_id]).fetchone()
        if row is None:
            raise ProjectError(f"no document {doc_id!r}", "no_document", doc_id=doc_id)
        return row[0]

    def count(self, statuses: Iterable[str] = ()) -> int:
        statuses = tuple(statuses)
        return self.conn.execute(f"SELECT count(*) FROM documents{_status_where(statuses)}", statuses).fetchone()[0]

    def texts(self, statuses: Iterable[str] = (), ids: Iterable[str] = ()) -> Iterator[tuple[str, str]]:
        """(id, text) of every document (of these statuses, with these ids), in project order,
        one at a time."""
        statuses, ids = tuple(statuses), tuple(ids)
        where, params = _status_where(statuses), list(statuses)
        if ids:
            where += f"{' AND' if where else ' WHERE'} id IN ({marks(ids)})"
            params.extend(ids)
        # Its own cursor: the caller may query the project between two documents.
        yield from self.conn.cursor().execute(f"SELECT id, text FROM documents{where} ORDER BY seq", params)

    def iterate(self, statuses: Iterable[str] = (), spans: SpanFilter = SpanFilter(),
                ids: Iterable[str] = ()) -> Iterator[Document]:
        statuses, ids = tuple(statuses), tuple(ids)
        clauses, params = [], []
        status = "status"
        if spans.set_name is not None:
            status = "coalesce((SELECT x.status FROM sets x WHERE x.doc_id = documents.id AND x.name = ?), 'new')"
            clauses.append("(EXISTS (SELECT 1 FROM sets x WHERE x.doc_id = documents.id AND x.name = ?) OR EXISTS "
                           "(SELECT 1 FROM spans x WHERE x.doc_id = documents.id AND x.annotator = ?))")
            params.extend((spans.set_name, spans.set_name))
        if statuses:
            clauses.append(f"{status} IN ({marks(statuses)})")
            if spans.set_name is not None:
                params.append(spans.set_name)
            params.extend(statuses)
        if ids:
            clauses.append(f"id IN ({marks(ids)})")
            params.extend(ids)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        if spans.set_name is not None:
            params.insert(0, spans.set_name)  # the status column's own parameter comes first
        span_where, span_params_ = spans.sql()
        span_sql = f"{SPAN_SELECT} WHERE s.doc_id = ?{span_where} {SPAN_ORDER}"
        relation_sql = f"SELECT {RELATION_COLUMNS} FROM relations WHERE doc_id = ? ORDER BY id"
        conn = self.conn
        # A separate cursor for the outer loop: the per-document queries reuse the connection.
        docs = conn.cursor().execute(
            f"SELECT id, text, meta, {status}, content_hash FROM documents{where} ORDER BY seq", params)
        for doc_id, text, meta, status, chash in docs:
            span_list = [span_from_row(row) for row in conn.execute(span_sql, (doc_id, *span_params_))]
            kept = {s.id for s in span_list}
            relation_list = [Relation(*row) for row in conn.execute(relation_sql, (doc_id,))
                             if row[1] in kept and row[2] in kept]
            yield Document(doc_id, text, json.loads(meta), status, span_list, relation_list, chash)

    def get(self, doc_id: str, spans: SpanFilter = SpanFilter()) -> Document:
        for doc in self.iterate(ids=(doc_id,), spans=spans):
            return doc
        raise ProjectError(f"no document {doc_id!r}", "no_document", doc_id=doc_id)

    def stats(self) -> dict:
        q = self.conn.execute
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "by_status": dict(q("SELECT status, count(*) FROM documents GROUP BY status ORDER BY status").fetchall()),
            "spans": q("SELECT count(*) FROM spans").fetchone()[0],
            "by_label": [
                {"layer": layer, "label": label, "spans": n, "documents": docs}
                for layer, label, n, docs in q(
                    "SELECT l.layer, l.name, count(s.id), count(DISTINCT s.doc_id) FROM labels l "
                    "LEFT JOIN spans s ON s.layer = l.layer AND s.label = l.name "
                    "JOIN layers y ON y.name = l.layer GROUP BY l.layer, l.name ORDER BY y.position, l.position"
                ).fetchall()
            ],
            "relations": q("SELECT count(*) FROM relations").fetchone()[0],
            "entities": q("SELECT count(*) FROM entities").fetchone()[0],
            "suggestions": q("SELECT count(*) FROM suggestions").fetchone()[0],
            "annotators": [
                {"annotator": name, "spans": n, "documents": docs, "last": last}
                for name, n, docs, last in q(
                    "SELECT annotator, count(*), count(DISTINCT doc_id), max(updated) FROM spans "
                    "GROUP BY annotator ORDER BY count(*) DESC, annotator"
                ).fetchall()
            ],
        }
