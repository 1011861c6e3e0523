"""Edit > Keyboard shortcuts…: a command's key changed by pressing it, refused when a command,
a label, the article or a panel owns it, kept in the settings for the next start, and put back
by "Restore defaults"."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest

from annotator.ui.actions import OVERRIDES_GROUP, PORTABLE
from annotator.ui.shortcut_editor import ShortcutEditor

Mod = Qt.KeyboardModifier
CTRL, SHIFT, NONE = Mod.ControlModifier, Mod.ShiftModifier, Mod.NoModifier


def editor(qtbot, window) -> ShortcutEditor:
    dialog = ShortcutEditor(window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def record(qtbot, dialog, name, key, modifiers=NONE, slot=0):
    """Press `key` in the command's key field, as the analyst does."""
    edit = dialog.edits[(name, slot)]
    edit.setFocus()
    qtbot.keyClick(edit, key, modifiers)
    return edit


def keys(window, name):
    return [k.toString(PORTABLE) for k in window.registry.actions[name].shortcuts() if not k.isEmpty()]


def test_a_key_someone_owns_is_refused_with_the_owner(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    stray = QAction("&Stray tool", window)  # bound beside the registry: its key is taken too
    stray.setShortcut(QKeySequence("Ctrl+Alt+Q"))
    window.addAction(stray)
    dialog = editor(qtbot, window)
    cases = [
        ((Qt.Key.Key_N, CTRL), "New project"),  # another command
        ((Qt.Key.Key_P, NONE), "the label PERSON"),  # a label key, typed in the article
        ((Qt.Key.Key_P, SHIFT), "the label PERSON"),  # Shift+P types P: the article reads it as p
        ((Qt.Key.Key_Escape, NONE), "the article: clear the selection"),
        ((Qt.Key.Key_K, NONE), "the article: link the selected entity span"),
        ((Qt.Key.Key_F2, NONE), "in Entities: rename the selected entity"),  # a panel's own action
        ((Qt.Key.Key_Q, CTRL | Mod.AltModifier), "Stray tool"),
    ]
    for (key, modifiers), owner in cases:
        edit = record(qtbot, dialog, "zoom_reset", key, modifiers)
        assert dialog.error.isVisible() and owner in dialog.error.text(), (key, dialog.error.text())
        assert edit.keySequence().toString(PORTABLE) == "Ctrl+0"  # the field keeps its key
    dialog.accept()
    assert keys(window, "zoom_reset") == ["Ctrl+0"]
    settings = window.settings
    settings.beginGroup(OVERRIDES_GROUP)
    assert settings.childKeys() == []
    settings.endGroup()


def test_a_new_key_works_at_once_is_listed_in_f1_and_kept_for_the_next_start(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    dialog = editor(qtbot, window)
    record(qtbot, dialog, "zoom_reset", Qt.Key.Key_9, CTRL)
    assert not dialog.error.isVisible()
    dialog.edits[("zoom_in", 1)].clear()  # Ctrl+= taken away from zoom in
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert keys(window, "zoom_reset") == ["Ctrl+9"] and keys(window, "zoom_in") == ["Ctrl++"]
    sheet = {row.text: row.bound for row in window.shortcut_sheet()}
    assert sheet["text at its usual size"] == ("Ctrl+9",) and sheet["larger text"] == ("Ctrl++",)

    window.zoom(1)
    bigger = window.view.font_size()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_9, CTRL)  # through the shortcut map
    assert window.view.font_size() < bigger

    settings_path = window.settings.fileName()
    window.close()
    again = open_window(demo_path)
    assert again.settings.fileName() == settings_path
    assert keys(again, "zoom_reset") == ["Ctrl+9"] and keys(again, "zoom_in") == ["Ctrl++"]
    assert keys(again, "undo") == [QKeySequence(QKeySequence.StandardKey.Undo).toString(PORTABLE)]

    dialog = editor(qtbot, again)
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.edits[("zoom_reset", 0)].keySequence().toString(PORTABLE) == "Ctrl+0"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert keys(again, "zoom_reset") == ["Ctrl+0"] and keys(again, "zoom_in") == ["Ctrl++", "Ctrl+="]
    stored = QSettings(settings_path, QSettings.Format.IniFormat)
    stored.beginGroup(OVERRIDES_GROUP)
    assert stored.childKeys() == []


def test_a_key_freed_in_the_dialog_can_be_given_to_another_command(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    dialog = editor(qtbot, window)
    dialog.edits[("export", 0)].clear()
    record(qtbot, dialog, "import_suggestions", Qt.Key.Key_E, CTRL)
    assert not dialog.error.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert keys(window, "export") == [] and keys(window, "import_suggestions") == ["Ctrl+E"]


def test_cancel_changes_nothing(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    dialog = editor(qtbot, window)
    record(qtbot, dialog, "zoom_reset", Qt.Key.Key_9, CTRL)
    dialog.reject()
    assert keys(window, "zoom_reset") == ["Ctrl+0"]
