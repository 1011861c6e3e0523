"""The bundled reading font (Noto Naskh Arabic, resources/fonts/, SIL OFL 1.1).

Bundled rather than taken from the system so that every machine shapes Arabic the same way,
and because some fonts (Amiri) split their contextual ligatures when a span's colour changes
inside a word; Noto Naskh Arabic does not (DESIGN.md §8).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from annotator import RESOURCES

FAMILY = "Noto Naskh Arabic"
FONT_DIR = RESOURCES / "fonts"

log = logging.getLogger(__name__)

# Registering the same file twice would add a duplicate application font; remember them.
_loaded: dict[str, list[str]] = {}


class FontLoadError(RuntimeError):
    """The bundled font is missing, unreadable or not the family we ship."""


def load_bundled_fonts() -> list[str]:
    """Register every TTF in resources/fonts with Qt; return their family names.

    Needs a QGuiApplication. Raises FontLoadError with the offending path rather than letting
    Qt silently fall back to some system font that may shape Arabic differently.
    """
    if QGuiApplication.instance() is None:
        raise FontLoadError("load_bundled_fonts() needs a QApplication to exist first")  # a programming error
    files = sorted(FONT_DIR.glob("*.ttf"))
    if not files:
        raise FontLoadError(QCoreApplication.translate(
            "Fonts", "no .ttf font in {folder}: the installation is incomplete").format(folder=FONT_DIR))
    families: list[str] = []
    for path in files:
        key = str(path)
        if key not in _loaded:
            font_id = QFontDatabase.addApplicationFont(key)
            if font_id == -1:
                raise FontLoadError(QCoreApplication.translate("Fonts", "Qt could not load the font file {path}").format(
                    path=path))
            _loaded[key] = QFontDatabase.applicationFontFamilies(font_id)
            log.debug("loaded font %s: %s", path.name, _loaded[key])
        if FAMILY not in _loaded[key]:
            raise FontLoadError(QCoreApplication.translate(
                "Fonts", "{path} is {families}, expected the family {family}").format(
                path=path, families=", ".join(_loaded[key]) or "?", family=FAMILY))
        families.extend(f for f in _loaded[key] if f not in families)
    return families


def reading_font(point_size: float) -> QFont:
    """The font of the document text: Noto Naskh Arabic at `point_size`.

    Use it for the whole document; highlighting changes colours only, never the font inside a
    word. Kerning, ligatures and shaping are left at Qt's defaults on purpose: Arabic letters
    must join exactly as the font designs them.
    """
    if not _loaded:
        load_bundled_fonts()
    font = QFont(FAMILY)
    font.setPointSizeF(point_size)
    return font


def ui_font(base: QFont) -> QFont:
    """`base` (a panel's font) with Noto Naskh Arabic first: it has no Latin letters, so Latin
    falls through to `base`'s family while Arabic names, texts and guidelines in the docks are
    shaped by the bundled font instead of whatever the system substitutes (issue 10 item 3).
    The point size stays `base`'s: panels keep the desktop's UI size."""
    if not _loaded:
        load_bundled_fonts()
    font = QFont(base)
    font.setFamilies([FAMILY, *[f for f in base.families() or [base.family()] if f != FAMILY]])
    return font
