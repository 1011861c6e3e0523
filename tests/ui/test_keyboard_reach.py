"""Keyboard reach on the real window (issue 10 item 2): F6 / Shift+F6 go from pane to pane,
skipping closed docks and raising tabified ones; Tab leaves a table instead of walking its
cells; Esc in a side list goes back to the article; Alt+Left / Alt+Right / Alt+Return select
spans in the text exactly as a click does (span list row, claim form)."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import make_project

TEXT = "قال شويغو إن روسيا ستدعم كوريا. وأكد لافروف أن الوفد زار موسكو."
ALT = Qt.KeyboardModifier.AltModifier


def project_of(tmp_path, text=TEXT):
    source = tmp_path / "a.txt"
    source.write_text(text, "utf-8")
    return make_project(tmp_path / "p.annotator", [source])


def focused_article(qtbot, window):
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=2000)
    return window.view


def focus():
    return QApplication.focusWidget()


def label(qtbot, window, word, key):
    start = window.view.text().index(word)
    window.view.select_range(start, start + len(word))
    qtbot.keyClick(window.view, key)
    QApplication.processEvents()


def stored(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, text, label FROM spans ORDER BY start").fetchall()
    finally:
        conn.close()


def f6(qtbot, window, shift=False):
    qtbot.keyClick(focus() or window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier if shift else
                   Qt.KeyboardModifier.NoModifier)


def test_f6_visits_every_pane_in_order_and_comes_back(qtbot, tmp_path, open_window):
    path = project_of(tmp_path)
    window = open_window(path)
    view = focused_article(qtbot, window)
    label(qtbot, window, "قال شويغو إن روسيا ستدعم كوريا", "c")  # a claim: its form has fields
    claim_id = stored(path)[0][0]
    assert window.claim_panel.span_id == claim_id
    fields = [w for f in window.claim_panel.fields().values() for w in f.focusables]
    visited = []
    for _ in range(6):
        f6(qtbot, window)
        visited.append(focus())
    assert visited == [window.span_table, fields[0], window.entity_browser.filter, window.search,
                       next(iter(window.palette.buttons.values())), view]
    backwards = []
    for _ in range(6):
        f6(qtbot, window, shift=True)
        backwards.append(focus())
    assert backwards == list(reversed(visited[:-1])) + [view]
    # Ctrl+Tab and Ctrl+Shift+Tab do the same, as in tabbed applications.
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert focus() is window.span_table
    qtbot.keyClick(window.span_table, Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert focus() is view


def test_f6_skips_a_closed_dock_and_an_empty_claim_form_and_raises_a_tabified_dock(qtbot, tmp_path, open_window):
    window = open_window(project_of(tmp_path))
    focused_article(qtbot, window)
    window.span_dock.close()
    window.tabifyDockWidget(window.doc_dock, window.entity_dock)
    window.doc_dock.raise_()  # the entities page is behind the documents page
    # (a dock behind another stays "visible" to Qt: it is just not on screen)
    qtbot.waitUntil(lambda: window.entity_dock.visibleRegion().isEmpty(), timeout=2000)
    f6(qtbot, window)  # no span list; the claim form shows its hint: nothing to focus there
    assert focus() is window.entity_browser.filter
    qtbot.waitUntil(lambda: not window.entity_dock.visibleRegion().isEmpty(), timeout=2000)
    assert window.doc_dock.visibleRegion().isEmpty()
    f6(qtbot, window)
    assert focus() is window.search
    qtbot.waitUntil(lambda: not window.doc_dock.visibleRegion().isEmpty(), timeout=2000)


def test_tab_leaves_the_document_table_and_shift_tab_goes_back(qtbot, tmp_path, open_window):
    window = open_window(project_of(tmp_path))
    focused_article(qtbot, window)
    window.doc_table.setFocus()
    qtbot.waitUntil(lambda: focus() is window.doc_table, timeout=2000)
    assert not window.doc_table.tabKeyNavigation()
    qtbot.keyClick(window.doc_table, Qt.Key.Key_Tab)
    assert focus() is next(iter(window.palette.buttons.values()))  # the Labels pane, after Documents
    window.doc_table.setFocus()
    qtbot.keyClick(window.doc_table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focus() is window.status_filter
    # The span list: Tab on to the next pane (the claim form shows no fields, so Entities).
    window.span_table.setFocus()
    qtbot.keyClick(window.span_table, Qt.Key.Key_Tab)
    assert focus() is window.entity_browser.filter


def test_sixty_tabs_from_the_article_go_round_the_window_and_back(qtbot, tmp_path, open_window):
    window = open_window(project_of(tmp_path))
    view = focused_article(qtbot, window)
    visited = []
    for _ in range(60):
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
        visited.append(focus())
    # Round and round in pane order, the tables passed with one Tab each (not 60 in one).
    order = [window.span_table, window.entity_browser.table, window.search, window.doc_table,
             next(iter(window.palette.buttons.values())), view]
    firsts = [visited.index(widget) for widget in order]
    assert firsts == sorted(firsts)
    assert visited.count(view) >= 2 and abs(visited.count(window.doc_table) - visited.count(view)) <= 1


def test_esc_in_a_side_list_goes_back_to_the_article(qtbot, tmp_path, open_window):
    window = open_window(project_of(tmp_path))
    view = focused_article(qtbot, window)
    for widget in (window.span_table, window.doc_table, window.entity_browser.table,
                   next(iter(window.palette.buttons.values()))):
        widget.setFocus()
        qtbot.waitUntil(lambda w=widget: focus() is w, timeout=2000)
        qtbot.keyClick(widget, Qt.Key.Key_Escape)
        assert focus() is view, widget


def test_alt_arrows_step_through_the_spans_in_reading_order_like_clicks(qtbot, tmp_path, open_window):
    path = project_of(tmp_path)
    window = open_window(path)
    view = focused_article(qtbot, window)
    label(qtbot, window, "لافروف", "p")
    label(qtbot, window, "شويغو", "p")
    label(qtbot, window, "قال شويغو إن روسيا ستدعم كوريا", "c")
    view.clear_selection()
    window._escape()
    cursor = view.textCursor()
    cursor.setPosition(0)
    view.setTextCursor(cursor)
    ids = {text: span_id for span_id, text, _ in stored(path)}
    claim, shoigu, lavrov = ids["قال شويغو إن روسيا ستدعم كوريا"], ids["شويغو"], ids["لافروف"]

    def selected():
        rows = window.span_table.selectionModel().selectedRows()
        return view.selected_span, [window.span_model.row_of(view.selected_span)] == [r.row() for r in rows]

    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)  # Arabic reads leftwards: Left is next
    assert selected() == (claim, True) and window.claim_panel.span_id == claim
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    assert selected() == (shoigu, True) and window.claim_panel.span_id != claim
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)
    assert selected() == (lavrov, True)
    qtbot.keyClick(view, Qt.Key.Key_Left, ALT)  # no more: the selection stays, the status bar says so
    assert selected() == (lavrov, True) and "No span after" in window.message_label.text()
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Right, ALT)
    assert selected() == (claim, True) and window.claim_panel.span_id == claim
    # Alt+Return: the span under the text cursor, pressed again the span around it.
    window._escape()
    cursor = view.textCursor()
    cursor.setPosition(view.to_qt(TEXT.index("شويغو") + 2))
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_Return, ALT)
    assert selected() == (shoigu, True)
    qtbot.keyClick(view, Qt.Key.Key_Return, ALT)
    assert selected() == (claim, True) and window.claim_panel.span_id == claim
    # Delete then deletes the span chosen by keyboard, as after a click.
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [text for _, text, _ in stored(path)] == ["شويغو", "لافروف"]


def test_the_new_commands_are_in_the_go_menu_and_on_the_sheet(qtbot, tmp_path, open_window):
    window = open_window(project_of(tmp_path))
    texts = {key: row.text for row in window.shortcut_sheet() for key in row.bound}
    for key in ("F6", "Shift+F6", "Ctrl+Tab", "Ctrl+Shift+Tab", "Alt+Left", "Alt+Right", "Alt+Return"):
        assert texts.get(key), key
