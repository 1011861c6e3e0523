"""What one action did, announced to every view (Anki's OpChanges, napari's events).

Every Workspace action, its undo and its redo return one `Change` and hand it to the listeners
after the transaction committed. A view updates from the Change alone: it never polls the
workspace nor re-reads what the Change says did not move.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotator.core.model import Relation, Span

KINDS = ("do", "undo", "redo")


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # "do" | "undo" | "redo"
    description: str  # e.g. "add PERSON «شويغو»" (English; the window may translate by `op`)
    doc_id: str | None  # the document the action touched (None: project-wide, e.g. entity rename)
    spans_added: tuple[Span, ...] = ()  # spans now present: new, relabelled, re-linked, attrs changed
    spans_removed: tuple[str, ...] = ()  # span ids now gone
    relations_added: tuple[Relation, ...] = ()
    relations_removed: tuple[str, ...] = ()
    status: str | None = None  # the document's new status, when it changed
    entities: frozenset[str] = frozenset()  # canonical entity ids created / renamed / merged / removed
    documents: frozenset[str] = frozenset()  # every document whose spans changed
    suggestions: bool = False  # the open document's suggestions changed
    op: str = ""  # a stable code of the operation ("add_span", "merge_entities", ...)
    schema: bool = False  # the project's labels changed (added, renamed, recoloured, rekeyed)

    @property
    def empty(self) -> bool:
        """Nothing changed: a no-op action returns this and records no undo step."""
        return not (self.spans_added or self.spans_removed or self.relations_added or self.relations_removed
                    or self.status is not None or self.entities or self.documents or self.suggestions
                    or self.schema)

    @property
    def span(self) -> Span | None:
        """The single span this change added (the new span of add_span, the edited one of
        relabel/set_attribute/link_entity), or None when it added none or several."""
        return self.spans_added[0] if len(self.spans_added) == 1 else None


def nothing(op: str, doc_id: str | None = None) -> Change:
    """The Change of an action that changed nothing."""
    return Change("do", "", doc_id, op=op)


Listener = Callable[[Change], None]


class Listeners:
    """The views to tell about each Change. A listener that raises does not stop the others
    from hearing it (the change is committed already); the first error is raised afterwards,
    so a broken view is loud rather than silently stale."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def notify(self, change: Change) -> None:
        error: BaseException | None = None
        for listener in list(self._listeners):  # a listener may unsubscribe while told
            try:
                listener(change)
            except Exception as exc:  # noqa: BLE001 - re-raised below, after the others heard
                error = error or exc
        if error is not None:
            raise error
