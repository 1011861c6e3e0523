"""Hostile documents do not freeze the article view (issue 8): one enormous word, thousands of
spans in one paragraph, a hundred thousand spans. Bounds are structural (work counted), never
wall-clock."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QTextOption

from annotator.core.model import Span
from annotator.ui.document_view import LONG_RUN, DocumentView, needs_wrap_anywhere
from annotator.ui import highlighter as highlighter_module
from annotator.ui.fonts import load_bundled_fonts
from annotator.ui.highlighter import CLAIM_BAND_ALPHA
from annotator.ui.span_painter import visible_pieces
from tests.ui.conftest import NEWS

WORD = "بيلوسوف"


def words_text(n_words: int, per_paragraph: int | None) -> tuple[str, list[Span]]:
    """n_words copies of WORD, every other one an entity span; `per_paragraph` words a line."""
    parts, spans, pos = [], [], 0
    for i in range(n_words):
        if i:
            parts.append("\n" if per_paragraph and i % per_paragraph == 0 else " ")
            pos += 1
        parts.append(WORD)
        if i % 2 == 0:
            spans.append(Span(f"s{i}", pos, pos + len(WORD), WORD, "entity", "GPE"))
        pos += len(WORD)
    return "".join(parts), spans


@pytest.fixture
def view(qtbot):
    load_bundled_fonts()
    widget = DocumentView(NEWS)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def press_label(qtbot, view, start: int, end: int, key: str = "p") -> list[str]:
    got = []
    view.labelKeyPressed.connect(got.append)
    view.select_range(start, end)
    qtbot.keyClick(view, key)
    view.labelKeyPressed.disconnect()
    return got


def reference_segments(spans: list[Span], lo: int, hi: int) -> list[tuple]:
    """The old quadratic rule, character by character: innermost entity background, innermost
    claim underline."""
    out = []
    for pos in range(lo, hi):
        bg = min((s for s in spans if s.layer == "entity" and s.start <= pos < s.end),
                 key=lambda s: s.end - s.start, default=None)
        ul = min((s for s in spans if s.layer != "entity" and s.start <= pos < s.end),
                 key=lambda s: s.end - s.start, default=None)
        key = (bg.label if bg else None, ul.label if ul else None)
        if key == (None, None):
            continue
        if out and out[-1][1] == pos and out[-1][2:] == key:
            out[-1] = (out[-1][0], pos + 1, *key)
        else:
            out.append((pos, pos + 1, *key))
    return out


def test_an_enormous_word_opens_wrapped_anywhere_with_the_exact_text(qtbot, view, tmp_path):
    text = (WORD * 50_000)[:300_000]
    span = Span("a", 700, 707, text[700:707], "entity", "PERSON")
    view.show_document(text, [span])
    assert view.document().toRawText() == text
    assert view.document().defaultTextOption().wrapMode() == QTextOption.WrapMode.WrapAnywhere
    # Still right to left, right-aligned.
    option = view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    view.viewport().repaint()
    assert view.document().firstBlock().layout().lineCount() > 100  # wrapped, not one endless line
    image = view.viewport().grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 2  # glyphs drawn, not a blank viewport
    view.grab().save(str(tmp_path / "word.png"))
    # A label key on the first screen adds a span; the outline covers only lines on screen.
    assert press_label(qtbot, view, 14, 21) == ["PERSON"]
    new = Span("b", 14, 21, text[14:21], "entity", "PERSON")
    view.apply_change([new], [])
    view.select_span("b", scroll=False)
    rects = view.range_rects(0, len(text))
    assert 0 < len(rects) <= view.viewport().height()  # one per visible line, not 40,000
    assert [s.id for s in view.spans_at(15)] == ["b"]


def test_ordinary_text_keeps_word_wrapping(view):
    text = " ".join([WORD] * 2000) + "\n" + "ب" * (LONG_RUN - 1)
    assert not needs_wrap_anywhere(text)
    view.show_document(text, [])
    assert view.document().defaultTextOption().wrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    assert needs_wrap_anywhere("x " + "ب" * LONG_RUN)


def test_long_run_found_exactly_where_a_run_of_that_length_is():
    """The window search agrees with the plain definition (a run of `run` non-space characters)
    on random texts of runs around the threshold and every kind of space."""
    import random
    import re

    rnd = random.Random(7)
    reference = re.compile(r"\S{40}")
    for _ in range(5000):
        text = "".join(rnd.choice([" ", "\n", "\u00a0", "\u2009", "\t"]) if rnd.random() < 0.4
                       else rnd.choice("xب😀") * rnd.randint(1, 45) for _ in range(rnd.randint(0, 25)))
        assert needs_wrap_anywhere(text, 40) == (reference.search(text) is not None), repr(text)


def count_rehighlights(view) -> list[int]:
    """Block numbers Qt is asked to re-format from now on (each one a relayout of that block)."""
    asked: list[int] = []
    original = view.highlighter.rehighlightBlock
    view.highlighter.rehighlightBlock = lambda block: (asked.append(block.blockNumber()), original(block))
    return asked


def pieces_of(view, span: Span) -> list:
    """The painted pieces on screen that lie inside the span's rectangles."""
    view.viewport().repaint()
    rects = view.range_rects(span.start, span.end)
    return [p for p in visible_pieces(view, QRectF(view.viewport().rect()))
            if any(r.contains(p.rect.center()) for r in rects)]


