"""Starting the app: a clear message instead of a traceback."""

import sys
import threading

from click.testing import CliRunner

from annotator import cli as cli_module
from annotator.ui import app, errors


def test_unreadable_project_is_a_dialog_not_a_traceback(qapp, tmp_path, dialogs, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own hook
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    broken = tmp_path / "broken.annotator"
    broken.write_bytes(b"this is not a database" * 50)
    assert app.run(broken, "amal") == 1
    title, text = dialogs[-1][1], dialogs[-1][2]
    assert title == "Cannot open project" and "not an annotator project" in text
    errors.close_log_file()


def test_gui_names_missing_system_libraries(monkeypatch, tmp_path):
    import annotator.ui.platform_check as platform_check

    message = "Qt's xcb platform plugin cannot load; missing system libraries: libxcb-icccm.so.4"
    monkeypatch.setattr(platform_check, "diagnose", lambda env=None: message)
    project = tmp_path / "p.annotator"
    CliRunner().invoke(cli_module.cli, ["init", str(project)])
    result = CliRunner().invoke(cli_module.cli, ["gui", str(project)])
    assert result.exit_code == 1
    assert "libxcb-icccm.so.4" in result.output
