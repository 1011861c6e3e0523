"""A project: documents, spans, relations, canonical entities and the label schema, in one file.

Every public write runs in one transaction (`Project.transaction`); readers get core objects.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from annotator import __version__
from annotator.core.model import Document, Entity, EntityRef, Relation, Span, Suggestion, now
from annotator.core.schema import Attribute, Label, Layer, Schema
from annotator.store import migrations
from annotator.store.connection import FileFacts, connect, inspect, side_file
from annotator.store.errors import ProjectError, sqlite_error
from annotator.store.lock import WriterLock

SUFFIX = ".annotator"
_SQL_VARS = 900  # stay below SQLite's bound-parameter limit in IN (...) lists


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class SpanFilter:
    """Which spans an export or listing wants; empty tuples mean all."""

    layers: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    start_before: int | None = None  # only spans starting before this offset (a first screen)

    def sql(self) -> tuple[str, list]:
        clauses, params = [], []
        for column, values in (("s.layer", self.layers), ("s.label", self.labels), ("s.annotator", self.annotators)):
            if values:
                clauses.append(f"{column} IN ({','.join('?' * len(values))})")
                params.extend(values)
        if self.start_before is not None:
            clauses.append("s.start < ?")
            params.append(self.start_before)
        return "".join(f" AND {c}" for c in clauses), params


def _refuse_stale_side_files(path: Path) -> None:
    """A -wal, -shm or -journal without its database belongs to a project that was moved, deleted
    or crashed; SQLite would apply it to the new file at this name. Refuse rather than move or
    delete it: with its database put back, it may hold someone's last committed work."""
    for suffix in ("-wal", "-shm", "-journal"):
        stale = side_file(path, suffix)
        if os.path.lexists(stale):
            raise ProjectError(
                f"{stale} is left over from an earlier project at this name and SQLite would apply it to the "
                "new one: move it away (it may hold unsaved work of that project) or choose another name",
                "stale_side_file", path=path, stale=stale,
            )


def _why_not_writable(path: Path) -> str | None:
    """Why this process cannot write the project (None if it can). Root passes every check."""
    real = Path(os.path.realpath(path))
    if not os.access(real, os.W_OK):
        return f"{path} is read-only (no write permission); annotations cannot be saved"
    if not os.access(real.parent, os.W_OK | os.X_OK):  # SQLite needs -wal and -shm beside it
        return (f"the folder holding {path} is read-only; annotations cannot be saved "
                "(copy the project to a writable folder to annotate it)")
    return None


def _connect_reading(path: Path, facts: FileFacts) -> sqlite_utils.Database:
    """A read-only connection that needs nothing it cannot have. WAL readers need a -shm beside
    the file: where this process cannot write, SQLite's read-only mode; where none can be made at
    all (a read-only folder, a full disk) and no -wal holds changes, the file alone (immutable)."""
    wal = side_file(path, "-wal")
    real = Path(os.path.realpath(path))
    folder_writable = os.access(real.parent, os.W_OK | os.X_OK)
    if not folder_writable and not os.path.lexists(wal):
        mode = "immutable"
    elif not folder_writable or not os.access(real, os.W_OK):
        mode = "ro"
    else:
        mode = None
    try:
        return connect(path, readonly=True, uri_mode=mode)
    except ProjectError as exc:
        if mode == "immutable" or exc.code not in ("disk_full", "io_error", "cannot_open", "readonly"):
            raise
        if facts.wal:  # reading the file alone would miss committed changes
            raise ProjectError(
                f"{path} cannot be read here: it has changes in {wal} and SQLite cannot make its -shm "
                "beside it; copy the project's folder to a writable disk and open the copy",
                "cannot_read_wal", path=path, wal=wal,
            ) from exc
        return connect(path, readonly=True, uri_mode="immutable")


