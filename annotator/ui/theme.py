"""Light and dark themes, and label colours that stay legible in both (issue 10 item 3).

The dark theme is Fusion with a dark QPalette, app-wide. Label colours come from the schema
as pastels made for black text on white; on a dark base the article's text is light, so each
fill is moved along its own lightness (its hue kept) until the theme's text reaches the WCAG
contrast ratio for normal text (4.5) on it. The same adjusted colours feed the formats and the
painted blocks (highlighter.colors), so both look the same.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from annotator.ui.fonts import ui_font

TEXT_CONTRAST = 4.5  # WCAG 2 AA, normal text
LINE_CONTRAST = 3.0  # WCAG 2 non-text contrast: a claim's underline against the page
SETTING = "dark_theme"

_light_style: str | None = None  # the style the app had before the dark theme replaced it
_dark = False  # whether apply(True) is in force (the palette is app-wide, windows share it)


def luminance(color: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(color: QColor, base: QColor) -> QColor:
    """`color` (with its alpha) composited over the opaque `base`: what the eye sees."""
    alpha = color.alphaF()
    return QColor.fromRgbF(*(alpha * getattr(color, c)() + (1 - alpha) * getattr(base, c)()
                             for c in ("redF", "greenF", "blueF")))


def legible(color: QColor, against: QColor, minimum: float) -> QColor:
    """`color`, or the nearest colour of the same hue and saturation (HSL lightness moved away
    from `against`) whose contrast with `against` is at least `minimum`."""
    if contrast(color, against) >= minimum:
        return QColor(color)
    hue, saturation, lightness, _ = color.getHslF()
    darker = luminance(against) > 0.18  # a light partner: go darker, else lighter
    low, high = (0.0, lightness) if darker else (lightness, 1.0)
    for _ in range(24):  # bisect lightness for the least change that reaches `minimum`
        middle = (low + high) / 2
        trial = QColor.fromHslF(max(hue, 0.0), saturation, middle)
        good = contrast(trial, against) >= minimum
        if darker:
            low, high = (low, middle) if not good else (middle, high)
        else:
            low, high = (middle, high) if not good else (low, middle)
    result = QColor.fromHslF(max(hue, 0.0), saturation, low if darker else high)
    return result if contrast(result, against) >= minimum else QColor("#000000" if darker else "#ffffff")


def fill_color(color: str | QColor, palette: QPalette) -> QColor:
    """A label's background fill in this palette: its text stays readable on it."""
    return legible(QColor(color), palette.color(QPalette.ColorRole.Text), TEXT_CONTRAST)


def line_color(color: str | QColor, palette: QPalette) -> QColor:
    """A claim label's underline in this palette: visible against the page."""
    return legible(QColor(color), palette.color(QPalette.ColorRole.Base), LINE_CONTRAST)


def band_contrast(line: QColor, alpha: int, palette: QPalette) -> float:
    """Contrast of the text over a claim's faint band (its underline colour at `alpha`)."""
    band = QColor(line)
    band.setAlpha(alpha)
    return contrast(palette.color(QPalette.ColorRole.Text), over(band, palette.color(QPalette.ColorRole.Base)))


def dark_palette() -> QPalette:
    """A dark palette whose selection is neither of the label hues' pastels nor near black."""
    roles = QPalette.ColorRole
    colors = {
        roles.Window: "#2b2b2b", roles.WindowText: "#e8e8e8", roles.Base: "#1e1e1e",
        roles.AlternateBase: "#262626", roles.ToolTipBase: "#3a3a3a", roles.ToolTipText: "#f0f0f0",
        roles.PlaceholderText: "#9a9a9a", roles.Text: "#eeeeee", roles.Button: "#333333",
        roles.ButtonText: "#e8e8e8", roles.BrightText: "#ff6b6b", roles.Light: "#4a4a4a",
        roles.Midlight: "#3c3c3c", roles.Mid: "#8c8c8c", roles.Dark: "#181818", roles.Shadow: "#000000",
        roles.Highlight: "#2f65ca", roles.HighlightedText: "#ffffff", roles.Link: "#8ab4f8",
        roles.LinkVisited: "#c58af9",
    }
    palette = QPalette()
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return luminance(palette.color(QPalette.ColorRole.Base)) < 0.2


def apply(dark: bool) -> None:
    """Switch the whole application to the dark theme or back to the style it started with."""
    global _light_style, _dark
    app = QApplication.instance()
    _dark = dark
    if _light_style is None:
        _light_style = app.style().name()
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    else:
        app.setStyle(_light_style)
        app.setPalette(app.style().standardPalette())


def remembered(settings: QSettings) -> bool:
    return str(settings.value(SETTING, "false")).lower() in ("true", "1")


def install(window) -> None:
    """The window's appearance at start: the remembered theme, View > Dark theme as a check
    box, and the side panels' font (fonts.ui_font) so Arabic names and texts read well there."""
    action = window.registry.actions["dark_theme"]
    action.setCheckable(True)
    dark = remembered(window.settings)
    action.setChecked(dark)
    if dark != _dark:
        set_dark(window, dark)
    for dock in window.findChildren(QDockWidget):
        dock.widget().setFont(ui_font(dock.widget().font()))


def toggle(window) -> None:
    """View > Dark theme (the action is checkable: it is already toggled when this runs)."""
    set_dark(window, window.registry.actions["dark_theme"].isChecked())


def set_dark(window, dark: bool) -> None:
    apply(dark)
    window.settings.setValue(SETTING, dark)
    window.registry.actions["dark_theme"].setChecked(dark)
    window.view.highlighter.recolor()  # the label colours for the new text and page colours
    window.palette.set_schema(window.project.schema)  # its swatches show the same colours
    # A widget with a style sheet keeps the palette it was polished with (its text stayed
    # black on the dark window): setting the same sheet again polishes it in the new palette.
    for widget in window.findChildren(QWidget):
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
    window.view.viewport().update()


__all__ = ["LINE_CONTRAST", "TEXT_CONTRAST", "apply", "band_contrast", "contrast", "dark_palette", "fill_color",
           "install", "is_dark", "set_dark", "toggle", "legible", "line_color", "luminance", "over", "remembered"]
