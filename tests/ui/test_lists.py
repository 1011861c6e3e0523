"""The document and span lists read Arabic right to left, the span list sorts and filters, and
hovering a span in the article tells what it is (issue 10 item 4), driven through real widgets."""

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.core.arabic import search_key
from annotator.core.display import neutralised
from annotator.core.model import Span
from annotator.ui.fonts import load_bundled_fonts
from annotator.ui.models import FILTER_ROLE, ID_ROLE, DocumentListModel, SpanListModel, make_table, whole_text_tip
from annotator.ui.plain import tooltip_text
from annotator.ui.span_list import SpanProxy, filter_pattern
from tests.ui.conftest import NEWS, make_project
from tests.ui.test_untrusted import check_everything

TEXT = "قال سيرغي شويغو إن روسيا ستدعم بيونغ يانغ في كل الظروف. وأكد بوتين أن الوفد عاد."
LONG_TITLE = "تقرير مطول عن زيارة وزير الدفاع الروسي إلى العاصمة الكورية الشمالية وما تلاها من تصريحات"
TITLES = {"a.txt": LONG_TITLE, "b.txt": "Weekly report on <b>talks</b>", "c.txt": "زيارة"}


def ids(table) -> list[str]:
    model = table.model()
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def selected(table) -> list[str]:
    return [i.data(ID_ROLE) for i in table.selectionModel().selectedRows()]


def aligned_right(index) -> bool:
    return bool(index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight)


def lists_window(tmp_path, open_window):
    sources = []
    for name, title in TITLES.items():
        path = tmp_path / name
        path.write_text(f"{title}\n\n{TEXT}", "utf-8")
        sources.append(path)
    window = open_window(make_project(tmp_path / "p.annotator", sources))
    doc = next(r[0] for r in window.doc_model.rows if (r[1] or "") == LONG_TITLE)
    window.open_document(doc)
    ws = window.workspace
    text = ws.document.text
    spans = {}
    for word, label in (("سيرغي شويغو", "PERSON"), ("روسيا", "GPE"), ("بيونغ يانغ", "GPE"), ("بوتين", "PERSON")):
        at = text.index(word)
        spans[word] = ws.add_span(at, at + len(word), label).span
    claim = ws.add_span(text.index("روسيا"), text.index(" في كل"), "CLAIM").span
    ws.set_claimant(claim.id, spans["سيرغي شويغو"].id)
    ws.set_attribute(claim.id, "note", "<b>check</b> the date")
    return window, spans, claim


def test_titles_read_in_their_own_direction_with_the_whole_title_in_a_plain_tooltip(qtbot, tmp_path, open_window):
    window, _, _ = lists_window(tmp_path, open_window)
    table, model = window.doc_table, window.doc_filter
    rows = {model.index(r, 0).data(ID_ROLE): model.index(r, 0) for r in range(model.rowCount())}
    title = {doc_id: window.project.get_document(doc_id).title for doc_id in rows}
    for doc_id, index in rows.items():
        arabic = title[doc_id] != TITLES["b.txt"]
        assert aligned_right(index) == arabic  # where the text begins
        # The whole title, escaped: the Latin one's <b> shows as the characters.
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        assert tip == whole_text_tip(title[doc_id])
        assert tip == tooltip_text(("\u200f" if arabic else "") + neutralised(title[doc_id]))
        assert "<b>" not in tip
    # The title column takes the room; status and count stay narrow.
    header = table.horizontalHeader()
    assert header.sectionSize(0) > header.sectionSize(1) + header.sectionSize(2)

    # On screen: a short Arabic title is painted at the right of its cell, the Latin one at the left.
    short = next(i for d, i in rows.items() if title[d] == TITLES["c.txt"])
    latin = next(i for d, i in rows.items() if title[d] == TITLES["b.txt"])
    table.clearSelection()
    shot = table.viewport().grab().toImage()
    ratio = table.viewport().devicePixelRatioF()

    def ink(index) -> tuple[int, int]:
        rect = table.visualRect(index)
        background = shot.pixelColor(int((rect.left() + 1) * ratio), int((rect.top() + 1) * ratio))
        xs = [x for x in range(int(rect.left() * ratio), int(rect.right() * ratio))
              for y in range(int(rect.top() * ratio), int(rect.bottom() * ratio), 2)
              if _far(shot.pixelColor(x, y), background)]
        return (min(xs) - rect.left() * ratio, rect.right() * ratio - max(xs))

    left_gap, right_gap = ink(short)
    assert right_gap < 12 < left_gap
    left_gap, right_gap = ink(latin)
    assert left_gap < 12


