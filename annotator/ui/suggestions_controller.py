"""The dashed suggestions of the open document: imported pre-annotations and mentions of known
entities when it opens, other spellings of a span just labelled, Accept and Reject.

The article shows them (DocumentView.suggestions); this controller decides which. It follows the
workspace's Changes like every view: a span added where a suggestion of its layer is shown
makes that suggestion go, and an undo or redo that brings stored suggestions back reloads them.
A rejection is stored in the project (the workspace leaves rejected ones out of what it finds), so
it lasts beyond the session. In review (review_mode.py) the suggestions are the annotators'
candidates: loading, following Changes, Accept and Reject are handed over to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer

from annotator.core.changes import Change
from annotator.core.model import Span, Suggestion
from annotator.store.errors import ProjectError
from annotator.store.workspace import AnnotationError
from annotator.ui import messages


class SuggestionsController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    @property
    def _view(self):
        return self.window.view

    def _idle(self) -> bool:
        """False when the database must not be read now: the window closed, or an import's
        worker owns the connection (see import_task.py)."""
        return not (self.window.project.closed or self.window.busy)

    # -- following the workspace ------------------------------------------------------

    def apply_change(self, change: Change) -> None:
        if self.window.review.active:  # in review the suggestions are the candidates: review_mode.py
            self.window.review.apply_change(change)
            return
        workspace = self.window.workspace
        doc = workspace.document
        if doc is not None and self._view.suggestions:
            new = [s for s in change.spans_added if s.id in workspace.spans]
            keep = [s for s in self._view.suggestions
                    if not any(n.layer == s.layer and n.start < s.end and s.start < n.end for n in new)]
            if len(keep) != len(self._view.suggestions):
                self._view.set_suggestions(keep, focus=self._view.focused if self._view.focused is not None
                                           and self._view.focused < len(keep) else None)
        if change.suggestions and change.kind != "do" and doc is not None and change.doc_id == doc.id:
            doc_id = doc.id
            again = workspace.undone_rejection() if change.kind == "undo" else []
            QTimer.singleShot(0, self, lambda: self.load(doc_id, again))

    # -- finding ------------------------------------------------------------------------

    def load(self, doc_id: str, again: Sequence[Suggestion] = ()) -> None:
        """Imported pre-annotations and mentions of known entities, shown dashed; after an undo
        or redo, also `again` (those an undone rejection had hidden) and without those now
        rejected (a redone rejection)."""
        window, doc = self.window, self.window.workspace.document
        if doc is None or doc.id != doc_id or window.project.readonly or not self._idle() or window.doc_readonly:
            return
        window._finish_loading()
        if window.review.active:
            window.review.load(doc_id)
            return
        workspace = window.workspace
        shown = self._view.suggestions
        if shown:
            rejected = window.project.rejections(doc_id, window.workspace.annotator)
            if rejected and any(s.key() in rejected for s in shown):
                shown = [s for s in shown if s.key() not in rejected]
                self._view.set_suggestions(shown)
        keys = {s.key() for s in shown}
        returning = [s for s in again
                     if not any(o.layer == s.layer for o in workspace.spans.overlapping(s.start, s.end))]
        found = [s for s in [*workspace.document_suggestions(), *returning] if s.key() not in keys]
        found = list({s.key(): s for s in found}.values())
        if not found:
            return
        self._view.set_suggestions([*shown, *found], focus=self._view.focused)
        window.message(self.tr("%n suggestions: Tab outlines one, Enter accepts the outlined one, Shift+Enter or A "
                               "accepts all, Esc rejects", "", len(found)))

    def after_label(self, span: Span) -> None:
        """After a label: add the other spellings of the new span (covered suggestions already
        went with its Change)."""
        workspace = self.window.workspace
        if not self._idle() or span.id not in workspace.spans or self.window.review.active:
            # The window closed, an import owns the connection, the span is gone again, or the
            # suggestions are review's candidates (other spellings would mix with them).
            return
        shown = {k.key() for k in self._view.suggestions}
        fresh = [s for s in workspace.variant_suggestions(span.id) if s.key() not in shown]
        if not fresh:
            return
        merged = sorted([*self._view.suggestions, *fresh], key=lambda s: (s.start, -s.end))
        self._view.set_suggestions(merged, focus=merged.index(fresh[0]))
        self.window.message(self.tr("%n more «{text}»: Enter accepts the outlined one, A accepts all, Esc rejects",
                                    "", len(fresh)).format(text=span.text[:30]))

    # -- answering ----------------------------------------------------------------------

    def accept(self, suggestions) -> None:
        window = self.window
        if window.review.active:
            window.review.accept(suggestions)
            return
        if window._refused():
            return
        suggestions = list(suggestions)
        if not suggestions:
            # Enter with no suggestion outlined: accepting "the first" would label a name the
            # analyst never looked at, so nothing happens and the way to outline one is said.
            window.message(self.tr("No suggestion is outlined: Tab (or a click) outlines one, then Enter accepts "
                                   "it; A accepts all"))
            return
        window._finish_loading()
        change = self._act(lambda ws: ws.accept_suggestions(suggestions))
        if change is None:
            return
        accepted = {s.key() for s in suggestions}
        remaining = [s for s in self._view.suggestions if s.key() not in accepted]
        self._view.set_suggestions(remaining, focus=0 if remaining and len(suggestions) == 1 else None)
        added = len(change.spans_added)
        skipped = len(suggestions) - added
        if skipped:
            window.message(self.tr("accepted %n suggestions; {skipped} would overlap a span", "", added).format(
                skipped=skipped))
        else:
            window.message(self.tr("accepted %n suggestions", "", added))

    def _act(self, action):
        """Run a workspace action; a refusal or a failed write is said, and gives None."""
        window = self.window
        try:
            return action(window.workspace)
        except AnnotationError as exc:
            window.message(messages.text(exc))
        except ProjectError as exc:
            window._write_failed(exc)
        return None

    def reject(self, suggestions) -> None:
        window = self.window
        if window.review.active:
            window.review.reject(suggestions)
            return
        doc = window.workspace.document
        if doc is None or window._refused():
            return
        suggestions = list(suggestions)
        if self._act(lambda ws: ws.reject_suggestions(suggestions)) is None:
            return
        rejected = {s.key() for s in suggestions}
        remaining = [s for s in self._view.suggestions if s.key() not in rejected]
        self._view.set_suggestions(remaining, focus=0 if remaining and len(suggestions) == 1 else None)
        window.message(self.tr("rejected %n suggestions", "", len(rejected)))


__all__ = ["SuggestionsController"]
