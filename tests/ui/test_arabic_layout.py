"""With an Arabic keyboard layout (issue 10 item 11): label keys, K and A work by the key's place,
and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (and every Ctrl command) work even with Arabic as the only
layout, where Qt reports Ctrl+ئ instead of Ctrl+Z. Key presses are synthetic QKeyEvents carrying
what Qt delivers then: the Arabic text, the Arabic key code and, where said, the X11 key code.
What is stored is read back with plain sqlite3."""

import re
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.ui.keyboard_layout import ARABIC_TO_LETTER, SCAN_TO_LETTER, physical_letter
from tests.ui.conftest import make_project

TEXT = "قال شويغو إن روسيا ستدعم بيونغ يانغ. وأكد شويجو أن وفد روسيا زار بيونج يانج، ثم قال شويقو كلمة."
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
XKB = Path("/usr/share/X11/xkb")
linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland key codes")


def stored(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT text, label FROM spans ORDER BY start").fetchall()
    finally:
        conn.close()


def project_of(tmp_path, text=TEXT):
    source = tmp_path / "a.txt"
    source.write_text(text, "utf-8")
    return make_project(tmp_path / "p.annotator", [source])


def focused_article(qtbot, window):
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=2000)
    return window.view


def select(window, word):
    start = window.view.text().index(word)
    window.view.select_range(start, start + len(word))


def press(widget, char, key=None, mods=NONE, scan=0):
    """A press and release of one key as Qt delivers it with an Arabic layout: `char` typed,
    key() its code point (Qt has no Latin key for it), optionally an X11 key code."""
    code = ord(char) if key is None else key
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, code, mods, scan, 0, 0, char))
    QApplication.processEvents()


def chord(widget, char, mods=CTRL, key=None):
    """A chord through Qt's whole key path (the shortcut map first, as a real key press): Qt
    finds no shortcut for Ctrl+ئ, exactly as with an Arabic-only layout."""
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key(ord(char) if key is None else key), char, mods)
    QApplication.processEvents()


# -- the mapping ------------------------------------------------------------------------------

def xkb_arabic_keys():
    """(US letter, level 1, level 2) of each letter key of xkb's ara(basic), from the file."""
    symbols = (XKB / "symbols" / "ara").read_text("utf-8")
    keycodes = dict(re.findall(r"<(\w+)>\s*=\s*(\d+);", (XKB / "keycodes" / "evdev").read_text("utf-8")))
    basic = symbols[symbols.index('xkb_symbols "basic"'):]
    basic = basic[:basic.index("};\n}") if "};\n}" in basic else len(basic)]
    rows = {"AD": "qwertyuiop", "AC": "asdfghjkl", "AB": "zxcvbnm"}
    found = []
    for name, comment in re.findall(r"key <(A[DCB]\d\d)>[^\n]*//([^\n]*)", basic):
        row, column = name[:2], int(name[2:]) - 1
        if column >= len(rows[row]):
            continue
        chars = comment.replace("\u200e", " ").replace("\u25cc", "").split()
        found.append((rows[row][column], int(keycodes[name]), chars[0], chars[1]))
    return found


@pytest.mark.skipif(not (XKB / "symbols" / "ara").exists(), reason="no xkb data on this system")
def test_the_fallback_table_and_the_x11_codes_agree_with_the_xkb_arabic_layout():
    keys = xkb_arabic_keys()
    assert len(keys) == 26
    for letter, keycode, plain, shifted in keys:
        assert ARABIC_TO_LETTER[plain] == letter, (letter, plain)
        if not shifted.isascii():
            assert ARABIC_TO_LETTER[shifted] == letter, (letter, shifted)
        if sys.platform.startswith("linux"):
            assert SCAN_TO_LETTER[keycode] == letter


def test_which_letter_a_key_press_stands_for():
    # A Latin layout: the letter printed on the key, wherever it is (A on AZERTY sits on Q).
    assert physical_letter("a", Qt.Key.Key_A, 24, 0, platform="linux") == "a"
    assert physical_letter("1", Qt.Key.Key_1, 10, 0, platform="linux") is None
    assert physical_letter("\x1a", Qt.Key.Key_Z, 52, 0, chord=True, platform="linux") == "z"
    # Arabic: the key's place, from the platform's code or else from the Arabic letter.
    assert physical_letter("ن", ord("ن"), 0, 0, platform="linux") == "k"
    assert physical_letter("з", ord("З"), 33, 0, platform="linux") == "p"  # any script, by X11 code
    assert physical_letter("~", Qt.Key.Key_AsciiTilde, 52, 0, chord=True, platform="linux") == "z"
    assert physical_letter("", ord("ئ"), 0, 0, chord=True, platform="linux") == "z"
    assert physical_letter("ش", ord("ش"), 0x1E, ord("A"), platform="win32") == "a"
    assert physical_letter("\x01", ord("ش"), 0, ord("A"), chord=True, platform="win32") == "a"
    assert physical_letter("ن", ord("ن"), 0, 0x28, platform="darwin") == "k"
    assert physical_letter("ذ", ord("ذ"), 0, 0, platform="linux") is None  # the key left of 1: no letter