def _far(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > 120


def test_span_list_filters_by_label_text_and_annotator(qtbot, tmp_path, open_window):
    window, spans, claim = lists_window(tmp_path, open_window)
    bar, table = window.span_filter, window.span_table
    everything = ids(table)
    assert len(everything) == 5
    bar.label.setCurrentIndex(bar.label.findData("PERSON"))
    assert set(ids(table)) == {spans["سيرغي شويغو"].id, spans["بوتين"].id}
    # Diacritics and spacing do not matter; the label filter still holds.
    bar.text.setText("شَوِيغُو")
    qtbot.waitUntil(lambda: ids(table) == [spans["سيرغي شويغو"].id], timeout=3000)
    bar.label.setCurrentIndex(0)
    bar.text.setText("بيونغيانغ")
    qtbot.waitUntil(lambda: set(ids(table)) == {spans["بيونغ يانغ"].id, claim.id}, timeout=3000)
    # The annotator filter lists who made this document's spans.
    bar.text.clear()
    qtbot.waitUntil(lambda: len(ids(table)) == 5, timeout=3000)
    bar.annotator.showPopup()
    bar.annotator.hidePopup()
    assert [bar.annotator.itemData(i) for i in range(bar.annotator.count())] == [None, "amal"]
    bar.annotator.setCurrentIndex(1)
    assert ids(table) == everything
    # The labels offered are the schema's.
    assert [bar.label.itemData(i) for i in range(1, bar.label.count())] == [label.name for label in NEWS.labels()]


def test_a_filtered_list_highlights_the_article_span_or_nothing(qtbot, tmp_path, open_window):
    window, spans, claim = lists_window(tmp_path, open_window)
    bar, table = window.span_filter, window.span_table
    window._span_clicked(spans["روسيا"].id)
    assert selected(table) == [spans["روسيا"].id]
    bar.label.setCurrentIndex(bar.label.findData("PERSON"))  # Russia is filtered out
    assert selected(table) == []
    bar.label.setCurrentIndex(bar.label.findData("GPE"))
    assert selected(table) == [spans["روسيا"].id]
    # A span added while filtered: shown if it passes, not otherwise; the list keeps the filter.
    ws, text = window.workspace, window.workspace.document.text
    at = text.index("الوفد")
    added = ws.add_span(at, at + len("الوفد"), "ORG").span
    assert added.id not in ids(table) and len(ids(table)) == 2
    ws.relabel(added.id, "GPE")
    assert added.id in ids(table) and len(ids(table)) == 3


def click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_clicking_headers_sorts_and_enter_jumps_to_the_span(qtbot, tmp_path, open_window):
    window, spans, claim = lists_window(tmp_path, open_window)
    table, model = window.span_table, window.span_model
    position = ids(table)
    assert position == [s.id for s in sorted(model.spans, key=Span.sort_key)]
    by_id = {s.id: s for s in model.spans}
    click_header(qtbot, table, SpanListModel.TEXT)
    assert ids(table) == sorted(position, key=lambda i: search_key(by_id[i].text))
    click_header(qtbot, table, SpanListModel.TEXT)
    assert ids(table) == sorted(position, key=lambda i: search_key(by_id[i].text), reverse=True)
    click_header(qtbot, table, SpanListModel.TEXT)  # third click: back to position order
    assert ids(table) == position
    click_header(qtbot, table, SpanListModel.DETAILS)  # not a sort: position order stays
    assert ids(table) == position and table.horizontalHeader().sortIndicatorSection() == -1
    click_header(qtbot, table, SpanListModel.LABEL)
    assert [by_id[i].label for i in ids(table)] == sorted(by_id[i].label for i in position)

    # Sorted: the row the article's selection highlights, and the span a row jumps to.
    window._span_clicked(spans["بوتين"].id)
    assert selected(table) == [spans["بوتين"].id]
    row = ids(table).index(spans["بيونغ يانغ"].id)
    assert row != model.row_of(spans["بيونغ يانغ"].id)  # really another row than the model's
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, 1))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.view.selected_span == spans["بيونغ يانغ"].id
    assert window.focusWidget() is window.view
    # A span added while sorted lands in its place.
    ws, text = window.workspace, window.workspace.document.text
    at = text.index("الوفد")
    added = ws.add_span(at, at + len("الوفد"), "NORP").span
    labels = [window.workspace.spans.get(i).label for i in ids(table)]
    assert labels == sorted(labels) and added.id in ids(table)


