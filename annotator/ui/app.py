"""Starting the desktop app: Qt application, bundled font, crash handler, project, window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from annotator import RESOURCES, __version__
from annotator.store import ProjectError
from annotator.team.package_info import package_annotator
from annotator.ui import errors, messages
from annotator.ui.annotator_name import ask_name, os_user, remember, remembered
from annotator.ui.fonts import FontLoadError, load_bundled_fonts
from annotator.ui.main_window import MainWindow, open_with_fallback


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("annotator")
    install_translator(app)
    return app


TRANSLATIONS = RESOURCES / "translations"
FALLBACK_LANGUAGE = "en"
_translator: QTranslator | None = None  # the one installed, replaced on a second call
_qt_translator: QTranslator | None = None  # Qt's own strings (OK, Cancel) in the same language


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Install annotator_<lang>.qm for `locale` (the system's), else annotator_en.qm; once per app.

    English has a .qm of its own because `%n` messages carry only the plural ("%n mentions"):
    without it Qt shows "1 mentions". Returns the translator, None when no .qm could be loaded
    (the window then shows the English sources, with that plural flaw, rather than not start).
    """
    global _translator, _qt_translator
    for old in (_translator, _qt_translator):
        if old is not None:
            app.removeTranslator(old)
    _translator = _qt_translator = None
    qt = QTranslator(app)
    if qt.load(locale or QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _qt_translator = qt
    translator = QTranslator(app)  # parented: it lives as long as the application
    if not (translator.load(locale or QLocale(), "annotator", "_", str(TRANSLATIONS))
            or translator.load(f"annotator_{FALLBACK_LANGUAGE}", str(TRANSLATIONS))):
        errors.log.warning("no translation found in %s", TRANSLATIONS)
        return None
    app.installTranslator(translator)
    _translator = translator
    return translator


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
    app = create_application()
    errors.setup_log_file()
    window: list[MainWindow] = []
    errors.install_excepthook(lambda: window[0] if window else None)
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


def last_project() -> Path | None:
    value = QSettings("annotator", "annotator").value("last_project")
    return Path(value) if value and Path(value).is_file() else None