def test_a_key_in_a_dense_paragraph_repaints_without_reformatting(qtbot, view):
    text, spans = words_text(6000, None)  # 3,000 spans in one paragraph of 47,999 characters
    view.show_document(text, spans)
    highlighter = view.highlighter
    assert highlighter.is_painted(0) and 0 not in view._pending_set  # never queued for formats
    qtbot.waitUntil(view.highlighting_done, timeout=10_000)
    assert view.document().firstBlock().layout().formats() == []
    start = text.index(WORD, spans[5].end)  # a word without a span
    assert press_label(qtbot, view, start, start + len(WORD)) == ["PERSON"]
    asked = count_rehighlights(view)
    highlighter.blocks_highlighted = highlighter.spans_swept = 0
    new = Span("new", start, start + len(WORD), WORD, "entity", "PERSON")
    view.apply_change([new], [])
    assert asked == [] and highlighter.blocks_highlighted == 0  # no relayout of the paragraph
    assert highlighter.spans_swept <= 2  # the per-block lookup found the span's neighbourhood only
    assert (start, start + len(WORD), "PERSON", None) in highlighter.segments(0)
    person = highlighter.colors("PERSON", None)[0]
    assert [p.fill for p in pieces_of(view, new)] == [person]
    highlighter.spans_swept = 0
    view.apply_change([], ["new"])
    assert asked == [] and highlighter.spans_swept <= 2
    assert (start, start + len(WORD), "PERSON", None) not in highlighter.segments(0)
    assert len(highlighter.segments(0)) == 3000
    assert pieces_of(view, new) == []


def test_a_key_in_an_enormous_word_touches_no_format_and_keeps_its_layout(qtbot, view):
    text = (WORD * 20_000)[:140_000]
    view.show_document(text, [Span("a", 7, 14, text[7:14], "entity", "ORG")])
    layout = view.document().firstBlock().layout()
    assert layout.cacheEnabled()  # a repaint does not shape 140,000 letters again
    view.viewport().repaint()
    lines = layout.lineCount()
    asked = count_rehighlights(view)
    assert press_label(qtbot, view, 21, 28) == ["PERSON"]
    new = Span("b", 21, 28, text[21:28], "entity", "PERSON")
    claim = Span("c", 14, 35, text[14:35], "claim", "CLAIM")
    view.apply_change([new, claim], [])
    assert asked == [] and view.highlighter.blocks_highlighted == 0 and layout.formats() == []
    assert layout.lineCount() == lines
    fills, underlines = view.highlighter.colors("PERSON", "CLAIM")
    painted = pieces_of(view, new)
    assert painted and all(p.fill == fills and p.underline == underlines for p in painted)
    band = [p for p in pieces_of(view, claim) if p.fill != fills]
    assert band and all(p.fill.alpha() == CLAIM_BAND_ALPHA for p in band)


