"""How the main window follows the workspace, as a mixin of MainWindow: every committed
action, undo and redo arrives here as one Change (Workspace.subscribe) and is routed to the
views it concerns, whoever made it (a key, a panel, undo from another document, a script).

Needs from the window: workspace, project, busy, view, span_model, doc_model, suggestions,
claim_panel, entity_browser, status, _update_status().
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from annotator.core.changes import Change


class ChangeDispatch:
    def _on_change(self, change: Change) -> None:
        """Every committed action, undo and redo: the article and span list of the open
        document at once, the panels right after this frame (the article is what the
        analyst watches)."""
        doc = self.workspace.document
        current = doc.id if doc is not None else None
        if current is not None and (change.doc_id == current or current in change.documents):
            # Of a project-wide change (merge, rename), the spans of the open document.
            added = [s for s in change.spans_added if s.id in self.workspace.spans]
            removed = list(change.spans_removed) if change.doc_id == current else []
            self.view.apply_change(added, removed)
            self.span_model.apply_change(added, removed)
        if change.status is not None and change.doc_id is not None:
            self.doc_model.update(change.doc_id, status=change.status)
        self.suggestions.apply_change(change)
        self.claim_panel.apply_change(change)
        if change.entities:
            self.entity_browser.apply_change(change)  # renamed, merged: at once, it is on screen
        self.status.write_ok()
        QTimer.singleShot(0, self, lambda: self._after_change(change))

    def _after_change(self, change: Change) -> None:
        if self.project.closed or self.busy:
            return
        self._count_spans()
        if not change.entities:
            self.entity_browser.apply_change(change)  # mention counts of linked spans
        self.span_model.refresh_details()
        self._update_status()

    def _count_spans(self) -> None:
        """The open document's span count in the document list (when all its spans are in)."""
        doc = self.workspace.document
        row = self.doc_model.row_of(doc.id) if doc is not None else None
        if row is not None and not self.workspace.loading:
            self.doc_model.update(doc.id, span_delta=len(self.workspace.spans) - self.doc_model.rows[row][3])


__all__ = ["ChangeDispatch"]
