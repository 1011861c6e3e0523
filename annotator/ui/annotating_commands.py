"""The annotating commands of the main window, as a mixin of MainWindow: label, relabel,
delete, link to a canonical entity, undo and redo, jump to an entity's mentions, mark skipped.

Each command is one Workspace action run through `_act`, which turns a refusal into a status
bar sentence and a failed write into the write-failure report; the views are updated by the
Change the action announces (change_dispatch.py), never here.

Needs from the window: workspace, project, view, claim_panel, suggestions, message(),
open_document(), mark_done(), _finish_loading(), _refused(), _write_failed(), _sync_span_row(),
_picking_claimant.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

from annotator.core.changes import Change
from annotator.core.display import neutralised
from annotator.core.selection import snap
from annotator.store import ProjectError
from annotator.store.workspace import AnnotationError
from annotator.ui import messages
from annotator.ui.dialogs import ask
from annotator.ui.display_names import label_in_message
from annotator.ui.entity_picker import EntityPicker


class AnnotatingCommands:
    def _act(self, action) -> Change | None:
        """Run one workspace action; a refusal or a failed write is said, and None returned."""
        try:
            return action(self.workspace)
        except AnnotationError as exc:
            self.message(messages.text(exc))  # translated where its code has a template
        except ProjectError as exc:
            self._write_failed(exc)
        return None

    def apply_label(self, label: str) -> None:
        """The label key (or palette click): label the selection, or relabel the selected span."""
        if self._refused():
            return
        self._finish_loading()
        selection = self.view.selected_range()
        if selection is not None:
            span = snap(self.view.text(), *selection, exact=self.view.exact)
            if span is None:
                self.message(self.tr("Nothing to label in the selection"))
                return
            change = self._act(lambda ws: ws.add_span(span[0], span[1], label))
            if change is None or change.span is None:
                return
            added = change.span
            self.view.clear_selection()
            self._select(added.id)
            # Other spellings are searched after this frame: on a long article the search
            # takes longer than storing and showing the span itself.
            QTimer.singleShot(0, self, lambda: self.suggestions.after_label(added))
        elif self.view.selected_span:
            span_id = self.view.selected_span
            change = self._act(lambda ws: ws.relabel(span_id, label))
            if change is not None and change.span is not None:
                self._select(change.span.id)
        else:
            self.message(self.tr("Select some text first (drag, Shift+arrows, or double-click a word)"))

    def _select(self, span_id: str) -> None:
        self.view.select_span(span_id, scroll=False)
        # The list row and the panel follow after the frame: filling them makes their docks
        # repaint, and the article (what the analyst watches) is painted first.
        self.claim_panel.commit_pending()
        QTimer.singleShot(0, self, lambda: span_id == self.view.selected_span and self._show_selected_later(span_id))

    def _show_selected_later(self, span_id: str) -> None:
        self._sync_span_row(span_id)
        self.claim_panel.show_span(span_id)

    def delete_selected(self) -> None:
        if self._refused():
            return
        self._finish_loading()
        span_id = self.view.selected_span
        if not span_id:
            self.message(self.tr("Click a span to select it, then press Delete"))
            return
        claims = self.workspace.claimant_of_deleted(span_id)
        if claims:
            quoted = "\n".join(f"• {neutralised(c.text, limit=80)}" for c in claims)
            # Not self.tr: in a MainWindow mixin Qt would look a plural up under "MainWindow" first.
            question = QCoreApplication.translate(
                "AnnotatingCommands", "This span is the claimant of %n claims:\n{claims}\n\nDelete it and leave "
                "those claims without a claimant? (Ctrl+Z undoes it)", None, len(claims)).format(claims=quoted)
            if not ask(self, self.tr("Delete a claimant?"), question):
                return
        if self._act(lambda ws: ws.delete_span(span_id)) is not None:
            self.claim_panel.show_span(self.view.selected_span)

    def undo(self) -> None:
        self._history(undo=True)

    def redo(self) -> None:
        self._history(undo=False)

    def _history(self, undo: bool) -> None:
        self._finish_loading()
        current = self.workspace.document.id if self.workspace.document else None
        change = self._act(lambda ws: ws.undo() if undo else ws.redo())
        if change is None:
            return
        if change.empty:
            self.message(self.tr("Nothing to undo") if undo else self.tr("Nothing to redo"))
            return
        if change.doc_id is not None and change.doc_id != current:
            self.open_document(change.doc_id)  # show where the undone action happened
        done = self.tr("Undid: {action}") if undo else self.tr("Redid: {action}")
        self.message(done.format(action=change.description))

    def link_entity(self) -> None:
        """Link the selected entity span to a canonical entity (pick list, or a new one)."""
        if self._refused():
            return
        self._finish_loading()
        span = self.workspace.spans.get(self.view.selected_span) if self.view.selected_span else None
        if span is None:
            self.message(self.tr("Click an entity span first, then press K to link it"))
            return
        if not self.project.schema.is_entity_layer(span.layer):
            self.message(self.tr("{label} spans are not linked to canonical entities").format(
                label=label_in_message(self.project.schema, span.label)))
            return
        picker = EntityPicker(self.workspace, span, self)
        picker.exec()
        if picker.result_entity is not None:
            self.view.select_span(span.id, scroll=False)
            self.message(self.tr("«{text}» is {entity}").format(text=span.text[:30], entity=picker.result_entity.name))

    def open_mention(self, entity_id: str) -> None:
        """Open the next document that mentions an entity (after the current one, wrapping)."""
        rows = self.project.mention_locations(entity_id)
        if not rows:
            self.message(self.tr("no mentions"))
            return
        current = self.workspace.document.id if self.workspace.document else None
        docs = list(dict.fromkeys(doc_id for doc_id, _ in rows))
        target = docs[(docs.index(current) + 1) % len(docs)] if current in docs else docs[0]
        if target != current:
            self.open_document(target)
        self._finish_loading()
        first = next(span_id for doc_id, span_id in rows if doc_id == target)
        self.view.select_span(first)
        self._sync_span_row(first)
        self.claim_panel.show_span(first)

    def mark_skipped(self) -> None:
        """Ctrl+Shift+Enter: mark the document skipped and open the next; a done one only if the
        analyst says so.

        Asked, not refused: skipping a document already done is sometimes meant (a reviewer
        finds it out of scope), and refusing would leave no keyboard way to do it. But the
        key is one Shift away from Ctrl+Enter, so it is never silent: No (or Esc) keeps the
        document done and stays on it."""
        doc = self.workspace.document
        if doc is None or self._refused():
            return
        if doc.status == "done":
            title = neutralised(doc.title or doc.id, limit=60)
            question = self.tr("«{title}» is marked done. Mark it skipped instead? Its spans are kept, and Ctrl+Z "
                               "undoes it.").format(title=title)
            if not ask(self, self.tr("Skip a done document?"), question):
                self.message(self.tr("«{title}» stays done").format(title=title))
                return
        self.mark_done("skipped")

    def _focus_claim_form(self) -> None:
        if not self.claim_panel.focus_first():
            self.message(self.tr("Select a span to edit its note and attributes"))

    def _escape(self) -> None:
        if self._picking_claimant:
            self._picking_claimant = None
            self.message(self.tr("no claimant picked"))
            return
        self.view.clear_selection()
        self.view.select_span(None)
        self._sync_span_row(None)
        self.claim_panel.show_span(None)


__all__ = ["AnnotatingCommands"]
