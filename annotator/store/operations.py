"""The analyst's undoable actions. Each applies and reverts itself through the store; the
workspace runs each apply or revert in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from annotator.core.model import Relation, Span, now
from annotator.store.project import Project


@dataclass
class AddSpan:
    doc_id: str
    span: Span

    @property
    def description(self) -> str:
        return f"add {self.span.label} «{self.span.text[:30]}»"

    def apply(self, project: Project) -> None:
        project.insert_span(self.doc_id, self.span)

    def revert(self, project: Project) -> None:
        project.delete_span(self.span.id)

    def spans_after(self, undo: bool) -> tuple[list[Span], list[str]]:
        """(spans now present, span ids now gone) in the document once applied/reverted."""
        return ([], [self.span.id]) if undo else ([self.span], [])


@dataclass
class DeleteSpan:
    doc_id: str
    span: Span
    relations: list[Relation] = field(default_factory=list)  # the ones that went with it

    @property
    def description(self) -> str:
        return f"delete {self.span.label} «{self.span.text[:30]}»"

    def apply(self, project: Project) -> None:
        self.relations = project.span_relations(self.span.id)
        project.delete_span(self.span.id)

    def revert(self, project: Project) -> None:
        project.insert_span(self.doc_id, self.span)
        project.insert_relations(self.doc_id, self.relations)

    def spans_after(self, undo: bool) -> tuple[list[Span], list[str]]:
        return ([self.span], []) if undo else ([], [self.span.id])


@dataclass
class UpdateSpan:
    """A change of label (possibly across layers), entity link or attributes."""

    doc_id: str
    before: Span
    after: Span

    @property
    def description(self) -> str:
        if self.before.label != self.after.label:
            return f"relabel «{self.after.text[:30]}» {self.before.label} → {self.after.label}"
        return f"edit {self.after.label} «{self.after.text[:30]}»"

    def apply(self, project: Project) -> None:
        project.update_span(self.after)

    def revert(self, project: Project) -> None:
        project.update_span(self.before)

    def spans_after(self, undo: bool) -> tuple[list[Span], list[str]]:
        return ([self.before if undo else self.after], [])


@dataclass
class SetStatus:
    doc_id: str
    before: str
    after: str

    @property
    def description(self) -> str:
        return f"mark {self.after.replace('_', ' ')}"

    def apply(self, project: Project) -> None:
        project.set_status(self.doc_id, self.after)

    def revert(self, project: Project) -> None:
        project.set_status(self.doc_id, self.before)

    def spans_after(self, undo: bool) -> tuple[list[Span], list[str]]:
        return [], []


def relabelled(span: Span, layer: str, label: str, annotator: str) -> Span:
    attrs = span.attrs if layer == span.layer else {}  # attributes belong to a layer
    entity = span.entity if layer == span.layer else None
    return replace(span, layer=layer, label=label, attrs=dict(attrs), entity=entity,
                   annotator=annotator, updated=now())
