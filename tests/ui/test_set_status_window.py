"""The document list and the status bar show the working set's statuses (issue 12): what amal
marks done is done in her list only; File > Annotate as… switches the list to the new name's
statuses and span counts, and the status filter goes by them."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.store.sets import GOLD
from tests.ui.test_annotator_identity import OWN, THEIRS, answer_name, set_menu_actions, shot, team_project


def listed(window) -> dict[str, tuple[str, str]]:
    """doc id -> (status, span count) as the document list shows them (its filtered rows)."""
    table = window.doc_table.model()
    shown = {}
    for row in range(table.rowCount()):
        source = window.doc_filter.mapToSource(table.index(row, 0)).row()
        doc_id = window.doc_model.rows[source][0]
        shown[doc_id] = (table.index(row, 1).data(), table.index(row, 2).data())
    return shown


def mark_done(window):
    """Ctrl+Enter through the window system, so the menu shortcut sees it."""
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def annotate_as(qtbot, window, name):
    answer_name(qtbot, name)
    window.registry.actions["annotate_as"].trigger()
    assert window.annotator == name


def test_each_annotator_sees_their_own_status_and_spans_in_the_list(qtbot, tmp_path, open_window):
    path, first, second = team_project(tmp_path)  # salma done in the first; amal's spans in both
    window = open_window(path, "amal")
    window.open_document(first)
    rows = listed(window)
    assert rows[first] == ("new", 1) and rows[second] == ("new", 1)  # not salma's done, not her 2 spans
    others = [doc_id for doc_id in rows if doc_id not in (first, second)]
    assert others and all(rows[d] == ("new", 0) for d in others)
    assert "Document 1 of" in window.position_label.text() and "· new" in window.position_label.text()
    # Salma's set shown read-only: the status bar gives its status, the list stays amal's.
    set_menu_actions(window)["\u2068salma\u2069 · done"].trigger()
    window._finish_loading()
    assert window.workspace.document.status == "done" and "· done" in window.position_label.text()
    assert listed(window)[first] == ("new", 1)
    set_menu_actions(window)["My set (\u2068amal\u2069) · new"].trigger()
    assert window.workspace.viewing is None and window.workspace.document.status == "new"
    window.view.setFocus()
    mark_done(window)  # and on to the next
    assert window.workspace.document.id == second
    mark_done(window)
    assert listed(window)[first] == ("done", 1) and listed(window)[second] == ("done", 1)

    annotate_as(qtbot, window, "salma")
    rows = listed(window)
    assert rows[first] == ("done", len(THEIRS))  # hers, from before
    assert rows[second] == ("new", 0)  # amal's done is not salma's
    window.open_document(second)
    assert window.workspace.document.status == "new" and "· new" in window.position_label.text()
    window.status_filter.setCurrentIndex(window.status_filter.findData("done"))
    assert list(listed(window)) == [first]  # the filter goes by salma's statuses
    shot(window, "salma_list")
    window.status_filter.setCurrentIndex(0)

    window.open_document(first)
    window._finish_loading()
    window.view.setFocus()
    window.view.select_range(*_word(window.view.text(), "الشمالية"))
    qtbot.keyClick(window.view, "l")  # her set, already done: stays done, one more span (after the frame)
    qtbot.waitUntil(lambda: listed(window)[first] == ("done", len(THEIRS) + 1))

    annotate_as(qtbot, window, "amal")
    rows = listed(window)
    assert rows[first] == ("done", 1) and rows[second] == ("done", 1)  # amal's again
    assert window.project.document_sets([first])[first] == {"amal": "done", "salma": "done"}
    assert window.workspace.document.status == "done" and [s.text for s in window.workspace.spans] == [OWN]
    window.work_as(GOLD)  # as review mode does: the curator's list is gold's, nothing adjudicated yet
    assert set(listed(window).values()) == {("new", 0)}


def _word(text, part):
    start = text.index(part)
    return start, start + len(part)
