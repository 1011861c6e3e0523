"""Every view follows the workspace's Changes, whoever made the action and wherever: undo and
redo of an entity merge or rename from another document refresh the Entities dock and the span
list at once, with no dialog; an action made straight on the workspace (a script) shows too."""

from annotator.ui import entity_browser
from tests.ui.test_entities import open_shoigu


def add(window, word, nth=0, label="PERSON"):
    text = window.workspace.document.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return window.workspace.add_span(start, start + len(word), label).span


def rows(window):
    return {window.span_model.spans[r].id: window.span_model.spans[r] for r in range(window.span_model.rowCount())}


def entity_names(window):
    model = window.entity_browser.model
    return sorted(e.name for e in model.entities)


def test_undo_of_a_merge_from_another_document_refreshes_every_view(qtbot, demo_path, open_window, dialogs,
                                                                     monkeypatch):
    window = open_shoigu(open_window, demo_path)
    ws = window.workspace
    first, second = add(window, "شويغو", 0), add(window, "شويغو", 1)
    keep = ws.link_new_entity(first.id, "شويغو").span.entity
    drop = ws.link_new_entity(second.id, "Shoigu").span.entity
    # Made on the workspace directly: the span list already shows the spans and their links.
    assert rows(window)[second.id].entity.id == drop.id
    assert entity_names(window) == sorted(["شويغو", "Shoigu"])
    monkeypatch.setattr(entity_browser, "CONFIRM", lambda *args: True)
    window.entity_browser.merge(keep.id, drop.id)
    assert entity_names(window) == ["شويغو"]
    assert rows(window)[second.id].entity.id == keep.id
    shoigu_doc = ws.document.id
    other = next(r[0] for r in window.doc_model.rows if r[0] != shoigu_doc)
    window.open_document(other)

    window.undo()  # the merge was project-wide: the open document stays, nothing is asked
    assert not dialogs, dialogs
    assert ws.document.id == other
    assert entity_names(window) == sorted(["شويغو", "Shoigu"])  # at once, not after a click
    assert "Undid" in window.message_label.text()

    window.redo()
    assert not dialogs and entity_names(window) == ["شويغو"]
    window.open_document(shoigu_doc)
    window._finish_loading()
    assert rows(window)[second.id].entity.id == keep.id


def test_undo_of_a_rename_in_the_open_document_updates_its_spans(qtbot, demo_path, open_window, dialogs):
    window = open_shoigu(open_window, demo_path)
    ws = window.workspace
    span = add(window, "شويغو", 0)
    entity = ws.link_new_entity(span.id, "شويغو").span.entity
    window.entity_browser.rename(entity.id, "سيرغي شويغو", [])
    assert rows(window)[span.id].entity.name == "سيرغي شويغو"
    window.undo()
    assert not dialogs
    assert rows(window)[span.id].entity.name == "شويغو"
    assert entity_names(window) == ["شويغو"]


def test_undo_from_another_document_goes_there_and_updates_its_list(qtbot, demo_path, open_window, dialogs):
    window = open_shoigu(open_window, demo_path)
    ws = window.workspace
    span = add(window, "شويغو", 0)
    doc = ws.document.id
    window.open_document(next(r[0] for r in window.doc_model.rows if r[0] != doc))
    window.undo()
    assert not dialogs and ws.document.id == doc
    assert span.id not in rows(window) and span.id not in ws.spans
    qtbot.waitUntil(lambda: window.doc_model.rows[window.doc_model.row_of(doc)][3] == len(ws.spans))
    window.redo()
    assert span.id in rows(window)


def test_undo_and_redo_buttons_follow_every_change(qtbot, demo_path, open_window):
    window = open_shoigu(open_window, demo_path)
    add(window, "شويغو", 0)  # straight on the workspace
    qtbot.waitUntil(lambda: "شويغو" in window.undo_action.toolTip())
    window.undo()
    qtbot.waitUntil(lambda: "شويغو" in window.redo_action.toolTip())