def test_painted_spans_look_like_formatted_spans(qtbot, monkeypatch):
    """The same spans, formatted by Qt and painted by the view, give the same pixels (but for
    anti-aliased edges): fills under the text, underlines where Qt draws them."""
    load_bundled_fonts()
    text = "قال وزير الخارجية سيرغي لافروف إن موسكو تدعم بيونغ يانغ في مواجهة العقوبات."
    spans = [Span("a", 19, 30, text[19:30], "entity", "PERSON"), Span("b", 34, 39, text[34:39], "entity", "GPE"),
             Span("c", 34, 56, text[34:56], "claim", "CLAIM"), Span("d", 60, 75, text[60:75], "claim", "CLAIM")]
    images = []
    for threshold in (len(text) + 1, 0):  # formats, then every block painted
        monkeypatch.setattr(highlighter_module, "PAINTED_BLOCK_CHARS", threshold)
        widget = DocumentView(NEWS)
        qtbot.addWidget(widget)
        widget.resize(700, 120)
        widget.show()
        qtbot.waitExposed(widget)
        widget.show_document(text, spans)
        assert widget.highlighter.is_painted(0) == (threshold == 0)
        images.append(widget.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32))
    formatted, painted = images
    coloured = differ = 0
    for y in range(formatted.height()):
        for x in range(formatted.width()):
            a, b = formatted.pixel(x, y), painted.pixel(x, y)
            coloured += a & 0xFFFFFF not in (0xFFFFFF, 0)
            differ += a != b
    assert coloured > 2000  # the spans are drawn at all
    assert differ < coloured / 100


def test_painted_spans_after_astral_characters_sit_on_their_letters(view, monkeypatch):
    """Segments count code points, Qt counts UTF-16 units: an emoji before a span must not shift
    its painted rectangle."""
    monkeypatch.setattr(highlighter_module, "PAINTED_BLOCK_CHARS", 0)
    text = "😀😀 " + WORD + " 🇪🇬 " + WORD
    start = text.rindex(WORD)
    span = Span("e", start, start + len(WORD), WORD, "entity", "PERSON")
    view.show_document(text, [span])
    assert view.highlighter.is_painted(0)
    painted = pieces_of(view, span)
    assert len(painted) == 1
    assert painted[0].rect == view.range_rects(span.start, span.end)[0]


def test_a_block_with_many_spans_switches_to_painting_once(qtbot, view, monkeypatch):
    monkeypatch.setattr(highlighter_module, "PAINTED_BLOCK_SPANS", 40)
    text, spans = words_text(200, 100)  # two paragraphs of 50 spans, short ones
    view.show_document(text, spans[:30])
    qtbot.waitUntil(view.highlighting_done, timeout=5000)
    first = view.document().firstBlock().layout()
    assert not view.highlighter.is_painted(0) and first.formats()
    asked = count_rehighlights(view)
    view.apply_change(spans[30:45], [])  # block 0 passes 40 spans
    assert view.highlighter.is_painted(0) and first.formats() == []  # cleared by one rehighlight
    assert asked == [0]
    asked.clear()
    view.apply_change(spans[45:], [spans[0].id])
    assert 0 not in asked and view.highlighter.is_painted(0)  # never flips back to formats
    assert pieces_of(view, spans[31])


def test_a_key_press_rehighlights_only_the_touched_blocks(qtbot, view):
    text, spans = words_text(400, 20)  # 20 paragraphs
    view.show_document(text, spans)
    qtbot.waitUntil(view.highlighting_done, timeout=5000)
    highlighted = []
    original = view.highlighter.rehighlightBlock
    view.highlighter.rehighlightBlock = lambda block: (highlighted.append(block.blockNumber()), original(block))
    start = text.index(WORD, spans[1].end)
    view.apply_change([Span("n", start, start + len(WORD), WORD, "entity", "PERSON")], [])
    assert highlighted == [0]
    highlighted.clear()
    claim = Span("c", spans[9].start, spans[12].end, text[spans[9].start:spans[12].end], "claim", "CLAIM")
    view.apply_change([claim], [])
    assert highlighted == sorted({view.highlighter.block_of(claim.start), view.highlighter.block_of(claim.end - 1)})


