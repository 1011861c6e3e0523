"""The suggestion keys on the real window (issue 10, items 1 and 5): Tab and Shift+Tab stay in the
article while suggestions are shown, Enter accepts only an outlined suggestion, and
Ctrl+Shift+Enter asks before a done document becomes skipped. What is stored is read back with
plain sqlite3."""

import json
import sqlite3

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.io.importing import import_paths
from annotator.store import Project
from tests.ui.conftest import make_project

TEXT = "قال شويغو إن روسيا ستدعم بيونغ يانغ. وأكد شويجو أن وفد روسيا زار بيونج يانج، ثم قال شويقو كلمة."
OTHER = "التقى وزير الدفاع بنظيره في موسكو."


def stored_spans(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT text, label FROM spans ORDER BY start").fetchall()
    finally:
        conn.close()


def stored_status(path, text):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT status FROM documents WHERE text = ?", [text]).fetchone()[0]
    finally:
        conn.close()


def project_of(tmp_path, *texts):
    sources = []
    for n, text in enumerate(texts):
        source = tmp_path / f"{n}.txt"
        source.write_text(text, "utf-8")
        sources.append(source)
    return make_project(tmp_path / "p.annotator", sources)


def focused_article(qtbot, window):
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=2000)
    return window.view


def label(qtbot, window, word, key):
    start = window.view.text().index(word)
    window.view.select_range(start, start + len(word))
    qtbot.keyClick(window.view, key)
    QApplication.processEvents()  # the other spellings are searched right after the frame


def test_tab_and_shift_tab_cycle_the_suggestions_and_keep_the_focus(qtbot, tmp_path, open_window):
    path = project_of(tmp_path, TEXT)
    window = open_window(path)
    view = focused_article(qtbot, window)
    label(qtbot, window, "شويغو", "p")
    assert [s.text for s in view.suggestions] == ["شويجو", "شويقو"]
    outlined = []
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        outlined.append(view.focused_suggestion().text)
        assert QApplication.focusWidget() is view
    assert outlined == ["شويقو", "شويجو", "شويقو", "شويجو"]
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert view.focused_suggestion().text == "شويقو" and QApplication.focusWidget() is view
    # "a" right after the Tabs is accept-all in the article, not a letter in the search box.
    qtbot.keyClick(view, "a")
    assert window.search.text() == "" and QApplication.focusWidget() is view
    assert [t for t, _ in stored_spans(path)] == ["شويغو", "شويجو", "شويقو"]
    assert view.suggestions == []


def test_without_suggestions_tab_moves_the_focus_as_usual(qtbot, tmp_path, open_window):
    window = open_window(project_of(tmp_path, TEXT))
    view = focused_article(qtbot, window)
    assert view.suggestions == []
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not view, timeout=2000)


def test_suggestion_keys_win_over_a_window_shortcut_on_the_same_key(qtbot, tmp_path, open_window):
    """A window-wide shortcut on a suggestion key (here a bare A, as a future command might
    bind) does not take the key from the article while suggestions are shown; without them it
    fires as usual."""
    path = project_of(tmp_path, TEXT)
    window = open_window(path)
    view = focused_article(qtbot, window)
    fired = []
    other = QAction("other", window)
    other.setShortcuts([QKeySequence("A"), QKeySequence(Qt.Key.Key_Return)])
    other.triggered.connect(lambda: fired.append(True))
    window.addAction(other)
    label(qtbot, window, "روسيا", "g")
    assert view.focused_suggestion().text == "روسيا"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [t for t, _ in stored_spans(path)] == ["روسيا", "روسيا"] and fired == []
    label(qtbot, window, "شويغو", "p")
    qtbot.keyClick(view, "a")
    assert [t for t, _ in stored_spans(path)].count("شويقو") == 1 and fired == []
    assert view.suggestions == []
    qtbot.keyClick(view, "a")
    assert fired == [True]


def with_pre_annotation(tmp_path):
    """Two documents; the second has روسيا imported as a suggestion (shown, none outlined)."""
    path = project_of(tmp_path, OTHER, TEXT)
    start = TEXT.index("روسيا")
    model = tmp_path / "model.jsonl"
    model.write_text(json.dumps({"text": TEXT, "label": [[start, start + 5, "GPE"]]}, ensure_ascii=False), "utf-8")
    with Project.open(path) as project:
        assert import_paths(project, [model], as_suggestions=True).suggestions == 1
    return path


def test_enter_after_clicking_a_document_row_accepts_nothing(qtbot, tmp_path, open_window):
    path = with_pre_annotation(tmp_path)
    window = open_window(path)
    table = window.doc_table
    open_id = window.workspace.document.id
    # Click the row of the document that is not open (the one with the suggestion).
    for row in range(table.model().rowCount()):
        rect = table.visualRect(table.model().index(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        if window.workspace.document.id != open_id:
            break
    assert window.workspace.document.text == TEXT
    view = window.view
    qtbot.waitUntil(lambda: len(view.suggestions) == 1, timeout=2000)
    assert view.focused_suggestion() is None and QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert stored_spans(path) == []
    assert len(view.suggestions) == 1
    assert "No suggestion is outlined" in window.message_label.text()
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # outline it: now Enter accepts it
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert stored_spans(path) == [("روسيا", "GPE")]


def answer_next_question(button, seen):
    """Answer the next modal question box by clicking `button`, as the analyst would."""
    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, answer)


def test_ctrl_shift_enter_asks_before_a_done_document_becomes_skipped(qtbot, tmp_path, open_window):
    path = project_of(tmp_path, TEXT, OTHER)
    window = open_window(path)
    view = focused_article(qtbot, window)
    assert window.workspace.document.text == TEXT
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # done, on to the next
    assert stored_status(path, TEXT) == "done" and window.workspace.document.text == OTHER
    window.step(-1)
    view = focused_article(qtbot, window)
    seen = []
    answer_next_question(QMessageBox.StandardButton.No, seen)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(seen) == 1 and "marked done" in seen[0]
    assert stored_status(path, TEXT) == "done" and window.workspace.document.text == TEXT
    assert "stays done" in window.message_label.text()
    view = focused_article(qtbot, window)
    answer_next_question(QMessageBox.StandardButton.Yes, seen)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(seen) == 2
    assert stored_status(path, TEXT) == "skipped" and window.workspace.document.text == OTHER
    window.undo()  # one step, as the question says
    assert stored_status(path, TEXT) == "done"


def test_ctrl_shift_enter_skips_an_unfinished_document_without_asking(qtbot, tmp_path, open_window, monkeypatch):
    from annotator.ui import annotating_commands

    asked = []
    monkeypatch.setattr(annotating_commands, "ask", lambda *args: asked.append(args) or False)
    path = project_of(tmp_path, TEXT, OTHER)
    window = open_window(path)
    view = focused_article(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == []
    assert stored_status(path, TEXT) == "skipped" and window.workspace.document.text == OTHER
