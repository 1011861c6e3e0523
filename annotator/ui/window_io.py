"""File > Import and File > Export of the main window, as a mixin of MainWindow.

Import runs in a worker thread (import_task.py) while the window waits, live but away from the
database; export goes through the one output guard (annotator.io.outputs), so no path can
overwrite, delete or write into the project, its side files or its backups.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFileDialog

from annotator.io import export_to as write_export, exporter
from annotator.io.conll import default_layer
from annotator.io.format_loss import selection_tally
from annotator.io.outputs import OutputRefused, guard_output, protected_paths
from annotator.io.records import Rejection
from annotator.store import ProjectError
from annotator.store.documents import SpanFilter
from annotator.ui import display_names, errors, messages
from annotator.ui.export_dialog import ExportChoices, ExportDialog
from annotator.ui.import_format_dialog import ImportFormatDialog
from annotator.ui.import_task import ImportTask, refuse_project_inputs
from annotator.ui.merge_packages import show_changed_sets
from annotator.ui.progress import steps, stopping, task_progress

MAX_LISTED = 30  # rejected inputs listed in the report dialog; the rest are counted

# A mixin's self.tr would look its context up as "MainWindow" first, and for a %n message Qt
# answers that lookup with the source's plural ("1 documents") instead of falling through to
# "ImportExport": the context is named in every call.
translate = QCoreApplication.translate


class ImportExport:
    """Needs from the window: project, workspace, annotator, the document list and its filter,
    search, claim_panel, entity_browser, message(), open_document(), _finish_loading(),
    _load_suggestions(), _select_document_row(), _update_status(), _write_failed(). Its strings
    are of the context "ImportExport"."""

    busy = False  # an import's worker owns the project's connection (see import_task.py)
    _close_after_import = False
    import_task: ImportTask | None = None

    def import_dialog(self, as_suggestions: bool = False) -> None:
        # Any file first: the import detects each file's format from its content, whatever its name.
        if as_suggestions:
            title = translate("ImportExport", "Import pre-annotations as suggestions")
            kinds = translate("ImportExport", "Annotated files (*.jsonl *.ndjson *.json *.conll *.ann *.tsv)")
        else:
            title = translate("ImportExport", "Import documents")
            kinds = translate("ImportExport", "Documents (*.txt *.jsonl *.ndjson *.json *.csv *.tsv *.html *.htm "
                                              "*.conll *.ann)")
        every = translate("ImportExport", "All files (*)")
        paths, _ = QFileDialog.getOpenFileNames(self, title, str(self.project.path.parent), f"{every};;{kinds}")
        if not paths:
            return
        chooser = ImportFormatDialog(self)  # detected by default; named, as the CLI's --format
        try:
            if not chooser.exec():
                return
            fmt, text_column = chooser.chosen()
        finally:
            chooser.deleteLater()
        self.import_paths([Path(p) for p in paths], as_suggestions=as_suggestions, fmt=fmt, text_column=text_column)

    def import_folder_dialog(self) -> None:
        """A folder, read as the CLI reads one: every importable file below it (hidden ones and
        links leading out of it skipped), through the same worker as files."""
        folder = QFileDialog.getExistingDirectory(self, translate("ImportExport", "Import a folder of documents"),
                                                  str(self.project.path.parent))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path], as_suggestions: bool = False, fmt: str = "auto",
                     text_column: str | None = None):
        """Import in a worker thread (import_task.py) while the window waits, live but off the
        database; return the report (None if nothing could start). `fmt` and `text_column` are
        the CLI's --format and --text-column."""
        if self.busy:
            self.message(translate("ImportExport", "An import is already running"))
            return None
        paths, refused = refuse_project_inputs(self.project.path, [Path(p) for p in paths])
        # Text being typed belongs to the current span, and the spans past the first screen
        # must be in: both use the connection, so now, before the worker takes it.
        self.claim_panel.commit_pending()
        self._finish_loading()
        task = ImportTask(self.project, paths, annotator=self.annotator, as_suggestions=as_suggestions, fmt=fmt,
                          text_column=text_column, parent=self)
        progress = task_progress(self, translate("ImportExport", "Import"), translate("ImportExport", "Importing…"))
        progress.canceled.connect(task.cancel)
        progress.canceled.connect(lambda: stopping(progress))
        # After a Cancel the label keeps saying that the import is stopping.
        task.progressed.connect(lambda n: progress.wasCanceled()
                                or progress.setLabelText(translate("ImportExport", "Imported %n documents…", "", n)))
        task.advanced.connect(progress.setValue)
        self.import_task = task  # tests (and Cancel) reach the running task here
        self._set_busy(True)
        try:
            report = task.wait_done()
        except ProjectError as exc:
            report = task.report
            self._write_failed(exc)
        finally:
            self.import_task = None
            progress.close()
            progress.deleteLater()
            self._set_busy(False)
        report.rejected[:0] = refused
        self.refresh_document_rows()  # the search keys only the new texts
        self.entity_browser.refresh()  # imported records may bring canonical entities
        if self.search.text().strip():
            self.doc_filter.set_query(self.search.text())  # new documents may match the search
        if self.workspace.document is not None:
            self._select_document_row(self.workspace.document.id)
        if report.changed_sets:  # another analyst's sets of stored documents (io/set_import.py)
            show_changed_sets(self, {name for _, name in report.changed_sets}, {d for d, _ in report.changed_sets})
        lines = [self._import_summary(report, as_suggestions, task.cancelled)]
        if report.formats:  # format names are the CLI's --format names, not translated
            lines[0] += " " + translate("ImportExport", "By format: {formats}.").format(
                formats=display_names.listed(f"{name} {count}" for name, count in sorted(report.formats.items())))
        lines[0] += self._answers_summary(report) + self._sets_summary(report)
        lines += [str(r) for r in report.rejected[:MAX_LISTED]]
        if len(report.rejected) > MAX_LISTED:
            lines.append(translate("ImportExport", "… and %n more", "", len(report.rejected) - MAX_LISTED))
        if report.warnings:  # taken with a change: said, never silently
            lines[0] += " " + translate("ImportExport", "%n warnings.", "", len(report.warnings))
            lines.append(translate("ImportExport", "Imported with a change:"))
            lines += [warning_line(w) for w in report.warnings[:MAX_LISTED]]
            if len(report.warnings) > MAX_LISTED:
                lines.append(translate("ImportExport", "… and %n more", "", len(report.warnings) - MAX_LISTED))
        if report.added_labels:  # never silently: a typo in the data becomes a label of the project
            lines.insert(1, translate(
                "ImportExport", "Added to the project's labels, as they were in the imported data: {labels}").format(
                labels=display_names.listed(report.added_labels)))
        if report.added_attributes:  # brat attributes, like labels: never silently
            lines.insert(1 + bool(report.added_labels), translate(
                "ImportExport", "Added to the project's attributes, as they were in the imported data: {attributes}").format(
                attributes=display_names.listed(report.added_attributes)))
        if report.rejected:
            errors.show_error(self, translate("ImportExport", "Import finished with problems"), "\n".join(lines))
        elif report.added_labels or report.added_attributes or report.warnings:
            title = (translate("ImportExport", "Import added labels") if report.added_labels
                     else translate("ImportExport", "Import added attributes") if report.added_attributes
                     else translate("ImportExport", "Import finished with warnings"))
            errors.show_error(self, title, "\n".join(lines))
        self.message(lines[0])
        if self.workspace.document is None and self.doc_model.rows:
            self.open_document(self.doc_model.rows[0][0])
        elif as_suggestions and self.workspace.document is not None:
            self._load_suggestions(self.workspace.document.id)
        self._update_status()
        if self._close_after_import:
            QTimer.singleShot(0, self, self.close)
        return report

    def _import_summary(self, report, as_suggestions: bool, cancelled: bool) -> str:
        """One sentence; the counts are whole arguments of it, each with its own plural."""
        documents = translate("ImportExport", "%n documents", "", report.documents)
        spans = translate("ImportExport", "%n spans", "", report.spans)
        if as_suggestions:
            spans = translate("ImportExport", "{spans}, {suggestions}").format(
                spans=spans, suggestions=translate("ImportExport", "%n suggestions", "", report.suggestions))
        if cancelled:
            template = translate("ImportExport",
                                 "Import cancelled: imported {documents} ({spans}); {duplicates} skipped; {rejected}.")
        else:
            template = translate("ImportExport", "Imported {documents} ({spans}); {duplicates} skipped; {rejected}.")
        return template.format(documents=documents, spans=spans,
                               duplicates=translate("ImportExport", "%n duplicates", "", len(report.duplicates)),
                               rejected=translate("ImportExport", "%n rejected", "", len(report.rejected)))

    def _answers_summary(self, report) -> str:
        """Prodigy tasks that are no annotation (ner.teach writes many), counted, and accepted
        tasks that joined the document of their text; "" when there are none."""
        rejects, ignores = report.prodigy_answers.get("reject", 0), report.prodigy_answers.get("ignore", 0)
        said = ""
        if rejects or ignores:
            template = (translate("ImportExport", "{rejects} answered reject (skipped: not suggestions), {ignores}.")
                        if report.as_suggestions else
                        translate("ImportExport", "{rejects} answered reject (kept as rejected suggestions), {ignores}."))
            said += " " + template.format(rejects=translate("ImportExport", "%n Prodigy tasks", "", rejects),
                                          ignores=translate("ImportExport", "%n ignore (skipped)", "", ignores))
        if report.joined:
            said += " " + translate("ImportExport", "%n accepted Prodigy tasks joined the document of their text.", "",
                                    report.joined)
        return said

    @staticmethod
    def _sets_summary(report) -> str:
        """Sets of documents already in the project (another analyst's export), "" when none."""
        if not (report.sets_added or report.sets_replaced or report.sets_unchanged):
            return ""
        return " " + translate("ImportExport", "Annotators' sets of documents already in the project: {added}, "
                                               "{replaced}, {unchanged}.").format(
            added=translate("ImportExport", "%n added", "", report.sets_added),
            replaced=translate("ImportExport", "%n replaced", "", report.sets_replaced),
            unchanged=translate("ImportExport", "%n unchanged", "", report.sets_unchanged))

    def _set_busy(self, busy: bool) -> None:
        """Block every way into an action while the import worker owns the connection: the
        menus, shortcuts (actions), docks and the article are disabled, not just covered."""
        self.busy = busy
        for action in self.actions():
            if busy:
                action.setProperty("enabled_before_import", action.isEnabled())
                action.setEnabled(False)
            else:
                action.setEnabled(bool(action.property("enabled_before_import")))
        for widget in (self.menuBar(), self.centralWidget(), self.doc_dock, self.span_dock, self.claim_dock,
                       self.entity_dock, self.palette_dock):
            widget.setEnabled(not busy)

    def make_export_dialog(self) -> ExportDialog:
        """The export dialog with the project's layers, labels and annotators as its filters and
        its summary counted by the store (SQL counts, no document read per change)."""
        project = self.project
        schema = project.schema
        layers = tuple((layer.name, tuple(label.name for label in layer.labels)) for layer in schema.layers)
        choices = ExportChoices(layers,
                                tuple(row["annotator"] for row in project.stats()["annotators"] if row["annotator"]),
                                default_layer(schema), display_names.schema_titles(schema))
        return ExportDialog(project.path, self, check=self._export_problem, choices=choices,
                            count=lambda statuses, spans: selection_tally(project, statuses, spans))

    def export_dialog(self) -> None:
        dialog = self.make_export_dialog()
        if dialog.exec():
            fmt, path, statuses, spans = dialog.chosen()
            if not statuses:  # no status ticked means nothing to export, not "everything"
                self.message(translate("ImportExport", "Export: tick at least one document status"))
                return
            self.export_to(fmt, path, statuses, spans)

    def _export_problem(self, fmt: str, path: Path) -> str | None:
        """What would refuse this export (shown in the dialog before it closes), or None."""
        try:
            guard_output(path, protected=protected_paths(self.project.path), folder=exporter(fmt).WRITES_FOLDER)
        except OutputRefused as exc:
            return messages.text(exc)
        return None

    def export_to(self, fmt: str, path: Path, statuses: tuple[str, ...] = (),
                  spans: SpanFilter = SpanFilter()) -> list[str] | None:
        """Export through the one output guard: the project, its side files and backups can
        never be overwritten, deleted or written into. A progress dialog is up at once; its
        Cancel stops between documents and leaves no output (the exporters write beside the
        target and rename at the end). None when refused, failed or cancelled."""
        path = Path(path)
        self.claim_panel.commit_pending()  # the text being typed belongs to the export
        total = self.project.document_count(statuses)
        progress = task_progress(self, translate("ImportExport", "Export"), translate("ImportExport", "Exporting…"))
        progress.canceled.connect(lambda: stopping(progress))
        written = [0]

        def documents():
            for doc in self.project.iter_documents(statuses, spans):
                if progress.wasCanceled():
                    raise ExportCancelled
                yield doc
                written[0] += 1
                value = steps(written[0], total)
                if value != progress.value():  # at most STEPS updates, however many documents
                    progress.setLabelText(translate("ImportExport", "Exported %n documents…", "", written[0]))
                    # A window-modal dialog's setValue runs the event loop: Cancel is clicked here.
                    progress.setValue(value)

        self._set_busy(True)  # the GUI thread reads the project meanwhile: no action may write to it
        try:
            warnings = write_export(fmt, documents(), path, self.project.schema,
                                    protected=protected_paths(self.project.path))
        except ExportCancelled:
            self.message(translate("ImportExport", "Export cancelled: nothing was written"))
            return None
        except OutputRefused as exc:
            errors.show_error(self, translate("ImportExport", "Export refused"), messages.text(exc))
            self.message(translate("ImportExport", "Export refused: nothing was written"))
            return None
        except OSError as exc:
            reason = translate("ImportExport", "{path}: {reason}").format(path=path, reason=exc.strerror or exc)
            errors.show_error(self, translate("ImportExport", "Export failed"), reason)
            self.message(translate("ImportExport", "Export failed: nothing was written"))
            return None
        except ProjectError as exc:
            errors.show_error(self, translate("ImportExport", "Export failed"), messages.text(exc))
            self.message(translate("ImportExport", "Export failed: nothing was written"))
            return None
        finally:
            progress.close()
            progress.deleteLater()
            self._set_busy(False)
        done = translate("ImportExport", "Exported %n documents to {path}", "", written[0]).format(path=path)
        self.message(done)
        if warnings:  # each one with its document and span, never only "(3 warnings)"
            lines = [done, translate("ImportExport", "Left out or changed on the way:")]
            lines += [str(w) for w in warnings[:MAX_LISTED]]
            if len(warnings) > MAX_LISTED:
                lines.append(translate("ImportExport", "… and %n more", "", len(warnings) - MAX_LISTED))
            errors.show_error(self, translate("ImportExport", "Export finished with warnings"), "\n".join(lines))
        return warnings


def warning_line(warning: Rejection) -> str:
    """"path:line: reason" of an import warning, the reason translated when its code has a
    template (annotator.ui.messages) whose English, filled with the params, is the reason."""
    reason = warning.reason
    for template in messages.TEMPLATES.get(("import", warning.code), ()):
        try:
            if template.format(**warning.params) == reason:
                reason = translate(messages.CONTEXT, template).format(**warning.params)
                break
        except (KeyError, IndexError, ValueError, AttributeError):
            continue  # the params of another variant, or a translation with a broken placeholder
    if warning.line:
        return translate("ImportExport", "{path}:{line}: {reason}").format(path=warning.path, line=warning.line,
                                                                         reason=reason)
    return translate("ImportExport", "{path}: {reason}").format(path=warning.path, reason=reason)


class ExportCancelled(Exception):
    """Raised into the exporter by Cancel: export_to removes its partial file or folder."""
