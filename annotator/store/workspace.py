"""What the annotation window works on, without Qt: a project, the open document with its
span index, and the undo history. Every action is committed before it returns."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.history import History
from annotator.core.model import Document, Span, new_id, now
from annotator.core.overlap import conflicts
from annotator.core.span_index import SpanIndex
from annotator.store.errors import ProjectError
from annotator.store.operations import AddSpan, DeleteSpan, SetStatus, UpdateSpan, relabelled
from annotator.store.project import Project, SpanFilter


class AnnotationError(ValueError):
    """An action the schema does not allow; the message is for the analyst."""


@dataclass
class Change:
    """What an action did to a document, so a view can refresh just that."""

    doc_id: str
    added: list[Span]  # spans now present (new or changed)
    removed: list[str]  # span ids now gone
    description: str
    status_changed: bool = False


class Workspace:
    def __init__(self, project: Project, annotator: str):
        self.project = project
        self.annotator = annotator
        self.history: History = History()
        self.document: Document | None = None
        self.spans = SpanIndex()
        self.loading = False  # spans beyond the first screen not loaded yet

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
        self.loading = first_chars is not None and first_chars < len(doc.text)
        return doc

    def finish_loading(self) -> list[Span]:
        """Load the spans `open_document` left out; return them (empty when there are none)."""
        if not self.loading or self.document is None:
            return []
        self.loading = False
        every = self.project.get_document(self.document.id).spans
        rest = [s for s in every if s.id not in self.spans]
        self.spans = SpanIndex(every)
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
        if not 0 <= start < end <= len(doc.text):
            raise AnnotationError(f"span {start}-{end} is outside the document")
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

    def _check_overlap(self, span: Span, ignore: str | None = None) -> None:
        layer = self.project.schema.layer(span.layer)
        neighbours = [s for s in self.spans.overlapping(span.start, span.end)
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
        return self._reflect(op, undo=False)

    def _reflect(self, op, undo: bool) -> Change:
        added, removed = op.spans_after(undo)
        is_status = isinstance(op, SetStatus)
        if self.document is not None and op.doc_id == self.document.id:
            for span_id in removed:
                self.spans.remove(span_id)
            for span in added:
                self.spans.add(span)
            if is_status:
                self.document.status = op.before if undo else op.after
        return Change(op.doc_id, added, removed, op.description, is_status)


__all__ = ["AnnotationError", "Change", "Workspace", "ProjectError"]
