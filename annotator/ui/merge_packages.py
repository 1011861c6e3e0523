"""File > Merge packages…: the analysts' package files (`annotator assign`) back into the open
project, as `annotator merge` does (annotator.team.merge: every package or, on any refusal,
none), then what each package brought, in the status bar.

Also how the window follows sets changed beneath it (a merge, an import of another analyst's
export): the open document is read again, and when the window's own set changed the undo
history goes (its actions were on spans that may be gone).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator.store import ProjectError
from annotator.team.merge import MergeReport, merge
from annotator.team.package_info import package_annotator
from annotator.ui import errors, messages

translate = QCoreApplication.translate

# The project could not be written (its disk, its file); any other ProjectError is merge()
# refusing a package (not one, of another project, unreadable) before writing anything.
FAILURES = ("disk_full", "io_error", "busy", "damaged", "readonly", "closed")


def merge_allowed(project) -> bool:
    """A read-only project takes nothing, and a package is merged into its project, not into
    another package."""
    return not project.readonly and package_annotator(project.info()) is None


def merge_dialog(window) -> MergeReport | None:
    if not merge_allowed(window.project):
        return None
    every = translate("MergePackages", "All files (*)")
    kinds = translate("MergePackages", "Packages (*.annotator)")
    paths, _ = QFileDialog.getOpenFileNames(window, translate("MergePackages", "Merge packages"),
                                            str(window.project.path.parent), f"{kinds};;{every}")
    if not paths:
        return None
    return merge_into(window, [Path(p) for p in paths])


def merge_into(window, paths: list[Path]) -> MergeReport | None:
    """Merge `paths` into the window's project; the report, or None when refused or failed
    (then nothing was changed: merge() is one transaction)."""
    window.claim_panel.commit_pending()  # the note being typed is the analyst's, stored first
    window._finish_loading()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = merge(window.project, paths)
    except ProjectError as exc:
        if exc.code in FAILURES:  # said as every write the store refused is ("Not saved: ...")
            window._write_failed(exc)
        else:
            errors.show_error(window, translate("MergePackages", "Merge refused"), messages.text(exc))
            window.message(translate("MergePackages", "Merge refused: nothing was changed"))
        return None
    finally:
        QApplication.restoreOverrideCursor()
    window.refresh_document_rows()  # span counts and statuses
    window.entity_browser.refresh()  # the analysts' new canonical entities
    show_changed_sets(window, {p.annotator for p in report.packages if p.changed})
    window.message(summary(report))
    window._update_status()
    return report


def summary(report: MergeReport) -> str:
    """One line: the whole first (the status bar may cut the end), then per package its
    annotator and counts, each with its plural."""
    parts = [translate("MergePackages", "Merged {packages}: {changed}.").format(
        packages=translate("MergePackages", "%n packages", "", len(report.packages)),
        changed=translate("MergePackages", "%n document sets changed", "", report.changed))]
    for merged in report.packages:
        counts = {"annotator": _one_line(merged.annotator),
                  "documents": translate("MergePackages", "%n documents", "", merged.documents),
                  "changed": translate("MergePackages", "%n changed", "", merged.changed)}
        if merged.kept_newer:  # their newer package's work stayed
            part = translate("MergePackages", "{annotator}: {documents}, {changed}, {kept}").format(
                kept=translate("MergePackages", "%n kept from a newer package", "", merged.kept_newer), **counts)
        else:
            part = translate("MergePackages", "{annotator}: {documents}, {changed}").format(**counts)
        parts.append(part)
    return " ".join([parts[0], "; ".join(parts[1:])]).strip()


def _one_line(name: str) -> str:
    """An annotator's name from a package file, on the status bar's one line; its bidi controls
    are shown there as such (status_bar.py), so they are not neutralised here too."""
    return " ".join(name.split())


def show_changed_sets(window, names: Iterable[str], doc_ids: Iterable[str] | None = None) -> None:
    """Sets `names` changed in the store (in documents `doc_ids`, None: any): the open document
    is shown again from the store; if the window's own set is among them its Workspace starts
    afresh (Window.work_as), as undo would replay actions on replaced spans."""
    names = set(names)
    if not names:
        return
    if window.agreement_view is not None:
        window.agreement_view.sets_changed()
    workspace = window.workspace
    doc = workspace.document
    if window.annotator in names:
        window.work_as(window.annotator)  # a new Workspace: the document opened again in it
        return
    if doc is not None and (doc_ids is None or doc.id in set(doc_ids)):
        window.open_document(doc.id)


__all__ = ["merge_allowed", "merge_dialog", "merge_into", "show_changed_sets", "summary"]
