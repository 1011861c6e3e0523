"""The window's status bar: the last message, who is annotating ("Annotating as amal", and
"Showing salma's set (read-only)" while another set is shown), where the open document is in the
list, its span count, and whether everything is stored ("saved 14:02:11", "NOT SAVED", "read-only").

It owns the saved/failed state: a write the store refused is shown in a dialog once and kept
here until a later write succeeds.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QDateTime, QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSizePolicy, QStatusBar, QWidget

from annotator.core.display import neutralised
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
        self.identity_label = plain_label()
        # Shown only while another annotator's set is: nothing typed then is stored, and the
        # analyst must not take that set's spans for their own.
        self.viewing_label = plain_label()
        self.viewing_label.setStyleSheet("background: #fff3bf; color: #5c3c00; font-weight: bold; padding: 1px 6px;"
                                         "border: 1px solid #e0c060; border-radius: 3px;")
        self.viewing_label.hide()
        self._identity: tuple[str, str | None] | None = None
        # A long message is cut (whole on hover), never the facts on the right: who annotates,
        # where, whether it is saved. A QLabel otherwise claims its whole text's width.
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.message_label, 1)
        for label in (self.viewing_label, self.identity_label, self.position_label, self.spans_label,
                      self.saved_label):
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
            set_tooltip(self.message_label, shown)

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
            # Numbers and the time in the interface's locale (language.py: Latin digits in Arabic too).
            locale = QLocale()
            self.position_label.setText(self.tr("Document {n} of {total} · {status}").format(
                n=locale.toString(position), total=locale.toString(documents), status=status_name(status)))
            self.spans_label.setText(self.tr("%n spans", "", spans or 0))
        else:
            self.position_label.setText(self.tr("%n documents", "", documents))
            self.spans_label.setText("")
        if readonly_reason:
            state = self.tr("read-only")
        elif self.write_failure:
            state = self.tr("NOT SAVED")  # the last action failed; every earlier one is stored
        elif self.last_saved:
            saved = QDateTime.fromMSecsSinceEpoch(int(self.last_saved * 1000)).time()
            state = self.tr("saved {time}").format(time=QLocale().toString(saved, "HH:mm:ss"))
        else:
            state = self.tr("all changes saved")
        self.saved_label.setText(state)
        # Why it is read-only (or why the last action was not saved), on hover.
        set_tooltip(self.saved_label, readonly_reason or self.write_failure or "")

    def show_identity(self, annotator: str, viewing: str | None) -> None:
        """Whose set the window works in, and whose it shows read-only (None: its own). Both
        names are typed by people or come from merged files: neutralised."""
        if self._identity == (annotator, viewing):
            return  # called after every action: unchanged labels are not touched
        self._identity = (annotator, viewing)
        self.identity_label.setText(self.tr("Annotating as {name}").format(name=neutralised(annotator)))
        if viewing is None:
            self.viewing_label.hide()
            return
        self.viewing_label.setText(self.tr("Showing {name}'s set (read-only)").format(name=neutralised(viewing)))
        self.viewing_label.show()

    def show_history(self, undo: QAction, redo: QAction, undo_text: str | None, redo_text: str | None) -> None:
        # Undo texts quote span texts and names: escaped, or the toolbar tooltip renders them.
        undo.setToolTip(tooltip_text(undo_text or self.tr("Nothing to undo")))
        redo.setToolTip(tooltip_text(redo_text or self.tr("Nothing to redo")))


__all__ = ["StatusBar"]
