"""The F1 sheet lists exactly the shortcuts that are bound: every key sequence of every QAction
and QShortcut of the window (its menus, toolbar and panels) is on the sheet, and the sheet claims
no QAction key that nothing binds. Both come from the action registry, so this test catches a
shortcut added by hand beside it."""

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QToolBar

PORTABLE = QKeySequence.SequenceFormat.PortableText


def bound_keys(window) -> set[str]:
    keys = set()
    for action in window.findChildren(QAction):
        keys.update(k.toString(PORTABLE) for k in action.shortcuts() if not k.isEmpty())
    for shortcut in window.findChildren(QShortcut):
        keys.update(k.toString(PORTABLE) for k in shortcut.keys() if not k.isEmpty())
    return keys


def test_the_sheet_lists_exactly_the_bound_shortcuts(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    rows = window.shortcut_sheet()
    listed = {key for row in rows for key in row.bound}
    bound = bound_keys(window)
    assert bound, "the window binds shortcuts"
    assert listed == bound
    # The commands people look for are among them, each with its description.
    texts = {key: row.text for row in rows for key in row.bound}
    assert texts["F1"] and texts["Ctrl+Shift+Z"] == texts["Ctrl+Y"] == "redo"
    assert "F2" in texts and "Ctrl+K" in texts and "Ctrl+Return" in texts


def test_the_sheet_also_lists_the_keys_the_article_reads(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    article = [row for row in window.shortcut_sheet() if not row.bound]
    for label in window.project.schema.labels():
        if label.key:
            assert any(row.keys == label.key and label.name in row.text for row in article)
    assert {"Delete / Backspace", "K", "A / Shift+Enter"} <= {row.keys for row in article}


def test_menus_and_toolbar_come_from_the_registry(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    registry = window.registry
    in_menus = {a for menu in window.menuBar().actions() if menu.menu() for a in menu.menu().actions()}
    for command in registry.commands():
        action = registry.actions[command.name]
        assert (action in in_menus) == (command.menu is not None), command.name
        assert action.text() == command.text
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert toolbar.actions() == [registry.actions[c.name] for c in registry.commands() if c.toolbar]


def test_a_shortcut_bound_by_hand_is_caught(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    stray = QAction("stray", window)
    stray.setShortcut(QKeySequence("Ctrl+Alt+Q"))
    window.addAction(stray)
    assert "Ctrl+Alt+Q" in bound_keys(window)
    assert "Ctrl+Alt+Q" not in {key for row in window.shortcut_sheet() for key in row.bound}
