"""Importing from the window off the GUI thread, with progress and a Cancel between batches.

The import runs in a QThread on the window's own Project (its sqlite connection was opened with
check_same_thread=False, and the writer lock belongs to that Project, so a second connection
could not write). One connection must never be used by two threads at once, so the design is
"the GUI waits": while the task runs, the window is disabled and a window-modal progress dialog
is up (no key, click or shortcut reaches an action), and every deferred callback of the window
that would read the database checks `MainWindow.busy` first. The GUI thread keeps running its
event loop (repaints, the progress dialog, its Cancel button), it only stays away from the
database. That is simpler and safer than a lock around every read the widgets make.

Cancel is checked between whole-document batches, each batch being one transaction: what was
stored before the Cancel stays, nothing is half-written.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QThread, Signal

from annotator.io.importing import ImportReport, Importer
from annotator.io.outputs import protected_paths
from annotator.io.records import Rejection
from annotator.store import Project
from annotator.ui.progress import steps


def refuse_project_inputs(project_path: Path, paths: Sequence[Path]) -> tuple[list[Path], list[Rejection]]:
    """Split `paths` into those to import and rejections for the project itself, its side files
    and backups (by real path or by device+inode, so a link is recognised): read as text, the
    project's own bytes would become a garbage document, and nothing should read a live -wal."""
    protected = [Path(p) for p in protected_paths(project_path)]

    def same(a: Path, b: Path) -> bool:
        try:
            return os.path.realpath(a) == os.path.realpath(b) or os.path.samefile(a, b)
        except OSError:
            return False

    kept, refused = [], []
    for path in paths:
        hit = next((p for p in protected if same(path, p)), None)
        if hit is None:
            kept.append(path)
        else:
            reason = (QCoreApplication.translate("ImportTask", "this is the project itself; it cannot be imported into it")
                      if hit == protected[0] else QCoreApplication.translate(
                          "ImportTask", "this is a file belonging to the project; it cannot be imported into it"))
            refused.append(Rejection(str(path), None, reason))
    return kept, refused


class ImportTask(QThread):
    progressed = Signal(int)  # documents stored so far (queued to the GUI thread)
    advanced = Signal(int)  # how far through the input bytes, in progress.STEPS

    def __init__(self, project: Project, paths: Sequence[Path], *, annotator: str, as_suggestions: bool,
                 fmt: str = "auto", text_column: str | None = None, parent=None):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._stored = 0
        self.report: ImportReport | None = None
        self.cancelled = False  # stopped by Cancel: the batches stored before it are whole
        self.error: BaseException | None = None  # raised in the worker, re-raised by wait_done()
        # The Importer asks `cancel` between files and before storing each batch (one
        # transaction of whole documents): a Cancel never leaves half a batch.
        self._importer = Importer(project, annotator=annotator, progress=self._tick, as_suggestions=as_suggestions,
                                  cancel=self._cancel.is_set,
                                  advanced=self._advance, text_column=text_column)
        self._format = fmt  # "auto" or an IMPORT_FORMATS name, as the CLI's --format
        self._step = -1
        self._paths = list(paths)

    def cancel(self) -> None:
        """Ask the worker to stop after the batch it is storing (thread-safe)."""
        self._cancel.set()

    def _tick(self, count: int) -> None:
        # Called by the Importer (in the worker) right after a batch was committed.
        self._stored += count
        self.progressed.emit(self._stored)

    def _advance(self, done: int, total: int) -> None:
        # Only when the bar would move: a folder of many small files reports after every file,
        # and each update makes the GUI run its event loop once.
        step = steps(done, total)
        if step != self._step:
            self._step = step
            self.advanced.emit(step)

    def run(self) -> None:  # the worker thread
        try:
            self.report = self._importer.run(self._paths, self._format)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, never lost
            self.error = exc
            self.report = self._importer.report  # the batches committed before it stay
        self.cancelled = self.report.cancelled

    def wait_done(self) -> ImportReport:
        """Start the worker and run a local event loop until it has finished (the GUI stays
        live); then return the report, or raise what the worker raised."""
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.start()
        if not self.isFinished():
            loop.exec()
        self.wait()  # run() has returned; make sure the thread is fully gone
        if self.error is not None:
            raise self.error
        assert self.report is not None
        return self.report
