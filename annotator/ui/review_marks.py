"""Who marked what, drawn under the text in review: one lane per annotator, a short bar in the
annotator's colour under each open candidate they marked. A candidate everyone marked carries
the full stack of bars; a disagreement shows gaps at a glance.

Drawn over the article's own painting through an event filter on its viewport (the view paints
first, then the lanes), for the candidates on screen only, as the dashed suggestions are.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF
from PySide6.QtGui import QPainter, QPalette

from annotator.core.adjudication import Candidate
from annotator.ui import theme
from annotator.ui.review_panel import annotator_color

BAR = 2.0  # height of one annotator's bar, pixels
GAP = 1.0


class ReviewMarks(QObject):
    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.candidates: list[Candidate] = []  # open ones, by start
        self.lanes: dict[str, int] = {}
        self._painting = False

    def show(self, candidates: list[Candidate], annotators: tuple[str, ...]) -> None:
        self.candidates = candidates
        self.lanes = {name: n for n, name in enumerate(annotators)}
        self.view.viewport().update()

    def install(self) -> None:
        self.view.viewport().installEventFilter(self)

    def remove(self) -> None:
        self.view.viewport().removeEventFilter(self)
        self.candidates = []
        self.view.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.Paint or self._painting or not self.candidates:
            return False
        self._painting = True
        try:
            self.view.viewportEvent(event)  # the article as always, then the lanes over it
        finally:
            self._painting = False
        self.paint(QRectF(event.rect()))
        return True

    def paint(self, area: QRectF) -> None:
        shown = self.view._on_screen(self.candidates)
        if not shown:
            return
        page = self.view.palette().color(QPalette.ColorRole.Base)
        colors = {lane: theme.legible(annotator_color(lane), page, theme.LINE_CONTRAST) for lane in self.lanes.values()}
        painter = QPainter(self.view.viewport())
        for candidate in shown:
            lanes = [self.lanes[name] for name in candidate.annotators if name in self.lanes]
            for rect in self.view.range_rects(candidate.start, candidate.end):
                if not rect.intersects(area):
                    continue
                for lane in lanes:
                    top = rect.bottom() - (lane + 1) * (BAR + GAP)
                    painter.fillRect(QRectF(rect.left(), top, rect.width(), BAR), colors[lane])
        painter.end()


__all__ = ["ReviewMarks"]
