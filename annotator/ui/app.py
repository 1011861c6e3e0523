"""Starting the desktop app: Qt application, bundled font, crash handler, project, window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator import __version__
from annotator.store import ProjectError
from annotator.ui import errors
from annotator.ui.fonts import FontLoadError, load_bundled_fonts
from annotator.ui.main_window import MainWindow, open_with_fallback


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("annotator")
    return app


def run(project_path: Path, annotator: str) -> int:
    app = create_application()
    errors.setup_log_file()
    window: list[MainWindow] = []
    errors.install_excepthook(lambda: window[0] if window else None)
    try:
        load_bundled_fonts()
    except FontLoadError as exc:
        errors.show_error(None, "Font missing", f"{exc}\nArabic will be shown with a system font.")
    try:
        project = open_with_fallback(project_path, None)
    except ProjectError as exc:
        errors.show_error(None, "Cannot open project", str(exc))
        return 1
    if project is None:
        return 1
    window.append(MainWindow(project, annotator, QSettings()))
    window[0].show()
    return app.exec()


def last_project() -> Path | None:
    value = QSettings("annotator", "annotator").value("last_project")
    return Path(value) if value and Path(value).is_file() else None
