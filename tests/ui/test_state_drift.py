"""State that drifted from what the analyst is looking at (issue 10, item 12), and the
spacing-insensitive document search (item 10), driven through the real widgets."""

from PySide6.QtCore import Qt

from annotator.ui import errors
from tests.ui.conftest import make_project

TEXT = "قال سيرغي شويغو إن روسيا ستدعم بيونغ يانغ في كل الظروف."


def titles(window):
    return [window.doc_filter.index(r, 0).data(256) for r in range(window.doc_filter.rowCount())]


def highlighted_documents(window):
    return [i.data(256) for i in window.doc_table.selectionModel().selectedRows()]


def highlighted_spans(window):
    return [i.data(256) for i in window.span_table.selectionModel().selectedRows()]


def type_search(qtbot, window, text, rows):
    window.search.setText(text)
    qtbot.waitUntil(lambda: len(titles(window)) == rows, timeout=3000)


def test_search_and_clear_highlight_the_open_document(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    ids = titles(window)
    window.open_document(ids[3])
    assert highlighted_documents(window) == [ids[3]]
    type_search(qtbot, window, "تَسْنِيم", 1)  # one other document matches
    assert highlighted_documents(window) in ([], [ids[3]])
    assert window.workspace.document.id == ids[3]
    window.search.clear()
    qtbot.waitUntil(lambda: len(titles(window)) == 5, timeout=3000)
    assert highlighted_documents(window) == [ids[3]]
    window.status_filter.setCurrentIndex(window.status_filter.findData("done"))
    window.status_filter.setCurrentIndex(0)
    assert highlighted_documents(window) == [ids[3]]


def test_document_search_ignores_spacing_in_names(qtbot, tmp_path, open_window):
    texts = {"a.txt": "وصل الوفد إلى بيونغ يانغ أمس.", "b.txt": "غادر الوفد بيونجيانج صباحا.",
             "c.txt": "قال عبد الله إن الوفد عاد.", "d.txt": "لا ذكر للعاصمة هنا."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    window = open_window(make_project(tmp_path / "p.annotator", [tmp_path / n for n in texts]))
    by_text = {window.project.get_document(d).text: d for d in titles(window)}
    pyongyang = {by_text[texts["a.txt"]], by_text[texts["b.txt"]]}
    type_search(qtbot, window, "بيونغ يانغ", 2)
    assert set(titles(window)) == pyongyang
    type_search(qtbot, window, "زهرة", 0)
    type_search(qtbot, window, "بيونجيانج", 2)
    assert set(titles(window)) == pyongyang
    type_search(qtbot, window, "عبدالله", 1)
    assert titles(window) == [by_text[texts["c.txt"]]]


def claim_window(tmp_path, open_window):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, "utf-8")
    window = open_window(make_project(tmp_path / "p.annotator", [source]))
    ws = window.workspace
    for word, label in (("سيرغي شويغو", "PERSON"), ("روسيا", "GPE"), ("بيونغ يانغ", "GPE")):
        at = TEXT.index(word)
        ws.add_span(at, at + len(word), label)
    claim = ws.add_span(TEXT.index("روسيا"), TEXT.index(" في كل"), "CLAIM").span
    return window, claim


def test_editing_a_claim_attribute_keeps_its_row_highlighted(qtbot, tmp_path, open_window):
    window, claim = claim_window(tmp_path, open_window)
    row = window.span_model.row_of(claim.id)
    window._span_chosen(window.span_model.index(row, 0))  # a click on the claim's row
    window.span_table.selectRow(row)
    assert highlighted_spans(window) == [claim.id]
    stance = window.claim_panel.fields()["stance"].editor
    stance.setCurrentIndex(stance.findData("deny") if stance.findData("deny") >= 0 else 2)
    stance.activated.emit(stance.currentIndex())
    assert window.workspace.spans.get(claim.id).attrs.get("stance")
    assert highlighted_spans(window) == [claim.id]
    qtbot.wait(10)  # the panels' refresh after the frame
    assert highlighted_spans(window) == [claim.id]
    assert window.span_model.spans[window.span_model.row_of(claim.id)].attrs == window.workspace.spans.get(
        claim.id).attrs


def test_relabelling_moves_the_highlight_with_the_span(qtbot, tmp_path, open_window):
    window, _ = claim_window(tmp_path, open_window)
    russia = next(s for s in window.workspace.spans if s.text == "روسيا")
    window.view.select_span(russia.id)
    window._sync_span_row(russia.id)
    window.apply_label("ORG")
    qtbot.wait(10)  # the list follows after the frame: the article is painted first
    assert highlighted_spans(window) == [russia.id]
    assert window.span_model.spans[window.span_model.row_of(russia.id)].label == "ORG"


def test_relabel_and_mark_done_replace_the_previous_message(qtbot, tmp_path, open_window):
    window, _ = claim_window(tmp_path, open_window)
    russia = next(s for s in window.workspace.spans if s.text == "روسيا")
    window.message("Click a span to select it, then press Delete")
    window.view.select_span(russia.id)
    qtbot.keyClick(window.view, "o")  # ORG's key in the news schema
    assert window.workspace.spans.get(russia.id).label == "ORG"
    assert window.message_label.text() == errors.visible("relabelled «روسيا» as ORG")
    window.message("Select some text first (drag, Shift+arrows, or double-click a word)")
    window.mark_done()
    assert window.workspace.document.status == "done"
    assert "Select some text first" not in window.message_label.text()


def test_saved_time_does_not_carry_into_a_new_project(qtbot, tmp_path, demo_path, open_window):
    window = open_window(demo_path)
    window.mark_done()
    assert window.saved_label.text().startswith("saved ")
    window.switcher.switch(tmp_path / "fresh.annotator", create=True)
    assert window.project.path.name == "fresh.annotator"
    assert window.saved_label.text() == "all changes saved"
    assert window.last_saved is None
