"""The docks of the main window (documents, spans, claim form, entities, labels) and how a
choice in one of them moves the selection, as a mixin of MainWindow.

Needs from the window: project, workspace, view, suggestions, message(), open_document(),
apply_label(), _finish_loading(), link_entity().
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QComboBox, QDockWidget, QHeaderView, QLineEdit, QProgressBar,
                               QScrollArea, QVBoxLayout, QWidget)

from annotator.core.arabic import search_key
from annotator.core.display import neutralised
from annotator.core.model import STATUSES
from annotator.core.rules import relation_attribute
from annotator.core.selection import snap
from annotator.ui.claim_panel import ClaimPanel
from annotator.ui import display_names
from annotator.ui.entity_browser import EntityBrowser
from annotator.ui.document_search import DocumentFilter
from annotator.ui.models import ID_ROLE, DocumentListModel, SpanListModel, make_table, status_name
from annotator.ui.palette import LabelPalette
from annotator.ui.span_list import SpanFilterBar, SpanProxy, TextFirst, sort_only_sortable
from annotator.ui.span_tooltip import SpanTooltip

# A mixin of MainWindow: its strings name their context ("Docks"), since self.tr would be
# looked up as "MainWindow" first (and a %n message would stop there with the source's plural).
translate = QCoreApplication.translate


class Docks:
    _picking_claimant: str | None = None  # the claim whose claimant the next span click sets
    _clicks = 0  # span clicks so far: a click whose handling waits is dropped by a later one

    def build_docks(self, schema) -> None:
        self._build_document_dock()
        self._build_span_dock(schema)
        self._build_claim_dock()
        self._build_entity_dock()
        self._build_palette_dock(schema)

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # restoreState finds docks by name
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    @staticmethod
    def _scroll(widget: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidget(widget)
        scroll.setWidgetResizable(True)
        return scroll

    def _build_document_dock(self) -> None:
        self.doc_model = DocumentListModel(self)
        # Spacing-free keys: بيونغ يانغ finds بيونجيانج and the reverse.
        self.doc_filter = DocumentFilter(search_key, lambda ids: self.project.document_texts(ids=ids), self,
                                         can_read=lambda: not self.busy and not self.project.closed)
        self.doc_filter.setSourceModel(self.doc_model)
        # The proxy keeps the selected *row number*: after every refilter (a search, a status,
        # texts keyed in the background) the open document is highlighted again.
        self.doc_filter.refiltered.connect(self._highlight_open_document)
        self.search_progress = QProgressBar()
        self.search_progress.setFormat(translate("Docks", "Reading texts for the search… %p%"))
        self.search_progress.hide()
        self.doc_filter.progress.connect(self._show_search_progress)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Docks", "Search (ignores diacritics and letter variants)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        # Not while an import owns the connection (the first search reads every text); the
        # import re-applies the query when it ends.
        self._search_timer.timeout.connect(lambda: self.busy or self._filter_documents(
            lambda: self.doc_filter.set_query(self.search.text())))
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.status_filter = QComboBox()
        self.status_filter.addItem(translate("Docks", "All statuses"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_name(status), status)
        self.status_filter.currentIndexChanged.connect(
            lambda _: self._filter_documents(lambda: self.doc_filter.set_status(self.status_filter.currentData())))
        self.doc_table = make_table(self.doc_filter)
        # The title takes the room; a status and a count need a word and a number.
        header = self.doc_table.horizontalHeader()
        header.setMinimumSectionSize(36)  # the style's minimum (~80 px) is wider than a count
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 80)
        header.resizeSection(2, 44)
        self.doc_table.activated.connect(self._document_chosen)
        self.doc_table.clicked.connect(self._document_chosen)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.search_progress)
        layout.addWidget(self.status_filter)
        layout.addWidget(self.doc_table)
        self.doc_dock = self._dock(translate("Docks", "Documents"), "documents", box,
                                   Qt.DockWidgetArea.LeftDockWidgetArea)

    def _build_span_dock(self, schema) -> None:
        self.span_model = SpanListModel(schema, self, key=search_key)
        self.span_proxy = SpanProxy(self.span_model, self)
        self.span_table = make_table(self.span_proxy)
        # Fixed widths: sizing columns to their contents reads every cell of thousands of rows.
        header = self.span_table.horizontalHeader()
        # The text takes what the others leave (a 560 px dock leaves it ~230 px).
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(SpanListModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(SpanListModel.LABEL, 84)
        header.resizeSection(SpanListModel.START, 48)
        header.resizeSection(SpanListModel.DETAILS, 130)
        header.resizeSection(SpanListModel.ANNOTATOR, 64)
        self.span_columns = TextFirst(self.span_table)
        # Position order until a header is clicked; a third click returns to it.
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        sort_only_sortable(header)
        self.span_table.setSortingEnabled(True)
        self.span_table.clicked.connect(self._span_chosen)
        self.span_table.activated.connect(self._span_chosen)
        self.span_model.detailsChanged.connect(self.span_table.viewport().update)
        self.span_filter = SpanFilterBar(self.span_proxy, self.span_model, search_key)
        self.span_filter.set_schema(schema)
        self.span_filter.changed.connect(lambda: self._sync_span_row(self.view.selected_span))
        # Hovering a span in the article tells what it is (none while the project is closing).
        self.span_tooltip = SpanTooltip(self.view, lambda: None if self.project.closed else self.workspace)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.span_filter)
        layout.addWidget(self.span_table)
        self.span_dock = self._dock(translate("Docks", "Spans"), "spans", box,
                                    Qt.DockWidgetArea.RightDockWidgetArea)

    def _build_claim_dock(self) -> None:
        self.claim_panel = ClaimPanel(lambda: self.workspace)
        self.claim_panel.blocked = lambda: self.doc_readonly
        self.claim_panel.message.connect(self.message)
        self.claim_panel.pickClaimantRequested.connect(self._pick_claimant)
        self.claim_panel.cueFromSelectionRequested.connect(self._cue_from_selection)

        def back_to_article() -> None:  # Esc in the panel: the same span stays selected
            shown = self.claim_panel.span_id
            if shown and self.view.selected_span != shown:
                self.view.select_span(shown, scroll=False)
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

        self.claim_panel.returnRequested.connect(back_to_article)
        scroll = self._scroll(self.claim_panel)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Still named "claim" (restoreState finds docks by name); it shows any selected span.
        self.claim_dock = self._dock(translate("Docks", "Selected span"), "claim", scroll,
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        self.span_model.details = self._span_details

    def _build_entity_dock(self) -> None:
        self.entity_browser = EntityBrowser(lambda: self.workspace)
        self.entity_browser.message.connect(self.message)
        self.entity_browser.mentionRequested.connect(self.open_mention)
        self.entity_dock = self._dock(translate("Docks", "Entities"), "entities", self.entity_browser,
                                      Qt.DockWidgetArea.LeftDockWidgetArea)

    def _build_palette_dock(self, schema) -> None:
        self.palette = LabelPalette(schema)
        self.palette.labelClicked.connect(self.apply_label)
        self.palette_dock = self._dock(translate("Docks", "Labels"), "labels", self._scroll(self.palette),
                                       Qt.DockWidgetArea.RightDockWidgetArea)

    # -- the span list and the claim form -----------------------------------------------

    def _span_details(self, span) -> str:
        if self.project.closed:
            return ""  # a repaint after the project closed (the window is closing)
        # The schema's summary attributes of the span's layer (a claim's claimant and stance),
        # else the canonical entity a span is linked to.
        summary = self.project.schema.summary_attributes(span.layer)
        if not summary:
            return neutralised(span.entity.name) if span.entity else ""
        parts = []
        for attribute in summary:
            if attribute.kind == "relation":  # stored as a relation, which the workspace reads
                claimant = relation_attribute(self.project.schema, span.layer)
                who = self.workspace.claimant(span.id) if attribute == claimant else None
                value = display_names.value_title(attribute, who) if isinstance(who, str) else \
                    None if who is None else neutralised(who.text, limit=40)
            else:
                raw = span.attrs.get(attribute.name)
                value = display_names.value_title(attribute, raw["text"] if isinstance(raw, dict) else str(raw), 40) \
                    if raw else None
            if value:
                parts.append(translate("Docks", "{attribute}: {value}").format(attribute=display_names.title(attribute),
                                                                                   value=value))
        return " · ".join(parts)

    def _span_clicked(self, span_id: str) -> None:
        self._clicks += 1
        if self._picking_claimant:
            claim_id, self._picking_claimant = self._picking_claimant, None
            if span_id and self.claim_panel.claimant_picked(span_id):
                self.message(translate("Docks", "claimant set"))
            else:
                self.message(translate("Docks", "no claimant picked"))
            self.view.select_span(claim_id, scroll=False)
            self.claim_panel.show_span(claim_id)
            return
        if self._keeps_claim_form(span_id):
            # Perhaps the first click of a double-click selecting a word (the cue, outside the
            # claim or inside one of its entities): the claim's form, and its "Use selection",
            # stay unless no text is selected once a double-click would have come.
            clicks = self._clicks
            QTimer.singleShot(QApplication.doubleClickInterval(), self,
                              lambda: self._click_settled(clicks, span_id))
            return
        self._show_clicked(span_id)

    def _show_clicked(self, span_id: str) -> None:
        self.view.select_span(span_id or None, scroll=False)
        self._sync_span_row(span_id)
        self.claim_panel.show_span(span_id or None)

    def _keeps_claim_form(self, span_id: str) -> bool:
        """Whether a click (outside every span, or on a span inside it) may be selecting text for
        the cue of the claim whose form is shown and selected."""
        shown = self.claim_panel.span_id
        claim = self.workspace.spans.get(shown) if shown and shown == self.view.selected_span else None
        if claim is None or not any(a.kind == "span" for a in self.project.schema.attributes(claim.layer)):
            return False
        inner = self.workspace.spans.get(span_id) if span_id else None
        return not span_id or (inner is not None and inner.id != claim.id
                               and claim.start <= inner.start and inner.end <= claim.end)

    def _click_settled(self, clicks: int, span_id: str) -> None:
        if clicks != self._clicks or self.project.closed or self.view.selected_range():
            return  # clicked again since, or a word was selected: the form stays on the claim
        self._show_clicked(span_id)

    def _span_chosen(self, index) -> None:
        span_id = index.data(ID_ROLE)
        self.view.select_span(span_id)
        self.claim_panel.show_span(span_id)
        self.view.setFocus()

    def _sync_span_row(self, span_id: str | None) -> None:
        row = self.span_model.row_of(span_id) if span_id else None
        # Through the proxy: a sorted list has it on another row, a filtered one maybe not at all.
        index = self.span_proxy.mapFromSource(self.span_model.index(row, 0)) if row is not None else None
        if index is None or not index.isValid():
            self.span_table.clearSelection()
        else:
            self.span_table.selectRow(index.row())
            self.span_table.scrollTo(index)

    def _pick_claimant(self, claim_id: str) -> None:
        self._picking_claimant = claim_id
        self.view.setFocus()
        self.message(translate("Docks", "Click the span of who makes this claim (Esc cancels)"))

    def _cue_from_selection(self, claim_id: str) -> None:
        selection = self.view.selected_range()
        span = snap(self.view.text(), *selection, exact=self.view.exact) if selection else None
        if span is None:
            self.message(translate("Docks", "Select the reporting verb (قال، أكد، وبحسب...) in the text first"))
            return
        self.claim_panel.set_cue(*span)
        self.view.clear_selection()

    # -- the document list --------------------------------------------------------------

    def _select_document_row(self, doc_id: str) -> None:
        row = self.doc_model.row_of(doc_id)
        if row is None:
            return
        index = self.doc_filter.mapFromSource(self.doc_model.index(row, 0))
        if index.isValid():
            self.doc_table.selectRow(index.row())
            self.doc_table.scrollTo(index)

    def _filter_documents(self, refilter) -> None:
        refilter()  # the open document is highlighted again on `refiltered`

    def _highlight_open_document(self) -> None:
        doc = self.workspace.document
        self.doc_table.clearSelection()
        if doc is not None:
            self._select_document_row(doc.id)

    def _show_search_progress(self, done: int, total: int) -> None:
        """Texts still being keyed for the search: how far (the clear button stops it)."""
        self.search_progress.setVisible(total > 0)
        if total:
            self.search_progress.setRange(0, total)
            self.search_progress.setValue(done)

    def _document_chosen(self, index) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id and (self.workspace.document is None or doc_id != self.workspace.document.id):
            self.open_document(doc_id)

    def _visible_ids(self) -> list[str]:
        return [self.doc_filter.index(r, 0).data(ID_ROLE) for r in range(self.doc_filter.rowCount())]


__all__ = ["Docks"]
