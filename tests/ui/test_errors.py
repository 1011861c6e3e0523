"""Uncaught exceptions in Qt slots are logged, reported as plain text, and do not kill the app."""

import logging
import sys
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton

from annotator.ui import errors

UNTRUSTED = "<b>x</b> & <i>y</i>"


@pytest.fixture
def hooked(tmp_path, monkeypatch, qapp):
    """install_excepthook with the log in tmp_path and the dialog replaced by a recorder."""
    monkeypatch.setenv(errors.LOG_DIR_ENV, str(tmp_path / "logs"))
    # pytest-qt swaps sys.excepthook per test; monkeypatch puts back whatever was there.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown = []
    monkeypatch.setattr(errors, "DIALOG", lambda *args: shown.append(args))
    errors.install_excepthook(lambda: None)
    yield shown
    errors.close_log_file()


def boom():
    raise ValueError(UNTRUSTED)


def test_log_path_honours_env_and_platformdirs(tmp_path, monkeypatch):
    monkeypatch.setenv(errors.LOG_DIR_ENV, str(tmp_path))
    assert errors.log_path() == tmp_path / "annotator.log"
    monkeypatch.delenv(errors.LOG_DIR_ENV)
    assert errors.log_path().name == "annotator.log"
    assert "annotator" in str(errors.log_path().parent)


@pytest.mark.qt_no_exception_capture
def test_exception_in_timer_slot_is_logged_and_reported(hooked, qtbot, caplog):
    with caplog.at_level(logging.ERROR, logger="annotator"):
        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: len(hooked) == 1)
    parent, title, text, details = hooked[0]
    assert parent is None and title == "Unexpected error"
    assert UNTRUSTED in text and str(errors.log_path()) in text
    assert "Traceback" in details and "boom" in details
    assert "ValueError" in caplog.text
    logged = errors.log_path().read_text(encoding="utf-8")
    assert "uncaught exception" in logged and UNTRUSTED in logged and "in boom" in logged


@pytest.mark.qt_no_exception_capture
def test_app_keeps_running_after_a_failing_button_click(hooked, qtbot):
    button = QPushButton("go")
    qtbot.addWidget(button)
    clicks = []
    button.clicked.connect(boom)
    button.clicked.connect(lambda: clicks.append(1))
    for _ in range(3):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(hooked) == 3 and len(clicks) == 3  # every click reported, the loop survived


@pytest.mark.qt_no_exception_capture
def test_exception_in_worker_thread_is_shown_from_the_gui_thread(hooked, qtbot):
    seen_in = []
    errors.DIALOG = lambda *args: (seen_in.append(threading.current_thread()), hooked.append(args))
    worker = threading.Thread(target=boom)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(hooked) == 1)
    assert seen_in == [threading.main_thread()]


def test_message_box_shows_untrusted_text_literally(qtbot):
    box = errors.build_message_box(None, "Import failed", UNTRUSTED, details="trace")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == UNTRUSTED
    assert box.icon() == QMessageBox.Icon.Critical
    assert box.detailedText() == "trace"


def test_show_error_goes_through_the_dialog_hook(monkeypatch):
    shown = []
    monkeypatch.setattr(errors, "DIALOG", lambda *args: shown.append(args))
    errors.show_error(None, "Cannot open project", UNTRUSTED)
    assert shown == [(None, "Cannot open project", errors.visible(UNTRUSTED), "")]


def test_long_messages_are_shortened_in_the_dialog_only(hooked, qtbot):
    long = "ك" * 5000
    try:
        raise RuntimeError(long)
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    text = hooked[0][2]
    assert len(text) < 1000 and text.count("ك") == errors.MAX_MESSAGE
    assert long in errors.log_path().read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_a_project_error_in_a_slot_is_its_sentence_once_not_unexpected(hooked, qtbot):
    from annotator.store import ProjectError

    errors.WRITE_FAILURES.clear()
    sentence = "the disk holding /data/p.annotator is full; your last action was not saved: free some space"

    def full():
        raise ProjectError(sentence)

    for _ in range(3):  # three key presses on a full disk
        QTimer.singleShot(0, full)
        qtbot.wait(5)
    assert [(title, text) for _, title, text, _ in hooked] == [("Project error", errors.visible(sentence))]
    errors.WRITE_FAILURES.clear()  # a write succeeded in between: the next failure is news
    QTimer.singleShot(0, full)
    qtbot.waitUntil(lambda: len(hooked) == 2)
    errors.WRITE_FAILURES.clear()


def test_messages_show_bidi_controls_and_keep_their_lines():
    shown = errors.visible("تقرير\u202eexe.txt: bad\n\nsecond line")
    lines = shown.split("\n")
    assert len(lines) == 3 and lines[1] == ""
    assert "\u202e" not in shown and "⟦RLO⟧" in lines[0] and lines[2].endswith("second line\u2069")
