"""Computing the agreement view's figures off the GUI thread.

On ten thousand documents the agreement takes seconds, so it runs in a QThread on a read-only
connection of its own (`Project.open(path, readonly=True)`): the window's connection stays the
GUI thread's alone, and a reader never blocks the window's writes (WAL). Stopping is asked
between documents while they are read; a stopped or failed run hands back no figures.

A task that is still running when its view goes away is kept here until it ends: a QThread
destroyed while it runs takes the process down.

The cyclic garbage collector is paused while a task runs. The computation holds every compared
document (a million objects on 10k articles), and each full collection walks them all holding
the GIL: the window stood still for up to 0.4 s at a time and the run took longer (10k seed
articles, two sets each: 14.7 s and pauses up to 423 ms with it, 9.1 s and 217 ms without, on a
shared 2-core machine). Reference counting still
frees everything; the few cycles made meanwhile are collected when the last task ends.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread, Signal

from annotator.core.agreement import AgreementReport
from annotator.store import Project
from annotator.team.agreement_data import project_agreement

TOP = 20  # disputed documents listed


class Stopped(Exception):
    """The run was asked to stop."""


@dataclass
class AgreementResult:
    report: AgreementReport | None = None
    summary: list[dict] = field(default_factory=list)  # Project.set_summary()
    titles: dict[str, str] = field(default_factory=dict)  # the disputed documents' titles
    error: BaseException | None = None  # why there are no figures (the store refused, the file went away)


class _Stoppable:
    """The project as project_agreement reads it, with a stop check between documents."""

    def __init__(self, project: Project, stop: threading.Event):
        self._project, self._stop = project, stop

    def __getattr__(self, name):
        return getattr(self._project, name)

    def iter_documents(self, *args, **kwargs):
        for doc in self._project.iter_documents(*args, **kwargs):
            if self._stop.is_set():
                raise Stopped
            yield doc


_RUNNING: set["AgreementTask"] = set()
_HOOKED: list[bool] = []  # stop_all is connected to aboutToQuit once
_PAUSE = threading.Lock()
_PAUSED = [0, False]  # tasks running with the collector paused; whether it was enabled before


def _pause_collector() -> None:
    with _PAUSE:
        if _PAUSED[0] == 0:
            _PAUSED[1] = gc.isenabled()
            gc.disable()
        _PAUSED[0] += 1


def _resume_collector() -> None:
    with _PAUSE:
        _PAUSED[0] -= 1
        if _PAUSED[0] == 0 and _PAUSED[1]:
            gc.enable()


class AgreementTask(QThread):
    computed = Signal(object)  # an AgreementResult, queued to the GUI thread; not sent when stopped

    def __init__(self, path: Path):
        super().__init__()
        self._path = Path(path)
        self._stop = threading.Event()
        self.finished.connect(self._forget)  # queued: a slot of this object runs in the GUI thread

    def start(self) -> None:  # noqa: D102 - kept alive until it ends
        _RUNNING.add(self)
        app = QCoreApplication.instance()
        if app is not None and not _HOOKED:
            app.aboutToQuit.connect(stop_all)
            _HOOKED.append(True)
        super().start()

    def stop(self) -> None:
        self._stop.set()

    def _forget(self) -> None:
        self.wait()  # finished is sent just before the thread is gone: let it go first
        _RUNNING.discard(self)

    def run(self) -> None:  # the worker thread
        result = AgreementResult()
        _pause_collector()
        try:
            with Project.open(self._path, readonly=True) as project:
                result.report = project_agreement(_Stoppable(project, self._stop), top=TOP)
                result.summary = project.set_summary()
                wanted = {d.id for d in result.report.most_disagreement}
                result.titles = {row[0]: row[1] or "" for row in project.document_rows() if row[0] in wanted}
        except Stopped:
            return
        except Exception as exc:  # noqa: BLE001 - said in the view, never lost
            result.error = exc
        finally:
            _resume_collector()
        if not self._stop.is_set():
            self.computed.emit(result)


def stop_all() -> None:
    """Stop every running task and wait for it (the application is quitting)."""
    for task in list(_RUNNING):
        task.stop()
        task.wait()


__all__ = ["AgreementResult", "AgreementTask", "TOP", "stop_all"]
