"""The annotation window: document list, article view, span list, label palette, status bar.

It holds no annotation logic of its own: every action goes to the Workspace (which commits it
before returning) and every view is updated from the Change the workspace announces
(`_on_change`), whoever made the action: a key, a panel, undo from another document, a script.
The seams live in their own modules: routing each Change to the views (change_dispatch.py),
the annotating commands (annotating_commands.py), the menu commands (window_commands.py, built
by the action registry of actions.py), the docks (window_docks.py), suggestions, import/export,
project switching and the status bar. This module opens projects and documents and keeps the
title and status bar in step.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from annotator.core.display import neutralised
from annotator.store import Project, ProjectError
from annotator.store.workspace import Workspace
from annotator.team.package_info import package_annotator
from annotator.ui import errors, theme
from annotator.ui.annotating_commands import AnnotatingCommands
from annotator.ui.app_icon import app_icon
from annotator.ui.change_dispatch import ChangeDispatch
from annotator.ui.dialogs import ShortcutsDialog
from annotator.ui.doc_guard import make_banner, mismatch_reason
from annotator.ui.find_bar import FindBar
from annotator.ui.layout_shortcuts import LayoutShortcuts
from annotator.ui.pane_focus import PaneFocus
from annotator.ui.label_editor import LabelEditor
from annotator.ui.layout import WindowLayout
from annotator.ui.merge_packages import merge_allowed
from annotator.ui.document_view import DocumentView, TextMismatch
from annotator.ui.project_switcher import ProjectSwitcher, open_with_fallback
from annotator.ui.review_mode import ReviewMode
from annotator.ui.set_chooser import SetChooser
from annotator.ui.shortcut_editor import ShortcutEditor
from annotator.ui.shortcuts_sheet import sheet
from annotator.ui.status_bar import StatusBar
from annotator.ui.suggestions_controller import SuggestionsController
from annotator.ui.window_commands import build_commands
from annotator.ui.window_docks import Docks
from annotator.ui.window_io import ImportExport

FIRST_SCREEN_CHARS = 8000  # spans loaded before the first paint; the rest follow at once
DEFAULT_FONT_SIZE = 15.0


class MainWindow(ChangeDispatch, AnnotatingCommands, Docks, ImportExport, QMainWindow):
    def __init__(self, project: Project, annotator: str, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings("annotator", "annotator")
        self.project = project
        # In an annotator's package (annotator assign) the window works as that annotator.
        self.own_annotator = annotator
        self.annotator = package_annotator(project.info()) or annotator
        self.workspace = Workspace(project, self.annotator)
        self._unsubscribe = self.workspace.subscribe(self._on_change)
        # While an import runs in its worker thread the GUI stays away from the database (see
        # import_task.py): deferred callbacks that would read it check `busy` first.
        self.busy = False
        self._close_after_import = False
        self.import_task = None
        self.agreement_view = None  # View > Agreement (agreement_view.py), made when first asked for
        self._handed_over = False  # closed for a window in another language: the project stays open
        # Why the open document cannot be annotated (its text no longer matches its spans).
        self.doc_readonly: str | None = None
        self.view = DocumentView(project.schema, float(self.settings.value("font_size", DEFAULT_FONT_SIZE)))
        self.banner = make_banner()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.view, 1)
        self.find_bar = FindBar(self)  # Ctrl+F: under the article, hidden until asked for
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.suggestions = SuggestionsController(self)
        self.review = ReviewMode(self)  # View > Review: adjudication into gold (review_mode.py)
        self.build_docks(project.schema)
        self.registry = build_commands(self)
        self.review.attach()
        self.switcher = ProjectSwitcher(self, self.recent_menu)
        self.switcher.refresh_recent()
        self.set_chooser = SetChooser(self, self.set_menu)  # File > Annotate as…, View > Show set
        self.status = StatusBar(self.statusBar(), self)
        self.message_label, self.saved_label = self.status.message_label, self.status.saved_label
        self.position_label, self.spans_label = self.status.position_label, self.status.spans_label
        self._connect_view()
        self.setWindowIcon(app_icon())  # packaging/icons, as the desktop file and the bundle show it
        self.resize(1280, 820)
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self.layout_keeper = WindowLayout(self)  # the saved dock layout, else one for this size
        theme.install(self)
        self._show_project()

    def _connect_view(self) -> None:
        self.view.labelKeyPressed.connect(self.apply_label)
        self.view.deletePressed.connect(self.delete_selected)
        self.view.escapePressed.connect(self._escape)
        self.view.spanClicked.connect(self._span_clicked)
        self.view.linkPressed.connect(self.link_entity)
        self.view.acceptSuggestions.connect(self.suggestions.accept)
        self.view.rejectSuggestions.connect(self.suggestions.reject)
        self.panes = PaneFocus(self)  # F6 between panes, Tab out of tables, Esc back to the article
        self.layout_shortcuts = LayoutShortcuts(self)  # Ctrl+Z etc. with an Arabic-only layout

    @property
    def undo_action(self):
        return self.registry.actions["undo"]

    @property
    def redo_action(self):
        return self.registry.actions["redo"]

    @property
    def import_action(self):
        return self.registry.actions["import"]

    # -- project ------------------------------------------------------------------------

    def switch_project(self, path, create: bool = False) -> None:
        self.switcher.switch(path, create)

    def show_new_project(self, project: Project) -> None:
        """Put `project` (open already) in place of the current one, which is closed now."""
        self.claim_panel.commit_pending()
        self._unsubscribe()
        self.project.close()
        self.project = project
        self._rebuild_workspace(package_annotator(project.info()) or self.own_annotator)
        self.palette.set_schema(project.schema)
        self.view.set_schema(project.schema)
        self.span_model.set_schema(project.schema)
        self.entity_browser.refresh()
        self._show_project()

    def work_as(self, name: str) -> None:
        """Work in `name`'s set from now on (Annotate as…, review as gold): a new Workspace, so
        the undo history of the previous name is dropped (its actions were that set's); the open
        document is shown again with `name`'s spans. The caller says so and remembers the name."""
        self.claim_panel.commit_pending()
        doc = self.workspace.document
        self._unsubscribe()
        self._rebuild_workspace(name)
        self.refresh_document_rows()  # the list shows `name`'s statuses and spans from now on
        if doc is not None:
            self.open_document(doc.id)
        self._update_status()

    def refresh_document_rows(self) -> None:
        """The document list read again as the working set sees it: that set's statuses and
        span counts (another analyst's done is not this one's)."""
        self.doc_model.set_rows(self.project.document_rows(self.workspace.annotator))

    def _rebuild_workspace(self, name: str) -> None:
        """A fresh Workspace on the current project working in `name`'s set (the previous one is
        unsubscribed by the caller); the agreement view follows it."""
        self.annotator = name
        self.workspace = Workspace(self.project, name)
        self._unsubscribe = self.workspace.subscribe(self._on_change)
        if self.agreement_view is not None:
            self.agreement_view.follow_project()

    def _show_project(self) -> None:
        project = self.project
        self._project_name = project.info().get("name", project.path.stem)
        self.set_chooser.project_shown()
        self._update_title()
        for name in ("import", "import_folder", "import_suggestions"):
            self.registry.actions[name].setEnabled(not project.readonly)
        self.registry.actions["merge_packages"].setEnabled(merge_allowed(project))
        self.refresh_document_rows()
        self.doc_filter.forget_texts()
        self.switcher.remember(project.path)
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
            self.message(self.tr("This project has no documents yet: File > Import…"))
        reason = self._readonly_reason()
        if reason:
            self.message(reason)  # last: the analyst must see why nothing can be changed
        self._update_status()

    def _update_title(self) -> None:
        """Title "<document> — <project> — annotator". Both names come from imported data, so
        both are neutralised: a U+202E in a title must not show "report.exe" reordered."""
        doc = self.workspace.document
        row = self.doc_model.row_of(doc.id) if doc is not None else None
        project = neutralised(self._project_name)
        if row is not None:
            document = neutralised(self.doc_model.rows[row][1] or doc.id)
            title = self.tr("{document} — {project} — annotator").format(document=document, project=project)
        else:
            title = self.tr("{project} — annotator").format(project=project)
        self.setWindowTitle(self.tr("{title} [read-only]").format(title=title) if self.project.readonly else title)

    def _readonly_reason(self) -> str | None:
        """One sentence on why the project is read-only, when it is."""
        if not self.project.readonly:
            return None
        # The store says why (opened read-only on request, or by itself: no write permission).
        return self.project.readonly_reason or self.tr("{path} is open read-only").format(path=self.project.path)

    # -- documents ----------------------------------------------------------------------

    def open_document(self, doc_id: str) -> None:
        self.claim_panel.commit_pending()
        self._finish_loading()
        self.set_chooser.follow(doc_id)  # the set shown read-only, if this document has it
        try:
            # The first screen's spans now, the rest right after the first paint.
            doc = self.workspace.open_document(doc_id, first_chars=FIRST_SCREEN_CHARS)
        except ProjectError as exc:
            errors.show_error(self, self.tr("Cannot open document"), str(exc))
            return
        try:
            self.view.show_document(doc.text, self.workspace.spans)
        except TextMismatch as exc:
            errors.show_error(self, self.tr("Display problem"), str(exc))
        self._set_doc_readonly(mismatch_reason(doc.text, self.workspace.spans))
        self.span_model.set_spans(self.workspace.spans)
        self.claim_panel.show_span(None)
        if self.workspace.viewing is None:  # the list shows the window's own set, not the one shown
            self.doc_model.update(doc_id, status=doc.status)
            self._count_spans()
        self.settings.setValue(f"last_document/{self.project.path}", doc_id)
        self._select_document_row(doc_id)
        self._update_title()
        self.view.setFocus()
        self._update_status()
        if self.workspace.loading:
            QTimer.singleShot(0, self, self._finish_loading)
        QTimer.singleShot(0, self, lambda: self.suggestions.load(doc_id))

    def _finish_loading(self) -> None:
        """Bring in the spans past the first screen (at once if an action needs them)."""
        if self.project.closed or self.busy:
            return  # the window was closed meanwhile, or an import owns the connection now
        rest = self.workspace.finish_loading()
        if rest:
            doc = self.workspace.document
            if self.doc_readonly is None and doc is not None:
                self._set_doc_readonly(mismatch_reason(doc.text, rest))
            self.view.add_spans(rest)
            self.span_model.set_spans(self.workspace.spans)
            if self.workspace.viewing is None:  # another set shown: the list keeps the window's own
                self._count_spans()
            self._update_status()

    def _load_suggestions(self, doc_id: str) -> None:
        self.suggestions.load(doc_id)

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

    def step(self, direction: int) -> bool:
        ids = self._visible_ids()
        current = self.workspace.document.id if self.workspace.document else None
        if not ids:
            return False
        if current in ids:
            position = ids.index(current) + direction
            if not 0 <= position < len(ids):
                self.message(self.tr("No more documents in this list"))
                return False
        else:
            position = 0
        self.open_document(ids[position])
        return True

    def mark_done(self, status: str = "done") -> None:
        if self.workspace.document is None or self._refused():
            return
        self._finish_loading()
        if self._act(lambda ws: ws.set_status(status)) is not None:
            self.step(1)

    # -- status and settings ------------------------------------------------------------

    def message(self, text: str) -> None:
        self.status.message(text)

    @property
    def last_saved(self) -> float | None:
        return self.status.last_saved

    @property
    def write_failure(self) -> str | None:
        return self.status.write_failure

    def _write_failed(self, exc: ProjectError) -> None:
        """A write the store refused (full disk, file gone read-only): nothing of the action was
        stored and nothing is shown as done."""
        self.status.write_failed(exc)
        self._update_status()

    def _update_status(self) -> None:
        doc, rows = self.workspace.document, self.doc_model.rows
        position = (self.doc_model.row_of(doc.id) or 0) + 1 if doc is not None and rows else None
        self.status.show(position=position, documents=len(rows), status=doc.status if doc else None,
                         spans=len(self.workspace.spans), readonly_reason=self._readonly_reason())
        self.status.show_identity(self.annotator, self.workspace.viewing)
        history = self.workspace.history
        self.status.show_history(self.undo_action, self.redo_action, history.undo_text(), history.redo_text())

    def zoom(self, step: int) -> None:
        size = DEFAULT_FONT_SIZE if step == 0 else min(max(self.view.font_size() + step, 8), 48)
        self.view.set_font_size(size)
        self.settings.setValue("font_size", size)

    def apply_schema(self) -> None:
        """The stored schema changed (a label edited, or that undone): the palette, the span
        list and the article's keys and colours follow, and the open document is shown again
        so its spans carry the new names and colours. Rare: a whole re-show is fine."""
        schema = self.project.schema
        self.palette.set_schema(schema)
        self.view.set_schema(schema)
        self.span_model.set_schema(schema)
        doc = self.workspace.document
        if doc is not None:
            where = self.view.verticalScrollBar().value()
            self.open_document(doc.id)
            self._finish_loading()  # every span at once: the analyst stays where they were
            self.view.verticalScrollBar().setValue(where)

    def edit_labels(self) -> None:
        LabelEditor(self).exec()

    def edit_shortcuts(self) -> None:
        ShortcutEditor(self).exec()

    def shortcut_sheet(self):
        return sheet(self.project.schema, self.registry, self.entity_browser.shortcut_actions())

    def shortcuts(self) -> list[tuple[str, str]]:
        return [(row.keys, row.text) for row in self.shortcut_sheet()]

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.shortcuts(), self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.busy:
            # The worker still uses the connection: stop it after its batch, close afterwards.
            self._close_after_import = True
            if self.import_task is not None:
                self.import_task.cancel()
            self.message(self.tr("Stopping the import; the window closes when the current batch is stored"))
            event.ignore()
            return
        # Every action is already committed (a note being typed is committed now); closing only
        # records the layout.
        self.claim_panel.commit_pending()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.sync()
        self._unsubscribe()
        if not self._handed_over:
            self.project.close()
        super().closeEvent(event)

    def hand_over(self) -> None:
        """Close, leaving the project open for the window that replaces this one (View > Language,
        language_menu.py)."""
        self._handed_over = True
        self.close()


__all__ = ["DEFAULT_FONT_SIZE", "FIRST_SCREEN_CHARS", "MainWindow", "open_with_fallback"]
