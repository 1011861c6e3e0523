"""The span panel in the window, as an analyst uses it: Esc back to the article, a double-click
selecting the cue without losing the claim, a note on any span, one claimant row per entity,
guidelines in their text's direction, the note in sight at 1280x800. Checked in the project file
and its exports."""

import json
import sqlite3

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from annotator.core.display import neutralised
from annotator.core.schema import parse_schema
from annotator.io import brat, native
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.ui.claim_fields import RLM
from tests.ui.conftest import NEWS

TEXT = "قال سيرغي شويغو إن روسيا ستدعم بيونغ يانغ في كل الظروف."
CLAIM = "روسيا ستدعم بيونغ يانغ"


def stored_attrs(path, span_id) -> dict:
    conn = sqlite3.connect(path)
    try:
        return json.loads(conn.execute("SELECT attrs FROM spans WHERE id = ?", (span_id,)).fetchone()[0])
    finally:
        conn.close()


def type_text(qtbot, widget, text):
    for char in text:
        qtbot.keyClick(widget, char)


def window_on(tmp_path, open_window, text=TEXT, schema=NEWS):
    source = tmp_path / "a.txt"
    source.write_text(text, "utf-8")
    path = tmp_path / "p.annotator"
    with Project.create(path, schema) as project:
        import_paths(project, [source])
    return open_window(path), path


def add(window, words, label, nth=0):
    text = window.workspace.document.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return window.workspace.add_span(start, start + len(words), label).span


def click(qtbot, view, offset):
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.char_point(offset).toPoint())


def settle(qtbot):
    """Past the moment a click outside a shown claim waits for a double-click."""
    qtbot.wait(QApplication.doubleClickInterval() + 100)


def test_esc_in_any_field_saves_and_gives_the_article_the_focus_back(qtbot, tmp_path, open_window):
    window, path = window_on(tmp_path, open_window)
    view = window.view
    window.activateWindow()  # focus is asked of the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    claim = add(window, CLAIM, "CLAIM")
    click(qtbot, view, claim.start + 2)
    assert view.selected_span == claim.id and window.claim_panel.span_id == claim.id
    window.registry.actions["claim_form"].trigger()
    fields = window.claim_panel.fields()
    combo = fields["claimant"].editor
    assert combo.hasFocus()
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Escape)  # an open list closes first
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    assert not view.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # the combo
    assert view.hasFocus() and view.selected_span == claim.id
    note = fields["note"].editor
    note.setFocus()
    type_text(qtbot, note, "to check")
    qtbot.keyClick(note, Qt.Key.Key_Escape)  # typed, not yet committed: saved, not dropped
    assert stored_attrs(path, claim.id) == {"stance": "affirm", "note": "to check"}
    assert view.hasFocus() and view.selected_span == claim.id and window.claim_panel.span_id == claim.id
    use = fields["cue"].buttons["use"]
    use.setFocus()
    qtbot.keyClick(use, Qt.Key.Key_Escape)  # a button
    assert view.hasFocus() and view.selected_span == claim.id


def test_double_clicking_the_cue_keeps_the_claim_and_its_use_selection(qtbot, tmp_path, open_window):
    window, path = window_on(tmp_path, open_window)
    view, panel = window.view, window.claim_panel
    claim = add(window, CLAIM, "CLAIM")
    inner = add(window, "بيونغ يانغ", "GPE")
    person = add(window, "سيرغي شويغو", "PERSON")
    click(qtbot, view, claim.start + 2)
    assert panel.span_id == claim.id
    cue = TEXT.index("قال")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.char_point(cue + 1).toPoint())
    settle(qtbot)
    assert view.selected_range() == (cue, cue + len("قال"))
    assert panel.span_id == claim.id and view.selected_span == claim.id
    panel.fields()["cue"].buttons["use"].click()
    assert stored_attrs(path, claim.id)["cue"] == {"start": cue, "end": cue + 3, "text": "قال"}
    # A word of an entity inside the claim: the claim's form stays too.
    word = TEXT.index("يانغ")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.char_point(word + 1).toPoint())
    settle(qtbot)
    assert view.selected_range() == (word, word + len("يانغ"))
    assert panel.span_id == claim.id and view.selected_span == claim.id
    # A single click on that entity (nothing selected) does select it, once no double-click came.
    click(qtbot, view, inner.start + 1)
    settle(qtbot)
    assert panel.span_id == inner.id and view.selected_span == inner.id
    # Another span outside the claim: at once.
    click(qtbot, view, claim.start + 2)
    assert panel.span_id == claim.id
    click(qtbot, view, person.start + 2)
    assert panel.span_id == person.id and view.selected_span == person.id
    # A click outside every span with nothing selected still deselects the claim.
    click(qtbot, view, claim.start + 2)
    click(qtbot, view, TEXT.index("الظروف") + 2)
    assert panel.span_id == claim.id  # not yet: it could be the first click of a double-click
    settle(qtbot)
    assert panel.span_id is None and view.selected_span is None


