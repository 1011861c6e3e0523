"""Edit > Keyboard shortcuts…: every command of the action registry with its keys, each one
editable. A key another command, a label or the article already owns is refused with the name
of its owner (key_owners.py); OK binds the keys and keeps the ones that differ from the
declared keys in QSettings (read again at start, actions.read_overrides); "Restore defaults"
puts every declared key back.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QKeySequenceEdit,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from annotator.ui.actions import PORTABLE, Command, default_keys, write_overrides
from annotator.ui.key_owners import key_owner, window_bindings
from annotator.ui.plain import error_label

NATIVE = QKeySequence.SequenceFormat.NativeText
SLOTS = 2  # a key and an alternative (redo: Ctrl+Shift+Z and Ctrl+Y)


def _same(a: list[QKeySequence], b: list[QKeySequence]) -> bool:
    return [k.toString(PORTABLE) for k in a] == [k.toString(PORTABLE) for k in b]


class ShortcutEditor(QDialog):
    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window = window
        self.registry = window.registry
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(620, 640)
        self.commands: list[Command] = self.registry.commands()
        # The fields hold the keys each command will have on OK; `_kept` is the last key each
        # field was allowed to have, shown again when a key pressed in it is refused.
        self.edits: dict[tuple[str, int], QKeySequenceEdit] = {}
        self._kept: dict[tuple[str, int], QKeySequence] = {}
        self._loading = False
        self._bound = window_bindings(window, self.registry)  # the panels' keys, a bar's Esc

        self.table = QTableWidget(len(self.commands), 1 + SLOTS)
        self.table.setObjectName("shortcut_table")
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Key"), self.tr("Alternative")])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, command in enumerate(self.commands):
            self.table.setItem(row, 0, QTableWidgetItem(command.text.replace("&", "")))
            for slot in range(SLOTS):
                edit = QKeySequenceEdit()
                edit.setObjectName(f"keys_{command.name}_{slot}")
                edit.setMaximumSequenceLength(1)  # one chord: "Ctrl+K, Ctrl+C" would need a prefix key
                edit.setClearButtonEnabled(True)
                edit.editingFinished.connect(lambda n=command.name, s=slot: self._edited(n, s))
                self.table.setCellWidget(row, 1 + slot, edit)
                self.edits[(command.name, slot)] = edit
        self.table.resizeColumnsToContents()

        self.error = error_label()
        self.error.setObjectName("shortcut_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.defaults_button = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.defaults_button.clicked.connect(self.restore_defaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addWidget(self.error)
        column.addWidget(buttons)
        self._show({c.name: self.registry.keys(c.name) for c in self.commands})

    def _show(self, keys: dict[str, list[QKeySequence]]) -> None:
        self._loading = True
        try:
            for (name, slot), edit in self.edits.items():
                key = keys[name][slot] if slot < len(keys[name]) else QKeySequence()
                edit.setKeySequence(key)
                self._kept[(name, slot)] = key
        finally:
            self._loading = False

    def staged(self, name: str) -> list[QKeySequence]:
        """The keys command `name` gets on OK: its fields, without empty ones or repeats."""
        keys = [self.edits[(name, slot)].keySequence() for slot in range(SLOTS)]
        return list({k.toString(PORTABLE): k for k in keys if not k.isEmpty()}.values())

    def _edited(self, name: str, slot: int) -> None:
        if self._loading:
            return
        edit = self.edits[(name, slot)]
        key = edit.keySequence()
        if key.isEmpty():
            return
        others = [(c.name, c.help or c.text.replace("&", ""), self.staged(c.name))
                  for c in self.commands if c.name != name]
        owner = key_owner(key, self.window.project.schema, others, self._bound)
        if owner is None:
            self.error.hide()
            self._kept[(name, slot)] = key
            return
        self.error.setText(self.tr("{key} is already used by {owner}").format(key=key.toString(NATIVE), owner=owner))
        self.error.show()
        self._loading = True
        try:
            edit.setKeySequence(self._kept[(name, slot)])
        finally:
            self._loading = False

    def restore_defaults(self) -> None:
        self.error.hide()
        self._show({c.name: default_keys(c)[:SLOTS] for c in self.commands})

    def accept(self) -> None:
        """Bind what is staged; keep in the settings only what differs from the declared keys."""
        for command in self.commands:
            keys = self.staged(command.name)
            if _same(keys, default_keys(command)[:SLOTS]) and len(default_keys(command)) <= SLOTS:
                self.registry.set_keys(command.name, None)
            elif not _same(keys, self.registry.keys(command.name)):
                self.registry.set_keys(command.name, keys)
        write_overrides(self.window.settings, self.registry.overrides)
        super().accept()


__all__ = ["ShortcutEditor"]
