"""Suggestions by keyboard: label a name, its other spellings appear dashed, Enter/A/Esc."""

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import make_project

TEXT = "قال شويغو إن روسيا ستدعم بيونغ يانغ. وأكد شويجو أن وفد روسيا زار بيونج يانج، ثم قال شويقو كلمة."


def spans(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute('SELECT text, label FROM spans ORDER BY start').fetchall()
    finally:
        conn.close()


def window_on(tmp_path, open_window, text=TEXT):
    source = tmp_path / "a.txt"
    source.write_text(text, "utf-8")
    path = make_project(tmp_path / "p.annotator", [source])
    return path, open_window(path)


def label(qtbot, window, word, key, nth=0):
    text = window.view.text()
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    window.view.select_range(start, start + len(word))
    qtbot.keyClick(window.view, key)
    QApplication.processEvents()  # the other spellings are searched right after the frame


def test_enter_accepts_the_focused_variant_then_a_accepts_the_rest(qtbot, tmp_path, open_window):
    path, window = window_on(tmp_path, open_window)
    label(qtbot, window, "شويغو", "p")
    view = window.view
    assert [s.text for s in view.suggestions] == ["شويجو", "شويقو"]
    assert view.focused_suggestion().text == "شويجو"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert spans(path) == [("شويغو", "PERSON"), ("شويجو", "PERSON")]
    assert [s.text for s in view.suggestions] == ["شويقو"]
    qtbot.keyClick(view, "a")
    assert [t for t, _ in spans(path)] == ["شويغو", "شويجو", "شويقو"]
    assert view.suggestions == []
    window.undo()  # the accept-all is one step
    assert len(spans(path)) == 2


def test_clitic_stays_outside_and_esc_rejects(qtbot, tmp_path, open_window):
    path, window = window_on(tmp_path, open_window)
    label(qtbot, window, "بيونغ يانغ", "g")
    view = window.view
    assert [s.text for s in view.suggestions] == ["بيونج يانج"]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.suggestions == [] and spans(path) == [("بيونغ يانغ", "GPE")]
    label(qtbot, window, "روسيا", "g")
    assert [s.text for s in view.suggestions] == ["روسيا"]  # the second one, not وفد's neighbour
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # accept all
    assert [t for t, _ in spans(path)].count("روسيا") == 2


def test_imported_pre_annotations_show_as_suggestions(qtbot, tmp_path, open_window):
    from annotator.io.importing import import_paths
    from annotator.store import Project

    source = tmp_path / "a.txt"
    source.write_text(TEXT, "utf-8")
    path = make_project(tmp_path / "p.annotator", [source])
    model = tmp_path / "model.jsonl"
    start = TEXT.index("روسيا")
    model.write_text(json.dumps({"text": TEXT, "label": [[start, start + 5, "GPE"]]}, ensure_ascii=False), "utf-8")
    with Project.open(path) as project:
        assert import_paths(project, [model], as_suggestions=True).suggestions == 1
    window = open_window(path)
    qtbot.waitUntil(lambda: len(window.view.suggestions) == 1, timeout=2000)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)  # none is outlined when a document opens: Enter alone accepts nothing
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert spans(path) == [("روسيا", "GPE")]
    with Project.open(path, readonly=True) as project:
        # Accepted: no longer suggested in this set (the span covers it); kept for the other sets.
        assert len(project.suggestions(project.document_rows()[0][0])) == 1
    assert window.view.suggestions == [] and window.workspace.document_suggestions() == []


def test_known_entities_are_suggested_when_a_document_opens(qtbot, tmp_path, open_window):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT, "utf-8")
    second.write_text("التقى شويغو بنظيره في موسكو.", "utf-8")
    path = make_project(tmp_path / "p.annotator", [first, second])
    window = open_window(path)
    label(qtbot, window, "شويغو", "p")
    window.workspace.link_new_entity(window.view.selected_span)
    window.step(1)
    qtbot.waitUntil(lambda: [s.text for s in window.view.suggestions] == ["شويغو"], timeout=2000)
    assert window.view.suggestions[0].entity.name == "شويغو"


def test_import_as_suggestions_from_the_window_shows_them_at_once(qtbot, tmp_path, open_window):
    path, window = window_on(tmp_path, open_window)
    start = TEXT.index("بيونغ يانغ")
    model = tmp_path / "model.jsonl"
    model.write_text(json.dumps({"text": TEXT, "label": [[start, start + 10, "GPE"]]}, ensure_ascii=False), "utf-8")
    report = window.import_paths([model], as_suggestions=True)
    assert report.suggestions == 1 and report.documents == 0
    assert [s.text for s in window.view.suggestions] == ["بيونغ يانغ"]
    assert "1 suggestion:" in window.message_label.text()