# -- the article --------------------------------------------------------------------------------

def test_an_arabic_letter_labels_by_the_key_it_is_on(qtbot, tmp_path, open_window):
    path = project_of(tmp_path)
    window = open_window(path)
    view = focused_article(qtbot, window)
    select(window, "شويغو")
    press(view, "ح")  # the key marked P: PERSON
    assert stored(path) == [("شويغو", "PERSON")]
    select(window, "روسيا")
    press(view, "ل")  # G: GPE
    assert ("روسيا", "GPE") in stored(path)


@linux
def test_a_label_key_of_any_non_latin_layout_goes_by_its_x11_key_code(qtbot, tmp_path, open_window):
    path = project_of(tmp_path)
    window = open_window(path)
    view = focused_article(qtbot, window)
    select(window, "شويغو")
    press(view, "з", key=ord("З"), scan=33)  # Russian layout, the key marked P
    assert stored(path) == [("شويغو", "PERSON")]


def test_k_and_a_work_with_the_arabic_letters_on_their_keys(qtbot, tmp_path, open_window, monkeypatch):
    from annotator.ui import annotating_commands
    from annotator.ui.entity_picker import EntityPicker

    class EnterPicker(EntityPicker):
        """The real picker, answered with Enter (a new entity) as soon as it would be shown."""

        def exec(self):
            QTest.keyClick(self.edit, Qt.Key.Key_Return)
            return self.result()

    monkeypatch.setattr(annotating_commands, "EntityPicker", EnterPicker)
    path = project_of(tmp_path)
    window = open_window(path)
    view = focused_article(qtbot, window)
    select(window, "شويغو")
    press(view, "ح")
    assert [s.text for s in view.suggestions] == ["شويجو", "شويقو"]
    press(view, "ش")  # A: accept every suggestion
    assert [t for t, _ in stored(path)] == ["شويغو", "شويجو", "شويقو"] and view.suggestions == []
    view.select_span(view.spans_at(TEXT.index("شويغو"))[0].id)
    press(view, "ن")  # K: link it to a canonical entity
    assert [(e.name, e.mentions) for e in window.project.entities()] == [("شويغو", 1)]


# -- Ctrl commands with Arabic as the only layout ---------------------------------------------

def test_undo_and_redo_with_an_arabic_only_layout(qtbot, tmp_path, open_window):
    path = project_of(tmp_path)
    window = open_window(path)
    view = focused_article(qtbot, window)
    select(window, "شويغو")
    press(view, "ح")
    press(view, "ش")
    assert len(stored(path)) == 3
    chord(view, "ئ")  # Ctrl+Z
    assert [t for t, _ in stored(path)] == ["شويغو"]
    chord(view, "ئ")
    assert stored(path) == []
    chord(view, "غ")  # Ctrl+Y
    assert stored(path) == [("شويغو", "PERSON")]
    # Ctrl+Shift+Z: Shift turns the key into "~"; X11 still says which key it is.
    if sys.platform.startswith("linux"):
        QApplication.sendEvent(view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_AsciiTilde, CTRL | SHIFT, 52, 0, 0,
                                               "~"))
        assert len(stored(path)) == 3
    # Away from the article too: the span list has the focus.
    window.span_table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.span_table, timeout=2000)
    before = len(stored(path))
    chord(window.span_table, "ئ")
    assert len(stored(path)) < before


def test_a_line_edit_keeps_its_own_ctrl_keys_on_an_arabic_only_layout(qtbot, tmp_path, open_window):
    path = project_of(tmp_path)
    window = open_window(path)
    view = focused_article(qtbot, window)
    select(window, "شويغو")
    press(view, "ح")
    search = window.search
    search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search, timeout=2000)
    for char in "روسيا":
        press(search, char)
    search.deselect()
    chord(search, "ش")  # Ctrl+A: the line edit selects its text
    assert search.selectedText() == "روسيا"
    chord(search, "ئ")  # Ctrl+Z: the line edit's typing is undone, not the span
    assert search.text() != "روسيا" and stored(path) == [("شويغو", "PERSON")]
