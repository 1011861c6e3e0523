"""The analyst's undoable actions. Each applies and reverts itself through the store; the
workspace runs each apply or revert in one transaction and turns what the operation reports
(spans, relations, status, entities, documents, suggestions) into one `Change`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from annotator.core.model import Entity, Relation, Span, Suggestion, now
from annotator.core.schema import Label
from annotator.store.interface import Store


class Op:
    """What every operation reports, so views refresh only what changed. Subclasses have a
    `doc_id` (the document changed, None for project-wide ones), a `description` and a `code`
    (the stable name of the action, "add_span", for a window that translates)."""

    code = ""
    renames_entities = False  # entity names on spans changed: spans shown must be re-read

    def apply(self, project: Store) -> None:
        raise NotImplementedError

    def revert(self, project: Store) -> None:
        raise NotImplementedError

    def spans_after(self, undo: bool) -> tuple[list[Span], list[str]]:
        """(spans now present, span ids now gone) in its document once applied/reverted."""
        return [], []

    def relations_after(self, undo: bool) -> tuple[list[Relation], list[str]]:
        return [], []

    def status_after(self, undo: bool) -> str | None:
        """The document's status once applied/reverted, when the operation changes it."""
        return None

    def entity_ids(self) -> set[str]:
        """Canonical entities created, edited, merged or removed, or whose mentions changed."""
        return set()

    def documents(self) -> set[str]:
        """Every document whose spans this operation changes (both ways)."""
        added, removed = self.spans_after(False)
        return {self.doc_id} if (added or removed) and self.doc_id else set()

    suggestions = False  # stored suggestions of its document changed
    schema = False  # the project's labels changed


def _linked(*spans: Span) -> set[str]:
    return {s.entity.id for s in spans if s.entity is not None}


@dataclass
class AddSpan(Op):
    doc_id: str
    span: Span
    code = "add_span"

    @property
    def description(self) -> str:
        return f"add {self.span.label} «{self.span.text[:30]}»"

    def apply(self, project: Store) -> None:
        project.insert_span(self.doc_id, self.span)

    def revert(self, project: Store) -> None:
        project.delete_span(self.span.id)

    def spans_after(self, undo: bool) -> tuple[list[Span], list[str]]:
        return ([], [self.span.id]) if undo else ([self.span], [])

    def entity_ids(self) -> set[str]:
        return _linked(self.span)


@dataclass
class DeleteSpan(Op):
    doc_id: str
    span: Span
    relations: list[Relation] = field(default_factory=list)  # the ones that went with it
    code = "delete_span"

    @property
    def description(self) -> str:
        return f"delete {self.span.label} «{self.span.text[:30]}»"

    def apply(self, project: Store) -> None:
        self.relations = project.span_relations(self.span.id)
        project.delete_span(self.span.id)

    def revert(self, project: Store) -> None:
        project.insert_span(self.doc_id, self.span)
        project.insert_relations(self.doc_id, self.relations)

    def spans_after(self, undo: bool) -> tuple[list[Span], list[str]]:
        return ([self.span], []) if undo else ([], [self.span.id])

    def entity_ids(self) -> set[str]:
        return _linked(self.span)

    def relations_after(self, undo: bool) -> tuple[list[Relation], list[str]]:
        return (self.relations, []) if undo else ([], [r.id for r in self.relations])


@dataclass
class UpdateSpan(Op):
    """A change of label (possibly across layers), entity link or attributes."""

    doc_id: str
    before: Span
    after: Span
    code: str = "update_span"  # relabel, set_attribute, link_entity: what the analyst did

    @property
    def description(self) -> str:
        if self.before.label != self.after.label:
            return f"relabel «{self.after.text[:30]}» {self.before.label} → {self.after.label}"
        if self.before.entity != self.after.entity:
            return f"link «{self.after.text[:30]}» to {self.after.entity.name if self.after.entity else 'nothing'}"
        return f"edit {self.after.label} «{self.after.text[:30]}»"

    def entity_ids(self) -> set[str]:
        return _linked(self.before, self.after) if self.before.entity != self.after.entity else set()

    def apply(self, project: Store) -> None:
        project.update_span(self.after)

    def revert(self, project: Store) -> None:
        project.update_span(self.before)

    def spans_after(self, undo: bool) -> tuple[list[Span], list[str]]:
        return ([self.before if undo else self.after], [])


@dataclass
class AddRelation(Op):
    doc_id: str
    relation: Relation
    code = "add_relation"

    @property
    def description(self) -> str:
        return f"add {self.relation.label}"

    def apply(self, project: Store) -> None:
        project.insert_relations(self.doc_id, [self.relation])

    def revert(self, project: Store) -> None:
        project.delete_relation(self.relation.id)

    def relations_after(self, undo: bool) -> tuple[list[Relation], list[str]]:
        return ([], [self.relation.id]) if undo else ([self.relation], [])


