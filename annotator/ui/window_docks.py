"""The docks of the main window (documents, spans, claim form, entities, labels) and how a
choice in one of them moves the selection, as a mixin of MainWindow.

Needs from the window: project, workspace, view, suggestions, message(), open_document(),
apply_label(), _finish_loading(), link_entity().
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QDockWidget, QHeaderView, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from annotator.core.arabic import search_key
from annotator.core.display import neutralised
from annotator.core.model import STATUSES
from annotator.core.rules import relation_attribute
from annotator.core.selection import snap
from annotator.ui.claim_panel import ClaimPanel
from annotator.ui.entity_browser import EntityBrowser
from annotator.ui.models import ID_ROLE, DocumentFilter, DocumentListModel, SpanListModel, make_table, status_name
from annotator.ui.palette import LabelPalette

# A mixin of MainWindow: its strings name their context ("Docks"), since self.tr would be
# looked up as "MainWindow" first (and a %n message would stop there with the source's plural).
translate = QCoreApplication.translate


class Docks:
    _picking_claimant: str | None = None  # the claim whose claimant the next span click sets

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
        self.doc_filter = DocumentFilter(search_key, self._all_texts, self)
        self.doc_filter.setSourceModel(self.doc_model)
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
        self.doc_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.doc_table.activated.connect(self._document_chosen)
        self.doc_table.clicked.connect(self._document_chosen)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.status_filter)
        layout.addWidget(self.doc_table)
        self.doc_dock = self._dock(translate("Docks", "Documents"), "documents", box,
                                   Qt.DockWidgetArea.LeftDockWidgetArea)

    def _build_span_dock(self, schema) -> None:
        self.span_model = SpanListModel(schema, self)
        self.span_table = make_table(self.span_model)
        # Fixed widths: sizing columns to their contents reads every cell of thousands of rows.
        header = self.span_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 110)
        header.resizeSection(2, 64)
        header.resizeSection(3, 150)
        self.span_table.clicked.connect(self._span_chosen)
        self.span_table.activated.connect(self._span_chosen)
        self.span_dock = self._dock(translate("Docks", "Spans"), "spans", self.span_table,
                                    Qt.DockWidgetArea.RightDockWidgetArea)

    def _build_claim_dock(self) -> None:
        self.claim_panel = ClaimPanel(lambda: self.workspace)
        self.claim_panel.blocked = lambda: self.doc_readonly
        self.claim_panel.message.connect(self.message)
        self.claim_panel.pickClaimantRequested.connect(self._pick_claimant)
        self.claim_panel.cueFromSelectionRequested.connect(self._cue_from_selection)
        scroll = self._scroll(self.claim_panel)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.claim_dock = self._dock(translate("Docks", "Claim"), "claim", scroll,
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
                value = who if isinstance(who, str) or who is None else neutralised(who.text, limit=40)
            else:
                raw = span.attrs.get(attribute.name)
                value = neutralised(raw["text"] if isinstance(raw, dict) else str(raw), limit=40) if raw else None
            if value:
                parts.append(translate("Docks", "{attribute}: {value}").format(attribute=attribute.name, value=value))
        return " · ".join(parts)

    def _span_clicked(self, span_id: str) -> None:
        if self._picking_claimant:
            claim_id, self._picking_claimant = self._picking_claimant, None
            if span_id and self.claim_panel.claimant_picked(span_id):
                self.message(translate("Docks", "claimant set"))
            else:
                self.message(translate("Docks", "no claimant picked"))
            self.view.select_span(claim_id, scroll=False)
            self.claim_panel.show_span(claim_id)
            return
        self.view.select_span(span_id or None, scroll=False)
        self._sync_span_row(span_id)
        self.claim_panel.show_span(span_id or None)

    def _span_chosen(self, index) -> None:
        span_id = index.data(ID_ROLE)
        self.view.select_span(span_id)
        self.claim_panel.show_span(span_id)
        self.view.setFocus()

    def _sync_span_row(self, span_id: str | None) -> None:
        row = self.span_model.row_of(span_id) if span_id else None
        if row is None:
            self.span_table.clearSelection()
        else:
            self.span_table.selectRow(row)
            self.span_table.scrollTo(self.span_model.index(row, 0))

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
        """Refilter the list, then highlight the open document again: the proxy keeps the
        selected *row number*, which after a search and clear is another document."""
        refilter()
        doc = self.workspace.document
        self.doc_table.clearSelection()
        if doc is not None:
            self._select_document_row(doc.id)

    def _document_chosen(self, index) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id and (self.workspace.document is None or doc_id != self.workspace.document.id):
            self.open_document(doc_id)

    def _visible_ids(self) -> list[str]:
        return [self.doc_filter.index(r, 0).data(ID_ROLE) for r in range(self.doc_filter.rowCount())]


__all__ = ["Docks"]
