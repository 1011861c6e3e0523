"""The article view: read-only, right-to-left, spans highlighted, selections in code points.

Qt counts positions in UTF-16 code units; everything outside this widget counts code points.
The conversion happens here, through annotator.core.offsets, and nowhere else in the UI.
"""

from __future__ import annotations

import heapq
import re
import sys
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPen, QTextCursor, QTextLine, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.core.model import Span, Suggestion
from annotator.core.offsets import Utf16Map
from annotator.core.schema import Schema
from annotator.ui.fonts import reading_font
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.span_painter import paint_fills, paint_underlines, visible_pieces

# Physical key -> US-layout letter, so a label key works whatever keyboard layout is active
# (an analyst typing with an Arabic layout presses the key marked P and gets ح). X11 key codes
# (evdev + 8) and Windows scan codes.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
if sys.platform.startswith("win"):
    _SCAN_FIRST = (0x10, 0x1E, 0x2C)
else:
    _SCAN_FIRST = (24, 38, 52)
SCAN_TO_LETTER = {first + i: ch for first, row in zip(_SCAN_FIRST, _ROWS) for i, ch in enumerate(row)}


_EDGES = (QTextLine.Edge.Leading, QTextLine.Edge.Trailing)
# Characters that start a left-to-right run inside Arabic text (Latin, digits, Greek, Cyrillic...).
_MIXED = re.compile(r"[0-9A-Za-z\u00c0-\u02af\u0370-\u052f\u0660-\u0669\u06f0-\u06f9\u2070-\u218f]")
ACCEPT_ALL_KEY = "a"  # with suggestions shown: accept them all (Shift+Enter too)
LINK_KEY = "k"  # link the selected entity span to a canonical entity (Ctrl+K too)
MAX_SCREEN_SPAN = 4000  # a suggestion starting this far above the screen may still reach into it
# Background work after opening (indexing spans, highlighting blocks) runs in idle steps of about
# this long, so a key press waits at most one step (issue 8: a million spans).
STEP_SECONDS = 0.012
INDEX_CHUNK = 2000  # spans indexed between two looks at the clock
# With word wrapping Qt measures a whole word for every line it fills, which is quadratic in
# the length of a word longer than a line (one 250k-letter word: 8 s). A document with a run
# this long without a space wraps anywhere instead (linear; its words may break mid-line).
LONG_RUN = 4000
_LONG_RUN = re.compile(r"(?<!\S)\S{%d}" % LONG_RUN)  # tried at run starts only: linear


def rtl_text_option(anywhere: bool = False) -> QTextOption:
    """Right-to-left paragraphs, right-aligned (DESIGN.md §7: setLayoutDirection alone does not
    right-align text); `anywhere` for a text with a word too long to wrap at word boundaries."""
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WrapAnywhere if anywhere
                       else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


def needs_wrap_anywhere(text: str) -> bool:
    return _LONG_RUN.search(text) is not None


class TextMismatch(RuntimeError):
    """The widget does not hold exactly the stored text: offsets would be wrong."""


