"""Canonical entities in the window: the link picker and the entity browser, on a real project."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from annotator.core.display import FSI, PDI, neutralised
from annotator.core.model import Entity
from annotator.store import Project
from annotator.store.workspace import Workspace
from annotator.ui import entity_browser
from annotator.ui.entity_browser import (EntityBrowser, EntityEditDialog, default_target, format_aliases,
                                         parse_aliases)
from annotator.ui.entity_picker import EntityChooser, EntityPicker, rank

SHOIGU_DOC = "شويغو يجري محادثات"  # in the title of the seed article about Shoigu in Pyongyang


def open_shoigu(open_window, demo_path):
    window = open_window(demo_path)
    doc_id = next(row[0] for row in window.doc_model.rows if SHOIGU_DOC in (row[1] or ""))
    window.open_document(doc_id)
    window._finish_loading()
    return window


def span_on(window, word, nth=0, label="PERSON"):
    """A span on the nth occurrence of `word` in the open document."""
    text = window.workspace.document.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return window.workspace.add_span(start, start + len(word), label).span


def type_text(widget, text):
    """Type characters as a keyboard layout sends them (QTest.keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def entity_named(project, name) -> Entity:
    return next(e for e in project.entities() if e.name == name)


def with_entities(window):
    """شويجو (PERSON, 2 mentions, spelled شويغو in the text), كيم جونغ أون (PERSON, 1 mention),
    شويغوف (PERSON, 3 mentions: a prefix match with more mentions, to be ranked after the exact one)."""
    ws = window.workspace
    shoigu = ws.link_new_entity(span_on(window, "شويغو", 0).id, "شويجو").span.entity
    ws.link_entity(span_on(window, "شويغو", 1).id, shoigu.id)
    kim = ws.link_new_entity(span_on(window, "كيم جونغ أون", 0).id).span.entity
    decoy = ws.link_new_entity(span_on(window, "بيونغ يانغ", 0, "GPE").id, "شويغوف", "PERSON").span.entity
    for nth in (1, 2):
        ws.link_entity(span_on(window, "بيونغ يانغ", nth, "GPE").id, decoy.id)
    return shoigu, kim, decoy


def assert_plain_labels(widget):
    labels = widget.findChildren(QLabel)
    assert labels
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def browser_rows(browser):
    """Rows by entity name; the cells show names neutralised, compared here as plain strings."""
    proxy = browser.proxy

    def plain(value):
        return value.removeprefix(FSI).removesuffix(PDI).replace(f"{PDI}, {FSI}", ", ") if isinstance(value, str) else value
    return {plain(proxy.index(r, 0).data()): [plain(proxy.index(r, c).data()) for c in range(1, 5)]
            for r in range(proxy.rowCount())}


# -- ranking ------------------------------------------------------------------------------------


def test_rank_by_match_keys_then_type():
    entities = [Entity("1", "GPE", "شويجو"), Entity("2", "PERSON", "شويغوف", mentions=9),
                Entity("3", "PERSON", "سيرجي شويجو", ["Sergei Shoigu"]), Entity("4", "PERSON", "شويجو"),
                Entity("5", "ORG", "الأمم المتحدة")]
    ranked = [e.id for e in rank("شويغو", entities, prefer_type="PERSON")]
    assert ranked[:2] == ["4", "1"]  # exact keys (g-letters fold), the span's type first
    assert set(ranked) == {"1", "2", "3", "4"}  # a word prefix and containment match too
    assert [e.id for e in rank("shoig", entities)] == ["3"]  # aliases, case-folded
    assert [e.id for e in rank("الامم المتحده", entities)] == ["5"]  # hamza, ta marbuta
    assert rank("موسكو", entities) == []
    assert rank("", entities, "ORG")[0].id == "5"  # everything, the span's type first


# -- the picker ---------------------------------------------------------------------------------


def test_picker_ranks_variant_spelling_first_and_links_it(qtbot, demo_path, open_window):
    window = open_shoigu(open_window, demo_path)
    shoigu, kim, decoy = with_entities(window)
    span = span_on(window, "شويغو", 2)
    heard = []
    window.workspace.subscribe(heard.append)
    picker = EntityPicker(window.workspace, span)
    qtbot.addWidget(picker)
    picker.show()
    assert picker.edit.text() == "شويغو" and picker.edit.selectedText() == "شويغو"
    rows = picker.rows()
    assert rows[0].id == shoigu.id and rows[1].id == decoy.id  # exact key beats a prefix with more mentions
    assert kim.id not in [e.id for e in rows if e]
    assert rows[-1] is None and f"Create new entity “{neutralised('شويغو')}”" in picker.list.item(len(rows) - 1).text()
    assert picker.list.item(0).text().startswith(f"{neutralised('شويجو')} · {neutralised('PERSON')} · 2 mentions")
    assert picker.list.currentRow() == 0
    # Up/Down move in the list while the line edit keeps the focus.
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)
    assert picker.list.currentRow() == 1 and picker.focusWidget() is picker.edit
    qtbot.keyClick(picker.edit, Qt.Key.Key_Up)
    assert picker.list.currentRow() == 0
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.result_entity.id == shoigu.id and not picker.isVisible()
    assert window.workspace.spans.get(span.id).entity.name == "شويجو"
    assert entity_named(window.project, "شويجو").mentions == 3
    assert heard == [picker.change] and picker.change.span.id == span.id


