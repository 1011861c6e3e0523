"""Starting the desktop app: Qt application in the chosen language, bundled font, crash handler,
project, window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from annotator import __version__
from annotator.store import ProjectError
from annotator.team.package_info import package_annotator
from annotator.ui import errors, messages
from annotator.ui.app_icon import app_icon
from annotator.ui.annotator_name import ask_name, os_user, remember, remembered
from annotator.ui.fonts import FontLoadError, load_bundled_fonts
from annotator.ui.language import chosen_language, install_translator
from annotator.ui.main_window import MainWindow, open_with_fallback


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The application in `language` ("ar"/"en"; None: the system locale's, see language.py)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("annotator")
    app.setWindowIcon(app_icon())
    install_translator(app, language=language)
    return app


def who_annotates(settings: QSettings, given: str | None, package_name: str | None, interactive: bool,
                   parent=None) -> str:
    """The analyst's name: `given` (--annotator or $ANNOTATOR_NAME), else the remembered one, else
    asked once (prefilled with the OS user) and remembered. Never asked in a package file (its
    annotator is the name) nor without a screen to ask on (`interactive` False: offscreen tests).
    Cancelling the question starts as the OS user, unremembered: it is asked again next time."""
    if given:
        return given
    known = remembered(settings)
    if known or package_name or not interactive:
        return known or os_user() or "unknown"
    typed = ask_name(parent, os_user())
    if typed is None:
        return os_user() or "unknown"
    remember(settings, typed)
    return typed


def run(project_path: Path, annotator: str | None) -> int:
    """`annotator` None: no name was given on the command line or in $ANNOTATOR_NAME."""
    # The analyst's View > Language choice, read before the first window is made.
    app = create_application(language=chosen_language(QSettings("annotator", "annotator")))
    errors.setup_log_file()
    window: list[MainWindow] = []
    errors.install_excepthook(lambda: shown_window() or (window[0] if window else None))
    try:
        load_bundled_fonts()
    except FontLoadError as exc:
        errors.show_error(None, QCoreApplication.translate("App", "Font missing"), QCoreApplication.translate(
            "App", "{problem}\nArabic will be shown with a system font.").format(problem=exc))
    try:
        project = open_with_fallback(project_path, None)
    except ProjectError as exc:
        errors.show_error(None, QCoreApplication.translate("App", "Cannot open project"), messages.text(exc))
        return 1
    if project is None:
        return 1
    settings = QSettings()
    name = who_annotates(settings, annotator, package_annotator(project.info()),
                         app.platformName() not in ("offscreen", "minimal"))
    window.append(MainWindow(project, name, settings))
    window[0].show()
    return app.exec()


def shown_window() -> MainWindow | None:
    """The main window on screen: View > Language replaces the first one by a new one."""
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)


def last_project() -> Path | None:
    value = QSettings("annotator", "annotator").value("last_project")
    return Path(value) if value and Path(value).is_file() else None
