"""What the rest of annotator needs of a store: the typed interface Workspace, io, cli and the
window depend on. annotator.store.project.Project (one SQLite file) implements it; another
implementation (a server database for teams) is a new module that passes the same contract
tests (tests/store/contract.py).

Conventions every implementation keeps:
- Readers return core objects (annotator.core.model / schema), never rows.
- Every write is one transaction, or part of the caller's `transaction()` (nested: all or
  nothing with it). A failing write leaves nothing of itself behind.
- A read-only store refuses every write with a ProjectError (code "readonly") before writing.
- Errors meant for users are ProjectError: one sentence, with `code` and `params`.
- Orders are part of the contract: documents in project order (the order they were added),
  spans by start then longer first, entities by name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol, runtime_checkable

from annotator.core.model import Document, Entity, EntityRef, Relation, Span, Suggestion
from annotator.core.schema import Attribute, Label, Schema
from annotator.store.documents import SpanFilter
from annotator.store.problems import CheckResult


@runtime_checkable
class Store(Protocol):
    path: Path  # where the project is (the window names it; exports refuse to write over it)
    readonly: bool
    readonly_reason: str | None  # the sentence shown for a read-only store (None when writable)
    backup: Path | None  # a copy of the file made when opening upgraded it

    @property
    def closed(self) -> bool: ...

    def close(self) -> None: ...

    def transaction(self) -> AbstractContextManager["Store"]:
        """One user action: everything written inside commits together or not at all."""
        ...

    def check(self, repair: bool = False) -> CheckResult:
        """Consistency problems of the stored data (after repairing what loses nothing)."""
        ...

    # -- project facts and schema
    def info(self) -> dict[str, str]: ...

    def set_info(self, items: Iterable[tuple[str, str]]) -> None: ...

    @property
    def schema(self) -> Schema: ...

    def add_label(self, layer: str, name: str) -> Label: ...

    def add_attribute(self, attribute: Attribute) -> Attribute:
        """Append an attribute met in imported data to its layer, or widen the choices of the
        layer's attribute of that name and kind (only its values change); returns it as stored."""
        ...

    def replace_label(self, before: Label | None, after: Label | None,
                      retype: Iterable[str] | None = None) -> list[str]:
        """Add (before None), remove (after None) or edit a label; a rename carries every span
        and suggestion of the label with it, and the entities typed with its name (those of
        `retype`, None: every one); returns the ids of the entities retyped."""
        ...

    def label_documents(self, label: Label) -> set[str]:
        """The documents with spans of `label`."""
        ...

    # -- documents
    def add_documents(self, docs: list[Document], entities: Iterable[EntityRef] = ()) -> None: ...

    def taken_ids(self, kind: str, ids: Iterable[str]) -> set[str]:
        """Which of `ids` a stored row of `kind` ("documents", "spans", "relations") has."""
        ...

    def stored_ids_by_hash(self, hashes: Iterable[str]) -> dict[str, str]: ...

    def selection_counts(self, statuses: Iterable[str] = (), spans: SpanFilter = SpanFilter()) -> dict:
        """{"documents", "documents_with_meta", "spans_by_layer", "attrs_by_layer", "entity_links",
        "relations_by_label", "overlapping_by_layer"} of what iter_documents(statuses, spans) would
        give, without its texts (overlapping: spans that start before an earlier one of their layer
        ends, in (start, longest first) order)."""
        ...

    def document_rows(self, set_name: str | None = None) -> list[tuple[str, str | None, str, int]]:
        """(id, title, status, span count) of every document, in project order. With `set_name`:
        that set's status (as set_status_of) and the count of the spans it works on (its own and
        the unattributed "" ones; for gold only gold's)."""
        ...

    def document_status(self, doc_id: str) -> str:
        """The document's own status: the last one set in any of its sets."""
        ...

    def set_status_of(self, doc_id: str, set_name: str) -> str:
        """The status of the document's set `set_name`: its own when it has one; else the
        document's status when nobody but `set_name` (and unattributed work; for gold, nobody but
        gold) has a set in it, else "new"."""
        ...

    def set_status(self, doc_id: str, status: str, set_name: str | None = None) -> None:
        """The document's status, and that of its annotation set `set_name` when given."""
        ...

    def document_count(self, statuses: Iterable[str] = ()) -> int: ...

    def document_texts(self, statuses: Iterable[str] = (), ids: Iterable[str] = ()) -> Iterator[tuple[str, str]]: ...

    def iter_documents(self, statuses: Iterable[str] = (), spans: SpanFilter = SpanFilter(),
                       ids: Iterable[str] = ()) -> Iterator[Document]: ...

    def get_document(self, doc_id: str, spans: SpanFilter = SpanFilter()) -> Document: ...

    def stats(self) -> dict: ...

    # -- single spans and relations
    def insert_span(self, doc_id: str, span: Span) -> None: ...

    def update_span(self, span: Span) -> None: ...

    def delete_span(self, span_id: str) -> None:
        """The span goes, and every relation it is the head or child of with it."""
        ...

    def insert_relations(self, doc_id: str, relations: Iterable[Relation]) -> None: ...

    def span_relations(self, span_id: str) -> list[Relation]: ...

    def delete_relation(self, relation_id: str) -> None: ...

    # -- canonical entities
    def entities(self, ids: Iterable[str] = ()) -> list[Entity]: ...

    def entity(self, entity_id: str) -> Entity: ...

    def insert_entity(self, entity: Entity) -> None: ...

    def update_entity(self, entity: Entity) -> None: ...

    def delete_entity(self, entity_id: str) -> None:
        """The entity goes; spans linked to it stay, unlinked."""
        ...

    def mentions(self, entity_id: str) -> list[str]: ...

    def mention_locations(self, entity_id: str) -> list[tuple[str, str]]: ...

    def link_spans(self, span_ids: Iterable[str], entity_id: str | None) -> None: ...

    # -- suggestions (imported pre-annotations)
    def insert_suggestions(self, doc_id: str, suggestions: Iterable[Suggestion]) -> None: ...

    def suggestions(self, doc_id: str) -> list[Suggestion]: ...

    def delete_suggestions(self, ids: Iterable[str]) -> None: ...

    # -- rejected suggestions: (start, end, layer, label) keys never suggested again in a
    # document to an annotation set; those of set "" (legacy, imported) hold for every set
    def reject_suggestions(self, doc_id: str, keys: Iterable[tuple], set_name: str = "") -> list[tuple]:
        """Remember these keys as rejected by set `set_name`; returns the ones that set did not
        see rejected already (an undo forgets only those)."""
        ...

    def rejections(self, doc_id: str, set_name: str | None = None) -> set[tuple]:
        """The keys set `set_name` sees rejected (its own and set ""'s); None: any set's."""
        ...

    def unreject_suggestions(self, doc_id: str, keys: Iterable[tuple], set_name: str = "") -> None:
        """Forget these keys of set `set_name` only."""
        ...

    # -- annotation sets: each annotator's spans, relations and status of a document, and gold
    def document_sets(self, doc_ids: Iterable[str] = ()) -> dict[str, dict[str, str]]:
        """doc id -> {set name: status}, names sorted; every document with a set when no id is given."""
        ...

    def set_summary(self) -> list[dict]:
        """Per set: {"set", "documents", "spans", "by_status"}, annotators by name, gold last."""
        ...

    def replace_set(self, doc_id: str, name: str, spans: list[Span], relations: list[Relation],
                    status: str | None = None, source: str = "") -> None:
        """The document's set `name` becomes exactly these spans and relations (all carrying
        `name` as annotator); `status` None keeps the set's status; `source` is the creation time
        of the package it comes from ("" for work done here)."""
        ...

    def set_sources(self, doc_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """doc id -> {set name: source} of the sets last merged from a package."""
        ...

    def packages(self) -> list[dict]:
        """Merged per-annotator packages: {"id", "annotator", "created", "merged", "documents"}."""
        ...

    def record_package(self, package_id: str, annotator: str, created: str, documents: int) -> None: ...