def test_picker_enter_on_a_new_name_creates_and_links(qtbot, demo_path, open_window):
    window = open_shoigu(open_window, demo_path)
    with_entities(window)
    span = span_on(window, "روسيا", 0, "GPE")
    picker = EntityPicker(window.workspace, span)
    qtbot.addWidget(picker)
    picker.show()
    type_text(picker.edit, "روسيا الاتحادية")  # typing replaces the prefilled text
    assert picker.edit.text() == "روسيا الاتحادية"
    assert picker.rows() == [None]  # nothing matches: only the "create" row
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    created = entity_named(window.project, "روسيا الاتحادية")
    assert picker.result_entity.id == created.id
    assert (created.type, created.mentions) == ("GPE", 1)
    linked = window.workspace.spans.get(span.id).entity
    assert (linked.id, linked.name, linked.type) == (created.id, "روسيا الاتحادية", "GPE")
    window.workspace.undo()  # one action: the entity and the link go together
    assert window.workspace.spans.get(span.id).entity is None
    assert "روسيا الاتحادية" not in [e.name for e in window.project.entities()]


def test_picker_create_row_when_only_weak_matches(qtbot, demo_path, open_window):
    window = open_shoigu(open_window, demo_path)
    with_entities(window)
    span = span_on(window, "شويغو", 3)
    picker = EntityPicker(window.workspace, span)
    qtbot.addWidget(picker)
    picker.edit.setText("شوي")  # a prefix: listed and highlighted
    assert picker.current() is not None
    picker.edit.setText("شوكوف")  # only fuzzy neighbours (0.73, 0.6): "create" stays highlighted
    assert picker.rows()[-1] is None and picker.current() is None
    qtbot.keyClick(picker.edit, Qt.Key.Key_Up)
    assert picker.current() is not None  # the analyst can still reach them


def test_picker_escape_links_nothing(qtbot, demo_path, open_window):
    window = open_shoigu(open_window, demo_path)
    with_entities(window)
    span = span_on(window, "شويغو", 2)
    heard = []
    window.workspace.subscribe(heard.append)
    count = len(window.project.entities())
    picker = EntityPicker(window.workspace, span)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Escape)
    assert not picker.isVisible() and picker.result_entity is None and picker.change is None
    assert window.workspace.spans.get(span.id).entity is None
    assert not heard and len(window.project.entities()) == count


def test_picker_shows_names_as_plain_text(qtbot, demo_path, open_window):
    window = open_shoigu(open_window, demo_path)
    ws = window.workspace
    ws.link_new_entity(span_on(window, "كيم جونغ أون", 0).id, "<b>كيم</b>")
    ws.edit_entity(entity_named(window.project, "<b>كيم</b>").id, aliases=["<i>Kim</i>"])
    picker = EntityPicker(ws, span_on(window, "كيم جونغ أون", 1))
    qtbot.addWidget(picker)
    picker.edit.setText("كيم")
    item = picker.list.item(0)
    assert item.text().startswith(f"{neutralised('<b>كيم</b>')} · {neutralised('PERSON')} · 1 mention")
    assert "<i>Kim</i>" in item.text()
    assert "&lt;i&gt;Kim&lt;/i&gt;" in item.toolTip()
    assert_plain_labels(picker)


