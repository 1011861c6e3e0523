"""The window's status bar: the last message, where the open document is in the list, its span
count, and whether everything is stored ("saved 14:02:11", "NOT SAVED", "read-only").

It owns the saved/failed state: a write the store refused is shown in a dialog once and kept
here until a later write succeeds.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QWidget

from annotator.store.errors import ProjectError
from annotator.ui import errors, messages
from annotator.ui.models import status_name
from annotator.ui.plain import plain_label, set_tooltip, tooltip_text


class StatusBar(QObject):
    def __init__(self, bar: QStatusBar, parent: QWidget):
        super().__init__(parent)
        self._window = parent
        self.position_label = plain_label()
        self.spans_label = plain_label()
        self.saved_label = plain_label()
        self.message_label = plain_label()
        bar.addWidget(self.message_label, 1)
        for label in (self.position_label, self.spans_label, self.saved_label):
            bar.addPermanentWidget(label)
        self.last_saved: float | None = None
        self.write_failure: str | None = None  # the sentence of the last failed write, until one succeeds
        self.said = 0  # messages so far: whether anyone spoke since a given moment

    def message(self, text: str) -> None:
        # Messages quote span texts, names and paths: their bidi controls shown, never obeyed.
        self.said += 1
        shown = errors.visible(text)
        if shown != self.message_label.text():  # an unchanged label is not repainted in the action's frame
            self.message_label.setText(shown)

    def project_changed(self) -> None:
        """Another project is shown: "saved 14:02" and a failed write were the previous
        project's, and so was the last message."""
        self.last_saved = None
        self.write_failure = None
        errors.WRITE_FAILURES.clear()
        self.message("")

    def write_ok(self) -> None:
        self.last_saved = time.time()
        self.write_failure = None
        errors.WRITE_FAILURES.clear()  # a later failure is news again: show it

    def write_failed(self, exc: ProjectError) -> None:
        """Nothing of the action was stored and nothing is shown as done. The sentence is shown
        in a dialog once, not on every key press; the bar keeps it until a write succeeds."""
        self.write_failure = messages.text(exc)
        self.message(self.tr("Not saved: {reason}").format(reason=self.write_failure))
        errors.WRITE_FAILURES.report(self._window, self.write_failure)

    def show(self, *, position: int | None, documents: int, status: str | None, spans: int | None,
             readonly_reason: str | None) -> None:
        """`position` (1-based) and `status` of the open document, None when none is open."""
        if position is not None and status is not None:
            self.position_label.setText(self.tr("Document {n} of {total} · {status}").format(
                n=position, total=documents, status=status_name(status)))
            self.spans_label.setText(self.tr("%n spans", "", spans or 0))
        else:
            self.position_label.setText(self.tr("%n documents", "", documents))
            self.spans_label.setText("")
        if readonly_reason:
            state = self.tr("read-only")
        elif self.write_failure:
            state = self.tr("NOT SAVED")  # the last action failed; every earlier one is stored
        elif self.last_saved:
            state = self.tr("saved {time}").format(time=time.strftime("%H:%M:%S", time.localtime(self.last_saved)))
        else:
            state = self.tr("all changes saved")
        self.saved_label.setText(state)
        # Why it is read-only (or why the last action was not saved), on hover.
        set_tooltip(self.saved_label, readonly_reason or self.write_failure or "")

    def show_history(self, undo: QAction, redo: QAction, undo_text: str | None, redo_text: str | None) -> None:
        # Undo texts quote span texts and names: escaped, or the toolbar tooltip renders them.
        undo.setToolTip(tooltip_text(undo_text or self.tr("Nothing to undo")))
        redo.setToolTip(tooltip_text(redo_text or self.tr("Nothing to redo")))


__all__ = ["StatusBar"]
