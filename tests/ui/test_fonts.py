"""The bundled Noto Naskh Arabic loads, is the font Qt really uses, and shapes Arabic."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QFontMetricsF, QTextLayout
from PySide6.QtWidgets import QLabel

from annotator.ui import fonts

WORD = "سيرغي"  # Sergei: five letters that all join


@pytest.fixture
def loaded(qapp):
    return fonts.load_bundled_fonts()


def glyph_ids(text, font):
    """Glyph indexes after shaping (what is drawn), not the cmap lookup of each character."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [g for run in layout.glyphRuns() for g in run.glyphIndexes()]


def test_bundled_files_and_licence_are_present():
    names = {p.name for p in fonts.FONT_DIR.iterdir()}
    assert {"NotoNaskhArabic-Regular.ttf", "OFL.txt", "README.md"} <= names
    assert "SIL OPEN FONT LICENSE" in (fonts.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")


def test_load_registers_noto_naskh_once(loaded):
    assert loaded == [fonts.FAMILY]
    assert fonts.load_bundled_fonts() == loaded  # a second call adds no duplicate


def test_reading_font_resolves_to_noto_naskh(loaded):
    font = fonts.reading_font(14)
    assert QFontInfo(font).family() == fonts.FAMILY
    assert font.pointSizeF() == 14
    assert font.kerning()  # left at Qt's default: no shaping hacks


def test_arabic_word_is_drawn_in_a_plain_text_label(loaded, qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFont(fonts.reading_font(28))
    label.setStyleSheet("background: white; color: black")
    label.setText(WORD)
    label.adjustSize()
    image = label.grab().toImage()
    dark = sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 50


def test_letters_join_into_contextual_forms(loaded):
    font = fonts.reading_font(20)
    joined = glyph_ids(WORD, font)
    isolated = {g for ch in WORD for g in glyph_ids(ch, font)}
    assert len(joined) == len(WORD)
    # Every letter of سيرغي takes an initial, medial or final form: no isolated glyph is left.
    assert isolated.isdisjoint(joined)
    # The joined word is narrower than the same letters kept apart by ZERO WIDTH NON-JOINER.
    metrics = QFontMetricsF(font)
    apart = metrics.horizontalAdvance("\u200c".join(WORD))
    assert metrics.horizontalAdvance(WORD) < apart - 5