# -- the browser --------------------------------------------------------------------------------


def make_browser(qtbot, window):
    browser = EntityBrowser(lambda: window.workspace)
    qtbot.addWidget(browser)
    browser.show()
    return browser


def test_browser_lists_entities_with_counts(qtbot, demo_path, open_window):
    window = open_shoigu(open_window, demo_path)
    browser = make_browser(qtbot, window)
    assert browser_rows(browser) == {}
    with_entities(window)
    browser.refresh()
    assert browser_rows(browser) == {"شويجو": ["PERSON", 2, 1, ""], "كيم جونغ أون": ["PERSON", 1, 1, ""],
                                     "شويغوف": ["PERSON", 3, 1, ""]}
    assert browser.proxy.index(0, 0).data() == neutralised("شويغوف")  # most mentioned first
    assert "3 entities" in browser.count_label.text()
    assert_plain_labels(browser)


def test_browser_filter_by_variant_spelling(qtbot, demo_path, open_window):
    window = open_shoigu(open_window, demo_path)
    _, kim, _ = with_entities(window)
    window.workspace.edit_entity(kim.id, aliases=["Kim Jong Un"])
    browser = make_browser(qtbot, window)
    browser.filter.setText("شَوِيقو")  # tashkeel and another g-letter
    qtbot.waitUntil(lambda: browser.proxy.rowCount() == 2, timeout=2000)
    assert set(browser_rows(browser)) == {"شويجو", "شويغوف"}
    browser.filter.setText("jong")  # an alias, case-folded
    browser.apply_filter()
    assert set(browser_rows(browser)) == {"كيم جونغ أون"}
    assert "1 of 3 entities" in browser.count_label.text()
    browser.filter.clear()
    browser.apply_filter()
    assert browser.proxy.rowCount() == 3


def test_rename_updates_store_and_open_spans(qtbot, demo_path, open_window, monkeypatch):
    window = open_shoigu(open_window, demo_path)
    shoigu, kim, _ = with_entities(window)
    browser = make_browser(qtbot, window)
    browser.select([shoigu.id])
    asked = []

    def answer(parent, entity, types):
        asked.append((entity.name, types))
        return "سيرغي شويغو", ["Sergei Shoigu", "شويجو", "سيرغي شويغو", " "], "PERSON"

    monkeypatch.setattr(entity_browser, "EDIT_ENTITY", answer)
    assert browser.rename_action.shortcut().toString() == "F2"
    heard = []
    window.workspace.subscribe(heard.append)
    with qtbot.waitSignal(browser.changed):
        browser.rename_action.trigger()  # F2
    assert asked[0][0] == "شويجو" and "GPE" in asked[0][1]
    stored = window.project.entity(shoigu.id)
    assert (stored.name, stored.aliases) == ("سيرغي شويغو", ["Sergei Shoigu", "شويجو"])
    names = {s.entity.name for s in window.workspace.spans if s.entity and s.entity.id == shoigu.id}
    assert names == {"سيرغي شويغو"}
    assert len(heard) == 1 and heard[0].entities == {shoigu.id}
    assert browser_rows(browser)["سيرغي شويغو"] == ["PERSON", 2, 1, "Sergei Shoigu, شويجو"]
    assert browser.selected_ids() == [shoigu.id]
    # The method the dialog calls; a rejected edit is a message, not an exception.
    messages = []
    browser.message.connect(messages.append)
    assert browser.rename(kim.id, "  ", []) is None and messages[-1] == "an entity needs a name"
    window.workspace.undo()
    assert window.project.entity(shoigu.id).name == "شويجو"


