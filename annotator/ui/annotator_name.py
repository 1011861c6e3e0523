"""Who is annotating: the name asked at first run and by File > Annotate as…, and remembered.

The name is recorded on every span made (the `annotator` column) and names the set the window
works in, so it must be a real name: not empty, and not "gold", which is the adjudicated set
(store/sets.py) that only review works in.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from annotator.core.display import neutralised
from annotator.store.sets import GOLD
from annotator.ui.plain import error_label, plain_label

SETTING = "annotator/name"
MAX_NAME = 80  # a name, not a note: it is shown in the status bar and on every span row


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user database entry (some containers): a name is still needed
        return ""


def remembered(settings: QSettings) -> str:
    value = settings.value(SETTING)
    return value if isinstance(value, str) and name_problem(value) is None else ""


def remember(settings: QSettings, name: str) -> None:
    settings.setValue(SETTING, name)
    settings.sync()


def name_problem(name: str) -> str | None:
    """Why `name` cannot be an annotator's name (None when it can)."""
    name = name.strip()
    if not name:
        return QCoreApplication.translate("AnnotatorName", "Type your name: it is recorded on every span you make.")
    if name.casefold() == GOLD:
        return QCoreApplication.translate(
            "AnnotatorName", "\"{gold}\" is the adjudicated set, not an annotator: type your own name.").format(gold=GOLD)
    if len(name) > MAX_NAME:
        return QCoreApplication.translate("AnnotatorName", "A name has at most {n} characters.").format(n=MAX_NAME)
    return None


class NameDialog(QDialog):
    """One line for the name; OK refuses an unusable name with a plain sentence under it."""

    def __init__(self, prefill: str, current: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is annotating?"))
        column = QVBoxLayout(self)
        if current:
            text = self.tr("You annotate as {name}. Your spans from now on are recorded as:").format(
                name=neutralised(current))
        else:
            text = self.tr("Your name is recorded on every span you make, and names your set of annotations:")
        intro = plain_label(text)
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.name = QLineEdit(prefill)
        self.name.setMaxLength(MAX_NAME + 1)  # one more, so the length sentence can be seen
        self.name.selectAll()
        column.addWidget(self.name)
        self.error = error_label()
        column.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.buttons = buttons
        self.name.textEdited.connect(lambda _: self.error.hide())
        self.setMinimumWidth(420)

    def accept(self) -> None:
        problem = name_problem(self.name.text())
        if problem:
            self.error.setText(problem)
            self.error.show()
            # Taller by the sentence, at the width the analyst left it (not the narrow hint's).
            self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))
            self.name.setFocus()
            return
        super().accept()

    def chosen(self) -> str:
        return self.name.text().strip()


def ask_name(parent: QWidget | None, prefill: str, current: str | None = None) -> str | None:
    """The name typed (stripped, usable), None when the analyst cancelled."""
    dialog = NameDialog(prefill, current, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


__all__ = ["SETTING", "NameDialog", "ask_name", "name_problem", "os_user", "remember", "remembered"]
