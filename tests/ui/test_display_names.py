"""The window in Arabic shows the schema's Arabic display names (palette, span list and its
filter, claim form, tooltips, status messages, label editor, export dialog, agreement charts),
while the project file and every export keep the identifiers (PERSON, stance = affirm)."""

import json
import sqlite3

import pytest
from PySide6.QtCore import QLocale, Qt

from annotator.core.display import neutralised
from annotator.ui import display_names
from annotator.ui.agreement_models import RAW
from annotator.ui.agreement_view import ATTRIBUTES
from annotator.ui.entity_browser import TYPE
from annotator.ui.entity_picker import EntityPicker
from annotator.ui.label_editor import TITLE, LabelEditor
from annotator.ui.models import FILTER_ROLE, SpanListModel
from annotator.ui.screenshot_team import team_project
from annotator.ui.span_tooltip import describe
from tests.ui.test_annotating import drag


@pytest.fixture
def arabic():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    yield
    QLocale.setDefault(before)


def stored(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT label, attrs FROM spans ORDER BY start").fetchall()
    finally:
        conn.close()


def label_span(qtbot, window, word: str, key: str):
    view = window.view
    start = view.text().index(word)
    drag(qtbot, view, start, start + len(word))
    qtbot.keyClick(view, key)
    return window.workspace.spans.get(view.selected_span)


def test_the_language_follows_the_default_locale(arabic):
    assert display_names.ui_language() == "ar"
    QLocale.setDefault(QLocale(QLocale.Language.English))
    assert display_names.ui_language() == "en"


def test_arabic_window_shows_display_names_and_stores_identifiers(qtbot, tmp_path, demo_path, open_window, arabic):
    window = open_window(demo_path)
    palette = window.palette
    assert palette.buttons["PERSON"].text() == f"{neutralised('شخص')}  [{neutralised('p')}]"
    assert palette.buttons["GPE"].text().startswith(neutralised("كيان جغرافي سياسي"))
    assert f"{neutralised('شخص')} (PERSON)" in palette.buttons["PERSON"].toolTip()  # the identifier an export uses, too

    person = label_span(qtbot, window, "أندريه بيلوسوف", "p")
    assert person.label == "PERSON"
    # Span list: the label column in Arabic; the filter data and the stored label the identifier.
    model = window.span_model
    index = model.index(model.row_of(person.id), SpanListModel.LABEL)
    assert index.data() == neutralised("شخص")
    assert "PERSON" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(FILTER_ROLE).split("\x1f")[0] == "PERSON"
    combo = window.span_filter.label
    assert combo.itemText(combo.findData("PERSON")) == neutralised("شخص")
    combo.setCurrentIndex(combo.findData("ORG"))  # the Arabic entry filters by its identifier
    assert window.span_proxy.rowCount() == 0
    combo.setCurrentIndex(combo.findData("PERSON"))
    assert window.span_proxy.rowCount() == 1
    combo.setCurrentIndex(0)

    # Relabelling says the new label by its display name, in a sentence shown inert.
    qtbot.keyClick(window.view, "o")
    assert "منظمة" in window.message_label.text() and "⟦" not in window.message_label.text()
    qtbot.keyClick(window.view, "p")

    # The claim form: attribute names and their choices in Arabic, the stored value the identifier.
    claim = label_span(qtbot, window, "وزير الدفاع", "c")
    assert claim.label == "CLAIM"
    panel = window.claim_panel
    qtbot.waitUntil(lambda: panel.span_id == claim.id)  # the form follows the new span after the frame
    fields = panel.fields()
    assert fields["stance"].label.text() == neutralised("الموقف")
    assert fields["claim_type"].label.text() == neutralised("نوع الادعاء")
    assert fields["note"].label.text() == neutralised("ملاحظة")
    stance = fields["stance"].editor
    assert [stance.itemText(i) for i in range(1, stance.count())] == [neutralised("تأكيد"), neutralised("نفي")]
    claimant = fields["claimant"].editor
    assert claimant.itemText(claimant.findData("AUTHOR")) == neutralised("كاتب المقال")
    assert neutralised("ادعاء") in panel.heading.text()
    stance.setFocus()
    qtbot.keyClick(stance, Qt.Key.Key_Down)
    qtbot.keyClick(stance, Qt.Key.Key_Down)  # "نفي"
    assert window.workspace.spans.get(claim.id).attrs["stance"] == "deny"
    # The span list's details and the article's tooltip say it in Arabic too.
    details = model.index(model.row_of(claim.id), SpanListModel.DETAILS).data()
    assert f"{neutralised('الموقف')}: {neutralised('نفي')}" in details
    tip = describe(window.workspace.spans.get(claim.id), window.workspace)
    assert tip[0].startswith(neutralised("ادعاء")) and f"{neutralised('الموقف')}: {neutralised('نفي')}" in tip

    # The file and an export keep the identifiers.
    rows = stored(demo_path)
    assert sorted(label for label, _ in rows) == ["CLAIM", "PERSON"]
    assert {json.loads(attrs).get("stance") for label, attrs in rows if label == "CLAIM"} == {"deny"}
    out = tmp_path / "out.jsonl"
    assert window.export_to("native", out, ("new", "in_progress", "done", "skipped")) == []
    spans = [span for line in out.read_text(encoding="utf-8").splitlines() for span in json.loads(line)["spans"]]
    assert sorted(span["label"] for span in spans) == ["CLAIM", "PERSON"]
    assert {span["layer"] for span in spans} == {"entity", "claim"}
    assert [span["attrs"] for span in spans if span["label"] == "CLAIM"] == [{"stance": "deny"}]


def test_the_label_editor_edits_the_arabic_name(qtbot, demo_path, open_window, arabic):
    window = open_window(demo_path)
    editor = LabelEditor(window)
    qtbot.addWidget(editor)
    editor.select("PERSON")
    assert editor.title_edit.text() == "شخص"
    assert editor.tree.currentItem().text(TITLE) == neutralised("شخص")
    editor.title_edit.setText("فرد")
    editor.apply_button.click()
    assert window.project.schema.title("PERSON", "ar") == "فرد"
    assert window.palette.buttons["PERSON"].text().startswith(neutralised("فرد"))  # the window heard it
    editor.title_edit.setText("\u202eفرد")  # a bidi override is no display name
    editor.apply_button.click()
    assert editor.error.isVisibleTo(editor) and "display name" in editor.error.text()
    assert window.project.schema.title("PERSON", "ar") == "فرد"
    window.workspace.undo()
    assert window.project.schema.title("PERSON", "ar") == "شخص"


def test_english_shows_the_identifiers(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    assert window.palette.buttons["PERSON"].text() == f"{neutralised('PERSON')}  [{neutralised('p')}]"
    combo = window.span_filter.label
    assert combo.itemText(combo.findData("GPE")) == neutralised("GPE")


def test_agreement_view_and_review_list_name_labels_in_arabic(qtbot, tmp_path, open_window, arabic):
    path = team_project(tmp_path)
    window = open_window(path)
    window.registry.actions["agreement"].trigger()
    view = window.agreement_view
    qtbot.waitUntil(lambda: view.computed > 0 and view.task is None, timeout=30000)
    combo = view.layer_combo
    assert combo.itemText(combo.findData("claim")) == neutralised("الادعاءات")
    combo.setCurrentIndex(combo.findData("claim"))
    view.tabs.setCurrentIndex(ATTRIBUTES)
    rows = {view.values.index(r, 0).data(RAW): view.values.index(r, 0).data() for r in range(view.values.rowCount())}
    assert rows["stance"] == neutralised("الموقف")  # shown by its title, RAW keeps the identifier for the CLI
    assert rows["checkworthy"] == neutralised("جدارة التحقق")
    combo.setCurrentIndex(combo.findData("entity"))
    assert view.heat_map.titles["PERSON"] == "شخص"
    assert view.bars._shown("GPE") == neutralised("كيان جغرافي سياسي")
    view.close()

    window.registry.actions["review"].trigger()
    qtbot.waitUntil(lambda: window.review.result is not None, timeout=5000)
    model = window.review.panel.model
    assert model.rowCount() > 0
    schema = window.project.schema
    for row in range(model.rowCount()):
        label = model.rows[row].label
        assert model.index(row, model.LABEL).data() == neutralised(schema.title(label, "ar")) != neutralised(label)


def test_entity_types_and_export_filters_in_arabic(qtbot, demo_path, open_window, arabic):
    window = open_window(demo_path)
    workspace = window.workspace
    text = workspace.document.text
    start = text.index("أندريه بيلوسوف")
    span = workspace.add_span(start, start + len("أندريه بيلوسوف"), "PERSON").span
    workspace.link_new_entity(span.id)
    browser = window.entity_browser
    qtbot.waitUntil(lambda: browser.model.rowCount() == 1)
    assert browser.model.index(0, TYPE).data() == neutralised("شخص")
    assert browser.model.entities[0].type == "PERSON"
    picker = EntityPicker(workspace, span.id)  # K's link picker lists the entity by its type's title
    qtbot.addWidget(picker)
    assert f"· {neutralised('شخص')} ·" in picker.list.item(0).text()
    assert neutralised("شخص") in picker.prompt.text()
    dialog = window.make_export_dialog()
    qtbot.addWidget(dialog)
    assert dialog.layer.itemText(dialog.layer.findData("entity")) == neutralised("الكيانات")
    assert dialog.label.itemText(dialog.label.findData("GPE")) == neutralised("كيان جغرافي سياسي")
    dialog.label.setCurrentIndex(dialog.label.findData("GPE"))
    assert dialog.span_filter().labels == ("GPE",)


def test_a_language_switch_shows_the_other_names_after_apply_schema(qtbot, demo_path, open_window):
    """What a live View > Language switch relies on: QLocale.setDefault, then apply_schema()."""
    window = open_window(demo_path)
    claim = label_span(qtbot, window, "وزير الدفاع", "c")
    panel = window.claim_panel
    qtbot.waitUntil(lambda: panel.span_id == claim.id)
    assert panel.fields()["stance"].label.text() == "stance"
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Arabic))
    try:
        window.apply_schema()
        assert window.palette.buttons["CLAIM"].text().startswith(neutralised("ادعاء"))
        model = window.span_model
        assert model.index(model.row_of(claim.id), SpanListModel.LABEL).data() == neutralised("ادعاء")
        panel.show_span(claim.id)
        assert panel.fields()["stance"].label.text() == neutralised("الموقف")
    finally:
        QLocale.setDefault(before)
