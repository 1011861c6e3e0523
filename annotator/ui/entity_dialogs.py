"""The dialogs of the Entities dock: edit an entity's name, type and aliases; choose the entity
to merge into. Plain text throughout (names are untrusted)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from annotator.core.model import Entity
from annotator.ui.entity_picker import EntityChooser
from annotator.ui.plain import error_label, plain_label


# -- aliases as text --------------------------------------------------------------------------

_COMMAS = re.compile(r"[,،]")  # Latin and Arabic comma


def parse_aliases(text: str, name: str = "") -> list[str]:
    """Aliases typed one per line, or separated by commas (Latin , or Arabic ،) on a single line;
    with several lines, commas are part of the names. Blank entries, repeats and the name itself
    are left out."""
    lines = [line for line in text.splitlines() if line.strip()]
    parts = lines if len(lines) > 1 else _COMMAS.split(text)
    out: list[str] = []
    for part in (p.strip() for p in parts):
        if part and part != name.strip() and part not in out:
            out.append(part)
    return out


def format_aliases(aliases: list[str]) -> str:
    return "\n".join(aliases)


# -- the replaceable dialogs --------------------------------------------------------------------


class EntityEditDialog(QDialog):
    """Name, type and aliases of one entity; plain text throughout."""

    def __init__(self, entity: Entity, types: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rename entity"))
        self.name = QLineEdit(entity.name)
        self.type = QComboBox()
        for name in dict.fromkeys([*types, entity.type]):
            self.type.addItem(name, name)
        self.type.setCurrentIndex(self.type.findData(entity.type))
        self.aliases = QPlainTextEdit()
        self.aliases.setPlainText(format_aliases(entity.aliases))
        self._original = (format_aliases(entity.aliases), list(entity.aliases))
        self.aliases.setTabChangesFocus(True)
        hint = plain_label(self.tr("One alias per line, or separated by commas on a single line."))
        hint.setWordWrap(True)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(plain_label(self.tr("Name")), self.name)
        form.addRow(plain_label(self.tr("Type")), self.type)
        form.addRow(plain_label(self.tr("Aliases")), self.aliases)
        form.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.selectAll()
        self.name.setFocus()
        self.resize(420, 320)

    def values(self) -> tuple[str, list[str], str]:
        name = self.name.text().strip()
        text = self.aliases.toPlainText()
        # Untouched aliases stay as they were (a lone alias may contain a comma).
        if text == self._original[0]:
            aliases = [a for a in self._original[1] if a != name]
        else:
            aliases = parse_aliases(text, name)
        return name, aliases, self.type.currentData()

    def _ok(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("An entity needs a name."))
            self.error.show()
            return
        self.accept()


def edit_entity_dialog(parent: QWidget | None, entity: Entity, types: list[str]) -> tuple[str, list[str], str] | None:
    dialog = EntityEditDialog(entity, types, parent)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def choose_target_dialog(parent: QWidget | None, drop: Entity, candidates: list[Entity]) -> Entity | None:
    prompt = QCoreApplication.translate("EntityDialogs", "Merge «{name}» (%n mentions) into:", None,
                                        drop.mentions).format(name=drop.name)
    title = QCoreApplication.translate("EntityDialogs", "Merge into…")
    dialog = EntityChooser(candidates, drop.name, drop.type, title, prompt, parent)
    return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None


__all__ = ["EntityEditDialog", "choose_target_dialog", "edit_entity_dialog", "format_aliases", "parse_aliases"]