def test_a_note_on_an_entity_span_is_stored_and_exported(qtbot, tmp_path, open_window):
    window, path = window_on(tmp_path, open_window)
    view, panel = window.view, window.claim_panel
    person = add(window, "سيرغي شويغو", "PERSON")
    click(qtbot, view, person.start + 2)
    assert panel.span_id == person.id and list(panel.fields()) == ["note"]
    assert panel.heading.text() == f"{RLM}PERSON · «{neutralised('سيرغي شويغو')}»"
    assert panel.entity.text() == "Not linked to a canonical entity"
    assert panel.guideline.text() == NEWS.label("PERSON").guideline
    note = panel.fields()["note"].editor
    assert note.isVisibleTo(panel)
    note.setFocus()
    type_text(qtbot, note, "rank?")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert stored_attrs(path, person.id) == {"note": "rank?"}
    window.workspace.link_new_entity(person.id, name="سيرغي شويغو")  # the panel follows the Change
    assert panel.entity.text() == RLM + "Entity: " + neutralised("سيرغي شويغو")
    doc = window.project.get_document(window.workspace.document.id)
    assert native.to_record(doc)["spans"][0]["attrs"] == {"note": "rank?"}
    assert "\tAnnotatorNotes T1\trank?" in brat.ann(doc, NEWS)
    window.workspace.undo()  # the link
    window.workspace.undo()  # the note: one step
    assert stored_attrs(path, person.id) == {}


def test_the_claimant_list_has_one_row_per_entity(qtbot, tmp_path, open_window):
    text = ("زار شويغو بيونغ يانغ. وقال شويجو إن بيونغ يانغ حليف موثوق. "
            "وأضاف أن بيونغ يانغ ستشارك في المناورات.")
    window, path = window_on(tmp_path, open_window, text)
    ws = window.workspace
    gpe = [add(window, "بيونغ يانغ", "GPE", n) for n in range(3)]
    first, second = add(window, "شويغو", "PERSON"), add(window, "شويجو", "PERSON")
    shoigu = ws.link_new_entity(first.id, name="سيرغي شويغو").span.entity
    ws.link_entity(second.id, shoigu.id)
    claim = add(window, "بيونغ يانغ حليف موثوق", "CLAIM")
    click(qtbot, window.view, claim.start + 12)
    claimant = window.claim_panel.fields()["claimant"].editor
    items = {claimant.itemText(i): claimant.itemData(i) for i in range(claimant.count())}
    assert list(items) == ["—", "AUTHOR", "UNKNOWN",
                           f"PERSON · {neutralised('سيرغي شويغو')} · 2 mentions",
                           f"GPE · {neutralised('بيونغ يانغ')} · 3 mentions"]
    # The mentions nearest the claim: شويجو just before it, the GPE inside it.
    assert items[f"PERSON · {neutralised('سيرغي شويغو')} · 2 mentions"] == second.id
    assert items[f"GPE · {neutralised('بيونغ يانغ')} · 3 mentions"] == gpe[1].id
    tip = claimant.itemData(3, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<qt>" + RLM + "…") and "وقال" in tip and "The mention nearest the claim, of 2" in tip
    claimant.setFocus()
    claimant.setCurrentIndex(3)
    claimant.activated.emit(3)
    assert ws.claimant(claim.id).id == second.id
    ws.set_claimant(claim.id, gpe[2].id)  # a farther mention, chosen elsewhere: shown as chosen
    window.claim_panel.refresh()
    assert claimant.currentData() == gpe[2].id and claimant.currentText().endswith("· 3 mentions")
    assert claimant.count() == 5


def test_guidelines_and_heading_wrap_in_their_text_direction(qtbot, tmp_path, open_window):
    schema = parse_schema('''
[layers.entity]
links_entities = true
draw = "background"
[[layers.entity.labels]]
name = "PERSON"
color = "#aaaaaa"
guideline = "شخص مسمى باسمه، من دون ألقاب."
[layers.claim]
overlap = "any"
[[layers.claim.labels]]
name = "CLAIM"
color = "#bbbbbb"
guideline = "A checkable assertion."
[[layers.claim.attributes]]
name = "sure"
kind = "choice"
values = ["yes", "no"]
description = "هل الادعاء مؤكد؟"
''')
    window, _ = window_on(tmp_path, open_window, schema=schema)
    panel = window.claim_panel
    person = add(window, "سيرغي شويغو", "PERSON")
    claim = add(window, CLAIM, "CLAIM")
    panel.show_span(person.id)
    assert panel.guideline.text() == RLM + "شخص مسمى باسمه، من دون ألقاب."
    panel.show_span(claim.id)
    assert panel.guideline.text() == "A checkable assertion."  # Latin: left to right, no mark
    assert panel.heading.text().startswith(RLM + "CLAIM · «")  # the Arabic span text decides
    sure = panel.fields()["sure"]
    assert sure.label.toolTip() == f"<qt>{RLM}هل الادعاء مؤكد؟</qt>"
    assert not panel.attribute_guide.isVisible()
    panel.guide_toggle.click()
    assert panel.attribute_guide.isVisible()
    assert panel.attribute_guide.text() == RLM + "sure: هل الادعاء مؤكد؟\nnote: Free text for the analyst."
    panel.show_span(person.id)  # the toggle holds for the next span
    assert panel.attribute_guide.isVisible() and panel.attribute_guide.text() == "note: Free text for the analyst."


def test_the_note_is_in_sight_at_1280_by_800(qtbot, tmp_path, open_window):
    window, _ = window_on(tmp_path, open_window)
    window.resize(1280, 800)
    qtbot.wait(50)
    panel = window.claim_panel
    viewport = window.claim_dock.widget().viewport()
    for span in (add(window, CLAIM, "CLAIM"), add(window, "سيرغي شويغو", "PERSON")):
        click(qtbot, window.view, span.start + 2)
        qtbot.wait(10)
        note = panel.fields()["note"].editor
        top = note.mapTo(viewport, QPoint(0, 0)).y()
        assert 0 <= top and top + note.height() <= viewport.height(), (span.label, top, viewport.height())
