"""A project: documents, spans, relations, canonical entities and the label schema, in one file.

Project opens and closes the file (one writer at a time, see lock.py) and composes the
repositories that hold the SQL (documents, annotations, entities, suggestions, schema_store).
Every public write is one transaction, or part of the caller's `Project.transaction`; readers
get core objects. It implements annotator.store.interface.Store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from annotator import __version__
from annotator.core.model import Document, Entity, EntityRef, Relation, Span, Suggestion, now
from annotator.core.schema import Attribute, Label, Schema
from annotator.store import migrations
from annotator.store.annotations import Annotations
from annotator.store.connection import connect, inspect
from annotator.store.documents import Documents, SpanFilter
from annotator.store.entities import Entities
from annotator.store.errors import ProjectError, sqlite_error
from annotator.store.lock import WriterLock
from annotator.store.problems import CheckResult
from annotator.store.project_file import (check_version, connect_reading, make_new_file, remove_new_file,
                                         why_not_writable)
from annotator.store.schema_store import SchemaStore
from annotator.store.selection import selection_counts
from annotator.store.sets import Sets
from annotator.store.suggestions import Suggestions
from annotator.store.transaction import immediate

__all__ = ["SUFFIX", "Project", "SpanFilter"]

SUFFIX = ".annotator"


class _Closed:
    """Stands in for the repositories of a closed project: any use is one clear sentence."""

    def __init__(self, path: Path):
        self._path = path

    def __getattr__(self, name: str):
        raise ProjectError(f"{self._path} is closed", "closed", path=self._path)


class Project:
    def __init__(self, path: Path, db: sqlite_utils.Database, readonly: bool, lock: WriterLock | None):
        self.path = path
        self.db = db  # the store's own: nothing outside annotator/store touches it
        self.readonly = readonly
        # The sentence the window shows for a read-only project (None when writable).
        self.readonly_reason: str | None = (
            f"{path} is open read-only; annotations cannot be saved" if readonly else None
        )
        self._lock = lock
        self.backup: Path | None = None  # set when opening migrated an older file
        conn = db.conn
        self._documents, self._annotations = Documents(conn), Annotations(conn)
        self._entities, self._suggestions, self._schema = Entities(conn), Suggestions(conn), SchemaStore(conn)
        self._sets = Sets(conn)

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, schema: Schema, name: str | None = None) -> "Project":
        path = Path(path)
        make_new_file(path)
        lock, db = WriterLock(path), None
        try:
            lock.acquire()
            db = connect(path)
            migrations.migrate(db.conn, None, 0)
            project = cls(path, db, False, lock)
            with project.transaction():
                project._schema.set_info([("name", name or path.stem), ("created", now()),
                                          ("created_by", f"annotator {__version__}")])
                project._schema.write(schema)
        except BaseException:
            if db is not None:
                db.close()
            remove_new_file(path)
            lock.release()
            raise
        return project

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> "Project":
        """Open for writing (one writer per file, see lock.py) or reading. A file this process
        may not write opens read-only by itself, with `readonly_reason` saying why."""
        path = Path(path)
        facts = inspect(path)  # refuses before anything is written, beside the file or in it
        reason = None if readonly else why_not_writable(path)
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
            db = connect(path) if not readonly else connect_reading(path, facts)
            project = cls(path, db, readonly, lock)
            if reason:
                project.readonly_reason = reason
            project.backup = check_version(db, path, readonly)  # migrates an older file
        except BaseException:
            if db is not None:
                db.close()
            if lock:
                lock.release()
            raise
        return project

    @property
    def closed(self) -> bool:
        return self.db is None

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
            closed = _Closed(self.path)
            self._documents = self._annotations = self._entities = self._suggestions = self._schema = closed
            self._sets = closed
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator["Project"]:
        """One user action = one transaction (a savepoint inside the caller's). A failure of the
        file or its disk (full, read-only, I/O, damage) rolls the whole action back and becomes a
        ProjectError sentence; every action committed before it stays."""
        if self.readonly:
            raise ProjectError(self.readonly_reason or f"{self.path} is open read-only", "readonly", path=self.path)
        if self.db is None:
            raise ProjectError(f"{self.path} is closed", "closed", path=self.path)
        # The rolled-back action may have added labels: the cached schema is read again.
        with immediate(self.db.conn, lambda exc: sqlite_error(self.path, exc), self._schema.forget):
            yield self

    def check(self, repair: bool = False) -> CheckResult:
        """`annotator check` on this project: the problems found (after applying the repairs
        that lose nothing, with `repair`)."""
        from annotator.store.check import check_project  # the checks are loaded only when asked for

        if repair and self.readonly:
            raise ProjectError(self.readonly_reason or f"{self.path} is open read-only", "readonly", path=self.path)
        if self.db is None:
            raise ProjectError(f"{self.path} is closed", "closed", path=self.path)
        return check_project(self.db.conn, repair)

    # -- project facts and schema ----------------------------------------------------------

    def info(self) -> dict[str, str]:
        return self._schema.info()

    def set_info(self, items: Iterable[tuple[str, str]]) -> None:
        """Record project facts (key, value), replacing those of the same keys."""
        with self.transaction():
            self._schema.set_info(items)

    @property
    def schema(self) -> Schema:
        return self._schema.schema

    def add_label(self, layer: str, name: str) -> Label:
        """Append a label met in imported data to the schema (auto colour, no key)."""
        with self.transaction():
            return self._schema.add_label(layer, name)

    def add_attribute(self, attribute: Attribute) -> Attribute:
        """Append an attribute met in imported data to its layer, or widen the choices of the
        layer's attribute of that name and kind; returns it as stored."""
        with self.transaction():
            return self._schema.add_attribute(attribute)

    def replace_label(self, before: Label | None, after: Label | None,
                      retype: Iterable[str] | None = None) -> list[str]:
        """A label added (before None), removed (after None) or edited; a rename carries its
        spans, suggestions and the entities of its type (`retype`, None: all) along and returns
        the entity ids retyped. The caller checks the edit (core.schema_edit)."""
        with self.transaction():
            return self._schema.replace_label(before, after, retype)

    def label_documents(self, label: Label) -> set[str]:
        return self._schema.label_documents(label)

    # -- documents -------------------------------------------------------------------------

    def add_documents(self, docs: list[Document], entities: Iterable[EntityRef] = ()) -> None:
        """Store whole documents with their spans and relations (and the entities they link to)."""
        with self.transaction():
            self._documents.add(docs, entities)
            self._sets.record_new_documents(docs)

    def taken_ids(self, kind: str, ids: Iterable[str]) -> set[str]:
        """Which of `ids` a stored document, span or relation (`kind`) already has."""
        return self._documents.taken_ids(kind, ids)

    def existing(self, table: str, column: str, values: Iterable[str]) -> set[str]:
        """Which of `values` occur in table.column: ids (see taken_ids) or documents' content hashes."""
        if table == "documents" and column == "content_hash":
            return set(self._documents.stored_ids_by_hash(values))
        if column != "id":
            raise ValueError(f"no lookup of {table}.{column}")
        return self._documents.taken_ids(table, values)

    def stored_ids_by_hash(self, hashes: Iterable[str]) -> dict[str, str]:
        """content hash -> id of the stored document with that text, for the hashes stored."""
        return self._documents.stored_ids_by_hash(hashes)

    def document_rows(self, set_name: str | None = None) -> list[tuple[str, str | None, str, int]]:
        """(id, title, status, span count) of every document, in project order; with `set_name`,
        that set's status (set_status_of) and the spans it works on (its own and unattributed
        ones; gold: only gold's)."""
        return self._documents.rows(set_name)

    def document_status(self, doc_id: str) -> str:
        return self._documents.status(doc_id)

    def set_status_of(self, doc_id: str, set_name: str) -> str:
        """The status of the document's set `set_name`: its own; without one, the document's
        status when no other annotator has a set there (unattributed or imported work), else new."""
        return self._documents.status(doc_id, set_name)

    def set_status(self, doc_id: str, status: str, set_name: str | None = None) -> None:
        """The document's status, and that of its set `set_name` when given (the document's own
        status is the last one set in any of its sets)."""
        with self.transaction():
            self._documents.set_status(doc_id, status)
            if set_name is not None:
                self._sets.set_status(doc_id, set_name, status)

    def document_count(self, statuses: Iterable[str] = ()) -> int:
        return self._documents.count(statuses)

    def document_texts(self, statuses: Iterable[str] = (), ids: Iterable[str] = ()) -> Iterator[tuple[str, str]]:
        """(id, text) of every document (with one of `statuses`, and one of `ids`, if given), in
        project order."""
        return self._documents.texts(statuses, ids)

    def selection_counts(self, statuses: Iterable[str] = (), spans: SpanFilter = SpanFilter()) -> dict:
        """What an export of `statuses` and `spans` holds, counted without reading a text
        (store/selection.py): for the export dialog's summary of what a format loses."""
        if self.db is None:
            raise ProjectError(f"{self.path} is closed", "closed", path=self.path)
        return selection_counts(self.db.conn, statuses, spans)

    def iter_documents(self, statuses: Iterable[str] = (), spans: SpanFilter = SpanFilter(),
                       ids: Iterable[str] = ()) -> Iterator[Document]:
        return self._documents.iterate(statuses, spans, ids)

    def get_document(self, doc_id: str, spans: SpanFilter = SpanFilter()) -> Document:
        return self._documents.get(doc_id, spans)

    def stats(self) -> dict:
        """What stats() lists; "sets": per annotation set its documents, spans and documents by
        status (the set's own status), the gold set last."""
        figures = self._documents.stats()
        figures["sets"] = self._sets.summary()
        return figures

    # -- single spans and relations ----------------------------------------------------------

    def insert_span(self, doc_id: str, span: Span) -> None:
        with self.transaction():
            self._annotations.insert_span(doc_id, span)

    def update_span(self, span: Span) -> None:
        """Stores a span's label, layer, entity link and attributes (its offsets never change)."""
        with self.transaction():
            self._annotations.update_span(span)

    def delete_span(self, span_id: str) -> None:
        """Deletes the span; its relations go with it."""
        with self.transaction():
            self._annotations.delete_span(span_id)

    def insert_relations(self, doc_id: str, relations: Iterable[Relation]) -> None:
        with self.transaction():
            self._annotations.insert_relations(doc_id, relations)

    def span_relations(self, span_id: str) -> list[Relation]:
        return self._annotations.span_relations(span_id)

    def delete_relation(self, relation_id: str) -> None:
        with self.transaction():
            self._annotations.delete_relation(relation_id)

    # -- canonical entities ----------------------------------------------------------------

    def entities(self, ids: Iterable[str] = ()) -> list[Entity]:
        """Canonical entities with their mention and document counts, by name."""
        return self._entities.list(ids)

    def entity(self, entity_id: str) -> Entity:
        return self._entities.get(entity_id)

    def insert_entity(self, entity: Entity) -> None:
        with self.transaction():
            self._entities.insert(entity)

    def update_entity(self, entity: Entity) -> None:
        with self.transaction():
            self._entities.update(entity)

    def delete_entity(self, entity_id: str) -> None:
        with self.transaction():
            self._entities.delete(entity_id)

    def mentions(self, entity_id: str) -> list[str]:
        """Ids of the spans linked to an entity."""
        return self._entities.mentions(entity_id)

    def mention_locations(self, entity_id: str) -> list[tuple[str, str]]:
        """(document id, span id) of every span linked to an entity, in project order then by start."""
        return self._entities.mention_locations(entity_id)

    def link_spans(self, span_ids: Iterable[str], entity_id: str | None) -> None:
        with self.transaction():
            self._entities.link_spans(span_ids, entity_id)

    # -- stored suggestions (imported pre-annotations) --------------------------------------

    def insert_suggestions(self, doc_id: str, suggestions: Iterable[Suggestion]) -> None:
        with self.transaction():
            self._suggestions.insert(doc_id, suggestions)

    def suggestions(self, doc_id: str) -> list[Suggestion]:
        return self._suggestions.of_document(doc_id)

    def delete_suggestions(self, ids: Iterable[str]) -> None:
        with self.transaction():
            self._suggestions.delete(ids)

    def reject_suggestions(self, doc_id: str, keys: Iterable[tuple], set_name: str = "") -> list[tuple]:
        with self.transaction():
            return self._suggestions.reject(doc_id, keys, set_name)

    def rejections(self, doc_id: str, set_name: str | None = None) -> set[tuple]:
        """The keys rejected in the document by set `set_name` or by set '' (everyone's);
        None: by any set."""
        return self._suggestions.rejections(doc_id, set_name)

    def unreject_suggestions(self, doc_id: str, keys: Iterable[tuple], set_name: str = "") -> None:
        with self.transaction():
            self._suggestions.unreject(doc_id, keys, set_name)

    # -- annotation sets (store/sets.py) -----------------------------------------------------

    def document_sets(self, doc_ids: Iterable[str] = ()) -> dict[str, dict[str, str]]:
        """doc id -> {set name: status} of the documents given (every document that has a set
        when none is given)."""
        return self._sets.of_documents(doc_ids)

    def set_summary(self) -> list[dict]:
        """Per set: {"set", "documents", "spans", "by_status"}, annotators by name, gold last."""
        return self._sets.summary()

    def replace_set(self, doc_id: str, name: str, spans: list[Span], relations: list[Relation],
                    status: str | None = None, source: str = "") -> None:
        """One document's set `name` becomes exactly these spans and relations (and `status`),
        taken from `source` (a merged package's creation time; "" for work done here)."""
        with self.transaction():
            self._sets.replace(doc_id, name, spans, relations, status, source)

    def set_sources(self, doc_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """doc id -> {set name: creation time of the package it was last merged from}."""
        return self._sets.sources(doc_ids)

    def packages(self) -> list[dict]:
        """The per-annotator packages merged into this project, in the order they were merged."""
        return self._sets.packages()

    def record_package(self, package_id: str, annotator: str, created: str, documents: int) -> None:
        with self.transaction():
            self._sets.record_package(package_id, annotator, created, documents)
