"""Annotating as an analyst does: drag with the mouse, press the label key, check the file."""

import sqlite3

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.store import Project
from tests.ui.conftest import make_project


def stored(path):
    """Spans as the project file has them, read with plain sqlite3 (no annotator code)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute('SELECT text, label, start, "end" FROM spans ORDER BY start').fetchall()
    finally:
        conn.close()


def caret(view, offset, toward) -> QPoint:
    """Where a mouse goes for caret position `offset`: a quarter into the character between
    `offset` and `toward`, on the side of `offset` (in right-to-left text, the right side of a
    word's first letter)."""
    if toward > offset:
        return view.char_point(offset, 0.25).toPoint()
    return view.char_point(offset - 1, 0.75).toPoint()


def test_a_click_on_a_first_letter_is_before_it(qtbot, demo_path, open_window):
    """Qt maps a click on an initial Arabic letter to the position after it; the view must not,
    or a drag started on the ب of بيلوسوف would keep ب out as if it were a clitic."""
    view = open_window(demo_path).view
    start = view.text().index("بيلوسوف")
    for fraction in (0.1, 0.3, 0.45):
        assert view.from_qt(view.position_at(view.char_point(start, fraction))) == start
    assert view.from_qt(view.position_at(view.char_point(start, 0.8))) == start + 1


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key through the window system, as a keyboard sends it: menu shortcuts see it too
    (a key event sent straight to a widget bypasses the shortcut map)."""
    QTest.keyClick(window.windowHandle(), key, modifiers)


def drag(qtbot, view, start, end, modifier=Qt.KeyboardModifier.NoModifier):
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, caret(view, start, start + 1))
    qtbot.mouseMove(viewport, caret(view, (start + end) // 2, (start + end) // 2 + 1))
    qtbot.mouseMove(viewport, caret(view, end, end - 1))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, caret(view, end, end - 1))


def test_drag_a_word_and_press_the_key(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    view = window.view
    text = view.text()
    word = "أندريه بيلوسوف"
    start = text.index(word)
    drag(qtbot, view, start, start + len(word))
    assert view.selected_range() == (start, start + len(word))
    qtbot.keyClick(view, "p")
    assert stored(demo_path) == [(word, "PERSON", start, start + len(word))]
    assert window.span_model.rowCount() == 1
    assert view.selected_span == window.workspace.spans.get(next(iter(window.workspace.spans)).id).id


def test_sloppy_drag_snaps_to_the_word_but_keeps_a_clitic_out(qtbot, tmp_path, open_window):
    source = tmp_path / "a.txt"
    source.write_text("زار الوزير وروسيا ثم عاد.", "utf-8")
    path = make_project(tmp_path / "p.annotator", [source])
    view = open_window(path).view
    text = view.text()
    start = text.index("روسيا")
    drag(qtbot, view, start, start + 3)  # from after the clitic و into the middle of the word
    qtbot.keyClick(view, "g")
    assert stored(path)[0][:2] == ("روسيا", "GPE")
    sloppy = text.index("الوزير") + 2
    drag(qtbot, view, sloppy - 1, sloppy + 2)  # starts inside the word after its article
    qtbot.keyClick(view, "p")
    assert ("الوزير", "PERSON") in [row[:2] for row in stored(path)]


def test_alt_drag_takes_exact_characters(qtbot, tmp_path, open_window):
    source = tmp_path / "a.txt"
    source.write_text("قال الرئيس كلاماً.", "utf-8")
    path = make_project(tmp_path / "p.annotator", [source])
    view = open_window(path).view
    start = view.text().index("الرئيس")
    drag(qtbot, view, start + 1, start + 4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, "o")
    assert stored(path)[0][:2] == ("لرئ", "ORG")


def test_emoji_before_the_word_uses_code_point_offsets(qtbot, tmp_path, open_window):
    source = tmp_path / "a.txt"
    source.write_text("👍🏽 😀 قال سيرغي شويغو 🇷🇺 إن موسكو تدعم بيونغ يانغ", "utf-8")
    path = make_project(tmp_path / "p.annotator", [source])
    view = open_window(path).view
    text = view.text()
    for word, key, label in (("سيرغي شويغو", "p", "PERSON"), ("موسكو", "g", "GPE")):
        start = text.index(word)
        drag(qtbot, view, start, start + len(word))
        qtbot.keyClick(view, key)
        assert (word, label, start, start + len(word)) in stored(path)
    for span_text, _, start, end in stored(path):
        assert text[start:end] == span_text


def test_double_click_and_shift_arrows_select_too(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    view = window.view
    text = view.text()
    start = text.index("روسيا")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.char_point(start + 2).toPoint())
    qtbot.keyClick(view, "g")
    assert stored(demo_path)[0][:2] == ("روسيا", "GPE")
    other = text.index("كوريا الشمالية")
    view.select_range(other, other)
    for _ in range(len("كوريا")):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # RTL: left is forward
    assert view.selected_range() == (other, other + len("كوريا"))
    qtbot.keyClick(view, "g")
    assert ("كوريا", "GPE") in [row[:2] for row in stored(demo_path)]


def test_label_key_on_an_arabic_keyboard_layout(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    view = window.view
    start = view.text().index("روسيا")
    view.select_range(start, start + len("روسيا"))
    # The key marked G on an Arabic layout types ل; X11 key code 42 is that key.
    event = QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, 42, 0, 0, "ل")
    QApplication.sendEvent(view, event)
    assert stored(demo_path)[0][:2] == ("روسيا", "GPE")


def test_relabel_delete_undo_redo_and_reopen(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    view = window.view
    text = view.text()
    start = text.index("بيلوسوف")
    end = start + len("بيلوسوف")
    drag(qtbot, view, start, end)
    qtbot.keyClick(view, "p")
    qtbot.keyClick(view, "o")  # the new span is selected: another key relabels it
    assert stored(demo_path) == [("بيلوسوف", "ORG", start, end)]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.char_point(start + 2).toPoint())
    assert view.selected_span is not None
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(demo_path) == []
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_path) == [("بيلوسوف", "ORG", start, end)]
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_path) == [("بيلوسوف", "PERSON", start, end)]
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(demo_path) == [("بيلوسوف", "ORG", start, end)]
    doc_id = window.workspace.document.id
    window.close()
    with Project.open(demo_path, readonly=True) as project:
        doc = project.get_document(doc_id)
        assert [(s.text, s.label) for s in doc.spans] == [("بيلوسوف", "ORG")]
        assert doc.status == "in_progress"
    again = open_window(demo_path)
    assert again.workspace.document.id == doc_id  # reopens where the analyst was
    assert [s.label for s in again.workspace.spans] == ["ORG"]
    assert again.span_model.rowCount() == 1


def test_mark_done_moves_on_and_is_undoable(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    first = window.workspace.document.id
    press(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.document.id != first
    with Project.open(demo_path, readonly=True) as project:
        assert project.document_status(first) == "done"
    window.undo()
    assert window.workspace.document.id == first
    assert window.project.document_status(first) == "new"  # only opened, never annotated


def test_overlap_refusal_is_shown_not_raised(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    view = window.view
    start = view.text().index("وزير الدفاع الروسي")
    view.select_range(start, start + len("وزير الدفاع"))
    qtbot.keyClick(view, "o")
    view.select_range(start + len("وزير "), start + len("وزير الدفاع الروسي"))
    qtbot.keyClick(view, "n")
    assert "may only nest" in window.message_label.text()
    assert len(stored(demo_path)) == 1


def test_twenty_thousand_calls_do_not_crash(qtbot, demo_path, open_window):
    """Guards the PySide6 6.12 None-refcount crash (DESIGN.md §8): many void Qt calls."""
    view = open_window(demo_path).view
    length = len(view.text())
    for i in range(20_000):
        view.select_range(i % (length - 1), i % (length - 1) + 1)
        view.viewport().update()
    assert view.selected_range() is not None


def test_long_article_loads_spans_past_the_first_screen(qtbot, tmp_path, open_window):
    """Spans beyond the first screen arrive right after the first paint, and an action taken
    before that still sees them (an overlap with a not-yet-shown span is refused)."""
    import json

    from annotator.ui import main_window

    paragraph = "قال وزير الخارجية سيرغي لافروف إن موسكو تدعم بيونغ يانغ.\n"
    text = paragraph * 400
    far = text.rindex("موسكو")
    record = {"text": text, "status": "new", "schema_version": 1,
              "spans": [{"start": 4, "end": 17, "label": "ORG"}, {"start": far, "end": far + 5, "label": "GPE"}]}
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    path = make_project(tmp_path / "p.annotator", [source])
    assert far > main_window.FIRST_SCREEN_CHARS
    window = open_window(path)
    assert window.workspace.loading or len(window.workspace.spans) == 2
    qtbot.waitUntil(lambda: not window.workspace.loading and window.view.highlighting_done(), timeout=3000)
    assert len(window.workspace.spans) == 2 and window.span_model.rowCount() == 2
    last = window.view.document().findBlockByNumber(window.view.highlighter.block_of(far))
    assert any(r.length == 5 for r in last.layout().formats())  # the far span is coloured

    window.open_document(window.workspace.document.id)  # reopen: first screen only again
    assert window.workspace.loading
    window.view.select_range(far, far + 5)
    window.apply_label("GPE")  # finishes loading first, so the duplicate is refused
    assert not window.workspace.loading
    assert "is already GPE" in window.message_label.text()
    assert len(window.workspace.spans) == 2
