"""How the main window follows the workspace, as a mixin of MainWindow: every committed
action, undo and redo arrives here as one Change (Workspace.subscribe) and is routed to the
views it concerns, whoever made it (a key, a panel, undo from another document, a script).

Needs from the window: workspace, project, busy, view, span_model, doc_model, suggestions,
claim_panel, entity_browser, status, message(), apply_schema(), _sync_span_row(), _update_status().
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

from annotator.core.changes import Change
from annotator.ui.display_names import label_in_message
from annotator.ui.models import status_name

# A mixin of MainWindow: strings name their context, as in window_docks.
translate = QCoreApplication.translate


def _quoted(text: str, limit: int = 40) -> str:
    """A span text for a one-line message: its lines joined, cut at `limit`. Not neutralised
    here: the status bar shows every message's bidi controls itself (errors.visible)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


class ChangeDispatch:
    def _on_change(self, change: Change) -> None:
        """Every committed action, undo and redo: the article and span list of the open
        document at once, the panels right after this frame (the article is what the
        analyst watches)."""
        doc = self.workspace.document
        current = doc.id if doc is not None else None
        if change.schema:
            self.apply_schema()  # labels edited: the open document is shown again with them
        elif current is not None and (change.doc_id == current or current in change.documents):
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
        said = self._said(change) if not change.empty else ""
        if said:
            self.message(said)
        # What this action did replaces what the previous one said; a caller with more to say
        # (undo, suggestions) says it after this returns. With nothing to say, the old message
        # goes after the frame, unless someone spoke by then: the article is painted first.
        silent = None if change.empty or said else self.status.said
        QTimer.singleShot(0, self, lambda: self._after_change(change, silent))

    def _said(self, change: Change) -> str:
        """The status bar sentence of an action done here, "" when its own caller reports it."""
        if change.kind != "do":
            return ""
        if change.op == "relabel" and change.span is not None:
            return translate("ChangeDispatch", "relabelled «{text}» as {label}").format(
                text=_quoted(change.span.text), label=label_in_message(self.project.schema, change.span.label))
        if change.op == "set_status" and change.status is not None:
            return translate("ChangeDispatch", "document marked {status}").format(status=status_name(change.status))
        return ""

    def _after_change(self, change: Change, silent: int | None = None) -> None:
        if self.project.closed or self.busy:
            return
        if silent is not None and silent == self.status.said:
            self.message("")
        self._count_spans()
        # A relabelled span moves in the sorted list: the highlight follows the article's. After
        # the frame: selecting and scrolling the list repaints it, and the article comes first.
        self._sync_span_row(self.view.selected_span)
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