class Project:
    def __init__(self, path: Path, db: sqlite_utils.Database, readonly: bool, lock: WriterLock | None):
        self.path = path
        self.db = db
        self.readonly = readonly
        # The sentence the window shows for a read-only project (None when writable).
        self.readonly_reason: str | None = (
            f"{path} is open read-only; annotations cannot be saved" if readonly else None
        )
        self._lock = lock
        self._schema: Schema | None = None
        self.backup: Path | None = None  # set when opening migrated an older file

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, schema: Schema, name: str | None = None) -> "Project":
        path = Path(path)
        if os.path.lexists(path):
            raise ProjectError(f"{path} already exists", "exists", path=path)
        if not path.parent.is_dir():
            raise ProjectError(f"{path.parent} is not a folder", "no_folder", path=path.parent)
        _refuse_stale_side_files(path)
        try:
            # O_EXCL: of two processes creating the same project, exactly one wins.
            os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            raise ProjectError(f"{path} already exists", "exists", path=path) from None
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
                raise ProjectError(f"the disk holding {path} is full: free some space and create it again",
                                   "disk_full", path=path) from None
            raise ProjectError(f"cannot create {path} ({exc.strerror})", "cannot_create", path=path) from None
        lock, db = WriterLock(path), None
        try:
            lock.acquire()
            db = connect(path)
            migrations.migrate(db.conn, None, 0)
            project = cls(path, db, False, lock)
            with project.transaction():
                stamp = now()
                db.conn.executemany(
                    "INSERT INTO project (key, value) VALUES (?, ?)",
                    [("name", name or path.stem), ("created", stamp), ("created_by", f"annotator {__version__}")],
                )
                project._write_schema(schema)
        except BaseException:
            # Nobody else can have used the file we just made: remove it and SQLite's side files,
            # so a failed create leaves the folder as it was.
            if db is not None:
                db.close()
            for leftover in (path, side_file(path, "-wal"), side_file(path, "-shm")):
                try:
                    leftover.unlink()
                except OSError:
                    pass
            lock.release()
            raise
        return project

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> "Project":
        """Open for writing (one writer per file, see lock.py) or reading. A file this process
        may not write opens read-only by itself, with `readonly_reason` saying why."""
        path = Path(path)
        facts = inspect(path)  # refuses before anything is written, beside the file or in it
        reason = None if readonly else _why_not_writable(path)
        readonly = readonly or reason is not None
        if readonly and facts.user_version < migrations.latest_version():
            todo = ("make it and its folder writable and open it again" if reason
                    else "open it for writing once")
            raise ProjectError(
                f"{path} has file version {facts.user_version} and must be upgraded once, which needs "
                f"write access: {todo}", "needs_upgrade", path=path, version=facts.user_version,
            )
        lock = None
        if not readonly:
            lock = WriterLock(path)
            lock.acquire()
        db = None
        try:
            db = connect(path) if not readonly else _connect_reading(path, facts)
            project = cls(path, db, readonly, lock)
            if reason:
                project.readonly_reason = reason
            project._check_version()
        except BaseException:
            if db is not None:
                db.close()
            if lock:
                lock.release()
            raise
        return project

    def _check_version(self) -> None:
        """SQLite's own view of the version, after `inspect` judged the header bytes."""
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            app_id = self.db.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{self.path}: not an annotator project ({exc})", "not_a_project",
                               path=self.path) from exc
        latest = migrations.latest_version()
        if app_id != migrations.APPLICATION_ID:
            raise ProjectError(f"{self.path}: not an annotator project (a SQLite file of another program)",
                               "foreign", path=self.path)
        if version > latest:
            raise ProjectError(
                f"{self.path}: made by a newer annotator (file version {version}, this one reads up to "
                f"{latest}); update annotator to open it", "newer", path=self.path, version=version, latest=latest,
            )
        if version < latest:
            if self.readonly:
                raise ProjectError(f"{self.path}: file version {version} needs upgrading; open it for writing once",
                                   "needs_upgrade", path=self.path, version=version)
            self.backup = migrations.migrate(self.db.conn, self.path, version)

    def close(self) -> None:
        if self.db is not None:
            if not self.readonly:
                # Fold the WAL back so the file alone is the whole project (users copy it).
                try:
                    self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.DatabaseError:
                    pass  # e.g. a full disk: the WAL keeps everything, SQLite applies it next time
            self.db.close()
            self.db = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self):
        """One user action = one transaction. IMMEDIATE takes the write lock up front, so a busy
        database waits (busy_timeout) instead of failing halfway through the action. A failure of
        the file or its disk (full, read-only, I/O, damage) rolls the whole action back and
        becomes a ProjectError sentence; every action committed before it stays."""
        if self.readonly:
            raise ProjectError(self.readonly_reason or f"{self.path} is open read-only", "readonly", path=self.path)
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():  # nested: a savepoint; the outer transaction maps errors
                yield self
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise sqlite_error(self.path, exc) or exc
        try:
            yield self
            conn.execute("COMMIT")  # inside the try: a COMMIT failing on a full disk rolls back too
        except BaseException as exc:
            if conn.in_transaction:  # SQLite may already have rolled back (e.g. SQLITE_FULL)
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # the connection is unusable anyway; SQLite discards the uncommitted pages
            self._schema = None  # the rolled-back action may have added labels
            if isinstance(exc, sqlite3.Error):
                mapped = sqlite_error(self.path, exc)
                if mapped is not None:
                    raise mapped from exc
            raise

    # -- project metadata and schema -----------------------------------------------------

    def info(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM project").fetchall())

    @property
    def schema(self) -> Schema:
        if self._schema is None:
            self._schema = self._read_schema()
        return self._schema

    def _read_schema(self) -> Schema:
        info = self.info()
        layers = []
        for name, overlap, description in self.db.execute(
            "SELECT name, overlap, description FROM layers ORDER BY position"
        ).fetchall():
            labels = tuple(
                Label(*row)
                for row in self.db.execute(
                    "SELECT name, layer, color, key, guideline FROM labels WHERE layer = ? ORDER BY position", (name,)
                ).fetchall()
            )
            attributes = tuple(
                Attribute(n, name, kind, tuple(json.loads(choices)), default, desc)
                for n, kind, choices, default, desc in self.db.execute(
                    "SELECT name, kind, choices, default_value, description FROM attributes "
                    "WHERE layer = ? ORDER BY position",
                    (name,),
                ).fetchall()
            )
            layers.append(Layer(name, overlap, description, labels, attributes))
        return Schema(info.get("schema_name", "custom"), tuple(layers), info.get("schema_description", ""))

    def _write_schema(self, schema: Schema) -> None:
        conn = self.db.conn
        conn.executemany(
            "INSERT OR REPLACE INTO project (key, value) VALUES (?, ?)",
            [("schema_name", schema.name), ("schema_description", schema.description)],
        )
        for lpos, layer in enumerate(schema.layers):
            conn.execute(
                "INSERT INTO layers (name, overlap, description, position) VALUES (?, ?, ?, ?)",
                (layer.name, layer.overlap, layer.description, lpos),
            )
            conn.executemany(
                "INSERT INTO attributes (layer, name, kind, choices, default_value, description, position) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(layer.name, a.name, a.kind, _dumps(list(a.values)), a.default, a.description, i)
                 for i, a in enumerate(layer.attributes)],
            )
        self._insert_labels(schema.labels())
        self._schema = None

    def _insert_labels(self, labels: Iterable[Label]) -> None:
        start = self.db.execute("SELECT coalesce(max(position), -1) + 1 FROM labels").fetchone()[0]
        self.db.conn.executemany(
            "INSERT INTO labels (name, layer, color, key, guideline, position) VALUES (?, ?, ?, ?, ?, ?)",
            [(lab.name, lab.layer, lab.color, lab.key, lab.guideline, start + i) for i, lab in enumerate(labels)],
        )

    def add_label(self, layer: str, name: str) -> Label:
        """Append a label met in imported data to the schema (auto colour, no key)."""
        schema = self.schema.with_label(layer, name)
        label = schema.label(name)
        with self.transaction():
            self._insert_labels([label])
        self._schema = schema
        return label

    # -- writing documents ---------------------------------------------------------------

    def existing(self, table: str, column: str, values: Iterable[str]) -> set[str]:
        """Which of `values` already occur in table.column (a handful of queries, not one each)."""
        values = list(values)
        found: set[str] = set()
        for i in range(0, len(values), _SQL_VARS):
            chunk = values[i : i + _SQL_VARS]
            found.update(
                row[0]
                for row in self.db.execute(
                    f"SELECT {column} FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk
                )
            )
        return found

    def add_documents(self, docs: list[Document], entities: Iterable[EntityRef] = ()) -> None:
        """Store whole documents with their spans and relations, all in one transaction."""
        stamp = now()
        with self.transaction():
            conn = self.db.conn
            seq = conn.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0]
            conn.executemany(
                "INSERT OR IGNORE INTO entities (id, type, name, aliases, created, updated) VALUES (?, ?, ?, '[]', ?, ?)",
                [(e.id, e.type, e.name, stamp, stamp) for e in entities],
            )
            conn.executemany(
                "INSERT INTO documents (id, seq, text, content_hash, meta, status, created, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(d.id, seq + n, d.text, d.content_hash, _dumps(d.meta), d.status, stamp, stamp)
                 for n, d in enumerate(docs, 1)],
            )
            conn.executemany(
                'INSERT INTO spans (id, doc_id, start, "end", text, layer, label, entity_id, attrs, annotator, '
                "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(s.id, d.id, s.start, s.end, s.text, s.layer, s.label, s.entity.id if s.entity else None,
                  _dumps(s.attrs) if s.attrs else "{}", s.annotator, s.created or stamp, s.updated or stamp)
                 for d in docs for s in d.spans],
            )
            conn.executemany(
                "INSERT INTO relations (id, doc_id, head, child, label, annotator, created, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(r.id, d.id, r.head, r.child, r.label, r.annotator, r.created or stamp, r.updated or stamp)
                 for d in docs for r in d.relations],
            )

    # -- single annotations (the GUI's actions; the caller holds the transaction) ----------

    def insert_span(self, doc_id: str, span: Span) -> None:
        self.db.execute(
            'INSERT INTO spans (id, doc_id, start, "end", text, layer, label, entity_id, attrs, annotator, '
            "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [span.id, doc_id, span.start, span.end, span.text, span.layer, span.label,
             span.entity.id if span.entity else None, _dumps(span.attrs) if span.attrs else "{}",
             span.annotator, span.created, span.updated],
        )

    def insert_relations(self, doc_id: str, relations: Iterable[Relation]) -> None:
        self.db.conn.executemany(
            "INSERT INTO relations (id, doc_id, head, child, label, annotator, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(r.id, doc_id, r.head, r.child, r.label, r.annotator, r.created, r.updated) for r in relations],
        )

    def span_relations(self, span_id: str) -> list[Relation]:
        return [
            Relation(*row)
            for row in self.db.execute(
                "SELECT id, head, child, label, annotator, created, updated FROM relations "
                "WHERE head = ? OR child = ? ORDER BY id",
                [span_id, span_id],
            )
        ]

    def delete_span(self, span_id: str) -> None:
        """Deletes the span; its relations go with it (ON DELETE CASCADE)."""
        if self.db.execute("DELETE FROM spans WHERE id = ?", [span_id]).rowcount != 1:
            raise ProjectError(f"no span {span_id!r}")

    def update_span(self, span: Span) -> None:
        """Stores a span's label, layer, entity link and attributes (its offsets never change)."""
        cur = self.db.execute(
            "UPDATE spans SET layer = ?, label = ?, entity_id = ?, attrs = ?, annotator = ?, updated = ? "
            "WHERE id = ?",
            [span.layer, span.label, span.entity.id if span.entity else None,
             _dumps(span.attrs) if span.attrs else "{}", span.annotator, span.updated, span.id],
        )
        if cur.rowcount != 1:
            raise ProjectError(f"no span {span.id!r}")

    # -- canonical entities ----------------------------------------------------------------

    def entities(self, ids: Iterable[str] = ()) -> list[Entity]:
        """Canonical entities with their mention and document counts, by name."""
        ids = tuple(ids)
        where = f"WHERE e.id IN ({','.join('?' * len(ids))})" if ids else ""
        return [
            Entity(eid, etype, name, json.loads(aliases), mentions, docs)
            for eid, etype, name, aliases, mentions, docs in self.db.execute(
                "SELECT e.id, e.type, e.name, e.aliases, count(s.id), count(DISTINCT s.doc_id) FROM entities e "
                f"LEFT JOIN spans s ON s.entity_id = e.id {where} GROUP BY e.id ORDER BY e.name, e.id",
                ids,
            )
        ]

    def entity(self, entity_id: str) -> Entity:
        found = self.entities([entity_id])
        if not found:
            raise ProjectError(f"no entity {entity_id!r}")
        return found[0]

    def insert_entity(self, entity: Entity) -> None:
        stamp = now()
        self.db.execute(
            "INSERT INTO entities (id, type, name, aliases, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
            [entity.id, entity.type, entity.name, _dumps(entity.aliases), stamp, stamp],
        )

    def update_entity(self, entity: Entity) -> None:
        cur = self.db.execute(
            "UPDATE entities SET type = ?, name = ?, aliases = ?, updated = ? WHERE id = ?",
            [entity.type, entity.name, _dumps(entity.aliases), now(), entity.id],
        )
        if cur.rowcount != 1:
            raise ProjectError(f"no entity {entity.id!r}")

    def delete_entity(self, entity_id: str) -> None:
        self.db.execute("DELETE FROM entities WHERE id = ?", [entity_id])

    def mentions(self, entity_id: str) -> list[str]:
        """Ids of the spans linked to an entity."""
        return [row[0] for row in self.db.execute("SELECT id FROM spans WHERE entity_id = ? ORDER BY id", [entity_id])]

    def link_spans(self, span_ids: Iterable[str], entity_id: str | None) -> None:
        span_ids = list(span_ids)
        for i in range(0, len(span_ids), _SQL_VARS):
            chunk = span_ids[i : i + _SQL_VARS]
            self.db.execute(
                f"UPDATE spans SET entity_id = ?, updated = ? WHERE id IN ({','.join('?' * len(chunk))})",
                [entity_id, now(), *chunk],
            )

    def delete_relation(self, relation_id: str) -> None:
        self.db.execute("DELETE FROM relations WHERE id = ?", [relation_id])

    # -- stored suggestions (imported pre-annotations) --------------------------------------

    def insert_suggestions(self, doc_id: str, suggestions: Iterable[Suggestion]) -> None:
        stamp = now()
        self.db.conn.executemany(
            'INSERT INTO suggestions (id, doc_id, start, "end", text, layer, label, entity_id, source, created) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(s.id, doc_id, s.start, s.end, s.text, s.layer, s.label, s.entity.id if s.entity else None,
              s.source, stamp) for s in suggestions],
        )

    def suggestions(self, doc_id: str) -> list[Suggestion]:
        return [
            Suggestion(start, end, text, layer, label, EntityRef(eid, ename, etype) if eid else None, source, sid)
            for sid, start, end, text, layer, label, eid, ename, etype, source in self.db.execute(
                'SELECT s.id, s.start, s."end", s.text, s.layer, s.label, s.entity_id, e.name, e.type, s.source '
                "FROM suggestions s LEFT JOIN entities e ON e.id = s.entity_id WHERE s.doc_id = ? "
                'ORDER BY s.start, s."end" DESC',
                [doc_id],
            )
        ]

    def delete_suggestions(self, ids: Iterable[str]) -> None:
        self.db.conn.executemany("DELETE FROM suggestions WHERE id = ?", [(i,) for i in ids])

    def document_rows(self) -> list[tuple[str, str | None, str, int]]:
        """(id, title, status, span count) of every document, in project order."""
        return self.db.execute(
            "SELECT d.id, d.title, d.status, (SELECT count(*) FROM spans s WHERE s.doc_id = d.id) "
            "FROM documents d ORDER BY d.seq"
        ).fetchall()

    def document_status(self, doc_id: str) -> str:
        row = self.db.execute("SELECT status FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise ProjectError(f"no document {doc_id!r}")
        return row[0]

    def set_status(self, doc_id: str, status: str) -> None:
        with self.transaction():
            cur = self.db.execute(
                "UPDATE documents SET status = ?, updated = ? WHERE id = ?", [status, now(), doc_id]
            )
            if cur.rowcount != 1:
                raise ProjectError(f"no document {doc_id!r}")

    # -- reading -------------------------------------------------------------------------

    def document_count(self, statuses: Iterable[str] = ()) -> int:
        statuses = tuple(statuses)
        where = f" WHERE status IN ({','.join('?' * len(statuses))})" if statuses else ""
        return self.db.execute(f"SELECT count(*) FROM documents{where}", statuses).fetchone()[0]

    def iter_documents(
        self, statuses: Iterable[str] = (), spans: SpanFilter = SpanFilter(), ids: Iterable[str] = ()
    ) -> Iterator[Document]:
        statuses, ids = tuple(statuses), tuple(ids)
        clauses, params = [], []
        if statuses:
            clauses.append(f"status IN ({','.join('?' * len(statuses))})")
            params.extend(statuses)
        if ids:
            clauses.append(f"id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        span_where, span_params = spans.sql()
        span_sql = (
            'SELECT s.id, s.start, s."end", s.text, s.layer, s.label, s.entity_id, e.name, e.type, s.attrs, '
            "s.annotator, s.created, s.updated FROM spans s LEFT JOIN entities e ON e.id = s.entity_id "
            f'WHERE s.doc_id = ?{span_where} ORDER BY s.start, s."end" DESC, s.layer, s.label, s.id'
        )
        relation_sql = (
            "SELECT id, head, child, label, annotator, created, updated FROM relations WHERE doc_id = ? ORDER BY id"
        )
        # A separate cursor for the outer loop: the per-document queries reuse the connection.
        docs = self.db.conn.cursor().execute(
            f"SELECT id, text, meta, status, content_hash FROM documents{where} ORDER BY seq", params
        )
        conn = self.db.conn
        for doc_id, text, meta, status, chash in docs:
            span_list = [
                Span(sid, start, end, stext, layer, label,
                     EntityRef(eid, ename, etype) if eid else None,
                     json.loads(attrs) if attrs != "{}" else {}, annotator, created, updated)
                for sid, start, end, stext, layer, label, eid, ename, etype, attrs, annotator, created, updated
                in conn.execute(span_sql, (doc_id, *span_params))
            ]
            kept = {s.id for s in span_list}
            relation_list = [
                Relation(*row) for row in conn.execute(relation_sql, (doc_id,)) if row[1] in kept and row[2] in kept
            ]
            yield Document(doc_id, text, json.loads(meta), status, span_list, relation_list, chash)

    def get_document(self, doc_id: str, spans: SpanFilter = SpanFilter()) -> Document:
        for doc in self.iter_documents(ids=(doc_id,), spans=spans):
            return doc
        raise ProjectError(f"no document {doc_id!r}")

    def stats(self) -> dict:
        q = self.db.execute
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
