"""What the annotation window works on, without Qt: a project, the open document with its
span index, and the undo history. Every action is committed before it returns one `Change`,
which every subscribed listener then hears (DESIGN.md §9)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from annotator.core import rules
from annotator.core.arabic import KeyedText, keyed
from annotator.core.changes import Change, Listener, Listeners, nothing
from annotator.core.history import History
from annotator.core.model import Document, Entity, Relation, Span, Suggestion, new_id, now
from annotator.core.rules import RuleError
from annotator.core.schema import Label
from annotator.core.schema_edit import label_edit_problem, normalised
from annotator.core.span_index import SpanIndex
from annotator.core.suggest import mentions_of, variants_of
from annotator.store.errors import ProjectError
from annotator.store.operations import (AddRelation, AddSpan, Batch, CreateEntity, DeleteRelation, DeleteSpan,
                                        EditEntity, MergeEntities, Op, SetStatus, UpdateSpan, relabelled)
from annotator.store.operations import EditLabel
from annotator.store.operations import RejectSuggestions, StoreSuggestions
from annotator.store.documents import SpanFilter
from annotator.store.interface import Store
from annotator.store.sets import own_names


class AnnotationError(RuleError):
    """An action the schema does not allow; str() is for the analyst, `code`/`params` for a
    window that translates."""


def _refuse(problem: RuleError | None) -> None:
    if problem is not None:
        raise problem.within("", AnnotationError)


class Workspace:
    def __init__(self, project: Store, annotator: str):
        self.project = project
        self.annotator = annotator
        self.viewing: str | None = None  # another set shown read-only (view_set)
        self.history: History = History()
        self.document: Document | None = None
        self.spans = SpanIndex()
        self.loading = False  # spans beyond the first screen not loaded yet
        self.relations: dict[str, Relation] = {}
        self._keyed: KeyedText | None = None
        self._listeners = Listeners()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """`listener(change)` after every committed action, undo and redo (never after a
        refused or failed one, nor a no-op); returns the function that unsubscribes it."""
        return self._listeners.subscribe(listener)

    # -- documents ----------------------------------------------------------------------

    def own_spans(self, first_chars: int | None = None) -> SpanFilter:
        """The spans this workspace works on: the annotator's set (store/sets.py), with the
        spans no annotator is recorded on (data imported without names belongs to whoever works
        on it; editing such a span makes it the annotator's). Overlap rules apply within it:
        another analyst's span at the same place is another set's, not a conflict."""
        if self.viewing is not None:
            return SpanFilter(annotators=(self.viewing,), start_before=first_chars)
        return SpanFilter(annotators=own_names(self.annotator), start_before=first_chars)

    def view_set(self, name: str | None) -> None:
        """Show another annotator's set (None: back to this annotator's own), read-only: every
        action is refused while it is shown. The caller opens the document again."""
        self.viewing = None if name == self.annotator else name

    def open_document(self, doc_id: str, first_chars: int | None = None) -> Document:
        """Load a document. Opening changes nothing stored: browsing is not annotating, so a
        `new` document stays new until the first action on it (see `_perform`).

        With `first_chars`, only spans starting in that many first characters are loaded, so a
        long article can be shown at once; `finish_loading` brings the rest (every action does
        that first, so checks always see every span).
        """
        doc = self.project.get_document(doc_id, self.own_spans(first_chars))
        # The status of the set worked on (or shown), not the last one set by anyone.
        doc.status = self.project.set_status_of(doc_id, self.viewing or self.annotator)
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
        full = self.project.get_document(self.document.id, self.own_spans())
        rest = [s for s in full.spans if s.id not in self.spans]
        self.spans = SpanIndex(full.spans)
        self.relations = {r.id: r for r in full.relations}
        return rest

    def _require_document(self) -> Document:
        if self.document is None:
            raise AnnotationError("no document is open", "no_document")
        self._require_project()
        if self.loading:
            raise AnnotationError("the document is still loading", "loading")
        return self.document

    # -- actions ------------------------------------------------------------------------

    def add_span(self, start: int, end: int, label: str) -> Change:
        """The new span is `change.span`."""
        doc = self._require_document()
        _refuse(rules.label_problem(self.project.schema, label))
        _refuse(rules.range_problem(doc.text, start, end, f"span {start}-{end}"))
        found = self.project.schema.label(label)
        stamp = now()
        span = Span(new_id(), start, end, doc.text[start:end], found.layer, label, None,
                    self._default_attrs(found.layer), self.annotator, stamp, stamp)
        self._check_overlap(span)
        return self._perform(AddSpan(doc.id, span))

    def delete_span(self, span_id: str) -> Change:
        doc = self._require_document()
        return self._perform(DeleteSpan(doc.id, self._span(span_id)))

    def relabel(self, span_id: str, label: str) -> Change:
        doc = self._require_document()
        span = self._span(span_id)
        _refuse(rules.label_problem(self.project.schema, label))
        found = self.project.schema.label(label)
        if found.name == span.label:
            return nothing("relabel", doc.id)
        changed = relabelled(span, found.layer, found.name, self.annotator)
        if changed.layer != span.layer:
            self._check_overlap(changed, ignore=span.id)
            # Moved into another layer, the span starts there as a new one of it: with the
            # layer's defaults (an entity relabelled CLAIM gets stance "affirm").
            changed = replace(changed, attrs=self._default_attrs(found.layer))
        return self._perform(UpdateSpan(doc.id, span, changed, "relabel"))

    def set_status(self, status: str) -> Change:
        doc = self._require_document()
        if doc.status == status:
            return nothing("set_status", doc.id)
        return self._perform(SetStatus(doc.id, doc.status, status, self.annotator))

    # -- claims -------------------------------------------------------------------------

    def _claimant_name(self, span: Span | None) -> str | None:
        """The name of the span's layer's relation attribute (the claimant), if it has one."""
        attribute = rules.relation_attribute(self.project.schema, span.layer) if span else None
        return attribute.name if attribute else None

    def claimant(self, claim_id: str) -> Span | str | None:
        """The claimant of a claim: an entity span, "AUTHOR"/"UNKNOWN", or None (not set)."""
        claim = self.spans.get(claim_id)
        name = self._claimant_name(claim)
        if name is None:
            return None
        for rel in self.relations.values():
            if rel.head == claim_id and rel.label == name:
                return self.spans.get(rel.child)
        return claim.attrs.get(name)

    def set_claimant(self, claim_id: str, target: str | None) -> Change:
        """`target`: a span id of this document, a literal of the schema (AUTHOR, UNKNOWN), or
        None to clear. Stored as a `claimant` relation (claim -> entity span) or an attribute."""
        doc = self._require_document()
        claim = self._span(claim_id)
        _refuse(rules.claimant_problem(self.project.schema, claim))
        attribute = rules.relation_attribute(self.project.schema, claim.layer)
        name = attribute.name
        ops: list[Op] = [DeleteRelation(doc.id, r) for r in self.relations.values()
                         if r.head == claim_id and r.label == name]
        attrs = {k: v for k, v in claim.attrs.items() if k != name}
        if target in attribute.values:
            attrs[name] = target
        elif target is not None:
            who = self._span(target)
            _refuse(rules.claimant_problem(self.project.schema, claim, who))
            stamp = now()
            ops.append(AddRelation(doc.id, Relation(new_id(), claim.id, who.id, name, self.annotator, stamp, stamp)))
        if attrs != claim.attrs:
            ops.append(UpdateSpan(doc.id, claim, replace(claim, attrs=attrs, annotator=self.annotator, updated=now())))
        unchanged = not ops or (len(ops) == 2 and isinstance(ops[1], AddRelation)
                                and ops[0].relation.child == ops[1].relation.child)
        if unchanged:  # the same claimant again: nothing to store, no empty undo step
            return nothing("set_claimant", doc.id)
        return self._perform(Batch(f"claimant of «{claim.text[:30]}»", ops, doc.id, "set_claimant"))

    def claimant_of_deleted(self, span_id: str) -> list[Span]:
        """Claims whose claimant is this span (the analyst is asked before deleting it)."""
        return [self.spans.get(r.head) for r in self.relations.values()
                if r.child == span_id and r.head in self.spans and r.label == self._claimant_name(self.spans.get(r.head))]

    def set_attribute(self, span_id: str, name: str, value) -> Change:
        """`value`: a choice or a text, (start, end) for a span attribute (a cue), or ""/None
        to clear. The claimant (a relation) is set with `set_claimant`."""
        doc = self._require_document()
        span = self._span(span_id)
        attribute = rules.find_attribute(self.project.schema, span.layer, name)
        if attribute is None or attribute.kind == "relation":
            raise AnnotationError(f"{span.label} spans have no attribute {name!r}", "unknown_attribute",
                                  label=span.label, name=name)
        if value in ("", None):
            attrs = {k: v for k, v in span.attrs.items() if k != name}
        else:
            if attribute.kind == "span":
                start, end = value
                _refuse(rules.range_problem(doc.text, start, end, f"{name} {start}-{end}"))
                value = {"start": start, "end": end, "text": doc.text[start:end]}
            _refuse(rules.attribute_problem(self.project.schema, span.layer, name, value, doc.text))
            attrs = {**span.attrs, name: value}
        if attrs == span.attrs:
            return nothing("set_attribute", doc.id)
        changed = replace(span, attrs=attrs, annotator=self.annotator, updated=now())
        return self._perform(UpdateSpan(doc.id, span, changed, "set_attribute"))

    # -- canonical entities -------------------------------------------------------------

    def link_entity(self, span_id: str, entity_id: str | None) -> Change:
        """Link the span to a canonical entity (None: unlink)."""
        doc = self._require_document()
        span = self._span(span_id)
        ref = self._entity(entity_id).ref() if entity_id else None
        if ref == span.entity:
            return nothing("link_entity", doc.id)
        changed = replace(span, entity=ref, annotator=self.annotator, updated=now())
        return self._perform(UpdateSpan(doc.id, span, changed, "link_entity"))

    def link_new_entity(self, span_id: str, name: str | None = None, entity_type: str | None = None) -> Change:
        """Create a canonical entity from the span (its text as name, its label as type) and
        link the span to it, as one action: the new entity is `change.span.entity` (its id is
        also in `change.entities`, with the entity the span was linked to before, if any)."""
        doc = self._require_document()
        span = self._span(span_id)
        entity = Entity(new_id(), entity_type or span.label, (name or span.text).strip())
        if not entity.name:
            raise AnnotationError("an entity needs a name", "entity_name")
        changed = replace(span, entity=entity.ref(), annotator=self.annotator, updated=now())
        return self._perform(Batch(f"new entity {entity.name}", [CreateEntity(entity), UpdateSpan(doc.id, span, changed)],
                                   doc.id, "create_entity"))

    create_entity = link_new_entity  # the name the design of issue 9 gives it

    def edit_entity(self, entity_id: str, name: str | None = None, aliases: list[str] | None = None,
                    entity_type: str | None = None) -> Change:
        """Rename, retype or change the aliases of an entity, from any document."""
        self._require_project()
        before = self._entity(entity_id)
        after = replace(before, name=(name if name is not None else before.name).strip(),
                        aliases=list(aliases) if aliases is not None else before.aliases,
                        type=entity_type or before.type)
        if not after.name:
            raise AnnotationError("an entity needs a name", "entity_name")
        if (after.name, after.aliases, after.type) == (before.name, before.aliases, before.type):
            return nothing("edit_entity")
        return self._perform(EditEntity(before, after))

    def rename_entity(self, entity_id: str, name: str) -> Change:
        return self.edit_entity(entity_id, name=name)

    def merge_entities(self, keep_id: str, drop_id: str) -> Change:
        """Every mention of `drop` re-linked to `keep`, from any document; `change.documents`
        names the documents whose spans were re-linked."""
        self._require_project()
        if keep_id == drop_id:
            raise AnnotationError("an entity cannot be merged into itself", "merge_self")
        return self._perform(MergeEntities(self._entity(keep_id), self._entity(drop_id)))

    # -- labels -------------------------------------------------------------------------

    def add_label(self, layer: str, name: str, color: str, key: str | None = None,
                  reserved: Mapping[str, str] = {}) -> Change:
        """A new label at the end of `layer`; `reserved` maps the keys the window keeps for
        itself to their owner's name (a label cannot take them)."""
        self._require_project()
        return self._edit_label(None, normalised(Label(name, layer, color, key)), reserved)

    def edit_label(self, label: str, /, reserved: Mapping[str, str] = {}, **changes) -> Change:
        """Rename, recolour or rekey `label` (changes: name, color, key, guideline, titles; key None
        removes it). A rename renames every span and suggestion of the label in the project;
        undo renames them back. `change.schema` is set."""
        self._require_project()
        before = self.project.schema.label(label)
        if before is None:
            raise AnnotationError(f"no label {label!r} in the project", "unknown_label", label=label)
        unknown = set(changes) - {"name", "color", "key", "guideline", "titles"}
        if unknown:
            raise TypeError(f"edit_label() cannot change {', '.join(sorted(unknown))}")
        return self._edit_label(before, normalised(replace(before, **changes)), reserved)

    def _edit_label(self, before: Label | None, after: Label, reserved: Mapping[str, str]) -> Change:
        if after == before:
            return nothing("edit_label")
        _refuse(label_edit_problem(self.project.schema, before, after, reserved))
        return self._perform(EditLabel(before, after))

    # -- suggestions --------------------------------------------------------------------

    def keyed_text(self) -> KeyedText:
        if self._keyed is None:
            self._keyed = keyed(self.document.text)
        return self._keyed

    def variant_suggestions(self, span_id: str) -> list[Suggestion]:
        span = self.spans.get(span_id)
        if span is None or self.document is None:
            return []
        return self._not_rejected(variants_of(self.keyed_text(), span, self.spans))

    def _not_rejected(self, suggestions: list[Suggestion]) -> list[Suggestion]:
        """Those the analyst has not rejected in the open document (read only when there are some)."""
        if not suggestions:
            return suggestions
        rejected = self.project.rejections(self.document.id, self.annotator)
        return [s for s in suggestions if s.key() not in rejected] if rejected else suggestions

    def document_suggestions(self) -> list[Suggestion]:
        """Imported pre-annotations of this document, then mentions of known entities; none
        the analyst rejected here."""
        if self.document is None:
            return []
        stored = [s for s in self.project.suggestions(self.document.id)
                  if not any(o.layer == s.layer for o in self.spans.overlapping(s.start, s.end))]
        # Known entities are suggested only in the layers whose spans link to entities.
        layer_of = {label.name: label.layer for layer in self.project.schema.entity_layers() for label in layer.labels}
        entities = self.project.entities()
        # The key of a long article takes a while to build: only when there is a name to find.
        known = mentions_of(self.keyed_text(), entities, self.spans, layer_of) if entities else []
        places = {(s.start, s.end) for s in stored}
        return self._not_rejected(stored + [s for s in known if (s.start, s.end) not in places])

    def accept_suggestions(self, suggestions: list[Suggestion]) -> Change:
        """Accept suggestions as spans in one action (they are `change.spans_added`); those
        that would break a rule (e.g. two overlapping suggestions) are left out. A stored
        (imported) suggestion stays in the project for the other annotators' sets: in this set
        the accepted span covers it."""
        doc = self._require_document()
        added = self._spans_of(doc, suggestions)
        ops: list[Op] = [AddSpan(doc.id, s) for s in added]
        if not ops:
            return nothing("accept_suggestions", doc.id)
        return self._perform(Batch(f"accept {len(added)} suggestions", ops, doc.id, "accept_suggestions"))

    def _spans_of(self, doc: Document, suggestions: list[Suggestion]) -> list[Span]:
        """New spans for the suggestions that break no rule, by start (an overlap with a span
        or with an earlier one of them leaves a suggestion out)."""
        stamp = now()
        added: list[Span] = []
        index = SpanIndex(self.spans)
        for suggestion in sorted(suggestions, key=lambda s: (s.start, -s.end)):
            label = self.project.schema.label(suggestion.label)
            if (label is None or doc.text[suggestion.start:suggestion.end] != suggestion.text
                    or rules.range_problem(doc.text, suggestion.start, suggestion.end)):
                continue
            span = Span(new_id(), suggestion.start, suggestion.end, suggestion.text, label.layer, label.name,
                        suggestion.entity, self._default_attrs(label.layer), self.annotator, stamp, stamp)
            if self._overlap(span, index=index):
                continue
            index.add(span)
            added.append(span)
        return added

    def reject_suggestions(self, suggestions: list[Suggestion]) -> Change:
        """Rejected suggestions never come back in this document to this annotator's set: their
        keys are stored with the set's name; other annotators still see them, stored (imported)
        ones included. One undoable action."""
        doc = self._require_document()
        if not suggestions:
            return nothing("reject_suggestions", doc.id)
        return self._perform(RejectSuggestions(doc.id, list(suggestions), self.annotator))

    def undone_rejection(self) -> list[Suggestion]:
        """Right after an undo of a rejection: the suggestions it had rejected (computed ones are
        not found again by `document_suggestions`, so the window shows these again itself)."""
        op = self.history.take_redo()
        ops = op.ops if isinstance(op, Batch) else [op]
        return [s for o in ops if isinstance(o, RejectSuggestions) for s in o.rejected]

    def take_spans(self, spans: Sequence[Span], reject: Sequence[Suggestion] = (), description: str = "",
                   code: str = "take_spans") -> Change:
        """Copies of other sets' spans of the open document into this workspace's set (review
        into gold: label, entity link and attributes kept) with their sets' relations that can
        come along (`_taken_relations`: a claim's claimant), and the rejection of `reject` (keys
        that do not come back), as one action; the copies are `change.spans_added`, the
        relations `change.relations_added`. A copy that would break a rule beside this set's
        spans refuses the whole action: the curator chose all of them together."""
        doc = self._require_document()
        stamp = now()
        index = SpanIndex(self.spans)
        added: list[Span] = []
        copies: dict[str, Span] = {}  # source span id -> its copy
        for label in {s.label for s in spans}:  # once per label: a lookup scans the schema
            _refuse(rules.label_problem(self.project.schema, label))
        for span in sorted(spans, key=Span.sort_key):
            _refuse(rules.range_problem(doc.text, span.start, span.end, f"span {span.start}-{span.end}"))
            copy = replace(span, id=new_id(), text=doc.text[span.start:span.end], attrs=dict(span.attrs),
                           annotator=self.annotator, created=stamp, updated=stamp)
            _refuse(self._overlap(copy, index=index))
            index.add(copy)
            added.append(copy)
            copies[span.id] = copy
        ops: list[Op] = [AddSpan(doc.id, s) for s in added]
        ops += [AddRelation(doc.id, r) for r in self._taken_relations(doc.id, spans, copies, stamp)]
        if reject:
            ops.append(RejectSuggestions(doc.id, list(reject), self.annotator))
        if not ops:
            return nothing(code, doc.id)
        return self._perform(Batch(description or f"take {len(added)} spans", ops, doc.id, code))

    def _taken_relations(self, doc_id: str, sources: Sequence[Span], copies: Mapping[str, Span],
                         stamp: str) -> list[Relation]:
        """The relations of the source spans' sets that come with their copies (take_spans):
        those between two spans taken together, and those between a taken span and one of this
        set's spans with the key (start, end, layer, label) of the source span at the other end
        (a claim accepted after its claimant, or the other way round), renamed to this set's
        span ids. Left out: one this set has already, one the schema's rules refuse (a claimant
        must be an entity span), and a claimant for a claim that has one here already (the
        curator's choice stands). Read per taken span (an indexed look-up); the source sets'
        spans only when a relation leads out of the taken ones."""
        found: dict[str, Relation] = {}
        for source_id in copies:
            found.update((r.id, r) for r in self.project.span_relations(source_id))
        if not found:
            return []
        target = dict(copies)  # source span id -> the span of this set it stands for
        outside = {end for r in found.values() for end in (r.head, r.child) if end not in target}
        if outside:
            names = tuple({s.annotator for s in sources})
            mine = {(s.start, s.end, s.layer, s.label): s for s in self.spans}
            for span in self.project.get_document(doc_id, SpanFilter(annotators=names)).spans:
                if span.id in outside and (span.start, span.end, span.layer, span.label) in mine:
                    target[span.id] = mine[(span.start, span.end, span.layer, span.label)]
        schema = self.project.schema
        have = {(r.head, r.child, r.label) for r in self.relations.values()}
        claimed = {r.head for r in self.relations.values() if r.label == self._claimant_name(self.spans.get(r.head))}
        taken: list[Relation] = []
        for rel in sorted(found.values(), key=lambda r: r.id):
            head, child = target.get(rel.head), target.get(rel.child)
            if head is None or child is None or (head.id, child.id, rel.label) in have:
                continue
            if rel.label == self._claimant_name(head):
                if (head.id in claimed or head.attrs.get(rel.label) is not None
                        or rules.claimant_problem(schema, head, child) is not None):
                    continue
                claimed.add(head.id)
            have.add((head.id, child.id, rel.label))
            taken.append(Relation(new_id(), head.id, child.id, rel.label, self.annotator, stamp, stamp))
        return taken

    # -- find -----------------------------------------------------------------------------

    def find(self, query: str) -> list[tuple[int, int]]:
        """Where `query` occurs in the open document: variant-, diacritic- and (multi-word names)
        spacing-insensitive, whole words with clitic prefixes left outside (core.arabic.find_all)."""
        if self.document is None or not query.strip():
            return []
        return self.keyed_text().find_all(query)

    def label_all(self, ranges: list[tuple[int, int]], label: str) -> Change:
        """A span of `label` at every range that breaks no rule, as one action (the new spans
        are `change.spans_added`; the others were left out for an overlap)."""
        doc = self._require_document()
        _refuse(rules.label_problem(self.project.schema, label))
        found = self.project.schema.label(label)
        added = self._spans_of(doc, [Suggestion(s, e, doc.text[s:e], found.layer, found.name, source="find")
                                     for s, e in ranges])
        if not added:
            return nothing("label_all", doc.id)
        return self._perform(Batch(f"label {len(added)} matches {found.name}", [AddSpan(doc.id, s) for s in added],
                                   doc.id, "label_all"))

    def matches_elsewhere(self, query: str, label: str,
                          progress: Callable[[int, int], bool] | None = None) -> dict[str, list[Suggestion]] | None:
        """The matches of `query` in every other document as new suggestions of `label` (source
        "find"), by document; none where a span of the layer, an equal stored suggestion or a
        rejection is. Nothing is stored: `suggest_in` does that. `progress(done, total)` is told
        at each document; when it returns False the search stops and None is returned."""
        doc = self._require_document()
        _refuse(rules.label_problem(self.project.schema, label))
        found = self.project.schema.label(label)
        stored: dict[str, list[Suggestion]] = {}
        if not query.strip():
            return stored
        total = len(self.project.document_rows()) if progress is not None else 0
        for done, (other_id, text) in enumerate(self.project.document_texts(), 1):
            if progress is not None and not progress(done, total):
                return None
            ranges = keyed(text).find_all(query) if other_id != doc.id else []
            if not ranges:
                continue  # most documents: their spans are not read
            index = SpanIndex([s for s in self.project.get_document(other_id, self.own_spans()).spans
                               if s.layer == found.layer])
            taken = ({s.key() for s in self.project.suggestions(other_id)}
                     | self.project.rejections(other_id, self.annotator))
            fresh = [Suggestion(s, e, text[s:e], found.layer, found.name, None, "find", new_id())
                     for s, e in ranges
                     if not index.overlapping(s, e) and (s, e, found.layer, found.name) not in taken]
            if fresh:
                stored[other_id] = fresh
        return stored

    def suggest_in(self, stored: dict[str, list[Suggestion]]) -> Change:
        """Store suggestions in other documents (from `matches_elsewhere`) as one action: they
        show when those documents are opened."""
        self._require_project()
        if not any(stored.values()):
            return nothing("suggest_in")
        return self._perform(StoreSuggestions({d: list(v) for d, v in stored.items() if v}))

    def undo(self) -> Change:
        """Revert the latest action, whichever document it touched (an empty Change when
        there is nothing to undo)."""
        op = self.history.take_undo()
        if op is None:
            return replace(nothing("undo"), kind="undo")
        self._require_project()
        with self.project.transaction():
            op.revert(self.project)
        self.history.undone()
        return self._announce(self._reflect(op, "undo"))

    def redo(self) -> Change:
        op = self.history.take_redo()
        if op is None:
            return replace(nothing("redo"), kind="redo")
        self._require_project()
        with self.project.transaction():
            op.apply(self.project)
        self.history.redone()
        return self._announce(self._reflect(op, "redo"))

    # -- internals ----------------------------------------------------------------------

    def _span(self, span_id: str) -> Span:
        span = self.spans.get(span_id)
        if span is None:
            raise AnnotationError(f"no span {span_id!r} in this document", "no_span", span=span_id)
        return span

    def _entity(self, entity_id: str) -> Entity:
        try:
            return self.project.entity(entity_id)
        except ProjectError:
            raise AnnotationError(f"no entity {entity_id!r} in the project", "no_entity", entity=entity_id) from None

    def _default_attrs(self, layer: str) -> dict:
        """The schema's default values of `layer`'s attributes, stored on a new span so that
        the form shows and the exports carry what the schema promises (stance "affirm").
        A span attribute (a cue) is a range of the text: a default cannot name one."""
        return {a.name: a.default for a in self.project.schema.attributes(layer)
                if a.default is not None and a.kind != "span"}

    def _require_project(self) -> None:
        if self.project.readonly:
            raise AnnotationError("the project is open read-only", "readonly")
        if self.viewing is not None:
            raise AnnotationError(f"the set of {self.viewing} is shown read-only; annotate as {self.viewing} "
                                  "to change it", "viewing_set", name=self.viewing)

    def _overlap(self, span: Span, ignore: str | None = None, index: SpanIndex | None = None) -> RuleError | None:
        neighbours = [s for s in (index or self.spans).overlapping(span.start, span.end)
                      if s.layer == span.layer and s.id != ignore]
        return rules.overlap_problem(self.project.schema.layer(span.layer), neighbours, span)

    def _check_overlap(self, span: Span, ignore: str | None = None) -> None:
        _refuse(self._overlap(span, ignore))

    def _perform(self, op: Op) -> Change:
        doc = self.document
        if (doc is not None and doc.status == "new" and op.doc_id == doc.id
                and op.status_after(False) is None):
            # The first annotation of a new document (new in this annotator's set: another's
            # done is not this one's) puts it in progress in the same transaction and undo
            # step: undoing that action makes the document new again.
            op = Batch(op.description, [op, SetStatus(doc.id, "new", "in_progress", self.annotator)], doc.id, op.code)
        with self.project.transaction():
            op.apply(self.project)
        self.history.record(op)
        return self._announce(self._reflect(op, "do"))

    def _announce(self, change: Change) -> Change:
        self._listeners.notify(change)
        return change

    def _reflect(self, op: Op, kind: str) -> Change:
        """Bring the open document's copy up to date with what `op` did (or undid) and say it
        as a Change. The spans and relations are those of `op.doc_id`; for a project-wide
        rename or merge, the open document's spans whose entity changed."""
        undo = kind == "undo"
        added, removed = op.spans_after(undo)
        rel_added, rel_removed = op.relations_after(undo)
        status = op.status_after(undo)
        open_doc = self.document
        if open_doc is not None and op.doc_id == open_doc.id:
            for span_id in removed:
                self.spans.remove(span_id)
            for span in added:
                self.spans.add(span)
            for rel_id in rel_removed:
                self.relations.pop(rel_id, None)
            self.relations.update((r.id, r) for r in rel_added)
            if status is not None:
                open_doc.status = status
        documents = op.documents()
        if (op.renames_entities and open_doc is not None and not self.loading and open_doc.id in documents):
            # A rename or merge changes the entity shown on spans of the open document.
            changed = [s for s in self.project.get_document(open_doc.id, self.own_spans()).spans
                       if self.spans.get(s.id) != s]
            for span in changed:
                self.spans.add(span)
            ids = {s.id for s in changed}
            added = [a for a in added if a.id not in ids] + changed
        return Change(kind, op.description, op.doc_id, tuple(added), tuple(removed), tuple(rel_added),
                      tuple(rel_removed), status, frozenset(op.entity_ids()), frozenset(documents),
                      op.suggestions, op.code, op.schema)


__all__ = ["AnnotationError", "Change", "Workspace", "ProjectError"]