@dataclass
class DeleteRelation(Op):
    doc_id: str
    relation: Relation
    code = "delete_relation"

    @property
    def description(self) -> str:
        return f"remove {self.relation.label}"

    def apply(self, project: Store) -> None:
        project.delete_relation(self.relation.id)

    def revert(self, project: Store) -> None:
        project.insert_relations(self.doc_id, [self.relation])

    def relations_after(self, undo: bool) -> tuple[list[Relation], list[str]]:
        return ([self.relation], []) if undo else ([], [self.relation.id])


@dataclass
class SetStatus(Op):
    doc_id: str
    before: str
    after: str
    set_name: str | None = None  # the annotation set whose status this is (the annotator's)
    # The document's own status before (the last one set in any set): `before` is the set's,
    # which may differ (another analyst marked it done); undo gives each its own back.
    document_before: str | None = None
    code = "set_status"

    @property
    def description(self) -> str:
        return f"mark {self.after.replace('_', ' ')}"

    def apply(self, project: Store) -> None:
        if self.set_name is not None:
            self.document_before = project.document_status(self.doc_id)
        project.set_status(self.doc_id, self.after, self.set_name)

    def revert(self, project: Store) -> None:
        project.set_status(self.doc_id, self.before, self.set_name)
        if self.document_before is not None and self.document_before != self.before:
            project.set_status(self.doc_id, self.document_before)

    def status_after(self, undo: bool) -> str | None:
        return self.before if undo else self.after


@dataclass
class CreateEntity(Op):
    entity: Entity
    doc_id: str | None = None
    code = "create_entity"

    @property
    def description(self) -> str:
        return f"new entity {self.entity.name}"

    def apply(self, project: Store) -> None:
        project.insert_entity(self.entity)

    def revert(self, project: Store) -> None:
        project.delete_entity(self.entity.id)

    def entity_ids(self) -> set[str]:
        return {self.entity.id}


@dataclass
class EditEntity(Op):
    """Rename, retype or change the aliases of a canonical entity."""

    before: Entity
    after: Entity
    doc_id: str | None = None
    shown_in: set[str] = field(default_factory=set)  # documents whose spans show its name or type
    code = "edit_entity"
    renames_entities = True

    @property
    def description(self) -> str:
        # Say what changed: "rename X → X" after an alias edit reads as if nothing happened.
        if self.before.name != self.after.name:
            return f"rename entity {self.before.name} → {self.after.name}"
        if self.before.type != self.after.type:
            return f"type of {self.after.name} {self.before.type} → {self.after.type}"
        return f"aliases of {self.after.name} changed"

    def apply(self, project: Store) -> None:
        if (self.before.name, self.before.type) != (self.after.name, self.after.type):
            self.shown_in = {doc_id for doc_id, _ in project.mention_locations(self.after.id)}
        project.update_entity(self.after)

    def revert(self, project: Store) -> None:
        project.update_entity(self.before)

    def entity_ids(self) -> set[str]:
        return {self.after.id}

    def documents(self) -> set[str]:
        return set(self.shown_in)


@dataclass
class MergeEntities(Op):
    """Every mention of `drop` is re-linked to `keep`; drop's names become keep's aliases."""

    keep: Entity
    drop: Entity
    moved: list[str] = field(default_factory=list)  # span ids re-linked
    moved_in: set[str] = field(default_factory=set)  # the documents holding them
    doc_id: str | None = None
    code = "merge_entities"
    renames_entities = True

    @property
    def description(self) -> str:
        return f"merge {self.drop.name} into {self.keep.name}"

    def merged(self) -> Entity:
        names = [self.drop.name, *self.drop.aliases]
        aliases = list(dict.fromkeys([*self.keep.aliases, *(n for n in names if n != self.keep.name)]))
        return replace(self.keep, aliases=aliases)

    def apply(self, project: Store) -> None:
        locations = project.mention_locations(self.drop.id)
        self.moved = [span_id for _, span_id in locations]
        self.moved_in = {doc_id for doc_id, _ in locations}
        project.link_spans(self.moved, self.keep.id)
        project.update_entity(self.merged())
        project.delete_entity(self.drop.id)

    def revert(self, project: Store) -> None:
        project.insert_entity(self.drop)
        project.link_spans(self.moved, self.drop.id)
        project.update_entity(self.keep)

    def entity_ids(self) -> set[str]:
        return {self.keep.id, self.drop.id}

    def documents(self) -> set[str]:
        return set(self.moved_in)


@dataclass
class RejectSuggestions(Op):
    """Suggestions rejected: remembered in the project so that none comes back in its document
    to the set (computed ones are found again on every opening; stored ones stay in the table
    for the other sets)."""

    doc_id: str
    rejected: list[Suggestion]
    set_name: str = ""  # the annotation set whose rejections these are (the annotator's): '' is everyone's
    remembered: list[tuple] = field(default_factory=list)  # keys not rejected before: undo forgets only these
    code = "reject_suggestions"
    suggestions = True

    @property
    def description(self) -> str:
        return f"reject {len(self.rejected)} suggestions"

    def apply(self, project: Store) -> None:
        self.remembered = project.reject_suggestions(self.doc_id, [s.key() for s in self.rejected], self.set_name)

    def revert(self, project: Store) -> None:
        project.unreject_suggestions(self.doc_id, self.remembered, self.set_name)