def test_incremental_segments_agree_with_a_full_sweep(view):
    rng = random.Random(8)
    text = "".join(rng.choice("ابت \n") for _ in range(600))
    view.show_document(text, [])
    live: dict[str, Span] = {}
    for step in range(300):
        if live and rng.random() < 0.35:
            gone = live.pop(rng.choice(sorted(live)))
            view.apply_change([], [gone.id])
        else:
            start = rng.randrange(len(text) - 1)
            end = min(len(text), start + rng.randint(1, 40))
            layer = rng.choice(("entity", "claim"))
            span = Span(f"x{step}", start, end, text[start:end], layer, "PERSON" if layer == "entity" else "CLAIM")
            live[span.id] = span
            view.apply_change([span], [])
    assert_segments_follow_the_rule(view, list(live.values()))
    # The same spans indexed in one batch, out of order (the bulk path of add_spans).
    batch = list(live.values())
    rng.shuffle(batch)
    view.show_document(text, batch)
    assert_segments_follow_the_rule(view, batch)


def assert_segments_follow_the_rule(view, spans: list[Span]) -> None:
    highlighter = view.highlighter
    for number in range(view.document().blockCount()):
        lo, hi = highlighter.block_range(number)
        # Cached, spliced segments, merged as a full sweep merges them, equal the per-character rule.
        merged = []
        for seg in highlighter.segments(number):
            if merged and merged[-1][1] == seg[0] and merged[-1][2:] == seg[2:]:
                merged[-1] = (merged[-1][0], seg[1], *seg[2:])
            else:
                merged.append(seg)
        assert merged == reference_segments(spans, lo, hi)


def test_a_hundred_thousand_spans_open_at_once_and_finish_in_steps(qtbot, view):
    text, spans = words_text(200_000, 100)  # 100,000 spans in 2,000 paragraphs
    steps = []
    original = view._background_step
    view._background_step = lambda generation: (steps.append(len(view._pending_set)), original(generation))
    view.show_document(text, spans)
    # The first screen is coloured before the event loop runs; most of the rest is not yet.
    first = view.firstVisibleBlock().blockNumber()
    assert view.highlighter.segments(first)
    assert not view.highlighting_done()
    # A label key right away: no span is lost, none is indexed twice.
    start = text.index(WORD, spans[0].end)
    assert press_label(qtbot, view, start, start + len(WORD)) == ["PERSON"]
    view.apply_change([Span("new", start, start + len(WORD), WORD, "entity", "PERSON")], [spans[-1].id])
    qtbot.waitUntil(view.highlighting_done, timeout=60_000)
    assert len(steps) > 5  # finished in many short idle steps, not one
    assert "new" in view._spans and spans[-1].id not in view._spans
    assert len(view._spans) == len(spans)
    last = view.highlighter.block_of(spans[-2].start)
    assert (spans[-2].start, spans[-2].end, "GPE", None) in view.highlighter.segments(last)
    assert all(s.start != spans[-1].start for s in view.highlighter.spans_in_block(last))


def test_a_label_key_in_the_window_on_a_dense_document_stores_the_span(qtbot, open_window, tmp_path):
    from annotator.core.text import content_hash
    from annotator.core.model import Document
    from annotator.store import Project

    text, spans = words_text(4000, None)
    path = tmp_path / "dense.annotator"
    with Project.create(path, NEWS) as project:
        project.add_documents([Document("dense", text, {"title": "dense"}, "in_progress", spans, [],
                                        content_hash(text))])
    window = open_window(path)
    window.open_document("dense")
    qtbot.waitUntil(lambda: not window.workspace.loading and window.view.highlighting_done(), timeout=10_000)
    start = text.index(WORD, spans[3].end)
    window.view.select_range(start, start + len(WORD))
    qtbot.keyClick(window.view, "p")
    rows = window.project.db.execute(
        "SELECT start, end, label FROM spans WHERE label = 'PERSON'").fetchall()
    assert [tuple(r) for r in rows] == [(start, start + len(WORD), "PERSON")]
    segments = window.view.highlighter.segments(0)
    assert (start, start + len(WORD), "PERSON", None) in segments
    # 32,000 characters in one paragraph: painted, so the key re-laid nothing out.
    assert window.view.highlighter.is_painted(0)
    assert window.view.document().firstBlock().layout().formats() == []
    new = next(s for s in window.workspace.spans if s.label == "PERSON")
    assert pieces_of(window.view, new)
