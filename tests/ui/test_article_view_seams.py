"""The article view split along its seams (issue 9): keys/pointer, geometry and background
highlighting are mixins of one widget, so the view behaves as one; and a document shown while
the previous one's background step is still queued gets its own steps."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import Span
from annotator.ui.article_background import INDEX_CHUNK
from annotator.ui.document_view import DocumentView
from annotator.ui.fonts import load_bundled_fonts
from tests.ui.conftest import NEWS

WORD = "بيلوسوف"


def many_spans(n: int) -> tuple[str, list[Span]]:
    text = " ".join([WORD] * n)
    step = len(WORD) + 1
    return text, [Span(f"s{i}", i * step, i * step + len(WORD), WORD, "entity", "GPE") for i in range(n)]


def test_a_document_shown_while_a_step_is_queued_still_finishes_highlighting(qtbot):
    load_bundled_fonts()
    view = DocumentView(NEWS)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    text, spans = many_spans(INDEX_CHUNK * 3)
    view.show_document(text, spans)  # queues a background step for the first document
    view.show_document(text, spans[:INDEX_CHUNK * 2])  # before that step ran
    assert not view.highlighting_done()
    qtbot.waitUntil(view.highlighting_done, timeout=20_000)
    # Every span of the second document is indexed, the last one included.
    last = spans[INDEX_CHUNK * 2 - 1]
    assert [s.id for s in view.spans_at(last.start)] == [last.id]
    assert not view.spans_at(spans[INDEX_CHUNK * 2].start)  # the first document's are gone


def test_clicking_a_span_selects_it_through_the_input_and_geometry_seams(qtbot):
    load_bundled_fonts()
    view = DocumentView(NEWS)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    text, spans = many_spans(5)
    view.show_document(text, spans)
    clicked = []
    view.spanClicked.connect(clicked.append)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.char_point(spans[2].start + 2).toPoint())
    assert clicked == ["s2"]
    view.select_span("s2")
    rects = view.range_rects(spans[2].start, spans[2].end)
    assert len(rects) == 1 and rects[0].width() > 0


def test_segments_of_an_entity_inside_a_claim_need_no_qt():
    from annotator.ui import span_segments

    claim = Span("c", 0, 10, "x" * 10, "claim", "CLAIM")
    entity = Span("e", 2, 5, "xxx", "entity", "PERSON")
    assert "PySide6" not in open(span_segments.__file__, encoding="utf-8").read()
    assert span_segments.sweep([claim, entity], 0, 10, {"entity"}) == [
        (0, 2, None, "CLAIM"), (2, 5, "PERSON", "CLAIM"), (5, 10, None, "CLAIM")]
    # Disjoint spans take the one-pass path; neighbours with the same labels merge.
    a, b = Span("a", 0, 3, "xxx", "entity", "GPE"), Span("b", 3, 6, "xxx", "entity", "GPE")
    assert span_segments.disjoint_segments([a, b], 0, 10, {"entity"}) == [(0, 6, "GPE", None)]
    assert span_segments.disjoint_segments([claim, entity], 0, 10, {"entity"}) is None
