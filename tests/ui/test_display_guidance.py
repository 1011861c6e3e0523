"""The window shows the schema's guidelines and descriptions in its language: in Arabic the claim
panel's guideline and attribute guide, the attribute tooltips and the palette's tooltips are the
schema's `guideline_ar` / `description_ar`; in English the schema's English texts, as before."""

import html

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from annotator.ui.claim_fields import RLM
from tests.ui.test_display_names import label_span


@pytest.fixture
def arabic():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    yield
    QLocale.setDefault(before)


def tip_of(text: str) -> str:
    """What a plain tooltip holds for `text` (plain.tooltip_text: escaped, lines as <br>)."""
    return html.escape(text).replace("\n", "<br>")


def claim_shown(qtbot, window):
    claim = label_span(qtbot, window, "وزير الدفاع", "c")
    panel = window.claim_panel
    qtbot.waitUntil(lambda: panel.span_id == claim.id)  # the panel follows the new span after the frame
    return panel


def test_arabic_window_shows_the_arabic_guidance(qtbot, demo_path, open_window, arabic):
    window = open_window(demo_path)
    schema = window.workspace.project.schema
    claim, stance = schema.label("CLAIM"), next(a for a in schema.attributes("claim") if a.name == "stance")
    assert claim.guideline_in("ar") != claim.guideline  # the schema has both: the test tells them apart
    panel = claim_shown(qtbot, window)
    # The guideline is the Arabic one, led by a right-to-left mark so it wraps right to left.
    assert panel.guideline.text() == RLM + claim.guideline_in("ar")
    assert claim.guideline not in panel.guideline.text()
    panel.guide_toggle.click()
    guide = panel.attribute_guide.text()
    assert guide.startswith(RLM)
    for attribute in schema.attributes("claim"):
        assert attribute.description_in("ar") in guide and attribute.description not in guide, attribute.name
    fields = panel.fields()
    assert tip_of(RLM + stance.description_in("ar")) in fields["stance"].label.toolTip()
    assert tip_of(RLM + stance.description_in("ar")) in fields["stance"].editor.toolTip()
    # The palette: every label's tooltip carries its Arabic guideline, a layer heading its description.
    for label in schema.labels():
        tip = window.palette.buttons[label.name].toolTip()
        assert tip_of(label.guideline_in("ar")) in tip and tip_of(label.guideline) not in tip, label.name
    headings = [widget.toolTip() for widget in window.palette.findChildren(QLabel)]
    for layer in schema.layers:
        assert any(tip_of(layer.description_in("ar")) in tip for tip in headings), layer.name


def test_english_window_shows_the_english_guidance(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    schema = window.workspace.project.schema
    claim = schema.label("CLAIM")
    panel = claim_shown(qtbot, window)
    assert panel.guideline.text() == claim.guideline
    panel.guide_toggle.click()
    guide = panel.attribute_guide.text()
    for attribute in schema.attributes("claim"):
        assert attribute.description in guide and attribute.description_in("ar") not in guide, attribute.name
    for label in schema.labels():
        tip = window.palette.buttons[label.name].toolTip()
        assert tip_of(label.guideline) in tip and tip_of(label.guideline_in("ar")) not in tip, label.name