def test_span_text_cells_read_right_to_left_with_the_whole_text_as_tooltip(qtbot, tmp_path, open_window):
    window, spans, claim = lists_window(tmp_path, open_window)
    table = window.span_table
    row = ids(table).index(claim.id)
    index = table.model().index(row, SpanListModel.TEXT)
    assert aligned_right(index)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == whole_text_tip(claim.text)
    assert not aligned_right(table.model().index(row, SpanListModel.LABEL))
    details = table.model().index(row, SpanListModel.DETAILS)
    assert f"claimant: {neutralised('سيرغي شويغو')}" in details.data()
    assert details.data(Qt.ItemDataRole.ToolTipRole) == tooltip_text(details.data())  # the whole of it
    assert table.model().index(row, SpanListModel.ANNOTATOR).data() == neutralised("amal")
    # The text column is the wide one in a dock of the width proposed for the first run.
    window.resizeDocks([window.span_dock], [560], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.span_dock.width() >= 540, timeout=3000)
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert widths[SpanListModel.TEXT] == max(widths) and widths[SpanListModel.TEXT] > 200
    assert not any(header.isSectionHidden(c) for c in range(header.count()))
    # A narrow dock (the 1280 px window's 380): annotator, start, details give way, in that
    # order, and the text keeps room for a phrase without scrolling sideways.
    for width, hidden in ((380, {SpanListModel.ANNOTATOR, SpanListModel.START}),
                          (300, {SpanListModel.ANNOTATOR, SpanListModel.START, SpanListModel.DETAILS})):
        window.resizeDocks([window.span_dock], [width], Qt.Orientation.Horizontal)
        qtbot.waitUntil(lambda: abs(window.span_dock.width() - width) < 20, timeout=3000)
        qtbot.waitUntil(lambda: {c for c in range(header.count()) if header.isSectionHidden(c)} == hidden, timeout=3000)
        assert header.sectionSize(SpanListModel.TEXT) >= 120
        assert not table.horizontalScrollBar().isVisible()
    window.resizeDocks([window.span_dock], [560], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: not any(header.isSectionHidden(c) for c in range(header.count())), timeout=3000)
    # The generic plain-text rules hold for both lists and the filter row (every cell's tooltip
    # is exactly the escaped form of what it shows).
    counts = check_everything([window.doc_table, window.span_table, window.span_filter])
    assert counts["views"] >= 2 and counts["cells"] >= 5 * 5 + 3 * 3


def hover(qtbot, window, offset: int) -> str:
    view = window.view
    point = view.char_point(offset).toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QToolTip.hideText()
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_hovering_a_span_tells_its_label_entity_claimant_and_note(qtbot, tmp_path, open_window):
    window, spans, claim = lists_window(tmp_path, open_window)
    ws = window.workspace
    ws.link_new_entity(spans["روسيا"].id)
    russia = ws.spans.get(spans["روسيا"].id)
    text = window.workspace.document.text
    window.view.select_span(claim.id)  # scrolls it on screen
    tip = hover(qtbot, window, text.index("روسيا") + 2)
    # Innermost first: the entity, then the claim around it, every value escaped.
    expected = "\n".join([
        f"{neutralised('GPE')} «{neutralised(russia.text)}»",
        f"entity: {neutralised(russia.entity.name)} ({neutralised(russia.entity.type)})",
        "",
        f"{neutralised('CLAIM')} «{neutralised(claim.text, limit=80)}»",
        f"{neutralised('claimant')}: {neutralised('سيرغي شويغو')}",
        f"{neutralised('stance')}: {neutralised(claim.attrs['stance'])}",
        f"{neutralised('note')}: {neutralised('<b>check</b> the date')}",
    ])
    assert tip == tooltip_text(expected)
    assert "<b>check" not in tip
    # On a word in no span, and below the text: no tooltip.
    tooltip = window.span_tooltip
    assert tooltip.text_at(window.view.char_point(text.index("الظروف") + 1)) == ""
    assert tooltip.text_at(QPointF(window.view.viewport().width() / 2, window.view.viewport().height() - 5)) == ""
    assert tooltip.text_at(window.view.char_point(text.index("بيونغ") + 1)).startswith(neutralised("GPE"))


