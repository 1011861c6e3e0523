"""The find bar: Ctrl+F under the article, matches of any spelling highlighted and stepped through
with Enter/F3, Label all in one undo step, the matches of other documents stored as suggestions;
and rejected suggestions that stay rejected after the window is closed and opened again."""

import os
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import make_project

TEXT = "قال شويغو إن روسيا ستدعم بيونغ يانغ. وأكد شويجو أن وفد روسيا زار بيونج يانج، ثم قال شويقو كلمة."
OTHER = "التقى شويغو بنظيره في موسكو ثم زار بيونغيانغ."


def query(path, sql, *params):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def project(tmp_path, *texts):
    sources = []
    for i, text in enumerate(texts):
        sources.append(tmp_path / f"{i}.txt")
        sources[-1].write_text(text, "utf-8")
    return make_project(tmp_path / "p.annotator", sources)


def focused_article(qtbot, window):
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=2000)
    return window.view


def open_bar(qtbot, window, text):
    focused_article(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.query.hasFocus()
    bar.query.insert(text)  # typed (QTest types only ASCII)
    return bar


def shown(window):
    """The article's highlighted ranges (code points), without the current match's second layer."""
    view = window.view
    return sorted({(view.from_qt(s.cursor.selectionStart()), view.from_qt(s.cursor.selectionEnd()))
                   for s in view.extraSelections()})


def choose(bar, label):
    bar.label.setCurrentIndex(bar.label.findData(label))


def test_ctrl_f_finds_every_spelling_and_steps_with_enter_and_f3(qtbot, tmp_path, open_window):
    window = open_window(project(tmp_path, TEXT))
    bar = open_bar(qtbot, window, "بيونجيانغ")  # written together, another spelling
    first, second = TEXT.index("بيونغ يانغ"), TEXT.index("بيونج يانج")
    assert bar.count.text() == "1 of 2"
    assert shown(window) == [(first, first + 10), (second, second + 10)]
    assert window.view.selected_range() == (first, first + 10)  # a label key in the article labels it
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 2" and window.view.selected_range() == (second, second + 10)
    qtbot.keyClick(bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "1 of 2"
    qtbot.keyClick(bar.query, Qt.Key.Key_F3)
    assert bar.count.text() == "2 of 2"
    qtbot.keyClick(bar.query, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "1 of 2"
    bar.query.setText("موسكو")
    assert bar.count.text() == "no match" and window.view.extraSelections() == []
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.view.hasFocus() and window.view.extraSelections() == []


def test_the_selection_is_the_query_and_ctrl_shift_f_still_searches_documents(qtbot, tmp_path, open_window):
    window = open_window(project(tmp_path, TEXT))
    start = TEXT.index("روسيا")
    focused_article(qtbot, window).select_range(start, start + 5)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.query.text() == "روسيا" and window.find_bar.count.text() == "1 of 2"
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Escape)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.search.hasFocus()


def test_in_a_long_article_the_search_waits_for_a_pause_in_the_typing(qtbot, tmp_path, open_window, monkeypatch):
    from annotator.ui import find_bar

    monkeypatch.setattr(find_bar, "LONG_ARTICLE", 10)  # this article counts as long
    window = open_window(project(tmp_path, TEXT))
    bar = open_bar(qtbot, window, "روسيا")
    assert bar.matches == [] and bar._pending.isActive()  # not searched on the key itself
    qtbot.waitUntil(lambda: bar.count.text() == "1 of 2", timeout=2000)
    bar.query.setText("شويغو")
    # Enter at once: the first match of what was typed after the article's cursor (on روسيا now).
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 3" and not bar._pending.isActive()


def test_label_all_labels_every_free_match_in_one_undo_step(qtbot, tmp_path, open_window):
    path = project(tmp_path, TEXT)
    window = open_window(path)
    second = TEXT.index("روسيا", TEXT.index("روسيا") + 1)
    focused_article(qtbot, window).select_range(second, second + 5)
    qtbot.keyClick(window.view, "g")  # GPE on the second روسيا already: that match is taken
    bar = open_bar(qtbot, window, "روسيا")
    choose(bar, "GPE")
    qtbot.mouseClick(bar.label_all_button, Qt.MouseButton.LeftButton)
    assert query(path, "SELECT start, label FROM spans ORDER BY start") == [
        (TEXT.index("روسيا"), "GPE"), (second, "GPE")]
    assert "labelled" in window.message_label.text()  # one match ("%n matches": the catalogue's plural)
    assert "1 skipped (overlap)" in window.message_label.text()
    bar.query.setText("شويغو")  # three spellings
    choose(bar, "PERSON")
    qtbot.mouseClick(bar.label_all_button, Qt.MouseButton.LeftButton)
    assert [t for (t,) in query(path, "SELECT text FROM spans WHERE label = 'PERSON' ORDER BY start")] == [
        "شويغو", "شويجو", "شويقو"]
    assert "labelled 3 matches" in window.message_label.text()
    window.undo()  # the three in one step
    assert query(path, "SELECT count(*) FROM spans") == [(2,)]


def test_in_all_documents_stores_suggestions_that_show_when_the_document_opens(qtbot, tmp_path, open_window):
    path = project(tmp_path, TEXT, OTHER)
    window = open_window(path)
    assert window.workspace.document.text == TEXT
    bar = open_bar(qtbot, window, "بيونغ يانغ")
    choose(bar, "GPE")
    qtbot.mouseClick(bar.everywhere_button, Qt.MouseButton.LeftButton)
    assert query(path, "SELECT text, label, source FROM suggestions") == [("بيونغيانغ", "GPE", "find")]
    assert "suggested as GPE (other documents: 1)" in window.message_label.text()
    assert query(path, "SELECT count(*) FROM spans") == [(0,)]  # this document is labelled with Label all
    qtbot.mouseClick(bar.everywhere_button, Qt.MouseButton.LeftButton)
    assert "no new match in the other documents" in window.message_label.text()
    window.step(1)
    qtbot.waitUntil(lambda: [s.text for s in window.view.suggestions] == ["بيونغيانغ"], timeout=2000)
    assert bar.isVisible() and bar.count.text() == "1 of 1"  # the bar follows the document shown


def test_in_all_documents_shows_its_progress_and_cancel_stores_nothing(qtbot, tmp_path, open_window, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    path = project(tmp_path, TEXT, *[f"{OTHER} خبر رقم {i}." for i in range(60)])
    window = open_window(path)
    bar = open_bar(qtbot, window, "شويغو")
    choose(bar, "PERSON")
    monkeypatch.setattr("time.perf_counter", iter(range(10**6)).__next__)  # every document a repaint
    seen = []

    def watch(cancel: bool):
        dialog = window.findChild(QProgressDialog)
        if dialog is not None and dialog.isVisible():
            seen.append(dialog.value())
            if cancel and dialog.value() > 300:
                dialog.cancel()

    timer = QTimer(window, interval=0)
    timer.timeout.connect(lambda: watch(True))
    timer.start()
    qtbot.mouseClick(bar.everywhere_button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert seen and seen == sorted(seen) and 0 < seen[-1] < 1000  # up at once, moving, stopped early
    assert query(path, "SELECT count(*) FROM suggestions") == [(0,)]  # cancelled: nothing stored
    assert "cancelled" in window.message_label.text()
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    qtbot.mouseClick(bar.everywhere_button, Qt.MouseButton.LeftButton)  # not cancelled: all of them
    assert query(path, "SELECT count(*) FROM suggestions") == [(60,)]


def test_a_rejected_suggestion_stays_rejected_in_the_next_session(qtbot, tmp_path, open_window):
    path = project(tmp_path, TEXT, OTHER)
    window = open_window(path)
    start = TEXT.index("شويغو")
    focused_article(qtbot, window).select_range(start, start + 5)
    qtbot.keyClick(window.view, "p")
    window.workspace.link_new_entity(window.view.selected_span)
    window.step(1)
    qtbot.waitUntil(lambda: [s.text for s in window.view.suggestions] == ["شويغو"], timeout=2000)
    focused_article(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.view.suggestions == [] and query(path, "SELECT label FROM rejections") == [("PERSON",)]
    window.undo()  # the rejection is an undo step: the suggestion comes back
    qtbot.waitUntil(lambda: [s.text for s in window.view.suggestions] == ["شويغو"], timeout=2000)
    window.redo()
    qtbot.waitUntil(lambda: window.view.suggestions == [], timeout=2000)
    window.close()
    again = open_window(path)
    assert again.workspace.document.text == OTHER  # the last document opened
    QApplication.processEvents()
    qtbot.wait(50)
    assert again.view.suggestions == []


def test_opening_the_bar_leaves_the_side_panels_their_width(qtbot, tmp_path, open_window):
    window = open_window(project(tmp_path, TEXT))
    qtbot.wait(50)
    widths = (window.doc_dock.width(), window.span_dock.width())
    bar = open_bar(qtbot, window, "شويغو")
    choose(bar, "PERSON")
    qtbot.mouseClick(bar.label_all_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert (window.doc_dock.width(), window.span_dock.width()) == widths
    assert bar.height() < window.view.height() / 4
    selections = window.view.extraSelections()
    assert len(selections) == 4  # the three matches and the current one
    assert all(s.format.fontUnderline() and s.format.background().style() == Qt.BrushStyle.NoBrush
               for s in selections[:3])  # labelled now: underlined, their span colour shows
    window.undo()  # the bar follows the workspace while it is open: yellow again
    qtbot.waitUntil(lambda: all(s.format.background().style() != Qt.BrushStyle.NoBrush
                                for s in window.view.extraSelections()), timeout=2000)
    window.redo()
    qtbot.wait(50)
    os.makedirs("/tmp/shots", exist_ok=True)
    window.grab().save("/tmp/shots/find_bar.png")
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    window.undo()  # closed, the bar hears nothing
    assert bar._unsubscribe is None and window.view.extraSelections() == []


def test_a_read_only_project_finds_but_labels_and_stores_nothing(qtbot, tmp_path, dialogs):
    from PySide6.QtCore import QSettings

    from annotator.store import Project
    from annotator.ui.main_window import MainWindow

    path = project(tmp_path, TEXT, OTHER)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Project.open(path, readonly=True), "amal", settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        bar = open_bar(qtbot, window, "شويغو")
        assert bar.count.text() == "1 of 3"
        choose(bar, "PERSON")
        qtbot.mouseClick(bar.label_all_button, Qt.MouseButton.LeftButton)
        assert "read-only" in window.message_label.text()
        qtbot.mouseClick(bar.everywhere_button, Qt.MouseButton.LeftButton)
        assert "read-only" in window.message_label.text()
    finally:
        window.close()
    assert query(path, "SELECT count(*) FROM spans") == [(0,)]
    assert query(path, "SELECT count(*) FROM suggestions") == [(0,)]