class DocumentView(QPlainTextEdit):
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
        self._generation = 0
        # Background work of the open document: spans not indexed yet (and a read position),
        # ids removed before they were indexed, and blocks to highlight (a heap and its set).
        self._unindexed: list[Span] = []
        self._unindexed_at = 0
        self._dropped: set[str] = set()
        self._pending: list[int] = []
        self._pending_set: set[int] = set()
        self._step_queued = False
        self._text = ""
        self._u16 = Utf16Map("")
        self._spans: dict[str, Span] = {}
        self._keys: dict[str, str] = {}
        self.set_schema(schema)
        self.exact = False  # the last selection was made with Alt held: no snapping
        self.selected_span: str | None = None
        self.suggestions: list[Suggestion] = []
        self.focused: int | None = None  # index into suggestions: Enter accepts it
        self._press_anchor: int | None = None  # where the current left-button drag started

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

    def _on_screen(self, items) -> list:
        """The items (sorted by start) that touch the visible part of the text."""
        first, last = self._visible_range()
        starts = [item.start for item in items]
        return [item for item in items[bisect_left(starts, first - MAX_SCREEN_SPAN):bisect_right(starts, last)]
                if item.end >= first]

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
        self._unindexed, self._unindexed_at, self._dropped = [], 0, set()
        self._pending, self._pending_set = [], set()
        self.highlighter.set_text(text, self._u16)
        self.document().setDefaultTextOption(rtl_text_option(anywhere=needs_wrap_anywhere(text)))
        self.setPlainText(text)
        self._keep_long_layouts()
        # toRawText keeps what toPlainText would turn into spaces (NBSP) and marks blocks U+2029.
        shown = self.document().toRawText().replace("\u2029", "\n")
        if shown != text:
            raise TextMismatch("the view does not show the stored text exactly; annotating it is disabled")
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.add_spans(spans)

    def _keep_long_layouts(self) -> None:
        """Qt frees a block's shaping data once it is laid out and rebuilds it (itemizing, line
        break attributes: O(block length)) on every paint of any of its lines: 0.4 s per repaint
        of a 5 MB word, and a cursor blink repaints. Long (painted) blocks keep it instead; it is
        what Qt held while laying the block out anyway."""
        doc = self.document()
        for number in self.highlighter.painted_blocks():
            doc.findBlockByNumber(number).layout().setCacheEnabled(True)

    def add_spans(self, spans: Iterable[Span]) -> None:
        """Highlight spans not shown yet: the first few thousand and the blocks on screen now,
        the rest in short idle steps (visible blocks first), so a long article opens as fast as
        plain text and a million spans never block the event loop for long."""
        spans = list(spans)
        if not self._unindexed:
            self._unindexed, self._unindexed_at = spans, 0
        else:
            self._unindexed = self._unindexed[self._unindexed_at:] + spans
            self._unindexed_at = 0
        self._index_some(INDEX_CHUNK)
        self._highlight_visible()
        self._queue_step()

    def _index_some(self, budget_spans: int | None = None, deadline: float | None = None) -> None:
        """Index pending spans: `budget_spans` of them, or chunks until `deadline`."""
        spans, at = self._unindexed, self._unindexed_at
        known, dropped = self._spans, self._dropped
        while at < len(spans):
            chunk = spans[at:at + (budget_spans or INDEX_CHUNK)]
            at += len(chunk)
            # An id already shown was re-added by an action meanwhile; a dropped one removed.
            fresh = [s for s in chunk if s.id not in known and s.id not in dropped]
            known.update((s.id, s) for s in fresh)
            self._queue_blocks(self.highlighter.add_spans(fresh))
            if budget_spans is not None or deadline is None or time.perf_counter() >= deadline:
                break
        if at >= len(spans):
            self._unindexed, at, self._dropped = [], 0, set()
        self._unindexed_at = at

    def _queue_blocks(self, numbers: Iterable[int]) -> None:
        painted = self.highlighter.painted_blocks()
        repaint = False
        for number in numbers:
            if number in painted:  # no formats to compute: its colours are painted
                repaint = True
            elif number not in self._pending_set:
                self._pending_set.add(number)
                heapq.heappush(self._pending, number)
        if repaint:
            self.viewport().update()  # cheap: painting covers the lines on screen only

    def _highlight_visible(self) -> None:
        due = self._pending_set & self._visible_blocks()
        if due:
            self._pending_set -= due  # their heap entries are skipped when popped
            self.highlighter.rehighlight_blocks(due)

    def _queue_step(self) -> None:
        if (self._unindexed or self._pending_set) and not self._step_queued:
            self._step_queued = True
            generation = self._generation
            QTimer.singleShot(0, self, lambda: self._background_step(generation))

    def _background_step(self, generation: int) -> None:
        """One idle step: index spans, then highlight what is on screen, then blocks in text
        order, until STEP_SECONDS have passed."""
        self._step_queued = False
        if generation != self._generation:
            return
        deadline = time.perf_counter() + STEP_SECONDS
        if self._unindexed:
            self._index_some(deadline=deadline)
        self._highlight_visible()
        heap, due = self._pending, self._pending_set
        while heap and time.perf_counter() < deadline:
            number = heapq.heappop(heap)
            if number in due:
                due.discard(number)
                self.highlighter.rehighlight_blocks((number,))
        if not due:
            heap.clear()
        self._queue_step()

    def _visible_blocks(self) -> set[int]:
        """Block numbers from the first visible one down to two screens below it."""
        block = self.firstVisibleBlock()
        limit = self.viewport().height() * 2 + 1
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        numbers: set[int] = set()
        while block.isValid() and top <= limit:
            numbers.add(block.blockNumber())
            top += self.blockBoundingRect(block).height()
            block = block.next()
        return numbers

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        if self._pending_set:
            self._highlight_visible()  # scrolled to blocks not highlighted yet: those first

    def highlighting_done(self) -> bool:
        return not self._unindexed and not self._pending_set

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

    # -- input --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if not mods and self.suggestions:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                chosen = self.suggestions if shift else [self.focused_suggestion() or self.suggestions[0]]
                self.acceptSuggestions.emit(chosen)
                return
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self.focus_suggestion(-1 if shift or key == Qt.Key.Key_Backtab else 1)
                return
            if key == Qt.Key.Key_Escape:
                focused = self.focused_suggestion()
                self.rejectSuggestions.emit([focused] if focused else list(self.suggestions))
                return
            if event.text().lower() == ACCEPT_ALL_KEY and ACCEPT_ALL_KEY not in self._keys:
                self.acceptSuggestions.emit(list(self.suggestions))
                return
        if not mods:
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.deletePressed.emit()
                return
            if key == Qt.Key.Key_Escape:
                self.escapePressed.emit()
                return
            label = self._label_for(event)
            if label is not None:
                self.labelKeyPressed.emit(label)
                return
            if event.text().lower() == LINK_KEY and LINK_KEY not in self._keys:
                self.linkPressed.emit()
                return
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
                       Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.exact = False
        super().keyPressEvent(event)

    def _label_for(self, event: QKeyEvent) -> str | None:
        text = event.text().lower()
        if text and text in self._keys:
            return self._keys[text]
        letter = SCAN_TO_LETTER.get(event.nativeScanCode())
        if text and letter and not text.isascii():
            return self._keys.get(letter)
        return None

    # Qt's hit-test in right-to-left text maps a click anywhere on an initial Arabic letter to the
    # position after it (the ب of بيلوسوف gives 176, not 175). With clitics kept out of a span
    # that would cut a name's first letter, so mouse positions come from the glyph geometry:
    # the character under the pointer, and the side of it the pointer is on.

    def position_at(self, point: QPointF) -> int:
        """The document position (UTF-16) for a viewport point, by the character under it."""
        fallback = self.cursorForPosition(point.toPoint()).position()
        block = self.document().findBlock(fallback)
        if not block.isValid() or not block.isVisible():
            return fallback
        top_left = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        x, y = point.x() - top_left.x(), point.y() - top_left.y()
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if not line.y() <= y < line.y() + line.height():
                continue
            for p in range(line.textStart(), line.textStart() + line.textLength()):
                lead = line.cursorToX(p, QTextLine.Edge.Leading)[0]
                trail = line.cursorToX(p, QTextLine.Edge.Trailing)[0]
                if min(lead, trail) <= x < max(lead, trail):
                    before = abs(x - lead) <= abs(x - trail)  # nearer the side where it begins
                    return block.position() + (p if before else p + 1)
            break
        return fallback

    def _follow_pointer(self, event: QMouseEvent, extend: bool) -> None:
        cursor = self.textCursor()
        target = self.position_at(event.position())
        if extend:
            anchor = cursor.anchor() if self._press_anchor is None else self._press_anchor
            cursor.setPosition(anchor)
            cursor.setPosition(target, QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.setPosition(target)
            self._press_anchor = target
        self.setTextCursor(cursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            self._press_anchor = None
            self._follow_pointer(event, extend=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)  # keeps Qt's auto-scrolling while dragging
        if event.buttons() & Qt.MouseButton.LeftButton and self._press_anchor is not None:
            self._follow_pointer(event, extend=True)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press_anchor = None  # Qt selects the word; snapping takes it from there
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._press_anchor is not None:
            self._follow_pointer(event, extend=True)
            self._press_anchor = None
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        position = self.position_at(event.position())
        offset = self.from_qt(position)
        for n, suggestion in enumerate(self.suggestions):
            if suggestion.start <= offset < suggestion.end or suggestion.start < offset <= suggestion.end:
                self.focused = n
                self._update_ranges(self.suggestions)
                return
        # cursorForPosition gives the nearest gap; the clicked character is on one side of it.
        hits = self.spans_at(offset) or (self.spans_at(offset - 1) if offset else [])
        if not hits:
            self.spanClicked.emit("")
            return
        ids = [s.id for s in hits]
        # Clicking the selected span again walks outwards (an entity inside a claim, then the claim).
        if self.selected_span in ids:
            self.spanClicked.emit(ids[(ids.index(self.selected_span) + 1) % len(ids)])
        else:
            self.spanClicked.emit(ids[0])

    # -- painting -----------------------------------------------------------------------

    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering [start, end) line by line, for the lines on screen only
        (visual, so bidi-safe: every cursor position of the range is measured, not just the two
        ends). Off-screen lines are skipped: one word of 5 MB is 50,000 lines."""
        a, b = self.to_qt(start), self.to_qt(end)
        rects: list[QRectF] = []
        offset = self.contentOffset()
        height = self.viewport().height()
        block = self.document().findBlock(a)
        first_visible = self.firstVisibleBlock().blockNumber()
        if block.isValid() and block.blockNumber() < first_visible:
            block = self.firstVisibleBlock()  # blocks above the screen draw nothing
        while block.isValid() and block.position() < b:
            if block.isVisible():
                top_left = self.blockBoundingGeometry(block).translated(offset).topLeft()
                if top_left.y() > height:
                    break
                layout = block.layout()
                lo, hi = max(a - block.position(), 0), min(b - block.position(), block.length() - 1)
                if lo < hi and layout.lineCount():
                    for i in self._lines_on_screen(layout, top_left.y(), height, lo, hi):
                        line = layout.lineAt(i)
                        s = max(lo, line.textStart())
                        e = min(hi, line.textStart() + line.textLength())
                        if s < e:
                            rects.append(self.line_rect(line, block, s, e).translated(top_left))
            block = block.next()
        return rects

    @staticmethod
    def _lines_on_screen(layout, top: float, height: float, lo: int, hi: int) -> range:
        """Line numbers of a block's layout holding positions lo..hi that are on screen: lines
        are stacked downwards, so bisect on their y."""
        first = layout.lineForTextPosition(lo).lineNumber()
        last = layout.lineForTextPosition(max(lo, hi - 1)).lineNumber()
        if first < 0 or last < 0:
            first, last = 0, layout.lineCount() - 1
        low, high = first, last + 1
        while low < high:  # the first line whose bottom is below the top of the viewport
            mid = (low + high) // 2
            line = layout.lineAt(mid)
            if top + line.y() + line.height() < 0:
                low = mid + 1
            else:
                high = mid
        stop = low
        while stop <= last and top + layout.lineAt(stop).y() <= height:
            stop += 1
        return range(low, stop)

    def line_rect(self, line: QTextLine, block, s: int, e: int) -> QRectF:
        # Both edges of every character where directions mix (Latin, digits): at a bidi run
        # boundary the position between two characters has two x positions. A single-direction
        # piece is contiguous: its two ends are enough.
        try:
            piece = self._text[self.from_qt(block.position() + s):self.from_qt(block.position() + e)]
        except ValueError:  # a line edge inside a surrogate pair: measure every position
            piece = "0"
        points = range(s, e) if _MIXED.search(piece) else (s, e - 1)
        xs = [line.cursorToX(p, edge)[0] for p in points for edge in _EDGES]
        return QRectF(min(xs), line.y(), max(xs) - min(xs), line.height())

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
        for suggestion in self._on_screen(self.suggestions):
            focused = suggestion is focused_one
            pen = QPen(QColor("#1c1c1c") if focused else self._colors.get(suggestion.label, QColor("#555555")))
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setWidthF(2.2 if focused else 1.4)
            painter.setPen(pen)
            for rect in self.range_rects(suggestion.start, suggestion.end):
                if rect.intersects(area):
                    painter.drawRoundedRect(rect.adjusted(-2, 0.5, 2, -0.5), 3, 3)
        if span is not None:
            pen = QPen(QColor("#1c1c1c"))
            pen.setWidthF(1.6)
            painter.setPen(pen)
            for rect in self.range_rects(span.start, span.end):
                if rect.intersects(area):
                    painter.drawRoundedRect(rect.adjusted(-1.5, 0.5, 1.5, -0.5), 3, 3)
        painter.end()

    def _visible_range(self) -> tuple[int, int]:
        """Code-point offsets of the first and last characters on screen (roughly)."""
        top = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        bottom = self.cursorForPosition(self.viewport().rect().bottomRight()).position()
        block = self.document().findBlock(bottom)
        end = block.position() + block.length() - 1 if block.isValid() else bottom
        start = self.firstVisibleBlock().position()
        return self.from_qt(min(start, top)), self.from_qt(max(end, bottom))

    def char_point(self, offset: int, fraction: float = 0.5) -> QPointF:
        """The viewport point `fraction` of the way across the character at code point `offset`,
        from the edge where it begins (its right edge in right-to-left text): for tests and tools."""
        position = self.to_qt(offset)
        block = self.document().findBlock(position)
        top_left = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        line = block.layout().lineForTextPosition(position - block.position())
        lead = line.cursorToX(position - block.position(), QTextLine.Edge.Leading)[0]
        trail = line.cursorToX(position - block.position(), QTextLine.Edge.Trailing)[0]
        return QPointF(top_left.x() + lead + fraction * (trail - lead), top_left.y() + line.y() + line.height() / 2)

    def _cursor_at(self, offset: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(offset))
        return cursor
