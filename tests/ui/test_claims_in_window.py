"""Claims in the window: pick the claimant by clicking it, see it in the span list, and be
asked before deleting a claimant."""

from PySide6.QtCore import Qt

from annotator.core.display import neutralised
from annotator.ui import annotating_commands
from tests.ui.conftest import make_project

TEXT = "قال سيرغي شويغو إن روسيا ستدعم بيونغ يانغ في كل الظروف."


def setup(tmp_path, open_window):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, "utf-8")
    window = open_window(make_project(tmp_path / "p.annotator", [source]))
    ws = window.workspace
    at = TEXT.index("سيرغي شويغو")
    person = ws.add_span(at, at + len("سيرغي شويغو"), "PERSON").span
    start = TEXT.index("روسيا")
    claim = ws.add_span(start, TEXT.index(" في كل"), "CLAIM").span
    window.view.show_document(TEXT, ws.spans)
    window.span_model.set_spans(ws.spans)
    return window, person, claim


def test_pick_the_claimant_by_clicking_its_span(qtbot, tmp_path, open_window):
    window, person, claim = setup(tmp_path, open_window)
    view = window.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.char_point(claim.start + 2).toPoint())
    assert view.selected_span == claim.id
    window._pick_claimant(claim.id)  # what the panel's "Pick in text" button asks for
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.char_point(person.start + 3).toPoint())
    assert window.workspace.claimant(claim.id).id == person.id
    row = window.span_model.row_of(claim.id)
    assert window.span_model.index(row, 3).data() == f"claimant: {neutralised('سيرغي شويغو')} · stance: {neutralised('affirm')}"
    assert view.selected_span == claim.id  # back on the claim, its form still shown


def test_deleting_a_claimant_asks_first(qtbot, tmp_path, open_window, monkeypatch):
    window, person, claim = setup(tmp_path, open_window)
    window.workspace.set_claimant(claim.id, person.id)
    answers = []
    monkeypatch.setattr(annotating_commands, "ask", lambda parent, title, text: answers.append(text) or False)
    window.view.select_span(person.id)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert "claimant of 1 claim" in answers[0] and person.id in window.workspace.spans  # declined: kept
    monkeypatch.setattr(annotating_commands, "ask", lambda parent, title, text: True)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert person.id not in window.workspace.spans
    assert window.workspace.claimant(claim.id) is None
    assert window.project.get_document(window.workspace.document.id).relations == []


def test_k_links_the_selected_span_and_the_entity_dock_counts_mentions(qtbot, tmp_path, open_window, monkeypatch):
    from PySide6.QtTest import QTest

    from annotator.ui.entity_picker import EntityPicker

    class EnterPicker(EntityPicker):
        """The real picker, answered with Enter as soon as it would be shown."""

        def exec(self):
            QTest.keyClick(self.edit, Qt.Key.Key_Return)
            return self.result()

    monkeypatch.setattr(annotating_commands, "EntityPicker", EnterPicker)
    text = "قال شويغو إن شويجو سيزور بيونغ يانغ."
    source = tmp_path / "a.txt"
    source.write_text(text, "utf-8")
    window = open_window(make_project(tmp_path / "p.annotator", [source]))
    view = window.view
    for word in ("شويغو", "شويجو"):
        start = text.index(word)
        view.select_range(start, start + len(word))
        qtbot.keyClick(view, "p")
        qtbot.keyClick(view, "k")
    entities = window.project.entities()
    assert [(e.name, e.type, e.mentions) for e in entities] == [("شويغو", "PERSON", 2)]  # شويجو found it
    assert window.entity_browser.model.rowCount() == 1
    window.undo()  # unlink the second mention
    assert window.project.entities()[0].mentions == 1
