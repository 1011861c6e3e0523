"""Crash handling for the GUI: log every uncaught exception, tell the user, keep running.

PySide6 passes an exception raised inside a slot or a virtual override (paintEvent, ...) to
sys.excepthook and then returns to the event loop, so a hook that logs and shows a dialog turns
a crash into a reported error. Dialogs are plain text only: exception messages may quote
article text or file names, which must never be interpreted as HTML.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from annotator.core.display import neutralised
from annotator.store.errors import ProjectError
from annotator.ui import messages

# Tests set ANNOTATOR_LOG_DIR to a tmp dir; users may too (e.g. a portable install).
LOG_DIR_ENV = "ANNOTATOR_LOG_DIR"
LOG_NAME = "annotator.log"
MAX_MESSAGE = 500  # an exception message can be a whole article; the log has it in full

log = logging.getLogger("annotator")
_handler: RotatingFileHandler | None = None


def log_path() -> Path:
    """Where the log file is (or will be) written."""
    folder = os.environ.get(LOG_DIR_ENV) or platformdirs.user_log_dir("annotator", appauthor=False)
    return Path(folder) / LOG_NAME


def setup_log_file() -> Path | None:
    """Attach a rotating file handler to the "annotator" logger; None if it cannot be written.

    Idempotent; a changed log_path() (tests) replaces the old handler.
    """
    global _handler
    path = log_path()
    if _handler is not None and Path(_handler.baseFilename) == path.resolve():
        return path
    close_log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # 1 MB x 3 backups: enough history for a bug report, never fills a disk.
        _handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:  # read-only home, full disk: stderr must do
        print(f"annotator: cannot write the log file {path}: {exc}", file=sys.stderr)
        return None
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _handler.setLevel(logging.INFO)
    log.addHandler(_handler)
    if log.level == logging.NOTSET or log.level > logging.INFO:
        log.setLevel(logging.INFO)
    return path


def close_log_file() -> None:
    """Detach and close the file handler (tests; and so Windows can delete the folder)."""
    global _handler
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler = None


def build_message_box(
    parent: QWidget | None, title: str, text: str, details: str = ""
) -> QMessageBox:
    """A critical QMessageBox that shows `text` literally (Qt would guess rich text)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)  # always plain text in Qt
    return box


def _exec_message_box(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    build_message_box(parent, title, text, details).exec()


# What shows an error: called as DIALOG(parent, title, text, details). Tests replace it with a
# recorder, since exec() would block an offscreen test forever.
DIALOG: Callable[[QWidget | None, str, str, str], None] = _exec_message_box


def visible(text: str) -> str:
    """Each line of a message neutralised: messages quote file names, titles and span texts,
    whose bidi controls must show as such and never reorder the sentence around them."""
    return "\n".join(neutralised(line) if line else "" for line in text.split("\n"))


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    """Show a clear error dialog; `message` is displayed as plain text, never as HTML, with its
    bidi controls made visible (see `visible`). Every dialog is also logged: the README sends
    users to the log file, and a dialog closed in a hurry is otherwise gone."""
    log.warning("%s: %s%s", title, message, f"\n{details}" if details else "")
    DIALOG(parent, title, visible(message), details)


class FailureNotice:
    """A failed write (full disk, a file gone read-only) is shown once per cause: on a full disk
    every key press fails the same way, and a dialog per key press would make the window
    unusable. The same sentence again is only logged until `clear()` (a write succeeded)."""

    TITLE = QT_TRANSLATE_NOOP("Errors", "Not saved")  # translated when shown

    def __init__(self) -> None:
        self._shown: str | None = None

    def report(self, parent: QWidget | None, message: str, title: str | None = None) -> bool:
        """Show `message` unless it is the one already shown; True if a dialog was shown.
        `title` is already translated (default: "Not saved")."""
        title = title or QCoreApplication.translate("Errors", self.TITLE)
        log.warning("%s: %s", title, message)
        if message == self._shown:
            return False
        self._shown = message
        show_error(parent, title, message)
        return True

    def clear(self) -> None:
        self._shown = None


# One for the whole app: the window's actions and the hook below (for panels' slots) share it.
WRITE_FAILURES = FailureNotice()


class _Reporter(QObject):
    """Shows reports in the GUI thread, whichever thread raised: a queued signal carries them."""

    report = Signal(str, str)
    failure = Signal(str)  # a ProjectError's sentence (translated by messages.text)

    def __init__(self, parent_getter: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._parent_getter = parent_getter
        self._showing = False  # an error raised while a dialog's event loop runs: no stacking
        # AutoConnection: direct in the GUI thread, queued from a worker thread.
        self.report.connect(self._show)
        self.failure.connect(self._failure)

    @Slot(str)
    def _failure(self, message: str) -> None:
        if QApplication.instance() is None:
            return
        try:
            parent = self._parent_getter()
        except Exception:
            parent = None
        WRITE_FAILURES.report(parent, message, QCoreApplication.translate("Errors", "Project error"))

    @Slot(str, str)
    def _show(self, text: str, details: str) -> None:
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            try:
                parent = self._parent_getter()
            except Exception:  # a broken getter must not hide the original error
                parent = None
            show_error(parent, QCoreApplication.translate("Errors", "Unexpected error"), text, details)
        finally:
            self._showing = False


def install_excepthook(parent_getter: Callable[[], QWidget | None] = lambda: None) -> None:
    """Log uncaught exceptions (main and worker threads) and report them in a dialog.

    Call it in the GUI thread. `parent_getter` returns the window to centre the dialog on (or
    None); it is called when an error happens, so it may return a window created later.
    """
    setup_log_file()
    reporter = _Reporter(parent_getter)

    def report(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        if isinstance(value, ProjectError):
            # The store's message is already a sentence for the user (which file, what to do):
            # no "Unexpected error", no traceback dialog, and only once per cause.
            log.info("project error in a slot: %s", "".join(traceback.format_exception(kind, value, tb)).rstrip())
            reporter.failure.emit(messages.text(value))
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("uncaught exception\n%s", details.rstrip())
        if not logging.getLogger().handlers:  # else the root logger already prints it
            sys.stderr.write(details)  # still visible when started from a terminal
        message = str(value)
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + "…"
        text = QCoreApplication.translate(
            "Errors", "Something went wrong: {kind}: {message}\n\nThe application keeps running. The details are "
            "in the log file:\n{log}").format(kind=kind.__name__, message=message, log=log_path())
        reporter.report.emit(text, details)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        report(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    report.reporter = reporter  # type: ignore[attr-defined]  # lives as long as the hook
    sys.excepthook = report
    threading.excepthook = thread_hook
