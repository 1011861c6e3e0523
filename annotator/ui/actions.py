"""The window's one action registry: every command the window offers is declared once (text,
shortcuts, icon, handler, menu, toolbar) and the menus, the toolbar and the F1 sheet are all
built from it, so a shortcut can never be bound without being listed, or listed without being
bound (tests/ui/test_shortcuts_sheet.py walks the window to check).

Declaring an entry does not build anything; `ActionRegistry.build` makes the QActions in the
order of the entries, which is the order of the menus.

A command's keys may be customised (shortcut_editor.py): the keys chosen are kept in QSettings
(`read_overrides`/`write_overrides`) and the registry binds them instead of the declared ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import qtawesome as qta
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

Key = str | QKeySequence.StandardKey
PORTABLE = QKeySequence.SequenceFormat.PortableText
# QSettings group of customised keys: command name -> its key sequences (PortableText, joined
# by a tab, which no key name contains); an empty value: the command has no key.
OVERRIDES_GROUP = "shortcuts"
_JOIN = "\t"


@dataclass(frozen=True)
class Command:
    """One command: `text` is already translated (with its & mnemonic); `help` is the F1
    sheet's description (the text without & when empty)."""

    name: str  # a stable id ("undo"): how the window finds the QAction again
    text: str
    handler: Callable[[], object]
    menu: str | None = None
    shortcuts: tuple[Key, ...] = ()
    icon: str | None = None
    toolbar: bool = False
    help: str = ""


@dataclass(frozen=True)
class Separator:
    menu: str


@dataclass(frozen=True)
class Insert:
    """Something that is not a command, put in a menu at this place (a submenu of recent
    projects, the docks' show/hide toggles)."""

    menu: str
    build: Callable[[QMenu], None]


Entry = Command | Separator | Insert


@dataclass
class ActionRegistry:
    menus: Sequence[tuple[str, str]]  # (menu id, translated title), in menu bar order
    entries: list[Entry] = field(default_factory=list)
    actions: dict[str, QAction] = field(default_factory=dict)
    overrides: dict[str, list[QKeySequence]] = field(default_factory=dict)  # customised keys by name

    def commands(self) -> list[Command]:
        return [e for e in self.entries if isinstance(e, Command)]

    def command(self, name: str) -> Command | None:
        return next((c for c in self.commands() if c.name == name), None)

    def keys(self, name: str) -> list[QKeySequence]:
        """The keys command `name` is bound to now (customised or declared)."""
        action = self.actions.get(name)
        return [k for k in action.shortcuts() if not k.isEmpty()] if action is not None else []

    def set_keys(self, name: str, keys: Sequence[QKeySequence] | None) -> None:
        """Bind command `name` to `keys` (None: its declared keys again)."""
        command = self.command(name)
        if keys is None:
            self.overrides.pop(name, None)
            keys = default_keys(command)
        else:
            self.overrides[name] = list(keys)
        self.actions[name].setShortcuts(list(keys))

    def build(self, window: QMainWindow, toolbar: QToolBar | None = None) -> None:
        """Create every QAction (owned by the window, so its shortcuts work wherever the focus
        is in it), the menus in `menus` order and the toolbar."""
        menus: dict[str, QMenu] = {name: window.menuBar().addMenu(title) for name, title in self.menus}
        for entry in self.entries:
            if isinstance(entry, Separator):
                menus[entry.menu].addSeparator()
            elif isinstance(entry, Insert):
                entry.build(menus[entry.menu])
            else:
                action = self._make(window, entry)
                if entry.menu is not None:
                    menus[entry.menu].addAction(action)
                if entry.toolbar and toolbar is not None:
                    toolbar.addAction(action)

    def _make(self, window: QMainWindow, command: Command) -> QAction:
        if command.name in self.actions:
            raise ValueError(f"two commands are named {command.name!r}")
        action = QAction(command.text, window)
        action.setObjectName(f"action_{command.name}")
        if command.icon:
            action.setIcon(qta.icon(command.icon))
        keys = self.overrides.get(command.name, default_keys(command))
        if keys:
            action.setShortcuts(keys)
        action.triggered.connect(lambda _=False, run=command.handler: run())
        window.addAction(action)
        self.actions[command.name] = action
        return action

    def sheet_rows(self) -> list[tuple[list[QKeySequence], str]]:
        """(bound key sequences, description) of every command that has a shortcut, read from
        the QActions themselves (a standard key resolves per platform)."""
        rows = []
        for command in self.commands():
            action = self.actions.get(command.name)
            keys = [k for k in action.shortcuts() if not k.isEmpty()] if action is not None else []
            if keys:
                rows.append((keys, command.help or command.text.replace("&", "")))
        return rows


def default_keys(command: Command) -> list[QKeySequence]:
    """The keys a command is declared with (a standard key resolved for this platform; one
    that has no key here, like Quit on some desktops, is left out)."""
    return [key for key in (QKeySequence(k) for k in command.shortcuts) if not key.isEmpty()]


def read_overrides(settings: QSettings) -> dict[str, list[QKeySequence]]:
    """The customised keys kept in `settings`; a value that is no key sequence is left out."""
    settings.beginGroup(OVERRIDES_GROUP)
    try:
        found = {name: settings.value(name, "", str) for name in settings.childKeys()}
    finally:
        settings.endGroup()
    overrides = {}
    for name, value in found.items():
        keys = [QKeySequence.fromString(part, PORTABLE) for part in str(value).split(_JOIN) if part]
        if all(not k.isEmpty() for k in keys):
            overrides[name] = keys
    return overrides


def write_overrides(settings: QSettings, overrides: dict[str, list[QKeySequence]]) -> None:
    """Keep exactly `overrides` in `settings` (an empty dict: every command as declared)."""
    settings.remove(OVERRIDES_GROUP)
    settings.beginGroup(OVERRIDES_GROUP)
    try:
        for name, keys in overrides.items():
            settings.setValue(name, _JOIN.join(k.toString(PORTABLE) for k in keys))
    finally:
        settings.endGroup()


__all__ = ["ActionRegistry", "Command", "Insert", "Separator", "default_keys", "read_overrides",
           "write_overrides"]
