"""The annotation window: document list, article view, span list, label palette, status bar.

It holds no annotation logic of its own: every action goes to the Workspace (which commits it
before returning) and the widgets are refreshed from the Change it reports.
"""

from __future__ import annotations

import time
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QComboBox, QDockWidget, QFileDialog,
                               QHeaderView, QLineEdit, QMainWindow, QScrollArea,
                               QTableView, QVBoxLayout, QWidget)

from annotator import RESOURCES
from annotator.core.arabic import match_key
from annotator.core.display import neutralised
from annotator.core.model import STATUSES
from annotator.core.selection import snap
from annotator.core.span_index import SpanIndex
from annotator.core.schema import load_schema
from annotator.store import Project, ProjectError, ProjectLocked
from annotator.store.project import SUFFIX
from annotator.store.workspace import AnnotationError, Workspace
from annotator.ui import errors
from annotator.ui.claim_panel import ClaimPanel
from annotator.ui.dialogs import ShortcutsDialog, ask
from annotator.ui.doc_guard import make_banner, mismatch_reason
from annotator.ui.entity_browser import EntityBrowser
from annotator.ui.entity_picker import EntityPicker
from annotator.ui.document_view import DocumentView, TextMismatch
from annotator.ui.models import ID_ROLE, DocumentFilter, DocumentListModel, SpanListModel, make_table
from annotator.ui.palette import LabelPalette
from annotator.ui.plain import plain_label, set_tooltip, tooltip_text
from annotator.ui.window_io import ImportExport

MAX_RECENT = 8
FIRST_SCREEN_CHARS = 8000  # spans loaded before the first paint; the rest follow at once
DEFAULT_FONT_SIZE = 15.0


