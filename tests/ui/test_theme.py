"""The dark theme and label colours legible in both themes (issue 10 items 3 and 15)."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from annotator.ui import theme
from annotator.ui.highlighter import CLAIM_BAND_ALPHA

from .conftest import NEWS


@pytest.fixture(autouse=True)
def light_afterwards():
    yield
    theme.apply(False)  # the palette is app-wide: later tests get the light theme back


def test_wcag_contrast_ratio():
    assert theme.contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert theme.contrast(QColor("#777777"), QColor("#777777")) == pytest.approx(1.0)
    assert theme.contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)  # WCAG's own example


def test_legible_keeps_a_good_colour_and_moves_a_bad_one_only_as_far_as_needed():
    white, black = QColor("#ffffff"), QColor("#000000")
    assert theme.legible(QColor("#224488"), white, 4.5) == QColor("#224488")
    moved = theme.legible(QColor("#a6e3b4"), QColor("#eeeeee"), 4.5)  # a pastel under light text
    assert theme.contrast(moved, QColor("#eeeeee")) >= 4.5
    assert theme.contrast(moved, QColor("#eeeeee")) < 5.0  # the least change: still a green, not black
    assert moved.hslHue() == pytest.approx(QColor("#a6e3b4").hslHue(), abs=3)
    assert theme.contrast(theme.legible(QColor("#333333"), black, 4.5), black) >= 4.5


def label_contrasts(window):
    """For every label: (text on its fill or band, underline on the page) as the article shows them."""
    palette = QGuiApplication.palette()
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    schema, highlighter = window.project.schema, window.view.highlighter
    background = {layer.name for layer in schema.background_layers()}
    result = {}
    for label in schema.labels():
        if label.layer in background:
            fill, _ = highlighter.colors(label.name, None)
            result[label.name] = (theme.contrast(text, fill), None)
        else:
            fill, line = highlighter.colors(None, label.name)
            assert fill.alpha() == CLAIM_BAND_ALPHA
            result[label.name] = (theme.contrast(text, theme.over(fill, base)), theme.contrast(line, base))
    return result


def test_every_news_label_is_legible_in_both_themes(qtbot, tmp_path, demo_path, open_window):
    window = open_window(demo_path)
    assert window.project.schema.labels() == NEWS.labels()
    action = window.registry.actions["dark_theme"]
    assert action.isCheckable() and not action.isChecked() and not theme.is_dark()
    for dark in (False, True):
        if dark:
            action.trigger()  # View > Dark theme, as a click does
            assert theme.is_dark() and QGuiApplication.palette().color(QPalette.ColorRole.Text).lightness() > 200
        for name, (text, line) in label_contrasts(window).items():
            assert text >= theme.TEXT_CONTRAST, (dark, name, text)
            assert line is None or line >= theme.LINE_CONTRAST, (dark, name, line)
    # The label palette shows the colours the article uses in this theme.
    fill, _ = window.view.highlighter.colors("PERSON", None)
    swatch = window.palette.buttons["PERSON"].icon().pixmap(14, 14).toImage().pixelColor(7, 7)
    assert swatch.name() == fill.name()


def test_the_theme_is_remembered_and_can_be_turned_off(qtbot, tmp_path, demo_path, open_window):
    window = open_window(demo_path)
    window.registry.actions["dark_theme"].trigger()
    assert theme.is_dark()
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert theme.remembered(settings)
    theme.apply(False)  # a fresh start of the app: light until the window reads the setting
    again = open_window(demo_path)
    assert theme.is_dark() and again.registry.actions["dark_theme"].isChecked()
    fill, _ = again.view.highlighter.colors("GPE", None)
    assert theme.contrast(fill, QColor("#a6e3b4")) > 2  # the dark fill, not the light theme's pastel
    again.registry.actions["dark_theme"].trigger()
    assert not theme.is_dark() and not theme.remembered(again.settings)
    fill, _ = again.view.highlighter.colors("GPE", None)
    assert fill == QColor("#a6e3b4")


def hue_distance(a: QColor, b: QColor) -> int:
    d = abs(a.hslHue() - b.hslHue()) % 360
    return min(d, 360 - d)


def test_org_does_not_look_like_the_selection(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    for dark in (False, True):
        theme.apply(dark)
        window.view.highlighter.recolor()
        selection = QGuiApplication.palette().color(QPalette.ColorRole.Highlight)
        fill, _ = window.view.highlighter.colors("ORG", None)
        assert hue_distance(fill, selection) >= 60, (dark, fill.name(), selection.name())
