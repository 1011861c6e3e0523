"""The claim form, driven as an analyst does (keyboard first), checked in the project file."""

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton

from annotator.core.display import FSI, neutralised
from annotator.core.schema import parse_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.workspace import Workspace
from annotator.ui.claim_fields import RLM
from annotator.ui.claim_panel import ClaimPanel, NoteEdit
from tests.ui.conftest import make_project

CLAIM = "أكدت وكالات الأنباء الروسية أن هذه الزيارة تأتي في إطار تعزيز التعاون العسكري بين البلدين"
ORG = "وكالات الأنباء الروسية"
PERSON = "أندريه بيلوسوف"
CUE = "أكدت"


def stored_attrs(path, span_id) -> dict:
    conn = sqlite3.connect(path)
    try:
        return json.loads(conn.execute("SELECT attrs FROM spans WHERE id = ?", (span_id,)).fetchone()[0])
    finally:
        conn.close()


def stored_relations(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT head, child, label FROM relations ORDER BY created").fetchall()
    finally:
        conn.close()


def type_text(widget, text):
    """Typed as a keyboard does, one key event per character (QTest.keyClicks only knows Latin-1)."""
    for char in text:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def add(workspace, words, label, nth=0):
    text = workspace.document.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return workspace.add_span(start, start + len(words), label).span


@pytest.fixture
def annotated(qtbot, demo_path, open_window):
    """A window on the demo project, a claim, two entity spans and a claim panel beside it."""
    window = open_window(demo_path)
    workspace = window.workspace
    qtbot.waitUntil(lambda: not workspace.loading)
    org = add(workspace, ORG, "ORG")
    person = add(workspace, PERSON, "PERSON")
    claim = add(workspace, CLAIM, "CLAIM")
    panel = ClaimPanel(lambda: window.workspace)
    qtbot.addWidget(panel)
    panel.resize(360, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_span(claim.id)
    return window, panel, claim, org, person


def combo(panel, name) -> QComboBox:
    return panel.fields()[name].editor


def test_form_follows_the_schema_with_plain_labels(annotated):
    window, panel, _, org, _ = annotated
    attributes = window.project.schema.attributes("claim")
    fields = panel.fields()
    assert list(fields) == [a.name for a in attributes]
    assert [f.label.text() for f in fields.values()] == [a.name.replace("_", " ") for a in attributes]
    for label in panel.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert fields["checkworthy"].label.toolTip() == "<qt>How much a fact-checker should care.</qt>"
    assert [combo(panel, "stance").itemText(i) for i in range(3)] == ["—", "affirm", "deny"]
    assert combo(panel, "attribution").itemData(1) == "direct_quote"
    claimant = combo(panel, "claimant")
    items = [claimant.itemText(i) for i in range(claimant.count())]
    # literals, then the entity spans by position (the person comes before the agencies)
    assert items == ["—", "AUTHOR", "UNKNOWN", f"PERSON · {neutralised(PERSON)}", f"ORG · {neutralised(ORG)}"]
    # an entity span: its built-in note only; nothing: the hint
    panel.show_span(org.id)
    assert panel.span_id == org.id and list(panel.fields()) == ["note"]
    panel.show_span(None)
    assert panel.span_id is None and panel.stack.currentWidget() is panel.hint
    assert panel.hint.text().startswith("Select a span to read its label's guideline and write a note. "
                                        "Select a claim to edit its claimant")
    assert panel.fields() == {}


def test_tab_order_follows_the_rows(qtbot, annotated):
    """Who and how first, then the note (in sight in a short dock), then the choices."""
    _, panel, *_ = annotated
    assert panel.focus_first()
    fields = panel.fields()
    assert fields["claimant"].editor.hasFocus()
    rows = ["claimant", "cue", "note", "attribution", "stance", "claim_type", "checkworthy", "verifiable"]
    assert sorted(rows) == sorted(fields)
    expected = [w for name in rows for w in fields[name].focusables]
    seen = [panel.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Tab)
        seen.append(panel.focusWidget())
    assert seen == expected
    assert isinstance(seen[1], QPushButton) and seen[1].text() == "Pick in text"
    assert isinstance(seen[4], NoteEdit) and seen[-1] is fields["verifiable"].editor


def test_choices_by_keyboard_are_stored(qtbot, demo_path, annotated):
    window, panel, claim, *_ = annotated
    changes = []
    window.workspace.subscribe(changes.append)  # the Change every view hears
    stance = combo(panel, "stance")
    stance.setFocus()
    qtbot.keyClick(stance, Qt.Key.Key_Down)
    qtbot.keyClick(stance, Qt.Key.Key_Down)
    assert stored_attrs(demo_path, claim.id) == {"stance": "deny"}
    checkworthy = combo(panel, "checkworthy")
    checkworthy.setCurrentIndex(3)
    checkworthy.activated.emit(3)
    assert stored_attrs(demo_path, claim.id) == {"stance": "deny", "checkworthy": "high"}
    # The claim starts at the schema default (affirm): Down, Down ends on deny in one change.
    assert len(changes) == 2 and changes[-1].span.attrs["checkworthy"] == "high"
    qtbot.keyClick(stance, Qt.Key.Key_Up)
    qtbot.keyClick(stance, Qt.Key.Key_Up)  # back to "—": the attribute goes
    assert stored_attrs(demo_path, claim.id) == {"checkworthy": "high"}
    doc = window.project.get_document(window.workspace.document.id)
    assert next(s for s in doc.spans if s.id == claim.id).attrs == {"checkworthy": "high"}


def test_claimant_from_the_combo_then_author(qtbot, demo_path, annotated):
    window, panel, claim, org, _ = annotated
    claimant = combo(panel, "claimant")
    with qtbot.waitSignal(panel.changed):
        claimant.setCurrentIndex(claimant.findData(org.id))
        claimant.activated.emit(claimant.currentIndex())
    assert stored_relations(demo_path) == [(claim.id, org.id, "claimant")]
    assert window.workspace.claimant(claim.id).id == org.id
    assert "claimant" not in stored_attrs(demo_path, claim.id)
    assert claimant.currentData() == org.id
    claimant.setFocus()
    for _ in range(claimant.currentIndex() - claimant.findData("AUTHOR")):
        qtbot.keyClick(claimant, Qt.Key.Key_Up)
    assert stored_relations(demo_path) == []
    assert stored_attrs(demo_path, claim.id) == {"stance": "affirm", "claimant": "AUTHOR"}
    assert window.workspace.claimant(claim.id) == "AUTHOR"
    assert claimant.currentText() == "AUTHOR"


def test_pick_the_claimant_in_the_text(qtbot, demo_path, annotated):
    window, panel, claim, _, person = annotated
    pick = panel.fields()["claimant"].buttons["pick"]
    with qtbot.waitSignal(panel.pickClaimantRequested) as asked:
        pick.setFocus()
        qtbot.keyClick(pick, Qt.Key.Key_Space)
    assert asked.args == [claim.id]
    assert panel.claimant_picked(person.id)
    assert stored_relations(demo_path) == [(claim.id, person.id, "claimant")]
    assert combo(panel, "claimant").currentData() == person.id
    depth = window.workspace.history.undo_text()
    with qtbot.assertNotEmitted(panel.changed):
        assert not panel.claimant_picked(person.id)  # the same again: no empty undo step
    assert window.workspace.history.undo_text() == depth


def test_note_is_stored_once_and_undone_in_one_step(qtbot, demo_path, annotated):
    window, panel, claim, *_ = annotated
    note = panel.fields()["note"].editor
    note.setFocus()
    type_text(note, "رأي أول")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert stored_attrs(demo_path, claim.id) == {"stance": "affirm", "note": "رأي أول"}
    undo_steps = window.workspace.history.undo_count
    type_text(note, " ثم ثانٍ")
    assert stored_attrs(demo_path, claim.id) == {"stance": "affirm", "note": "رأي أول"}  # not on every keystroke
    qtbot.keyClick(note, Qt.Key.Key_Return)
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # leaving after Enter writes nothing more
    assert not note.hasFocus()
    assert stored_attrs(demo_path, claim.id) == {"stance": "affirm", "note": "رأي أول ثم ثانٍ"}
    assert window.workspace.history.undo_count == undo_steps + 1
    window.workspace.undo()
    assert stored_attrs(demo_path, claim.id) == {"stance": "affirm", "note": "رأي أول"}
    panel.refresh()
    assert note.toPlainText() == "رأي أول"


def test_note_commits_on_focus_out_and_on_esc(qtbot, demo_path, annotated):
    _, panel, claim, *_ = annotated
    note = panel.fields()["note"].editor
    note.setFocus()
    qtbot.keyClicks(note, "xyz")
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    assert stored_attrs(demo_path, claim.id) == {"stance": "affirm", "note": "xyz"}
    note.setFocus()
    qtbot.keyClicks(note, " abc")
    with qtbot.waitSignal(panel.returnRequested):
        qtbot.keyClick(note, Qt.Key.Key_Escape)
    assert stored_attrs(demo_path, claim.id) == {"stance": "affirm", "note": "xyz abc"}


def test_cue_from_the_selection_and_cleared(qtbot, demo_path, annotated):
    window, panel, claim, *_ = annotated
    field = panel.fields()["cue"]
    assert field.editor.text() == "—"
    with qtbot.waitSignal(panel.cueFromSelectionRequested) as asked:
        field.buttons["use"].click()
    assert asked.args == [claim.id]
    start = window.workspace.document.text.index(CUE)
    assert panel.set_cue(start, start + len(CUE))
    assert stored_attrs(demo_path, claim.id) == {"stance": "affirm", "cue": {"start": start, "end": start + len(CUE), "text": CUE}}
    assert field.editor.text() == f"«{neutralised(CUE)}»"
    field.buttons["clear"].click()
    assert stored_attrs(demo_path, claim.id) == {"stance": "affirm"}
    assert field.editor.text() == "—"


def test_showing_another_claim_refreshes_without_writing(qtbot, demo_path, annotated):
    window, panel, claim, org, _ = annotated
    workspace = window.workspace
    workspace.set_attribute(claim.id, "stance", "deny")
    workspace.set_claimant(claim.id, org.id)
    other = add(workspace, "تهدف الزيارة إلى تعزيز التعاون في المجالات العسكرية", "PREDICTION")
    workspace.set_attribute(other.id, "checkworthy", "low")
    workspace.set_claimant(other.id, "UNKNOWN")
    workspace.set_attribute(other.id, "note", "ملاحظة")
    steps = workspace.history.undo_count
    before = sqlite3.connect(demo_path).execute("SELECT id, attrs, updated FROM spans ORDER BY id").fetchall()
    with qtbot.assertNotEmitted(panel.changed), qtbot.assertNotEmitted(panel.message):
        panel.show_span(claim.id)
        assert combo(panel, "stance").currentData() == "deny"
        assert combo(panel, "claimant").currentData() == org.id
        panel.show_span(other.id)
        assert combo(panel, "stance").currentData() == "affirm"  # the schema default, stored
        assert combo(panel, "checkworthy").currentData() == "low"
        assert combo(panel, "claimant").currentText() == "UNKNOWN"
        assert panel.fields()["note"].editor.toPlainText() == "ملاحظة"
        assert panel.heading.text().startswith(RLM + "PREDICTION · «" + FSI + "تهدف")  # laid out right to left
        panel.show_span(claim.id)
        assert panel.fields()["note"].editor.toPlainText() == ""
    assert workspace.history.undo_count == steps
    after = sqlite3.connect(demo_path).execute("SELECT id, attrs, updated FROM spans ORDER BY id").fetchall()
    assert after == before


def test_refusal_is_a_message(qtbot, demo_path, annotated):
    window, panel, *_ = annotated
    other = add(window.workspace, "تهدف الزيارة", "CLAIM")
    with qtbot.waitSignal(panel.message) as said, qtbot.assertNotEmitted(panel.changed):
        assert not panel.claimant_picked(other.id)
    assert "not another claim" in said.args[0]
    assert stored_relations(demo_path) == []
    assert combo(panel, "claimant").currentData() is None


def test_untrusted_texts_stay_plain(qtbot, tmp_path, open_window):
    source = tmp_path / "a.txt"
    source.write_text("قال <b>المتحدث</b> إن الوضع مستقر.", "utf-8")
    path = make_project(tmp_path / "p.annotator", [source])
    window = open_window(path)
    text = window.workspace.document.text
    who = window.workspace.add_span(text.index("<b>"), text.index("</b>") + 4, "PERSON").span
    claim = window.workspace.add_span(0, len(text) - 1, "CLAIM").span
    panel = ClaimPanel(lambda: window.workspace)
    qtbot.addWidget(panel)
    panel.show_span(claim.id)
    assert panel.heading.textFormat() == Qt.TextFormat.PlainText
    assert "<b>" in panel.heading.text()
    assert combo(panel, "claimant").findText(f"PERSON · {neutralised(who.text)}") >= 0
    start = text.index("<b>")
    panel.set_cue(start, start + 3)
    cue = panel.fields()["cue"].editor
    assert cue.text() == f"«{neutralised('<b>')}»" and cue.textFormat() == Qt.TextFormat.PlainText
    assert "&lt;b&gt;" in cue.toolTip()


def test_read_only_project_disables_the_fields(qtbot, demo_path):
    with Project.open(demo_path) as project:
        writer = Workspace(project, "amal")
        doc_id = project.document_rows()[0][0]
        writer.open_document(doc_id)
        claim = add(writer, CLAIM, "CLAIM")
        writer.set_attribute(claim.id, "stance", "deny")
    with Project.open(demo_path, readonly=True) as project:
        workspace = Workspace(project, "amal")
        workspace.open_document(doc_id)
        panel = ClaimPanel(lambda: workspace)
        qtbot.addWidget(panel)
        panel.show()
        panel.show_span(claim.id)
        fields = panel.fields()
        assert fields and combo(panel, "stance").currentData() == "deny"
        for field in fields.values():
            for widget in [field.editor, *field.buttons.values()]:
                assert not widget.isEnabled()
        assert not panel.focus_first()


def test_a_new_project_gets_a_new_form(qtbot, demo_path, tmp_path, open_window):
    """The getter follows the window's workspace: another project's schema rebuilds the form."""
    window = open_window(demo_path)
    current = [window.workspace]
    panel = ClaimPanel(lambda: current[0])
    qtbot.addWidget(panel)
    claim = add(window.workspace, CLAIM, "CLAIM")
    panel.show_span(claim.id)
    assert "stance" in panel.fields()
    schema = parse_schema("""
[layers.entity]
[[layers.entity.labels]]
name = "PERSON"
color = "#aaaaaa"
[layers.claim]
overlap = "any"
[[layers.claim.labels]]
name = "CLAIM"
color = "#bbbbbb"
[[layers.claim.attributes]]
name = "sure"
kind = "choice"
values = ["yes", "no"]
""")
    source = tmp_path / "b.txt"
    source.write_text("قال فلان إن السماء زرقاء.", "utf-8")
    with Project.create(tmp_path / "other.annotator", schema) as project:
        import_paths(project, [source])
    current[0] = open_window(tmp_path / "other.annotator").workspace
    claim = current[0].add_span(0, 10, "CLAIM").span
    panel.show_span(claim.id)
    assert list(panel.fields()) == ["sure", "note"]  # and the note every layer has


def test_typed_note_goes_to_its_claim_when_another_is_shown(qtbot, demo_path, annotated):
    window, panel, claim, *_ = annotated
    other = add(window.workspace, "تهدف الزيارة", "CLAIM")
    note = panel.fields()["note"].editor
    note.setFocus()
    type_text(note, "لم تُحفظ بعد")
    with qtbot.waitSignal(panel.changed):
        panel.show_span(other.id)  # e.g. the window selects another span by a shortcut
    assert stored_attrs(demo_path, claim.id) == {"stance": "affirm", "note": "لم تُحفظ بعد"}
    assert stored_attrs(demo_path, other.id) == {"stance": "affirm"}
    assert note.toPlainText() == ""
    window.project.close()  # the note losing focus after its project closed writes nothing
    type_text(note, "x")
    note.clearFocus()
