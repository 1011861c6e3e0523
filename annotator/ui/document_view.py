"""The article view: read-only, right-to-left, spans highlighted, selections in code points.

Qt counts positions in UTF-16 code units; everything outside this widget counts code points.
The conversion happens here, through annotator.core.offsets, and nowhere else in the UI.
Its seams live beside it: keys and the pointer (article_input.py), where characters are on
screen (article_geometry.py), highlighting in idle steps (article_background.py), the colours
of painted blocks (span_painter.py) and the span index per block (highlighter.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.core.model import Span, Suggestion
from annotator.core.offsets import Utf16Map
from annotator.core.schema import Schema
from annotator.ui.article_background import BackgroundHighlighting
from annotator.ui.article_geometry import ArticleGeometry
from annotator.ui.article_input import ArticleInput
from annotator.ui.fonts import reading_font
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.span_painter import paint_fills, paint_underlines, visible_pieces


# With word wrapping Qt measures a whole word for every line it fills, which is quadratic in
# the length of a word longer than a line (one 250k-letter word: 8 s). A document with a run
# this long without a space wraps anywhere instead (linear; its words may break mid-line).
LONG_RUN = 4000
_SPACE = re.compile(r"\s")


def rtl_text_option(anywhere: bool = False) -> QTextOption:
    """Right-to-left paragraphs, right-aligned (DESIGN.md §7: setLayoutDirection alone does not
    right-align text); `anywhere` for a text with a word too long to wrap at word boundaries."""
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WrapAnywhere if anywhere
                       else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


def needs_wrap_anywhere(text: str, run: int = LONG_RUN) -> bool:
    """Whether `text` has `run` or more non-space characters in a row. Such a run covers a whole
    window of run // 2 at a multiple of run // 2, so only windows without a space are looked
    into: a search for a space per window, a few per article (a regex tried at every word
    start took 10 ms of every 500k-character open)."""
    half = max(1, run // 2)
    start = 0
    while start + half <= len(text):
        if _SPACE.search(text, start, start + half) is not None:
            start += half
            continue
        after = _SPACE.search(text, start + half)  # where the run through this window ends
        right = after.start() if after is not None else len(text)
        if right >= run and _SPACE.search(text, right - run, right) is None:
            return True
        start = right - right % half + half  # the next window past this run
    return False


class TextMismatch(RuntimeError):
    """The widget does not hold exactly the stored text: offsets would be wrong."""


class DocumentView(ArticleInput, ArticleGeometry, BackgroundHighlighting, QPlainTextEdit):
    labelKeyPressed = Signal(str)  # a label name
    deletePressed = Signal()
    escapePressed = Signal()
    spanClicked = Signal(str)  # span id, "" for a click outside every span
    acceptSuggestions = Signal(object)  # list[Suggestion]
    rejectSuggestions = Signal(object)  # list[Suggestion]
    linkPressed = Signal()

    def __init__(self, schema: Schema, point_size: float = 15.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setUndoRedoEnabled(False)  # undo is the workspace's, not Qt's text undo
        self.setCenterOnScroll(False)
        self.document().setDefaultTextOption(rtl_text_option())
        self.document().setDocumentMargin(18)
        self.set_font_size(point_size)
        self.highlighter: SpanHighlighter | None = None
        self._colors: dict[str, QColor] = {}
        self._generation = 0  # bumped per document shown: stale background steps stop
        self._reset_background()
        self._text = ""
        self._u16 = Utf16Map("")
        self._spans: dict[str, Span] = {}
        self._keys: dict[str, str] = {}
        self.set_schema(schema)
        self.selected_span: str | None = None
        self.suggestions: list[Suggestion] = []
        self.focused: int | None = None  # index into suggestions: Enter accepts it

    # -- content ------------------------------------------------------------------------

    def set_schema(self, schema: Schema) -> None:
        self._keys = {label.key.lower(): label.name for label in schema.labels() if label.key}
        self.set_colors(schema)
        if self.highlighter is not None:
            self.highlighter.setDocument(None)
        self.highlighter = SpanHighlighter(self.document(), schema)

    def set_colors(self, schema: Schema) -> None:
        self._colors = {label.name: QColor(label.color).darker(170) for label in schema.labels()}

    # -- suggestions ---------------------------------------------------------------------

    def set_suggestions(self, suggestions: Iterable[Suggestion], focus: int | None = None) -> None:
        self._update_ranges(self.suggestions)
        self.suggestions = sorted(suggestions, key=lambda s: (s.start, -s.end))
        self.focused = focus if focus is not None and 0 <= focus < len(self.suggestions) else None
        self._update_ranges(self.suggestions)
        if self.focused is not None:
            self._scroll_to(self.suggestions[self.focused].start)

    def focus_suggestion(self, step: int) -> None:
        if not self.suggestions:
            return
        if self.focused is None:
            self.focused = 0 if step > 0 else len(self.suggestions) - 1
        else:
            self.focused = (self.focused + step) % len(self.suggestions)
        self._update_ranges(self.suggestions)
        self._scroll_to(self.suggestions[self.focused].start)

    def focused_suggestion(self) -> Suggestion | None:
        return self.suggestions[self.focused] if self.focused is not None else None

    def _scroll_to(self, offset: int) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.setPosition(self.to_qt(offset))
            self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _update_ranges(self, items) -> None:
        """Repaint where these spans or suggestions are drawn, if they are on screen: a common
        word can have hundreds of suggestions, and measuring each costs a layout query."""
        for item in self._on_screen(items):
            for rect in self.range_rects(item.start, item.end):
                self.viewport().update(rect.adjusted(-4, -3, 4, 3).toAlignedRect())

    def set_font_size(self, point_size: float) -> None:
        self.setFont(reading_font(point_size))

    def font_size(self) -> float:
        return self.font().pointSizeF()

    def show_document(self, text: str, spans: Iterable[Span]) -> None:
        self._text = text
        self._u16 = Utf16Map(text)
        self._spans = {}
        self.selected_span = None
        self.suggestions, self.focused = [], None
        self._generation += 1  # stale background work for the previous text stops
        self._reset_background()
        self.highlighter.set_text(text, self._u16)
        self.document().setDefaultTextOption(rtl_text_option(anywhere=needs_wrap_anywhere(text)))
        self.setPlainText(text)
        self._keep_long_layouts()
        # toRawText keeps what toPlainText would turn into spaces (NBSP) and marks blocks U+2029.
        shown = self.document().toRawText().replace("\u2029", "\n")
        if shown != text:
            raise TextMismatch(QCoreApplication.translate(
                "DocumentView", "The view does not show the stored text exactly; annotating it is disabled."))
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.add_spans(spans)

    def clear_document(self) -> None:
        self.show_document("", [])

    def text(self) -> str:
        return self._text

    def apply_change(self, added: Iterable[Span], removed: Iterable[str]) -> None:
        """Re-highlight only the blocks the changed spans touch."""
        added, removed = list(added), list(removed)
        gone = [self._spans.pop(i) for i in removed if i in self._spans]
        if self._unindexed:  # removed before the background indexing reached them
            self._dropped.update(i for i in removed if i not in self._spans)
        replaced = [self._spans[s.id] for s in added if s.id in self._spans]
        touched = self.highlighter.remove_spans(gone + replaced)
        for span in added:
            self._spans[span.id] = span
            self._dropped.discard(span.id)
        touched |= self.highlighter.add_spans(added)
        if self.selected_span in removed:
            self._update_outline(gone)
            self.selected_span = None
        self._pending_set -= touched
        self.highlighter.rehighlight_blocks(touched)  # Qt repaints just those blocks (not painted ones)
        painted = self.highlighter.painted_blocks()
        if painted & touched:  # only the changed spans' rectangles on screen change
            self._update_ranges([s for s in sorted(gone + replaced + added, key=lambda s: s.start)
                                 if painted.intersection(self.highlighter.blocks_of(s))])

    # -- offsets ------------------------------------------------------------------------

    def to_qt(self, offset: int) -> int:
        return self._u16.to_utf16(offset)

    def from_qt(self, position: int) -> int:
        return self._u16.to_codepoint(position)

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as logical code-point offsets (start < end), or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.from_qt(cursor.selectionStart()), self.from_qt(cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def spans_at(self, offset: int) -> list[Span]:
        """Spans covering the character at `offset`, innermost first."""
        found = self.highlighter.spans_at(offset) if 0 <= offset < len(self._text) else []
        return sorted(found, key=lambda s: (s.end - s.start, s.layer))

    def _update_outline(self, spans: Iterable[Span | None]) -> None:
        """Repaint only where an outline is drawn or was: a full repaint of a long article costs
        more than the whole rest of adding a span."""
        for span in spans:
            if span is not None:
                for rect in self.range_rects(span.start, span.end):
                    self.viewport().update(rect.adjusted(-4, -2, 4, 2).toAlignedRect())

    def select_span(self, span_id: str | None, scroll: bool = True) -> None:
        self._update_outline([self._spans.get(self.selected_span) if self.selected_span else None])
        self.selected_span = span_id if span_id in self._spans else None
        if self.selected_span and scroll:
            span = self._spans[self.selected_span]
            cursor = self.textCursor()
            cursor.clearSelection()
            cursor.setPosition(self.to_qt(span.start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self._update_outline([self._spans.get(self.selected_span) if self.selected_span else None])

    def paintEvent(self, event) -> None:  # noqa: N802
        # Span colours of painted blocks (see span_painter): fills under the text, underlines over.
        pieces = visible_pieces(self, QRectF(event.rect()))
        if pieces:
            painter = QPainter(self.viewport())
            paint_fills(painter, pieces)
            painter.end()
        super().paintEvent(event)
        if pieces:
            painter = QPainter(self.viewport())
            paint_underlines(painter, pieces, QFontMetricsF(self.document().defaultFont()))
            painter.end()
        span = self._spans.get(self.selected_span) if self.selected_span else None
        if span is None and not self.suggestions:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        area = QRectF(event.rect())
        focused_one = self.focused_suggestion()
        ink = self.palette().color(QPalette.ColorRole.Text)  # the outlines stay visible in a dark theme
        for suggestion in self._on_screen(self.suggestions):
            focused = suggestion is focused_one
            pen = QPen(ink if focused else self._colors.get(suggestion.label, QColor("#555555")))
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setWidthF(2.2 if focused else 1.4)
            painter.setPen(pen)
            for rect in self.range_rects(suggestion.start, suggestion.end):
                if rect.intersects(area):
                    painter.drawRoundedRect(rect.adjusted(-2, 0.5, 2, -0.5), 3, 3)
        if span is not None:
            pen = QPen(ink)
            pen.setWidthF(1.6)
            painter.setPen(pen)
            for rect in self.range_rects(span.start, span.end):
                if rect.intersects(area):
                    painter.drawRoundedRect(rect.adjusted(-1.5, 0.5, 1.5, -0.5), 3, 3)
        painter.end()


__all__ = ["LONG_RUN", "DocumentView", "TextMismatch", "needs_wrap_anywhere", "rtl_text_option"]
