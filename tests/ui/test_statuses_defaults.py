"""Issue 10 items 7 and 8 on the real window: the schema's default stance, browsing that stores
nothing, the export dialog's default statuses, and undo texts that say what changed. The
project file is read with plain sqlite3."""

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from annotator.ui import entity_browser
from annotator.ui.export_dialog import ExportDialog
from tests.ui.test_annotating import drag, press


def sql(path, query, *args):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def statuses(path) -> dict[str, str]:
    return dict(sql(path, "SELECT id, status FROM documents"))


def next_document(window):
    press(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # Ctrl+PgDown


def test_a_claim_labelled_in_the_article_gets_the_default_stance(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    qtbot.waitUntil(lambda: not window.workspace.loading)
    view = window.view
    words = view.text().split("\n")[0][:40].strip()
    start = view.text().index(words)
    drag(qtbot, view, start, start + len(words))
    qtbot.keyClick(view, "c")
    (row,) = sql(demo_path, "SELECT id, layer, attrs FROM spans")
    assert row[1] == "claim" and json.loads(row[2]) == {"stance": "affirm"}
    qtbot.waitUntil(lambda: "stance" in window.claim_panel.fields())  # the panel follows after the frame
    stance = window.claim_panel.fields()["stance"].editor
    assert stance.currentData() == "affirm"
    window.undo()  # one step takes the claim and its stance away
    assert sql(demo_path, "SELECT count(*) FROM spans") == [(0,)]


def test_paging_through_documents_leaves_them_new(qtbot, demo_path, open_window):
    before = statuses(demo_path)
    assert set(before.values()) == {"new"}
    window = open_window(demo_path)
    for _ in range(min(5, len(before) - 1)):
        shown = window.workspace.document.id
        next_document(window)
        qtbot.waitUntil(lambda: window.workspace.document.id != shown)
    assert statuses(demo_path) == before
    assert window.workspace.history.undo_text() is None


def test_the_first_label_puts_the_document_in_progress_and_its_undo_makes_it_new(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    qtbot.waitUntil(lambda: not window.workspace.loading)
    doc_id = window.workspace.document.id
    view = window.view
    start = view.text().index("روسيا")
    drag(qtbot, view, start, start + len("روسيا"))
    qtbot.keyClick(view, "g")
    assert statuses(demo_path)[doc_id] == "in_progress"
    window.undo()
    assert statuses(demo_path)[doc_id] == "new" and window.workspace.document.status == "new"
    assert sql(demo_path, "SELECT count(*) FROM spans") == [(0,)]


def test_the_export_dialog_ticks_only_done(qtbot, demo_path):
    dialog = ExportDialog(demo_path)
    qtbot.addWidget(dialog)
    dialog.show()
    ticked = {status for status, box in dialog.statuses.items() if box.isChecked()}
    assert ticked == {"done"}
    assert dialog.chosen()[2] == ("done",)
    box: QCheckBox = dialog.statuses["in_progress"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())  # the user may add others
    assert dialog.chosen()[2] == ("in_progress", "done")


def test_an_alias_edit_is_described_as_one(qtbot, demo_path, open_window, monkeypatch):
    window = open_window(demo_path)
    qtbot.waitUntil(lambda: not window.workspace.loading)
    ws = window.workspace
    start = ws.document.text.index("روسيا")
    span = ws.add_span(start, start + len("روسيا"), "GPE").span
    entity = ws.link_new_entity(span.id).span.entity
    browser = window.entity_browser
    browser.refresh()
    browser.select([entity.id])
    monkeypatch.setattr(entity_browser, "EDIT_ENTITY", lambda parent, e, types: (e.name, ["Russia"], e.type))
    with qtbot.waitSignal(browser.changed):
        browser.rename_action.trigger()
    assert sql(demo_path, "SELECT aliases FROM entities WHERE id = ?", entity.id)[0][0].count("Russia") == 1
    assert ws.history.undo_text() == "aliases of روسيا changed"
    qtbot.waitUntil(lambda: "aliases of روسيا changed" in window.undo_action.toolTip())  # the Undo button says it