def test_edit_dialog_parses_aliases():
    assert parse_aliases("Sergei Shoigu, شويجو، Shoigu", "Shoigu") == ["Sergei Shoigu", "شويجو"]
    assert parse_aliases("Washington, D.C.\nواشنطن\n\n") == ["Washington, D.C.", "واشنطن"]
    assert parse_aliases(format_aliases(["a", "b"])) == ["a", "b"]


def test_edit_dialog_is_plain(qtbot):
    dialog = EntityEditDialog(Entity("1", "PERSON", "<b>x</b>", ["Washington, D.C."]), ["PERSON", "ORG"])
    qtbot.addWidget(dialog)
    assert dialog.values() == ("<b>x</b>", ["Washington, D.C."], "PERSON")  # untouched aliases kept whole
    dialog.aliases.setPlainText("a, b")
    dialog.type.setCurrentIndex(dialog.type.findData("ORG"))
    assert dialog.values() == ("<b>x</b>", ["a", "b"], "ORG")
    assert_plain_labels(dialog)


def test_merge_two_entities_and_undo(qtbot, demo_path, open_window, monkeypatch):
    window = open_shoigu(open_window, demo_path)
    shoigu, _, decoy = with_entities(window)
    browser = make_browser(qtbot, window)
    questions = []
    monkeypatch.setattr(entity_browser, "CONFIRM", lambda parent, title, text: questions.append(text) or answer)
    browser.select([shoigu.id, decoy.id])
    assert browser.merge_button.isEnabled() and not browser.merge_into_button.isEnabled()
    answer = False
    assert browser.merge_selected() is None and len(window.project.entities()) == 3
    answer = True
    with qtbot.waitSignal(browser.changed):
        merged = browser.merge_selected()
    # The one with more mentions is kept; the question names both.
    assert merged.id == decoy.id
    assert "“شويجو” (PERSON, 2 mentions) into “شويغوف” (PERSON, 3 mentions)" in questions[-1]
    entities = {e.name: e for e in window.project.entities()}
    assert set(entities) == {"شويغوف", "كيم جونغ أون"}
    assert entities["شويغوف"].mentions == 5 and "شويجو" in entities["شويغوف"].aliases
    assert {s.entity.id for s in window.workspace.spans if s.entity and s.entity.name == "شويغوف"} == {decoy.id}
    assert browser_rows(browser)["شويغوف"][1] == 5 and browser.selected_ids() == [decoy.id]
    window.workspace.undo()
    browser.refresh()
    counts = {e.name: (e.mentions, e.aliases) for e in window.project.entities()}
    assert counts == {"شويجو": (2, []), "شويغوف": (3, []), "كيم جونغ أون": (1, [])}
    assert {s.entity.name for s in window.workspace.spans if s.entity} == {"شويجو", "شويغوف", "كيم جونغ أون"}
    assert browser_rows(browser)["شويجو"][1] == 2


def test_merge_into_a_chosen_entity(qtbot, demo_path, open_window, monkeypatch):
    window = open_shoigu(open_window, demo_path)
    shoigu, kim, decoy = with_entities(window)
    browser = make_browser(qtbot, window)
    monkeypatch.setattr(entity_browser, "CONFIRM", lambda *args: True)
    offered = []

    def choose(parent, drop, candidates):
        offered.append((drop.id, [c.id for c in candidates]))
        return next(c for c in candidates if c.id == shoigu.id)

    monkeypatch.setattr(entity_browser, "CHOOSE_TARGET", choose)
    browser.select([decoy.id])
    assert browser.merge_into_button.isEnabled() and not browser.merge_button.isEnabled()
    merged = browser.merge_into()  # the more mentioned one into the smaller: the analyst's choice
    assert offered == [(decoy.id, sorted([shoigu.id, kim.id], key=[e.id for e in browser.model.entities].index))]
    assert merged.id == shoigu.id and window.project.entity(shoigu.id).mentions == 5
    assert "شويغوف" in window.project.entity(shoigu.id).aliases


