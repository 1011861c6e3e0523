"""The language the window speaks (Arabic or English) and putting it in place application-wide:
the annotator catalogue, Qt's own (OK, Cancel, the context menus of text fields), the layout
direction (Arabic mirrors every dock, menu, table and dialog) and the default QLocale (numbers
and times in the status bar).

The analyst's choice (View > Language, language_menu.py) is kept in QSettings under "language";
without one the system locale decides: Arabic for an Arabic locale, English for any other.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from annotator import RESOURCES
from annotator.ui import errors

TRANSLATIONS = RESOURCES / "translations"
SETTING = "language"
# Each language in its own name and script: whoever cannot read the window's language still
# finds theirs in the menu.
LANGUAGES = {"ar": "العربية", "en": "English"}
FALLBACK_LANGUAGE = "en"

_translator: QTranslator | None = None  # the one installed, replaced on a second call
_qt_translator: QTranslator | None = None  # Qt's own strings (OK, Cancel) in the same language
_language = FALLBACK_LANGUAGE  # what the installed catalogue is in


def system_language(locale: QLocale | None = None) -> str:
    return "ar" if (locale or QLocale.system()).language() == QLocale.Language.Arabic else "en"


def chosen_language(settings: QSettings) -> str:
    """The analyst's choice kept in `settings`, else the system locale's language."""
    value = settings.value(SETTING)
    return value if value in LANGUAGES else system_language()


def current_language() -> str:
    """The language of the catalogue installed now ("en" also when the one asked for was missing)."""
    return _language


def interface_locale(language: str) -> QLocale:
    """Arabic: Modern Standard Arabic (ar_001), whose digits are the Latin ones. Qt writes the
    count of every plural message (%n) in Latin digits, and the tables' offsets and counts are
    Latin too: one kind of digit in the whole window (ar_EG would give ١٢ beside 12)."""
    if language == "ar":
        return QLocale("ar_001")
    system = QLocale.system()
    return system if system.language() == QLocale.Language.English else QLocale(QLocale.Language.English)


def install_translator(app: QCoreApplication, locale: QLocale | None = None, *,
                       language: str | None = None) -> QTranslator | None:
    """Put `language` ("ar"/"en"; default: the one of `locale`, else of the system) in place:
    annotator_<lang>.qm (annotator_en.qm when it is missing: the window is then English, not
    half of each), qtbase_<lang>.qm, the layout direction and the default QLocale.

    English has a .qm of its own because `%n` messages carry only the plural ("%n mentions"):
    without it Qt shows "1 mentions". Returns the translator, None when no .qm could be loaded
    (the window then shows the English sources, with that plural flaw, rather than not start).
    """
    global _translator, _qt_translator, _language
    for old in (_translator, _qt_translator):
        if old is not None:
            app.removeTranslator(old)
    _translator = _qt_translator = None
    wanted = language if language in LANGUAGES else system_language(locale)
    translator = QTranslator(app)  # parented: it lives as long as the application
    if translator.load(f"annotator_{wanted}", str(TRANSLATIONS)):
        _language = wanted
    elif translator.load(f"annotator_{FALLBACK_LANGUAGE}", str(TRANSLATIONS)):
        _language = FALLBACK_LANGUAGE
    else:
        errors.log.warning("no translation found in %s", TRANSLATIONS)
        translator = None
        _language = FALLBACK_LANGUAGE
    qt = QTranslator(app)
    if qt.load(f"qtbase_{_language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _qt_translator = qt
    if translator is not None:
        app.installTranslator(translator)
        _translator = translator
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if _language == "ar"
                               else Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(interface_locale(_language))
    return translator


__all__ = ["LANGUAGES", "SETTING", "TRANSLATIONS", "chosen_language", "current_language", "install_translator",
           "interface_locale", "system_language"]
