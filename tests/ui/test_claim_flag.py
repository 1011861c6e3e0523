"""A flag attribute (a yes/no mark) in the claim form: a check box whose click stores true in the
project file as one undoable step, and whose second click removes the attribute."""

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from annotator import RESOURCES
from annotator.core.schema import parse_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.ui.claim_panel import ClaimPanel
from tests.ui.conftest import SEEDS

FLAGGED = (RESOURCES / "schemas" / "news.toml").read_text("utf-8") + '''
[[layers.claim.attributes]]
name = "speculation"
kind = "flag"
description = "The claim is hedged (قد، ربما، يُعتقد)."
'''
CLAIM = "أكدت وكالات الأنباء الروسية أن هذه الزيارة تأتي في إطار تعزيز التعاون العسكري بين البلدين"


def stored_attrs(path, span_id) -> dict:
    conn = sqlite3.connect(path)
    try:
        return json.loads(conn.execute("SELECT attrs FROM spans WHERE id = ?", (span_id,)).fetchone()[0])
    finally:
        conn.close()


def test_a_flag_is_a_check_box_that_sets_and_clears_in_one_undoable_step(qtbot, tmp_path, open_window):
    path = tmp_path / "flag.annotator"
    with Project.create(path, parse_schema(FLAGGED)) as project:
        import_paths(project, [SEEDS])
    window = open_window(path)
    workspace = window.workspace
    qtbot.waitUntil(lambda: not workspace.loading)
    start = workspace.document.text.index(CLAIM)
    claim = workspace.add_span(start, start + len(CLAIM), "CLAIM").span
    panel = ClaimPanel(lambda: window.workspace)
    qtbot.addWidget(panel)
    panel.resize(360, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_span(claim.id)

    field = panel.fields()["speculation"]
    box = field.editor
    assert isinstance(box, QCheckBox) and not box.isChecked() and box.text() == ""
    assert field.label.text() == "speculation" and field.label.textFormat() == Qt.TextFormat.PlainText
    assert field.label.buddy() is box
    panel.grab().save("/tmp/shots/claim_flag.png")

    steps = workspace.history.undo_count
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert stored_attrs(path, claim.id) == {"stance": "affirm", "speculation": True}
    assert workspace.history.undo_count == steps + 1 and box.isChecked()

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # unchecked: the attribute goes, no false is stored
    assert stored_attrs(path, claim.id) == {"stance": "affirm"}
    assert not box.isChecked()

    workspace.undo()
    assert stored_attrs(path, claim.id) == {"stance": "affirm", "speculation": True}
    panel.refresh()
    assert box.isChecked()
    workspace.undo()
    assert stored_attrs(path, claim.id) == {"stance": "affirm"}
    panel.refresh()
    assert not box.isChecked()
    assert workspace.history.undo_count == steps


def test_an_import_that_adds_brat_attributes_says_so_and_the_form_shows_them(qtbot, tmp_path, demo_path,
                                                                             open_window, dialogs):
    from pathlib import Path

    window = open_window(demo_path)
    folder = Path(__file__).parents[1] / "io" / "data" / "brat" / "attributes"
    report = window.import_paths([folder], fmt="brat")
    assert not report.rejected and report.added_attributes == [
        "entity/Individual", "entity/Confidence", "entity/Speculation"]
    title, text = dialogs[-1][1], dialogs[-1][2]
    assert title == "Import added labels"  # the tutorial's labels came in too
    assert ("Added to the project's attributes, as they were in the imported data: "
            "entity/Individual, entity/Confidence, entity/Speculation") in text.replace("\u2068", "").replace(
        "\u2069", "").splitlines()  # each line is isolated (FSI ... PDI) in the dialog
    # The span panel's form of an entity follows the grown schema: a flag is a check box.
    window.workspace.open_document(next(row[0] for row in window.project.document_rows()
                                        if "anergized" in window.project.get_document(row[0]).text))
    qtbot.waitUntil(lambda: not window.workspace.loading)
    span = next(s for s in window.workspace.spans if s.attrs.get("Speculation"))
    panel = ClaimPanel(lambda: window.workspace)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_span(span.id)
    assert isinstance(panel.fields()["Speculation"].editor, QCheckBox)
    assert panel.fields()["Speculation"].editor.isChecked()
    assert not panel.fields()["Individual"].editor.isChecked()


def test_a_flag_refuses_a_value_other_than_true_or_false_with_a_translatable_sentence(tmp_path):
    import pytest

    from annotator.store.workspace import AnnotationError, Workspace
    from annotator.ui import messages

    path = tmp_path / "flag.annotator"
    with Project.create(path, parse_schema(FLAGGED)) as project:
        import_paths(project, [SEEDS])
        workspace = Workspace(project, "amal")
        workspace.open_document(project.document_rows()[0][0])
        start = workspace.document.text.index(CLAIM)
        claim = workspace.add_span(start, start + len(CLAIM), "CLAIM").span
        with pytest.raises(AnnotationError) as caught:
            workspace.set_attribute(claim.id, "speculation", "yes")
        assert caught.value.code == "attribute_flag"
        assert messages.text(caught.value) == str(caught.value) == "attribute speculation is a flag: true or false, not 'yes'"
        assert stored_attrs(path, claim.id) == {"stance": "affirm"}
