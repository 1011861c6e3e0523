"""Moving around the window without the mouse: F6 / Shift+F6 from pane to pane (article, span
list, claim form, entities, documents, labels) as IDEs do it, Tab out of a table instead of
from cell to cell, Esc in a side list back to the article, and the span-stepping commands.

A pane is a dock (or the article) and the widgets of it F6 may land on, the first one that
takes the focus (the claim form has none while it shows its hint: then it is skipped, as is a
dock the analyst closed). A tabified dock is raised first. While review is on, its dock
(review_mode.py, made on the first review) is the pane after the article: the candidates are
what review is read from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QTableView, QWidget

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Pane:
    dock: QDockWidget | None  # None: the article
    stops: Callable[[], list[QWidget]]  # where F6 may land, first choice first


def _inside(widget: QWidget | None, ancestor: QWidget) -> bool:
    # Not isAncestorOf: a floating dock is a window of its own.
    while widget is not None:
        if widget is ancestor:
            return True
        widget = widget.parentWidget()
    return False


def _focusable(widget: QWidget) -> bool:
    return (widget.isEnabled() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not widget.isHidden())


class PaneFocus(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        w = window
        self.panes = [
            Pane(None, lambda: [w.view]),
            Pane(w.span_dock, lambda: [w.span_table]),
            Pane(w.claim_dock, self._claim_stops),
            Pane(w.entity_dock, lambda: [w.entity_browser.filter, w.entity_browser.table]),
            Pane(w.doc_dock, lambda: [w.search, w.status_filter, w.doc_table]),
            Pane(w.palette_dock, lambda: list(w.palette.buttons.values())),
        ]
        # Tab in a table would walk its cells (60 Tabs stay in the document list); here it
        # leaves the table, as in any form. Esc there goes back to the article.
        self.tables = [w.span_table, w.entity_browser.table, w.doc_table]
        for table in self.tables:
            table.setTabKeyNavigation(False)
            table.installEventFilter(self)
        w.palette.installEventFilter(self)  # Esc on a label button (it passes Esc up)
        w.view.installEventFilter(self)  # Tab out of the article: the chain is put in pane order
        self.order_tabs()

    def _panes(self) -> list[Pane]:
        """The panes F6 walks now: with review on, its dock after the article."""
        review = self.window.review
        if not review.active or review.dock is None:
            return self.panes
        panel = review.panel
        if panel.table not in self.tables:  # the review list, once made, leaves by Tab and Esc too
            panel.table.setTabKeyNavigation(False)
            panel.table.installEventFilter(self)
            self.tables.append(panel.table)
        return [self.panes[0], Pane(review.dock, lambda: [panel.table, panel.preaccept]), *self.panes[1:]]

    def order_tabs(self) -> None:
        """Put Qt's Tab chain in pane order (article, spans, claim, entities, documents,
        labels), each dock's widgets in their own order. Docks are built in another order, and
        a claim form or a label button made later joins the chain at its end: so this runs
        again before a Tab leaves the article or a table and on F6 (a walk of the window's
        widgets, on a key press, never while annotating)."""
        view = self.window.view
        chain, widget = [], view.nextInFocusChain()
        while widget is not None and widget is not view and len(chain) < 100_000:
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                chain.append(widget)
            widget = widget.nextInFocusChain()
        flat = [view] + [widget for pane in self._panes()[1:] for widget in chain if _inside(widget, pane.dock)]
        for first, second in zip(flat, flat[1:]):
            if first.window() is second.window():  # a floating dock has a chain of its own
                QWidget.setTabOrder(first, second)

    def _claim_stops(self) -> list[QWidget]:
        # The fields of the form on show first, then anything else the panel shows that takes
        # Tab (nothing while the claim dock shows its hint).
        panel = self.window.claim_panel
        fields = [widget for field in panel.fields().values() for widget in field.focusables]
        others = [widget for widget in panel.findChildren(QWidget) if widget.focusPolicy() & Qt.FocusPolicy.TabFocus]
        return [widget for widget in fields + others if widget.isVisibleTo(panel)]

    # -- panes ------------------------------------------------------------------------------

    def _available(self, pane: Pane) -> bool:
        return pane.dock is None or pane.dock.toggleViewAction().isChecked()

    def current(self) -> int:
        """The pane holding the focus (the article when no pane does)."""
        focus = QApplication.focusWidget()
        for n, pane in enumerate(self._panes()):
            if pane.dock is not None and _inside(focus, pane.dock):
                return n
        return 0

    def cycle(self, step: int) -> bool:
        """Focus the next (step 1) or previous pane that has somewhere to land."""
        self.order_tabs()
        start, panes = self.current(), self._panes()
        for k in range(1, len(panes) + 1):
            pane = panes[(start + step * k) % len(panes)]
            if self._available(pane) and self._enter(pane, pane.stops()):
                return True
        return False

    def _enter(self, pane: Pane, stops: list[QWidget]) -> bool:
        if pane.dock is not None:
            pane.dock.raise_()  # a tabified dock shows its page; nothing happens to the others
        target = next((widget for widget in stops if _focusable(widget)), None)
        if target is None:
            return False
        if pane.dock is not None and pane.dock.isFloating():
            pane.dock.activateWindow()
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _leave_table(self, table: QTableView, step: int) -> None:
        """Tab (step 1) or Shift+Tab from a table: to the widget next to it in its pane (the
        document search box), else to the next or previous pane."""
        self.order_tabs()
        widget = table
        while True:
            widget = widget.nextInFocusChain() if step > 0 else widget.previousInFocusChain()
            if widget is table or widget is None:
                break
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and _focusable(widget) and widget.isVisible():
                break
        pane = self._panes()[self.current()]
        if widget is not table and widget is not None and pane.dock is not None and _inside(widget, pane.dock):
            widget.setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)
        else:
            self.cycle(step)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        plain = not (event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier))
        if watched is self.window.view:
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not self.window.view.suggestions:
                self.order_tabs()  # and Qt moves the focus along it
            return False
        if key == Qt.Key.Key_Escape and plain:
            self.window.activateWindow()  # from a floating dock too
            self.window.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if watched in self.tables and plain and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            shift = key == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._leave_table(watched, -1 if shift else 1)
            return True
        return False

    # -- spans --------------------------------------------------------------------------------

    def step_span(self, step: int) -> None:
        w = self.window
        w._finish_loading()  # the spans past the first screen, if they are still to come
        span_id = w.view.span_step(step)
        if span_id is None:
            w.message(translate("PaneFocus", "No span after this one") if step > 0
                      else translate("PaneFocus", "No span before this one"))
        else:
            self._choose(span_id)

    def span_at_cursor(self) -> None:
        w = self.window
        w._finish_loading()
        span_id = w.view.span_at_cursor()
        if span_id is None:
            w.message(translate("PaneFocus", "The text cursor is in no span"))
        else:
            self._choose(span_id)

    def _choose(self, span_id: str) -> None:
        """What a click on the span does, without a click's wait for a double-click and with
        the span scrolled into view: the outline, the span list row, the claim form (or, while
        a claimant is being picked, the claimant)."""
        w = self.window
        if w._picking_claimant:
            w._span_clicked(span_id)
            return
        w.view.select_span(span_id)
        w._sync_span_row(span_id)
        w.claim_panel.show_span(span_id)


__all__ = ["Pane", "PaneFocus"]
