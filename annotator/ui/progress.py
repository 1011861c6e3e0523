"""The progress dialog of every long task the window runs (import, export): up at once,
determinate (a percentage of the work's total), with a Cancel that stops after the current batch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.ui.plain import plain_label

STEPS = 1000  # the bar's range: fine enough for a percentage, far below Qt's int limit


def task_progress(parent: QWidget, title: str, label: str) -> QProgressDialog:
    """A window-modal progress dialog, already shown at 0 %; set_fraction() moves it."""
    dialog = QProgressDialog(parent)
    dialog.setLabel(plain_label(label))  # its own label would be AutoText
    dialog.setCancelButtonText(QCoreApplication.translate("Progress", "Cancel"))
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setRange(0, STEPS)
    # Up at once: Qt's default waits up to 4 s, most of a typical import, before it shows anything.
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    dialog.show()
    return dialog


def steps(done: int, total: int) -> int:
    """`done` of `total` in the bar's steps (a total of 0 counts as finished)."""
    return STEPS if total <= 0 else min(STEPS, max(0, done * STEPS // total))


def stopping(dialog: QProgressDialog) -> None:
    """After a Cancel: the label says the task ends with the batch under way."""
    dialog.setLabelText(QCoreApplication.translate("Progress", "Stopping after the current batch…"))


__all__ = ["STEPS", "steps", "stopping", "task_progress"]
