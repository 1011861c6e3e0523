"""Where the docks go, from 800x600 to 4K (issue 10 item 3).

The article keeps a readable minimum width: about ARTICLE_CHARS characters of the reading font
(never less than MIN_ARTICLE_PX), set as the view's minimum width, so QMainWindow shrinks the
docks rather than the article and a line is never so short that a word must break inside
(the article wraps at word boundaries, DESIGN.md §7). Three layouts:

- wide (more than NARROW_WIDTH): documents over entities on the left, spans over the claim
  form over the labels on the right, as before;
- narrow: the left docks in one tab group, the right docks in another, both narrower;
- compact (COMPACT_WIDTH and less, 800x600): every dock in one tab group on the right. Two
  columns next to a readable article would be too thin to show a document title or a span.

The first run picks the layout for the size the window opens at; a saved state (QSettings
"window_state") is restored as the analyst left it. When the window is resized into another
of these ranges the docks are laid out again for the new size; View > Reset layout does the
same at any size and forgets the saved state. Only a crossing costs anything: a resize within
a range is one comparison. While review is on, its dock (review_mode.py) goes back with the
span list, in its tab group and raised; while it is off, the review dock stays hidden.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QStyle

NARROW_WIDTH = 1100  # at or below this window width the docks are tabified
COMPACT_WIDTH = 960  # at or below this, all in one tab group
WIDE, NARROW, COMPACT = "wide", "narrow", "compact"
MIN_ARTICLE_PX = 360
ARTICLE_CHARS = 34  # a readable line of Arabic news (about six words)
# Measured on Arabic, not Latin: averageCharWidth of a Naskh font says little about its Arabic.
SAMPLE = "وصل وزير الدفاع الروسي إلى بيونغ يانغ في زيارة رسمية"
STATE_KEY = "window_state"
DOCK_ROOM = 2 * 160  # what a zoomed article leaves of the screen: two narrow dock columns


def article_min_width(view) -> int:
    """The article's minimum width in pixels for its current font: ARTICLE_CHARS average
    characters, the document margins, the frame and a vertical scroll bar."""
    metrics = QFontMetricsF(view.font())
    text = metrics.horizontalAdvance(SAMPLE) / len(SAMPLE) * ARTICLE_CHARS
    margin = 2 * view.document().documentMargin()
    scroll = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    frame = 2 * view.frameWidth()
    return max(MIN_ARTICLE_PX, math.ceil(text + margin + scroll + frame))


def mode_for(width: int) -> str:
    return WIDE if width > NARROW_WIDTH else NARROW if width > COMPACT_WIDTH else COMPACT


class WindowLayout(QObject):
    """The docks of one MainWindow: first-run layout, restore, resize, reset."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.view = window.view
        self.left = [window.doc_dock, window.entity_dock]
        self.right = [window.span_dock, window.claim_dock, window.palette_dock]
        self.fit_article()
        state = window.settings.value(STATE_KEY)
        self.restored = isinstance(state, QByteArray) and window.restoreState(state)
        self._arranged_width: int | None = None
        if not self.restored:
            self.arrange(window.width())
        self.mode: str | None = None  # the mode of the current size, known once shown
        window.installEventFilter(self)
        self.view.installEventFilter(self)  # a zoom changes the article's font: a new minimum

    def fit_article(self) -> None:
        """The article's minimum width, at most what leaves the narrowest docks on screen (a
        48-point zoom must not push the window past a small screen)."""
        wanted = article_min_width(self.view)
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            wanted = min(wanted, max(MIN_ARTICLE_PX, screen.availableGeometry().width() - DOCK_ROOM))
        self.view.setMinimumWidth(wanted)

    def arrange(self, width: int, show_all: bool = False) -> None:
        """The layout for a window `width` pixels wide; docks hidden by the analyst stay hidden
        unless `show_all`."""
        window, mode = self.window, mode_for(width)
        self._arranged_width = width
        # Before the window is shown no dock is visible yet: only an explicit hide counts then.
        shown = {dock: show_all or (dock.toggleViewAction().isChecked() if window.isVisible() else not dock.isHidden())
                 for dock in self.left + self.right}
        left_area, right_area = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        if window.layoutDirection() == Qt.LayoutDirection.RightToLeft:  # Qt mirrors no dock area itself
            left_area, right_area = right_area, left_area
        groups = [(right_area, self.right + self.left)] if mode == COMPACT else \
            [(left_area, self.left), (right_area, self.right)]
        for area, docks in groups:
            for dock in docks:
                window.removeDockWidget(dock)
            for dock in docks:
                dock.setFloating(False)
                window.addDockWidget(area, dock, Qt.Orientation.Vertical)
            if mode != WIDE:
                for dock in docks[1:]:
                    window.tabifyDockWidget(docks[0], dock)
        for dock, visible in shown.items():
            dock.setVisible(visible)
        left, right = self.dock_widths(width)
        if mode == COMPACT:
            window.resizeDocks([self.right[0]], [left + right], Qt.Orientation.Horizontal)
        else:
            window.resizeDocks([self.left[0], self.right[0]], [left, right], Qt.Orientation.Horizontal)
        if mode == WIDE:
            height = max(window.height(), 400)
            window.resizeDocks(self.left, [height * 55 // 100, height * 45 // 100], Qt.Orientation.Vertical)
            window.resizeDocks(self.right, [height * 32 // 100, height * 36 // 100, height * 32 // 100],
                               Qt.Orientation.Vertical)
        else:
            self.left[0].raise_()
            self.right[0].raise_()
        self._place_review(show_all)

    def _place_review(self, show_all: bool) -> None:
        """The review dock back in its place with the span list (ReviewMode.place_dock) while
        review is on; while it is off the dock stays hidden."""
        review = getattr(self.window, "review", None)
        if review is not None and review.active and review.dock is not None:
            review.place_dock(show_all or review.dock.toggleViewAction().isChecked())

    def dock_widths(self, width: int) -> tuple[int, int]:
        """Left and right dock widths: the wide layout's 300 and 380 (side panels wide enough
        for Arabic span texts and the claim form) up to 560 on the right at 1920 (the span
        list's text column reads whole phrases), more on a large screen; in a narrower window
        what the article leaves, shared 4:5."""
        if mode_for(width) == WIDE:
            scale = max(1.0, width / 1920)
            right = max(380, min(560, 380 + (width - 1280) * 9 // 32))
            return round(300 * scale), round(right * scale)
        spare = max(0, width - self.view.minimumWidth() - 24)  # 24: splitters and frames
        return spare * 4 // 9, spare * 5 // 9

    def reset(self) -> None:
        """View > Reset layout: every dock back, laid out for the current size; the saved
        state is forgotten (closing the window saves the new one)."""
        self.window.settings.remove(STATE_KEY)
        self.arrange(self.window.width(), show_all=True)
        self.mode = mode_for(self.window.width()) if self.window.isVisible() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Show and self.mode is None:
            # The size it opens at (a restored geometry may be clamped to a smaller screen): a
            # saved layout stays as the analyst left it, a first-run one fits this size.
            self.mode = mode_for(self.window.width())
            if not self.restored and self.window.width() != self._arranged_width:
                self.arrange(self.window.width())
        elif watched is self.window and kind == QEvent.Type.Resize and self.mode is not None:
            mode = mode_for(event.size().width())
            if mode != self.mode:  # into another range: the docks give way (or come back)
                self.mode = mode
                QTimer.singleShot(0, self, lambda: self.arrange(self.window.width()))
        elif watched is self.view and kind == QEvent.Type.FontChange:
            self.fit_article()
        return False


__all__ = ["ARTICLE_CHARS", "COMPACT", "COMPACT_WIDTH", "DOCK_ROOM", "MIN_ARTICLE_PX", "NARROW", "NARROW_WIDTH", "WIDE",
           "WindowLayout", "article_min_width", "mode_for"]