class MainWindow(ImportExport, QMainWindow):
    def __init__(self, project: Project, annotator: str, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings("annotator", "annotator")
        self.project = project
        self.workspace = Workspace(project, annotator)
        self.annotator = annotator
        self.last_saved: float | None = None
        self.write_failure: str | None = None  # the sentence of the last failed write, until one succeeds
        self._rejected: set[tuple] = set()  # (doc id, start, end, layer, label) dismissed this session
        # While an import runs in its worker thread the GUI stays away from the database (see
        # import_task.py): deferred callbacks that would read it check `busy` first.
        self.busy = False
        self._close_after_import = False
        self.import_task = None
        # Why the open document cannot be annotated (its text no longer matches its spans).
        self.doc_readonly: str | None = None
        schema = project.schema

        self.view = DocumentView(schema, float(self.settings.value("font_size", DEFAULT_FONT_SIZE)))
        self.banner = make_banner()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self._build_document_dock()
        self._build_span_dock(schema)
        self._build_claim_dock()
        self._build_entity_dock()
        self._build_palette_dock(schema)
        self._build_actions()
        self._build_status_bar()
        self._connect_view()
        self.setWindowIcon(qta.icon("mdi6.format-color-highlight"))
        self.resize(1280, 820)
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        else:  # first run: side panels wide enough for Arabic span texts and the claim form
            self.resizeDocks([self.doc_dock, self.span_dock], [300, 380], Qt.Orientation.Horizontal)
            self.resizeDocks([self.span_dock, self.claim_dock, self.palette_dock], [260, 300, 260],
                             Qt.Orientation.Vertical)
        self._show_project()

    # -- building -----------------------------------------------------------------------

    def _build_document_dock(self) -> None:
        self.doc_model = DocumentListModel(self)
        self.doc_filter = DocumentFilter(match_key, self._all_texts, self)
        self.doc_filter.setSourceModel(self.doc_model)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search (ignores diacritics and letter variants)")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        # Not while an import owns the connection (the first search reads every text); the
        # import re-applies the query when it ends.
        self._search_timer.timeout.connect(lambda: self.busy or self.doc_filter.set_query(self.search.text()))
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.status_filter = QComboBox()
        self.status_filter.addItem("All statuses", None)
        for status in STATUSES:
            self.status_filter.addItem(status.replace("_", " "), status)
        self.status_filter.currentIndexChanged.connect(
            lambda _: self.doc_filter.set_status(self.status_filter.currentData()))
        self.doc_table = self._table(self.doc_filter)
        self.doc_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.doc_table.activated.connect(self._document_chosen)
        self.doc_table.clicked.connect(self._document_chosen)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.status_filter)
        layout.addWidget(self.doc_table)
        self.doc_dock = self._dock("Documents", "documents", box, Qt.DockWidgetArea.LeftDockWidgetArea)

    def _build_span_dock(self, schema) -> None:
        self.span_model = SpanListModel(schema, self)
        self.span_table = self._table(self.span_model)
        # Fixed widths: sizing columns to their contents reads every cell of thousands of rows.
        header = self.span_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 110)
        header.resizeSection(2, 64)
        header.resizeSection(3, 150)
        self.span_table.clicked.connect(self._span_chosen)
        self.span_table.activated.connect(self._span_chosen)
        self.span_dock = self._dock("Spans", "spans", self.span_table, Qt.DockWidgetArea.RightDockWidgetArea)

    def _build_claim_dock(self) -> None:
        self.claim_panel = ClaimPanel(lambda: self.workspace)
        self.claim_panel.blocked = lambda: self.doc_readonly
        self.claim_panel.changed.connect(self._panel_changed)
        self.claim_panel.message.connect(self.message)
        self.claim_panel.pickClaimantRequested.connect(self._pick_claimant)
        self.claim_panel.cueFromSelectionRequested.connect(self._cue_from_selection)
        scroll = QScrollArea()
        scroll.setWidget(self.claim_panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.claim_dock = self._dock("Claim", "claim", scroll, Qt.DockWidgetArea.RightDockWidgetArea)
        self._picking_claimant: str | None = None
        self.span_model.details = self._span_details

    def _build_entity_dock(self) -> None:
        self.entity_browser = EntityBrowser(lambda: self.workspace)
        self.entity_browser.changed.connect(self._panel_changed)
        self.entity_browser.message.connect(self.message)
        self.entity_browser.mentionRequested.connect(self.open_mention)
        self.entity_dock = self._dock("Entities", "entities", self.entity_browser, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.entity_browser.refresh()

    def _build_palette_dock(self, schema) -> None:
        self.palette = LabelPalette(schema)
        self.palette.labelClicked.connect(self.apply_label)
        scroll = QScrollArea()
        scroll.setWidget(self.palette)
        scroll.setWidgetResizable(True)
        self.palette_dock = self._dock("Labels", "labels", scroll, Qt.DockWidgetArea.RightDockWidgetArea)

    def _table(self, model) -> QTableView:
        return make_table(model)

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # restoreState finds docks by name
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, icon: str | None = None, menu=None) -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(qta.icon(icon))
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(lambda _=False: slot())
        if menu is not None:
            menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action("&New project…", self.new_project, QKeySequence.StandardKey.New, "mdi6.file-plus", file)
        self._action("&Open project…", self.open_project_dialog, QKeySequence.StandardKey.Open, "mdi6.folder-open",
                     file)
        self.recent_menu = file.addMenu("Open &recent")
        file.addSeparator()
        self.import_action = self._action("&Import…", self.import_dialog, "Ctrl+I", "mdi6.import", file)
        self.import_suggestions_action = self._action(
            "Import pre-annotations as &suggestions…", lambda: self.import_dialog(as_suggestions=True), None,
            "mdi6.lightbulb-outline", file)
        self._action("&Export…", self.export_dialog, "Ctrl+E", "mdi6.export", file)
        file.addSeparator()
        self._action("&Quit", self.close, QKeySequence.StandardKey.Quit, None, file)

        edit = bar.addMenu("&Edit")
        self.undo_action = self._action("&Undo", self.undo, QKeySequence.StandardKey.Undo, "mdi6.undo", edit)
        self.redo_action = self._action("&Redo", self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], "mdi6.redo", edit)
        self._action("&Delete span", self.delete_selected, None, "mdi6.delete", edit)
        self._action("Find in &documents", lambda: self.search.setFocus(), QKeySequence.StandardKey.Find, None, edit)
        edit.addSeparator()
        self._action("Edit claim &attributes", self._focus_claim_form, "Ctrl+J", "mdi6.form-select", edit)
        self._action("&Link to canonical entity…", self.link_entity, "Ctrl+K", "mdi6.link-variant", edit)

        view = bar.addMenu("&View")
        self._action("Zoom &in", lambda: self.zoom(1), ["Ctrl++", "Ctrl+="], "mdi6.magnify-plus", view)
        self._action("Zoom &out", lambda: self.zoom(-1), "Ctrl+-", "mdi6.magnify-minus", view)
        self._action("&Reset zoom", lambda: self.zoom(0), "Ctrl+0", None, view)
        view.addSeparator()
        for dock in (self.doc_dock, self.entity_dock, self.span_dock, self.claim_dock, self.palette_dock):
            view.addAction(dock.toggleViewAction())

        go = bar.addMenu("&Go")
        self._action("&Next document", lambda: self.step(1), "Ctrl+PgDown", "mdi6.chevron-double-left", go)
        self._action("&Previous document", lambda: self.step(-1), "Ctrl+PgUp", "mdi6.chevron-double-right", go)
        go.addSeparator()
        self._action("Mark &done and go on", self.mark_done, "Ctrl+Return", "mdi6.check-bold", go)
        self._action("Mark &skipped and go on", lambda: self.mark_done("skipped"), "Ctrl+Shift+Return",
                     "mdi6.skip-next", go)

        help_menu = bar.addMenu("&Help")
        self._action("&Keyboard shortcuts", self.show_shortcuts, "F1", "mdi6.keyboard", help_menu)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main_toolbar")
        for action in (self.undo_action, self.redo_action):
            toolbar.addAction(action)
        self._refresh_recent()

    def _build_status_bar(self) -> None:
        self.position_label = plain_label()
        self.spans_label = plain_label()
        self.saved_label = plain_label()
        self.message_label = plain_label()
        bar = self.statusBar()
        bar.addWidget(self.message_label, 1)
        for label in (self.position_label, self.spans_label, self.saved_label):
            bar.addPermanentWidget(label)

    def _connect_view(self) -> None:
        self.view.labelKeyPressed.connect(self.apply_label)
        self.view.deletePressed.connect(self.delete_selected)
        self.view.escapePressed.connect(self._escape)
        self.view.spanClicked.connect(self._span_clicked)
        self.view.linkPressed.connect(self.link_entity)
        self.view.acceptSuggestions.connect(self.accept_suggestions)
        self.view.rejectSuggestions.connect(self.reject_suggestions)

    # -- project ------------------------------------------------------------------------

    def _show_project(self) -> None:
        project = self.project
        self._project_name = project.info().get("name", project.path.stem)
        self._update_title()
        self.import_action.setEnabled(not project.readonly)
        self.import_suggestions_action.setEnabled(not project.readonly)
        self.doc_model.set_rows(project.document_rows())
        self.doc_filter.forget_texts()
        self._remember_recent(project.path)
        self.settings.setValue("last_project", str(project.path))
        rows = self.doc_model.rows
        last = self.settings.value(f"last_document/{project.path}")
        target = last if last in {r[0] for r in rows} else next(
            (r[0] for r in rows if r[2] != "done"), rows[0][0] if rows else None)
        if target:
            self.open_document(target)
        else:
            self.view.clear_document()
            self.span_model.set_spans([])
            self._set_doc_readonly(None)
            self.message("This project has no documents yet: File > Import…")
        reason = self._readonly_reason()
        if reason:
            self.message(reason)  # last: the analyst must see why nothing can be changed
        self._update_status()

    def _update_title(self) -> None:
        """Title "<document> — <project> — annotator". Both names come from imported data, so
        both are neutralised: a U+202E in a title must not show "report.exe" reordered."""
        doc = self.workspace.document
        row = self.doc_model.row_of(doc.id) if doc is not None else None
        parts = [neutralised(self.doc_model.rows[row][1] or doc.id)] if row is not None else []
        parts += [neutralised(self._project_name), "annotator"]
        self.setWindowTitle(" — ".join(parts) + (" [read-only]" if self.project.readonly else ""))

    def _readonly_reason(self) -> str | None:
        """One sentence on why the project is read-only, when it is."""
        if not self.project.readonly:
            return None
        # The store says why (opened read-only on request, or by itself: no write permission).
        return self.project.readonly_reason or f"{self.project.path} is open read-only"

    def switch_project(self, path: Path, create: bool = False) -> None:
        try:
            if create:
                project = Project.create(path, load_schema(RESOURCES / "schemas" / "news.toml"))
            else:
                project = open_with_fallback(path, self)
        except ProjectError as exc:
            errors.show_error(self, "Cannot open project", str(exc))
            return
        if project is None:
            return
        self.claim_panel.commit_pending()
        self.project.close()
        self.project = project
        self.workspace = Workspace(project, self.annotator)
        self.palette.set_schema(project.schema)
        self.view.set_schema(project.schema)
        self.span_model.set_schema(project.schema)
        self.entity_browser.refresh()
        self._show_project()

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New project", str(self.project.path.parent),
                                              f"annotator projects (*{SUFFIX})")
        if path:
            path = Path(path) if path.endswith(SUFFIX) else Path(path + SUFFIX)
            self.switch_project(path, create=True)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", str(self.project.path.parent),
                                              f"annotator projects (*{SUFFIX});;All files (*)")
        if path:
            self.switch_project(Path(path))

    def _remember_recent(self, path: Path) -> None:
        recent = [p for p in self.settings.value("recent", [], list) or [] if p != str(path)]
        self.settings.setValue("recent", [str(path), *recent][:MAX_RECENT])
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self.settings.value("recent", [], list) or []:
            action = self.recent_menu.addAction(entry.replace("&", "&&"))
            action.triggered.connect(lambda _=False, p=entry: self.switch_project(Path(p)))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _all_texts(self) -> dict[str, str]:
        return dict(self.project.db.execute("SELECT id, text FROM documents").fetchall())

    # -- documents ----------------------------------------------------------------------

    def open_document(self, doc_id: str) -> None:
        self.claim_panel.commit_pending()
        self._finish_loading()
        try:
            # The first screen's spans now, the rest right after the first paint.
            doc = self.workspace.open_document(doc_id, first_chars=FIRST_SCREEN_CHARS)
        except ProjectError as exc:
            errors.show_error(self, "Cannot open document", str(exc))
            return
        try:
            self.view.show_document(doc.text, self.workspace.spans)
        except TextMismatch as exc:
            errors.show_error(self, "Display problem", str(exc))
        self._set_doc_readonly(mismatch_reason(doc.text, self.workspace.spans))
        self.span_model.set_spans(self.workspace.spans)
        self.claim_panel.show_span(None)
        self.doc_model.update(doc_id, status=doc.status)
        self.settings.setValue(f"last_document/{self.project.path}", doc_id)
        self._select_document_row(doc_id)
        self._update_title()
        self.view.setFocus()
        self._update_status()
        if self.workspace.loading:
            QTimer.singleShot(0, self, self._finish_loading)
        doc_id_now = doc_id
        QTimer.singleShot(0, self, lambda: self._load_suggestions(doc_id_now))

    def _finish_loading(self) -> None:
        """Bring in the spans past the first screen (at once if an action needs them)."""
        if self.project.db is None or self.busy:
            return  # the window was closed meanwhile, or an import owns the connection now
        rest = self.workspace.finish_loading()
        if rest:
            doc = self.workspace.document
            if self.doc_readonly is None and doc is not None:
                self._set_doc_readonly(mismatch_reason(doc.text, rest))
            self.view.add_spans(rest)
            self.span_model.set_spans(self.workspace.spans)
            self._update_status()

    def _set_doc_readonly(self, reason: str | None) -> None:
        self.doc_readonly = reason
        self.banner.setText(reason or "")
        self.banner.setVisible(bool(reason))
        if reason:
            self.message(reason)

    def _refused(self) -> bool:
        """True (and the reason in the status bar) when the open document must not be changed."""
        if self.doc_readonly:
            self.message(self.doc_readonly)
            return True
        return False

    # -- suggestions --------------------------------------------------------------------

    def _load_suggestions(self, doc_id: str) -> None:
        """Imported pre-annotations and mentions of known entities, shown dashed."""
        doc = self.workspace.document
        if (doc is None or doc.id != doc_id or self.project.readonly or self.project.db is None or self.busy
                or self.doc_readonly):
            return
        self._finish_loading()
        shown = {s.key() for s in self.view.suggestions}
        found = [s for s in self.workspace.document_suggestions() if self._not_rejected(s) and s.key() not in shown]
        if not found:
            return
        self.view.set_suggestions([*self.view.suggestions, *found], focus=self.view.focused)
        if found:
            self.message(f"{len(found)} suggestions: Tab to move, Enter accepts, Shift+Enter or A accepts all, "
                         "Esc rejects")

    def _suggest_variants(self, span) -> None:
        """After a label: drop suggestions the new span covers, add its other spellings."""
        if self.project.db is None or self.busy or span.id not in self.workspace.spans:
            return  # the window closed, an import owns the connection, or the span is gone again
        keep = [s for s in self.view.suggestions
                if not (s.start < span.end and span.start < s.end and s.layer == span.layer)]
        shown = {k.key() for k in keep}
        fresh = [s for s in self.workspace.variant_suggestions(span.id)
                 if self._not_rejected(s) and s.key() not in shown]
        if not fresh:
            if len(keep) != len(self.view.suggestions):
                self.view.set_suggestions(keep)
            return
        merged = sorted(keep + fresh, key=lambda s: (s.start, -s.end))
        self.view.set_suggestions(merged, focus=merged.index(fresh[0]))
        self.message(f"{len(fresh)} more «{span.text[:30]}»: Enter accepts the outlined one, A accepts all, "
                     "Esc rejects")

    def _not_rejected(self, suggestion) -> bool:
        doc = self.workspace.document
        return (doc.id, *suggestion.key()) not in self._rejected if doc else True

    def accept_suggestions(self, suggestions) -> None:
        if self._refused():
            return
        self._finish_loading()
        try:
            added = self.workspace.accept_suggestions(list(suggestions))
        except AnnotationError as exc:
            self.message(str(exc))
            return
        except ProjectError as exc:
            self._write_failed(exc)
            return
        accepted = {s.key() for s in suggestions}
        new_spans = SpanIndex(added)
        remaining = [s for s in self.view.suggestions if s.key() not in accepted
                     and not any(a.layer == s.layer for a in new_spans.overlapping(s.start, s.end))]
        self.view.set_suggestions(remaining, focus=0 if remaining and len(suggestions) == 1 else None)
        self._refresh(added, [])
        skipped = len(suggestions) - len(added)
        self.message(f"accepted {len(added)} suggestions" + (f"; {skipped} would overlap a span" if skipped else ""))

    def reject_suggestions(self, suggestions) -> None:
        doc = self.workspace.document
        if doc is None or self._refused():
            return
        try:
            self.workspace.reject_suggestions(list(suggestions))
        except AnnotationError as exc:
            self.message(str(exc))
            return
        except ProjectError as exc:
            self._write_failed(exc)
            return
        rejected = {s.key() for s in suggestions}
        self._rejected.update((doc.id, *key) for key in rejected)
        remaining = [s for s in self.view.suggestions if s.key() not in rejected]
        self.view.set_suggestions(remaining, focus=0 if remaining and len(suggestions) == 1 else None)
        self.message(f"rejected {len(rejected)} suggestions")

    def _select_document_row(self, doc_id: str) -> None:
        row = self.doc_model.row_of(doc_id)
        if row is None:
            return
        index = self.doc_filter.mapFromSource(self.doc_model.index(row, 0))
        if index.isValid():
            self.doc_table.selectRow(index.row())
            self.doc_table.scrollTo(index)

    def _document_chosen(self, index) -> None:
        doc_id = index.data(ID_ROLE)
        if doc_id and (self.workspace.document is None or doc_id != self.workspace.document.id):
            self.open_document(doc_id)

    def _visible_ids(self) -> list[str]:
        return [self.doc_filter.index(r, 0).data(ID_ROLE) for r in range(self.doc_filter.rowCount())]

    def step(self, direction: int) -> bool:
        ids = self._visible_ids()
        current = self.workspace.document.id if self.workspace.document else None
        if not ids:
            return False
        if current in ids:
            position = ids.index(current) + direction
            if not 0 <= position < len(ids):
                self.message("No more documents in this list")
                return False
        else:
            position = 0
        self.open_document(ids[position])
        return True

    def mark_done(self, status: str = "done") -> None:
        doc = self.workspace.document
        if doc is None or self._refused():
            return
        self._finish_loading()
        try:
            self.workspace.set_status(status)
        except AnnotationError as exc:
            self.message(str(exc))
            return
        except ProjectError as exc:
            self._write_failed(exc)
            return
        self._saved()
        self.doc_model.update(doc.id, status=status)
        self.step(1)

    # -- annotating ---------------------------------------------------------------------

    def apply_label(self, label: str) -> None:
        """The label key (or palette click): label the selection, or relabel the selected span."""
        if self._refused():
            return
        self._finish_loading()
        selection = self.view.selected_range()
        try:
            if selection is not None:
                text = self.view.text()
                span = snap(text, *selection, exact=self.view.exact)
                if span is None:
                    self.message("Nothing to label in the selection")
                    return
                added = self.workspace.add_span(span[0], span[1], label)
                self.view.clear_selection()
                self._refresh([added], [], select=added.id)
                # Other spellings are searched after this frame: on a long article the search
                # takes longer than storing and showing the span itself.
                QTimer.singleShot(0, self, lambda: self._suggest_variants(added))
            elif self.view.selected_span:
                changed = self.workspace.relabel(self.view.selected_span, label)
                self._refresh([changed], [], select=changed.id)
            else:
                self.message("Select some text first (drag, Shift+arrows, or double-click a word)")
        except AnnotationError as exc:
            self.message(str(exc))
        except ProjectError as exc:
            self._write_failed(exc)

    def delete_selected(self) -> None:
        if self._refused():
            return
        self._finish_loading()
        span_id = self.view.selected_span
        if not span_id:
            self.message("Click a span to select it, then press Delete")
            return
        claims = self.workspace.claimant_of_deleted(span_id)
        if claims:
            quoted = "\n".join(f"• {c.text[:80]}" for c in claims)
            if not ask(self, "Delete a claimant?", f"This span is the claimant of {len(claims)} claim(s):\n{quoted}\n\n"
                       "Delete it and leave those claims without a claimant? (Ctrl+Z undoes it)"):
                return
        try:
            span = self.workspace.delete_span(span_id)
        except AnnotationError as exc:
            self.message(str(exc))
            return
        except ProjectError as exc:
            self._write_failed(exc)
            return
        self._refresh([], [span.id])

    def undo(self) -> None:
        self._history(self.workspace.undo, "Nothing to undo")

    def redo(self) -> None:
        self._history(self.workspace.redo, "Nothing to redo")

    def _history(self, step, empty: str) -> None:
        self._finish_loading()
        current = self.workspace.document.id if self.workspace.document else None
        try:
            change = step()
        except ProjectError as exc:
            self._write_failed(exc)
            return
        if change is None:
            self.message(empty)
            return
        if change.doc_id != current:
            self.open_document(change.doc_id)  # show where the undone action happened
        elif change.status_changed:
            self.doc_model.update(change.doc_id, status=self.workspace.document.status)
        else:
            self._refresh(change.added, change.removed)
        self.claim_panel.refresh()
        self.span_model.refresh_details()
        if change.entities_changed:
            self.entity_browser.refresh()
        self.message(f"{'Undid' if step == self.workspace.undo else 'Redid'}: {change.description}")
        self._saved()

    def _refresh(self, added, removed, select: str | None = None) -> None:
        self.view.apply_change(added, removed)
        self.span_model.apply_change(added, removed)
        if select:
            self.view.select_span(select, scroll=False)
        self._write_ok()
        self.claim_panel.show_span(self.view.selected_span)
        # The panels follow right after this frame: the article is what the analyst watches.
        QTimer.singleShot(0, self, lambda: self._after_change(select))

    def _after_change(self, select: str | None) -> None:
        if self.project.db is None:
            return
        doc = self.workspace.document
        row = self.doc_model.row_of(doc.id) if doc is not None else None
        if row is not None:
            self.doc_model.update(doc.id, span_delta=len(self.workspace.spans) - self.doc_model.rows[row][3])
        if select and select == self.view.selected_span:
            self._sync_span_row(select)
        self._update_status()

    def _span_clicked(self, span_id: str) -> None:
        if self._picking_claimant:
            claim_id, self._picking_claimant = self._picking_claimant, None
            if span_id and self.claim_panel.claimant_picked(span_id):
                self.message("claimant set")
            else:
                self.message("no claimant picked")
            self.view.select_span(claim_id, scroll=False)
            self._show_selected(claim_id)
            return
        self.view.select_span(span_id or None, scroll=False)
        self._sync_span_row(span_id)
        self._show_selected(span_id or None)

    def _span_chosen(self, index) -> None:
        span_id = index.data(ID_ROLE)
        self.view.select_span(span_id)
        self._show_selected(span_id)
        self.view.setFocus()

    def _show_selected(self, span_id: str | None) -> None:
        self.claim_panel.show_span(span_id)

    def _span_details(self, span) -> str:
        if not self.project.schema.attributes(span.layer):
            return neutralised(span.entity.name) if span.entity else ""
        parts = []
        who = self.workspace.claimant(span.id)
        if who is not None:
            parts.append(f"claimant: {who if isinstance(who, str) else neutralised(who.text, limit=40)}")
        if span.attrs.get("stance"):
            parts.append(f"stance: {span.attrs['stance']}")
        return " · ".join(parts)

    def _panel_changed(self) -> None:
        change = self.workspace.last_change
        if change is not None:
            self._refresh(change.added, change.removed)
            if change.entities_changed:
                self.entity_browser.refresh()
        self.span_model.refresh_details()

    def link_entity(self) -> None:
        """Link the selected entity span to a canonical entity (pick list, or a new one)."""
        if self._refused():
            return
        self._finish_loading()
        span = self.workspace.spans.get(self.view.selected_span) if self.view.selected_span else None
        if span is None:
            self.message("Click an entity span first, then press K to link it")
            return
        if self.project.schema.attributes(span.layer) or span.layer != self.project.schema.layers[0].name:
            self.message(f"{span.label} spans are not linked to canonical entities")
            return
        picker = EntityPicker(self.workspace, span, self)
        picker.exec()
        if picker.change is not None:
            self._refresh(picker.change.added, picker.change.removed, select=span.id)
            self.entity_browser.refresh()
            self.message(f"«{span.text[:30]}» is {picker.result_entity.name}")

    def open_mention(self, entity_id: str) -> None:
        """Open the next document that mentions an entity (after the current one, wrapping)."""
        rows = self.project.db.execute(
            "SELECT s.doc_id, s.id FROM spans s JOIN documents d ON d.id = s.doc_id WHERE s.entity_id = ? "
            "ORDER BY d.seq, s.start", [entity_id]).fetchall()
        if not rows:
            self.message("no mentions")
            return
        current = self.workspace.document.id if self.workspace.document else None
        docs = list(dict.fromkeys(doc_id for doc_id, _ in rows))
        target = docs[(docs.index(current) + 1) % len(docs)] if current in docs else docs[0]
        if target != current:
            self.open_document(target)
        self._finish_loading()
        first = next(span_id for doc_id, span_id in rows if doc_id == target)
        self.view.select_span(first)
        self._sync_span_row(first)
        self._show_selected(first)

    def _pick_claimant(self, claim_id: str) -> None:
        self._picking_claimant = claim_id
        self.view.setFocus()
        self.message("Click the span of who makes this claim (Esc cancels)")

    def _cue_from_selection(self, claim_id: str) -> None:
        selection = self.view.selected_range()
        span = snap(self.view.text(), *selection, exact=self.view.exact) if selection else None
        if span is None:
            self.message("Select the reporting verb (قال، أكد، وبحسب...) in the text first")
            return
        self.claim_panel.set_cue(*span)
        self.view.clear_selection()

    def _focus_claim_form(self) -> None:
        if not self.claim_panel.focus_first():
            self.message("Select a claim to edit its attributes")

    def _sync_span_row(self, span_id: str | None) -> None:
        row = self.span_model.row_of(span_id) if span_id else None
        if row is None:
            self.span_table.clearSelection()
        else:
            self.span_table.selectRow(row)
            self.span_table.scrollTo(self.span_model.index(row, 0))

    def _escape(self) -> None:
        if self._picking_claimant:
            self._picking_claimant = None
            self.message("no claimant picked")
            return
        self.view.clear_selection()
        self.view.select_span(None)
        self._sync_span_row(None)

    # -- status and settings ------------------------------------------------------------

    def message(self, text: str) -> None:
        # Messages quote span texts, names and paths: their bidi controls shown, never obeyed.
        self.message_label.setText(errors.visible(text))

    def _saved(self) -> None:
        self._write_ok()
        self._update_status()

    def _write_ok(self) -> None:
        self.last_saved = time.time()
        self.write_failure = None
        errors.WRITE_FAILURES.clear()  # a later failure is news again: show it

    def _write_failed(self, exc: ProjectError) -> None:
        """A write the store refused (full disk, file gone read-only): nothing of the action was
        stored and nothing is shown as done. The sentence is shown in a dialog once, not on
        every key press; the status bar keeps it until a write succeeds again."""
        self.write_failure = str(exc)
        self.message(f"Not saved: {exc}")
        errors.WRITE_FAILURES.report(self, str(exc))
        self._update_status()

    def _update_status(self) -> None:
        doc = self.workspace.document
        rows = self.doc_model.rows
        if doc is not None and rows:
            n = (self.doc_model.row_of(doc.id) or 0) + 1
            self.position_label.setText(f"Document {n} of {len(rows)} · {doc.status.replace('_', ' ')}")
            self.spans_label.setText(f"{len(self.workspace.spans)} spans")
        else:
            self.position_label.setText(f"{len(rows)} documents")
            self.spans_label.setText("")
        when = time.strftime("%H:%M:%S", time.localtime(self.last_saved)) if self.last_saved else None
        if self.project.readonly:
            state = "read-only"
        elif self.write_failure:
            state = "NOT SAVED"  # the last action failed; every earlier one is stored
        else:
            state = f"saved {when}" if when else "all changes saved"
        self.saved_label.setText(state)
        # Why it is read-only (or why the last action was not saved), on hover.
        set_tooltip(self.saved_label, self._readonly_reason() or self.write_failure or "")
        # Undo texts quote span texts and names: escaped, or the toolbar tooltip renders them.
        self.undo_action.setToolTip(tooltip_text(self.workspace.history.undo_text() or "Nothing to undo"))
        self.redo_action.setToolTip(tooltip_text(self.workspace.history.redo_text() or "Nothing to redo"))

    def zoom(self, step: int) -> None:
        size = DEFAULT_FONT_SIZE if step == 0 else min(max(self.view.font_size() + step, 8), 48)
        self.view.set_font_size(size)
        self.settings.setValue("font_size", size)

    def shortcuts(self) -> list[tuple[str, str]]:
        rows = [(label.key, f"label the selection (or relabel the selected span) {label.name}")
                for label in self.project.schema.labels() if label.key]
        rows += [
            ("drag / Shift+arrows", "select text; it snaps to whole words, a clitic (و ف ب ل ك ال) you leave out stays out"),
            ("Alt+drag", "select exact characters, no snapping"),
            ("double-click", "select a word"),
            ("click a span", "select it (click again: the span around it)"),
            ("Delete / Backspace", "delete the selected span"),
            ("Esc", "clear the selection"),
            ("Ctrl+Z / Ctrl+Shift+Z", "undo / redo"),
            ("K / Ctrl+K", "link the selected entity span to a canonical entity (Enter creates a new one)"),
            ("Ctrl+J", "edit the selected claim's attributes (claimant, stance, ...)"),
            ("Tab / Shift+Tab", "with suggestions shown: move between them"),
            ("Enter", "accept the outlined suggestion"),
            ("A / Shift+Enter", "accept all suggestions"),
            ("Esc", "reject the outlined suggestion (or all when none is outlined)"),
            ("Ctrl+Enter", "mark the document done and open the next"),
            ("Ctrl+Shift+Enter", "mark the document skipped and open the next"),
            ("Ctrl+PgDown / Ctrl+PgUp", "next / previous document"),
            ("Ctrl+F", "search documents"),
            ("Ctrl++ / Ctrl+- / Ctrl+0", "zoom"),
            ("Ctrl+I / Ctrl+E", "import / export"),
        ]
        return rows

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.shortcuts(), self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.busy:
            # The worker still uses the connection: stop it after its batch, close afterwards.
            self._close_after_import = True
            if self.import_task is not None:
                self.import_task.cancel()
            self.message("Stopping the import; the window closes when the current batch is stored")
            event.ignore()
            return
        # Every action is already committed (a note being typed is committed now); closing only
        # records the layout.
        self.claim_panel.commit_pending()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.sync()
        self.project.close()
        super().closeEvent(event)


def open_with_fallback(path: Path, parent: QWidget | None) -> Project | None:
    """Open for writing; if another instance holds it, offer read-only (None if declined)."""
    try:
        return Project.open(path)
    except ProjectLocked as exc:
        if ask(parent, "Project in use", f"{exc}.\n\nOpen it read-only?"):
            return Project.open(path, readonly=True)
        return None
