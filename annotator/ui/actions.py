"""The window's one action registry: every command the window offers is declared once (text,
shortcuts, icon, handler, menu, toolbar) and the menus, the toolbar and the F1 sheet are all
built from it, so a shortcut can never be bound without being listed, or listed without being
bound (tests/ui/test_shortcuts_sheet.py walks the window to check).

Declaring an entry does not build anything; `ActionRegistry.build` makes the QActions in the
order of the entries, which is the order of the menus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import qtawesome as qta
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

Key = str | QKeySequence.StandardKey


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

    def commands(self) -> list[Command]:
        return [e for e in self.entries if isinstance(e, Command)]

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
        if command.shortcuts:
            action.setShortcuts([QKeySequence(k) for k in command.shortcuts])
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


__all__ = ["ActionRegistry", "Command", "Insert", "Separator"]