def test_chooser_picks_the_closest_entity(qtbot):
    entities = [Entity("1", "PERSON", "كيم جونغ أون"), Entity("2", "PERSON", "سيرجي شويجو", mentions=4)]
    chooser = EntityChooser(entities, "شويغو", "PERSON")
    qtbot.addWidget(chooser)
    chooser.show()
    assert [e.id for e in chooser.rows()] == ["2"]
    qtbot.keyClick(chooser.edit, Qt.Key.Key_Return)
    assert chooser.chosen.id == "2" and not chooser.isVisible()
    assert_plain_labels(chooser)


def test_default_target_has_more_mentions():
    small, big = Entity("1", "PERSON", "a", mentions=1, documents=1), Entity("2", "PERSON", "b", mentions=4)
    assert default_target(small, big) == (big, small)
    assert default_target(big, small) == (big, small)


def test_double_click_requests_a_mention(qtbot, demo_path, open_window):
    window = open_shoigu(open_window, demo_path)
    shoigu, _, _ = with_entities(window)
    browser = make_browser(qtbot, window)
    index = browser._proxy_index(shoigu.id)
    rect = browser.table.visualRect(index)
    with qtbot.waitSignal(browser.mentionRequested) as signal:
        # As a mouse sends it: the view only takes a double-click on the row just pressed.
        qtbot.mouseClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [shoigu.id]


def test_read_only_project_disables_actions(qtbot, tmp_path, demo_path, open_window, monkeypatch):
    window = open_shoigu(open_window, demo_path)
    shoigu, kim, decoy = with_entities(window)
    window.close()
    project = Project.open(demo_path, readonly=True)
    try:
        workspace = Workspace(project, "amal")
        browser = EntityBrowser(lambda: workspace)
        qtbot.addWidget(browser)
        assert len(browser_rows(browser)) == 3
        monkeypatch.setattr(entity_browser, "CONFIRM", lambda *args: True)
        messages = []
        browser.message.connect(messages.append)
        browser.select([shoigu.id])
        assert not browser.rename_button.isEnabled() and not browser.rename_action.isEnabled()
        assert not browser.merge_into_button.isEnabled()
        browser.select([shoigu.id, decoy.id])
        assert not browser.merge_button.isEnabled()
        assert browser.merge(decoy.id, shoigu.id) is None and browser.rename(kim.id, "x", []) is None
        assert messages and all("read-only" in m for m in messages)
        assert "read-only" in browser.count_label.text()
        assert len(project.entities()) == 3
        assert_plain_labels(browser)
    finally:
        project.close()


def test_browser_keys_through_the_window_system(qtbot, demo_path, open_window, monkeypatch):
    window = open_shoigu(open_window, demo_path)
    shoigu, _, _ = with_entities(window)
    browser = make_browser(qtbot, window)
    browser.activateWindow()
    qtbot.waitUntil(browser.isActiveWindow)
    browser.select([shoigu.id])
    browser.table.setFocus()
    asked = []
    monkeypatch.setattr(entity_browser, "EDIT_ENTITY", lambda parent, entity, types: asked.append(entity.id))
    QTest.keyClick(browser.windowHandle(), Qt.Key.Key_F2)
    assert asked == [shoigu.id]
    with qtbot.waitSignal(browser.mentionRequested) as signal:
        QTest.keyClick(browser.windowHandle(), Qt.Key.Key_Return)
    assert signal.args == [shoigu.id]


def test_entity_names_read_in_their_own_direction_with_the_whole_name_on_hover(qapp):
    model = entity_browser.EntityTableModel()
    model.set_entities([Entity("1", "PERSON", "سيرجي شويجو", ["Sergei Shoigu"]), Entity("2", "ORG", "NATO", ["الناتو"])])
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    align = Qt.ItemDataRole.TextAlignmentRole
    assert model.index(0, entity_browser.NAME).data(align) == right
    assert model.index(1, entity_browser.NAME).data(align) != right  # a Latin name from the left
    assert model.index(0, entity_browser.ALIASES).data(align) != right
    assert model.index(1, entity_browser.ALIASES).data(align) == right
    from annotator.ui.models import whole_text_tip

    assert model.index(0, entity_browser.NAME).data(Qt.ItemDataRole.ToolTipRole) == whole_text_tip("سيرجي شويجو")
    assert model.index(0, entity_browser.TYPE).data(Qt.ItemDataRole.ToolTipRole) is None
