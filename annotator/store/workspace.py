"""What the annotation window works on, without Qt: a project, the open document with its
span index, and the undo history. Every action is committed before it returns."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from annotator.core.history import History
from annotator.core.arabic import KeyedText, keyed
from annotator.core.graphemes import split_problem
from annotator.core.model import Document, Entity, Relation, Span, Suggestion, new_id, now
from annotator.core.overlap import conflicts
from annotator.core.span_index import SpanIndex
from annotator.store.errors import ProjectError
from annotator.core.suggest import mentions_of, variants_of
from annotator.store.operations import (AddRelation, AddSpan, Batch, CreateEntity, DeleteRelation, DeleteSpan,
                                        DropSuggestions, EditEntity, MergeEntities, Op, SetStatus, UpdateSpan,
                                        relabelled)
from annotator.store.project import Project, SpanFilter


CLAIMANT = "claimant"


class AnnotationError(ValueError):
    """An action the schema does not allow; the message is for the analyst."""


@dataclass
class Change:
    """What an action did to a document, so a view can refresh just that."""

    doc_id: str | None
    added: list[Span]  # spans now present (new or changed)
    removed: list[str]  # span ids now gone
    description: str
    status_changed: bool = False
    relations_added: list[Relation] = field(default_factory=list)
    relations_removed: list[str] = field(default_factory=list)
    entities_changed: bool = False


class Workspace:
    def __init__(self, project: Project, annotator: str):
        self.project = project
        self.annotator = annotator
        self.history: History = History()
        self.document: Document | None = None
        self.spans = SpanIndex()
        self.loading = False  # spans beyond the first screen not loaded yet
        self.relations: dict[str, Relation] = {}
        self._keyed: KeyedText | None = None
        self.last_change: Change | None = None  # what the latest action did, for views to refresh

    # -- documents ----------------------------------------------------------------------

    def open_document(self, doc_id: str, first_chars: int | None = None) -> Document:
        """Load a document; opening a new one puts it in progress (not an undoable action).

        With `first_chars`, only spans starting in that many first characters are loaded, so a
        long article can be shown at once; `finish_loading` brings the rest (every action does
        that first, so checks always see every span).
        """
        spans = SpanFilter(start_before=first_chars) if first_chars is not None else SpanFilter()
        doc = self.project.get_document(doc_id, spans)
        if doc.status == "new" and not self.project.readonly:
            self.project.set_status(doc_id, "in_progress")
            doc.status = "in_progress"
        self.document = doc
        self.spans = SpanIndex(doc.spans)
        self.relations = {r.id: r for r in doc.relations}
        self._keyed = None
        self.loading = first_chars is not None and first_chars < len(doc.text)
        return doc

    def finish_loading(self) -> list[Span]:
        """Load the spans `open_document` left out; return them (empty when there are none)."""
        if not self.loading or self.document is None:
            return []
        self.loading = False
        full = self.project.get_document(self.document.id)
        rest = [s for s in full.spans if s.id not in self.spans]
        self.spans = SpanIndex(full.spans)
        self.relations = {r.id: r for r in full.relations}
        return rest

    def _require_document(self) -> Document:
        if self.document is None:
            raise AnnotationError("no document is open")
        if self.project.readonly:
            raise AnnotationError("the project is open read-only")
        if self.loading:
            raise AnnotationError("the document is still loading")
        return self.document

    # -- actions ------------------------------------------------------------------------

    def add_span(self, start: int, end: int, label: str) -> Span:
        doc = self._require_document()
        found = self.project.schema.label(label)
        if found is None:
            raise AnnotationError(f"no label {label!r} in the project")
        self._check_range(doc, start, end, "span")
        stamp = now()
        span = Span(new_id(), start, end, doc.text[start:end], found.layer, label, None, {}, self.annotator,
                    stamp, stamp)
        self._check_overlap(span)
        self._perform(AddSpan(doc.id, span))
        return span

    def delete_span(self, span_id: str) -> Span:
        doc = self._require_document()
        span = self._span(span_id)
        self._perform(DeleteSpan(doc.id, span))
        return span

    def relabel(self, span_id: str, label: str) -> Span:
        doc = self._require_document()
        span = self._span(span_id)
        found = self.project.schema.label(label)
        if found is None:
            raise AnnotationError(f"no label {label!r} in the project")
        if found.name == span.label:
            return span
        changed = relabelled(span, found.layer, found.name, self.annotator)
        if changed.layer != span.layer:
            self._check_overlap(changed, ignore=span.id)
        self._perform(UpdateSpan(doc.id, span, changed))
        return changed

    def set_status(self, status: str) -> None:
        doc = self._require_document()
        if doc.status != status:
            self._perform(SetStatus(doc.id, doc.status, status))

    # -- claims -------------------------------------------------------------------------

    def claimant(self, claim_id: str) -> Span | str | None:
        """The claimant of a claim: an entity span, "AUTHOR"/"UNKNOWN", or None (not set)."""
        for rel in self.relations.values():
            if rel.head == claim_id and rel.label == CLAIMANT:
                return self.spans.get(rel.child)
        claim = self.spans.get(claim_id)
        return claim.attrs.get(CLAIMANT) if claim else None

    def set_claimant(self, claim_id: str, target: str | None) -> Change:
        """`target`: a span id of this document, a literal of the schema (AUTHOR, UNKNOWN), or
        None to clear. Stored as a `claimant` relation (claim -> entity span) or an attribute."""
        doc = self._require_document()
        claim = self._span(claim_id)
        attribute = next((a for a in self.project.schema.attributes(claim.layer) if a.name == CLAIMANT), None)
        if attribute is None:
            raise AnnotationError(f"{claim.label} spans have no claimant")
        ops: list[Op] = [DeleteRelation(doc.id, r) for r in self.relations.values()
                         if r.head == claim_id and r.label == CLAIMANT]
        attrs = {k: v for k, v in claim.attrs.items() if k != CLAIMANT}
        if target in attribute.values:
            attrs[CLAIMANT] = target
        elif target is not None:
            who = self._span(target)
            if who.id == claim.id or who.layer == claim.layer:
                raise AnnotationError("a claimant is an entity, not another claim")
            stamp = now()
            ops.append(AddRelation(doc.id, Relation(new_id(), claim.id, who.id, CLAIMANT, self.annotator, stamp, stamp)))
        if attrs != claim.attrs:
            ops.append(UpdateSpan(doc.id, claim, replace(claim, attrs=attrs, annotator=self.annotator, updated=now())))
        unchanged = not ops or (len(ops) == 2 and isinstance(ops[1], AddRelation)
                                and ops[0].relation.child == ops[1].relation.child)
        if unchanged:  # the same claimant again: nothing to store, no empty undo step
            return Change(doc.id, [], [], "", False)
        return self._perform(Batch(f"claimant of «{claim.text[:30]}»", ops, doc.id))

    def claimant_of_deleted(self, span_id: str) -> list[Span]:
        """Claims whose claimant is this span (the analyst is asked before deleting it)."""
        return [self.spans.get(r.head) for r in self.relations.values()
                if r.child == span_id and r.label == CLAIMANT and r.head in self.spans]

    def set_attribute(self, span_id: str, name: str, value) -> Span:
        doc = self._require_document()
        span = self._span(span_id)
        attribute = next((a for a in self.project.schema.attributes(span.layer) if a.name == name), None)
        if attribute is None or attribute.kind == "relation":
            raise AnnotationError(f"{span.label} spans have no attribute {name!r}")
        if value in ("", None):
            attrs = {k: v for k, v in span.attrs.items() if k != name}
        else:
            if attribute.kind == "choice" and value not in attribute.values:
                raise AnnotationError(f"{name} must be one of {', '.join(attribute.values)}")
            if attribute.kind == "span":
                start, end = value
                self._check_range(doc, start, end, name)
                value = {"start": start, "end": end, "text": doc.text[start:end]}
            attrs = {**span.attrs, name: value}
        if attrs == span.attrs:
            return span
        changed = replace(span, attrs=attrs, annotator=self.annotator, updated=now())
        self._perform(UpdateSpan(doc.id, span, changed))
        return changed

    # -- canonical entities -------------------------------------------------------------

    def link_entity(self, span_id: str, entity_id: str | None) -> Span:
        doc = self._require_document()
        span = self._span(span_id)
        ref = self.project.entity(entity_id).ref() if entity_id else None
        if ref == span.entity:
            return span
        changed = replace(span, entity=ref, annotator=self.annotator, updated=now())
        self._perform(UpdateSpan(doc.id, span, changed))
        return changed

    def link_new_entity(self, span_id: str, name: str | None = None, entity_type: str | None = None) -> Entity:
        """Create a canonical entity from the span (its text as name, its label as type) and
        link the span to it, as one action."""
        doc = self._require_document()
        span = self._span(span_id)
        entity = Entity(new_id(), entity_type or span.label, (name or span.text).strip())
        changed = replace(span, entity=entity.ref(), annotator=self.annotator, updated=now())
        self._perform(Batch(f"new entity {entity.name}", [CreateEntity(entity), UpdateSpan(doc.id, span, changed)],
                            doc.id))
        return entity

    def edit_entity(self, entity_id: str, name: str | None = None, aliases: list[str] | None = None,
                    entity_type: str | None = None) -> Entity:
        self._require_project()
        before = self.project.entity(entity_id)
        after = replace(before, name=(name if name is not None else before.name).strip(),
                        aliases=aliases if aliases is not None else before.aliases,
                        type=entity_type or before.type)
        if not after.name:
            raise AnnotationError("an entity needs a name")
        self._perform(EditEntity(before, after))
        return after

    def merge_entities(self, keep_id: str, drop_id: str) -> Entity:
        self._require_project()
        if keep_id == drop_id:
            raise AnnotationError("an entity cannot be merged into itself")
        op = MergeEntities(self.project.entity(keep_id), self.project.entity(drop_id))
        self._perform(op)
        return op.merged()

    # -- suggestions --------------------------------------------------------------------

    def keyed_text(self) -> KeyedText:
        if self._keyed is None:
            self._keyed = keyed(self.document.text)
        return self._keyed

    def variant_suggestions(self, span_id: str) -> list[Suggestion]:
        span = self.spans.get(span_id)
        if span is None or self.document is None:
            return []
        return variants_of(self.keyed_text(), span, self.spans)

    def document_suggestions(self) -> list[Suggestion]:
        """Imported pre-annotations of this document, then mentions of known entities."""
        if self.document is None:
            return []
        stored = [s for s in self.project.suggestions(self.document.id)
                  if not any(o.layer == s.layer for o in self.spans.overlapping(s.start, s.end))]
        layer_of = {label.name: label.layer for label in self.project.schema.labels()}
        entities = self.project.entities()
        # The key of a long article takes a while to build: only when there is a name to find.
        known = mentions_of(self.keyed_text(), entities, self.spans, layer_of) if entities else []
        places = {(s.start, s.end) for s in stored}
        return stored + [s for s in known if (s.start, s.end) not in places]

    def accept_suggestions(self, suggestions: list[Suggestion]) -> list[Span]:
        """Accept suggestions as spans in one action; those that would break the layer's
        overlap rule (e.g. two overlapping suggestions) are left out."""
        doc = self._require_document()
        stamp = now()
        added: list[Span] = []
        index = SpanIndex(self.spans)
        for suggestion in sorted(suggestions, key=lambda s: (s.start, -s.end)):
            label = self.project.schema.label(suggestion.label)
            if (label is None or doc.text[suggestion.start:suggestion.end] != suggestion.text
                    or split_problem(doc.text, suggestion.start, suggestion.end)):
                continue
            span = Span(new_id(), suggestion.start, suggestion.end, suggestion.text, label.layer, label.name,
                        suggestion.entity, {}, self.annotator, stamp, stamp)
            try:
                self._check_overlap(span, index=index)
            except AnnotationError:
                continue
            index.add(span)
            added.append(span)
        stored = [s for s in suggestions if s.id]
        ops: list[Op] = [AddSpan(doc.id, s) for s in added]
        if stored:
            ops.append(DropSuggestions(doc.id, stored))
        if ops:
            self._perform(Batch(f"accept {len(added)} suggestions", ops, doc.id))
        return added

    def reject_suggestions(self, suggestions: list[Suggestion]) -> None:
        """Stored (imported) suggestions leave the project; computed ones are simply not kept."""
        doc = self._require_document()
        stored = [s for s in suggestions if s.id]
        if stored:
            self._perform(DropSuggestions(doc.id, stored))

    def undo(self) -> Change | None:
        op = self.history.take_undo()
        if op is None:
            return None
        with self.project.transaction():
            op.revert(self.project)
        self.history.undone()
        return self._reflect(op, undo=True)

    def redo(self) -> Change | None:
        op = self.history.take_redo()
        if op is None:
            return None
        with self.project.transaction():
            op.apply(self.project)
        self.history.redone()
        return self._reflect(op, undo=False)

    # -- internals ----------------------------------------------------------------------

    def _span(self, span_id: str) -> Span:
        span = self.spans.get(span_id)
        if span is None:
            raise AnnotationError(f"no span {span_id!r} in this document")
        return span

    @staticmethod
    def _check_range(doc: Document, start, end, what: str) -> None:
        """Offsets inside the text that do not split a character: a letter and its marks, or one
        emoji (selection snapping keeps to this; a caller passing raw offsets is refused)."""
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc.text)):
            raise AnnotationError(f"{what} {start}-{end} is outside the document")
        problem = split_problem(doc.text, start, end)
        if problem:
            raise AnnotationError(f"{what} {start}-{end} {problem}")

    def _require_project(self) -> None:
        if self.project.readonly:
            raise AnnotationError("the project is open read-only")

    def _check_overlap(self, span: Span, ignore: str | None = None, index: SpanIndex | None = None) -> None:
        layer = self.project.schema.layer(span.layer)
        neighbours = [s for s in (index or self.spans).overlapping(span.start, span.end)
                      if s.layer == span.layer and s.id != ignore]
        pair = conflicts([*neighbours, span], layer.overlap if layer else "any")
        if pair:
            other = pair[0] if pair[1] is span else pair[1]
            if (other.start, other.end, other.label) == (span.start, span.end, span.label):
                raise AnnotationError(f"«{span.text}» is already {span.label}")
            rule = {"none": "may not overlap", "nested": "may only nest inside each other"}.get(layer.overlap, "")
            raise AnnotationError(f"{span.layer} spans {rule}: «{span.text}» crosses {other.label} «{other.text}»")

    def _perform(self, op) -> Change:
        with self.project.transaction():
            op.apply(self.project)
        self.history.record(op)
        self.last_change = self._reflect(op, undo=False)
        return self.last_change

    def _reflect(self, op: Op, undo: bool) -> Change:
        added, removed = op.spans_after(undo)
        rel_added, rel_removed = op.relations_after(undo)
        is_status = isinstance(op, SetStatus)
        if self.document is not None and op.doc_id == self.document.id:
            for span_id in removed:
                self.spans.remove(span_id)
            for span in added:
                self.spans.add(span)
            for rel_id in rel_removed:
                self.relations.pop(rel_id, None)
            self.relations.update((r.id, r) for r in rel_added)
            if is_status:
                self.document.status = op.before if undo else op.after
        if op.renames_entities and self.document is not None and not self.loading:
            # A rename or merge changes the entity shown on other spans of this document too.
            changed = [s for s in self.project.get_document(self.document.id).spans if self.spans.get(s.id) != s]
            for span in changed:
                self.spans.add(span)
            ids = {s.id for s in changed}
            added = [a for a in added if a.id not in ids] + changed
        return Change(op.doc_id, added, removed, op.description, is_status, rel_added, rel_removed,
                      op.touches_entities)


__all__ = ["AnnotationError", "Change", "Workspace", "ProjectError"]