def test_sorting_and_filtering_cost_nothing_per_span_until_asked(qapp):
    """5,000 spans: an unfiltered, unsorted list reads no sort or filter value when it opens;
    an add while sorted compares a few rows, not all of them."""
    reads = {"sort": 0, FILTER_ROLE: 0}

    class Counting(SpanListModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role in reads:
                reads[role] += 1
            return super().data(index, role)

        def sort_value(self, row, column):
            reads["sort"] += 1
            return super().sort_value(row, column)

    model = Counting(NEWS, key=search_key)
    proxy = SpanProxy(model)
    spans = [Span(f"s{i:05d}", i * 10, i * 10 + 5, f"نص{i % 97}", "entity", ("PERSON", "GPE")[i % 2],
                  annotator=("amal", "omar")[i % 3 == 0]) for i in range(5000)]
    model.set_spans(spans)
    assert proxy.rowCount() == 5000 and reads == {"sort": 0, FILTER_ROLE: 0}
    proxy.sort(SpanListModel.TEXT)
    assert reads["sort"] > 5000
    reads["sort"] = 0
    model.apply_change([Span("new", 7, 9, "نص جديد", "entity", "GPE", annotator="amal")], [])
    assert 0 < reads["sort"] < 100 and proxy.rowCount() == 5001
    proxy.set_filter("GPE", "omar", "")
    assert proxy.rowCount() == sum(1 for s in spans if s.label == "GPE" and s.annotator == "omar")
    assert reads[FILTER_ROLE] == 5001
    reads[FILTER_ROLE] = reads["sort"] = 0
    model.apply_change([Span("new2", 17, 19, "نص", "entity", "PERSON", annotator="omar")], [])
    assert reads[FILTER_ROLE] == 1  # only the added row is tested
    # After every change the details are refreshed: no row is re-tested or re-placed for that.
    model.refresh_details()
    assert reads[FILTER_ROLE] == 1 and reads["sort"] < 100
    proxy.set_filter(None, None, "")
    assert proxy.rowCount() == 5002 and not proxy.filtering()
    # The pattern: exact label and annotator, the text key anywhere in the last field.
    assert filter_pattern(None, None, "") == ""
    assert filter_pattern("PER.SON", None, "x") == "^PER\\.SON\x1f[^\x1f]*\x1f[^\x1f]*x"


def test_a_long_title_is_cut_at_its_end_which_for_arabic_is_the_left(qtbot):
    """The "…" of an elided title: on the left of an Arabic one (where it ends), on the right of
    a Latin one. Lam and l are tall strokes everywhere; only the ellipsis has ink one dot high."""
    load_bundled_fonts()
    model = DocumentListModel()
    model.set_rows([("a", "ل" * 200, "new", 0), ("b", "l" * 200, "new", 0), ("c", "2024: " + "ل" * 200, "new", 0)])
    table = make_table(model)
    qtbot.addWidget(table)
    table.resize(320, 160)
    table.horizontalHeader().resizeSection(0, 180)
    table.show()
    qtbot.waitExposed(table)
    shot = table.viewport().grab().toImage()
    ratio = table.viewport().devicePixelRatioF()

    def end_heights(row: int) -> tuple[int, int]:
        rect = table.visualRect(model.index(row, 0))
        top, bottom = int(rect.top() * ratio), int(rect.bottom() * ratio)
        columns = {}
        for x in range(int(rect.left() * ratio), int(rect.right() * ratio)):
            ys = [y for y in range(top, bottom) if shot.pixelColor(x, y).lightness() < 100]
            if ys:
                columns[x] = max(ys) - min(ys)
        xs = sorted(columns)
        return max(columns[x] for x in xs[:3]), max(columns[x] for x in xs[-3:])

    left, right = end_heights(0)
    assert left < 3 < right  # Arabic: dots on the left
    left, right = end_heights(1)
    assert right < 3 < left  # Latin: dots on the right
    left, right = end_heights(2)
    assert left < 3 < right  # a date first: still an Arabic title
