"""Highlighting the open document in the background, as a mixin of DocumentView (issue 8).

Opening an article shows its text at once; its spans are indexed and its blocks highlighted
in idle steps of about STEP_SECONDS, the blocks on screen first, so a long article opens as
fast as plain text and a million spans never block the event loop for long. A new document
bumps `_generation`, which stops the steps queued for the previous one.

Needs from the view: highlighter, `_spans` (id -> span shown), `_visible_blocks()`, the
viewport, and `_generation` (bumped by show_document).
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Iterable

from PySide6.QtCore import QTimer

from annotator.core.model import Span

# Background work after opening (indexing spans, highlighting blocks) runs in idle steps of about
# this long, so a key press waits at most one step (issue 8: a million spans).
STEP_SECONDS = 0.012
INDEX_CHUNK = 2000  # spans indexed between two looks at the clock


class BackgroundHighlighting:
    _step_queued = False  # one idle step at a time is waiting in the event queue

    def _reset_background(self) -> None:
        """Forget the background work of the document shown before (a step already queued
        stays queued: it sees the new generation and hands over to the new document)."""
        # Spans not indexed yet (and a read position), ids removed before they were indexed,
        # and blocks to highlight (a heap and its set).
        self._unindexed: list[Span] = []
        self._unindexed_at = 0
        self._dropped: set[str] = set()
        self._pending: list[int] = []
        self._pending_set: set[int] = set()

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
            # Queued for a document shown before: while it waited, the new document's own step
            # could not be queued (one at a time), so it starts from here.
            self._queue_step()
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

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        if self._pending_set:
            self._highlight_visible()  # scrolled to blocks not highlighted yet: those first

    def highlighting_done(self) -> bool:
        return not self._unindexed and not self._pending_set


__all__ = ["INDEX_CHUNK", "STEP_SECONDS", "BackgroundHighlighting"]