@dataclass
class StoreSuggestions(Op):
    """Suggestions stored in other documents (a find's matches across the corpus): they show
    when those documents are opened. Project-wide: the open document's spans do not change."""

    stored: dict[str, list[Suggestion]]  # document id -> its new suggestions (with ids)
    doc_id: str | None = None
    code = "store_suggestions"
    suggestions = True  # of other documents: no view reloads (doc_id None), the Change is not empty

    @property
    def description(self) -> str:
        return f"suggest {sum(len(v) for v in self.stored.values())} matches in {len(self.stored)} documents"

    def apply(self, project: Store) -> None:
        for doc_id, suggestions in self.stored.items():
            project.insert_suggestions(doc_id, suggestions)

    def revert(self, project: Store) -> None:
        project.delete_suggestions(s.id for suggestions in self.stored.values() for s in suggestions)


@dataclass
class EditLabel(Op):
    """A label of the schema added (before None), renamed, recoloured or given another key.
    A rename reaches every span and suggestion of the label (the store's cascade), so undo
    gives every span its old name back."""

    before: Label | None
    after: Label
    shown_in: set[str] = field(default_factory=set)  # documents with spans of the renamed label
    retyped: list[str] | None = None  # entities typed with the renamed label (None: not applied yet)
    doc_id: str | None = None
    code = "edit_label"
    schema = True

    @property
    def description(self) -> str:
        if self.before is None:
            return f"add label {self.after.name}"
        if self.before.name != self.after.name:
            return f"rename label {self.before.name} → {self.after.name}"
        if self.before.color != self.after.color:
            return f"colour of {self.after.name}"
        if self.before.titles != self.after.titles:
            return f"display name of {self.after.name}"
        return f"key of {self.after.name}"

    @property
    def renames_entities(self) -> bool:
        # Not entities, but the same need: spans shown in the open document are read again.
        return self.before is not None and self.before.name != self.after.name

    def apply(self, project: Store) -> None:
        if self.renames_entities:
            self.shown_in = project.label_documents(self.before)
        # Redo retypes exactly the entities the first time did.
        self.retyped = project.replace_label(self.before, self.after, self.retyped)

    def revert(self, project: Store) -> None:
        if self.before is None:
            project.replace_label(self.after, None)
        else:
            project.replace_label(self.after, self.before, self.retyped or [])

    def documents(self) -> set[str]:
        return set(self.shown_in)

    def entity_ids(self) -> set[str]:
        return set(self.retyped or ())

    @property
    def suggestions(self) -> bool:
        return self.renames_entities  # stored suggestions of the label are renamed with it


@dataclass
class Batch(Op):
    """Several operations as one action: one transaction, one undo step."""

    description: str
    ops: list[Op]
    doc_id: str | None = None
    code: str = "batch"

    @property
    def renames_entities(self) -> bool:
        return any(op.renames_entities for op in self.ops)

    def apply(self, project: Store) -> None:
        for op in self.ops:
            op.apply(project)

    def revert(self, project: Store) -> None:
        for op in reversed(self.ops):
            op.revert(project)

    def spans_after(self, undo: bool) -> tuple[list[Span], list[str]]:
        return _merge(op.spans_after(undo) for op in (reversed(self.ops) if undo else self.ops))

    def relations_after(self, undo: bool) -> tuple[list[Relation], list[str]]:
        return _merge(op.relations_after(undo) for op in (reversed(self.ops) if undo else self.ops))

    def status_after(self, undo: bool) -> str | None:
        ordered = list(reversed(self.ops) if undo else self.ops)
        return next((s for s in reversed([op.status_after(undo) for op in ordered]) if s is not None), None)

    def entity_ids(self) -> set[str]:
        return set().union(*(op.entity_ids() for op in self.ops))

    def documents(self) -> set[str]:
        return set().union(*(op.documents() for op in self.ops))

    @property
    def suggestions(self) -> bool:
        return any(op.suggestions for op in self.ops)

    @property
    def schema(self) -> bool:
        return any(op.schema for op in self.ops)


def _merge(changes) -> tuple[list, list[str]]:
    present: dict[str, object] = {}
    gone: set[str] = set()
    for added, removed in changes:
        for item_id in removed:
            present.pop(item_id, None)
            gone.add(item_id)
        for item in added:
            present[item.id] = item
            gone.discard(item.id)
    return list(present.values()), sorted(gone)


def relabelled(span: Span, layer: str, label: str, annotator: str) -> Span:
    attrs = span.attrs if layer == span.layer else {}  # attributes belong to a layer
    entity = span.entity if layer == span.layer else None
    return replace(span, layer=layer, label=label, attrs=dict(attrs), entity=entity,
                   annotator=annotator, updated=now())
