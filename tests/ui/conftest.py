"""A real main window on a real project file, with settings, logs and dialogs kept in tmp."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from annotator import RESOURCES, SEEDS
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.ui import errors
from annotator.ui.fonts import load_bundled_fonts
from annotator.ui.main_window import MainWindow

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")


@pytest.fixture(autouse=True)
def english(qapp):
    """Every UI test runs with the English catalogue the app installs (plural forms: "1 span"),
    whatever an earlier test installed or removed (a few KB read per test)."""
    from annotator.ui.app import install_translator

    install_translator(qapp, language="en")


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """Error dialogs are recorded instead of shown (exec() would block the test)."""
    shown = []
    monkeypatch.setattr(errors, "DIALOG", lambda *args: shown.append(args))
    monkeypatch.setenv(errors.LOG_DIR_ENV, str(tmp_path / "logs"))
    return shown


def make_project(path: Path, sources) -> Path:
    with Project.create(path, NEWS) as project:
        import_paths(project, sources)
    return path


@pytest.fixture
def demo_path(tmp_path) -> Path:
    return make_project(tmp_path / "demo.annotator", [SEEDS])


@pytest.fixture
def open_window(qtbot, tmp_path, dialogs):
    """open_window(path) -> a shown MainWindow; closed (project released) after the test."""
    load_bundled_fonts()
    windows = []

    def opener(path: Path, annotator: str = "amal") -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Project.open(path), annotator, settings)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield opener
    for window in windows:
        if not window.project.closed:
            window.close()
