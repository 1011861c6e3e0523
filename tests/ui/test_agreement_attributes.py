"""View > Agreement, Attributes tab: claim attributes and claimants of matched claims, with the
figures `annotator agreement --json` prints for the same project; an empty state for a layer
without them; the docs screenshot (screenshot_team.agreement_shot)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from annotator.ui.agreement_models import RAW
from annotator.ui.agreement_view import ATTRIBUTES
from annotator.ui.screenshot_team import SIZE, agreement_shot, team_project


def _rows(model) -> list[tuple]:
    return [tuple(model.index(r, c).data(RAW) for c in range(model.columnCount())) for r in range(model.rowCount())]


def _cli_json(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "annotator", "agreement", str(path), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _open_view(qtbot, window):
    window.registry.actions["agreement"].trigger()
    view = window.agreement_view
    qtbot.waitUntil(lambda: view.computed > 0 and view.task is None, timeout=30000)
    return view


def test_attribute_and_claimant_agreement_as_the_cli_reports_it(qtbot, tmp_path, open_window):
    path = team_project(tmp_path)
    expected = _cli_json(path)["layers"]["claim"]
    window = open_window(path)
    view = _open_view(qtbot, window)
    view.layer_combo.setCurrentIndex(view.layer_combo.findData("claim"))
    view.tabs.setCurrentIndex(ATTRIBUTES)
    assert view.tabs.isTabEnabled(ATTRIBUTES)
    shown = _rows(view.values)
    attributes = expected["attributes"]
    assert set(attributes) == {"stance", "checkworthy"}  # the claimant is its own row, not an attribute
    assert shown[:-1] == [(name, v["compared"], v["percent"], v["kappa"]) for name, v in attributes.items()]
    claimants = expected["claimants"]
    assert claimants["compared"] > 0
    assert shown[-1] == ("Claimant", claimants["compared"], claimants["percent"], claimants["kappa"])
    # Some claims disagree by construction (badr's stance, carim's checkworthiness, AUTHOR claimants).
    assert all(0 < row[2] < 1 for row in shown)
    # Shares as percentages, kappas as coefficients, a missing kappa as a dash.
    stance = next(r for r in range(view.values.rowCount()) if view.values.index(r, 0).data(RAW) == "stance")
    assert view.values.index(stance, 2).data() == f"{attributes['stance']['percent'] * 100:.1f}%"
    assert view.values.index(stance, 3).data() == f"{attributes['stance']['kappa']:.3f}"
    if claimants["kappa"] is None:
        assert view.values.index(view.values.rowCount() - 1, 3).data() == "–"
    assert view.values_table.isVisible()


def test_a_layer_without_attributes_says_so(qtbot, tmp_path, open_window):
    path = team_project(tmp_path)
    assert _cli_json(path)["layers"]["entity"]["attributes"] == {}
    window = open_window(path)
    view = _open_view(qtbot, window)
    view.layer_combo.setCurrentIndex(view.layer_combo.findData("entity"))
    view.tabs.setCurrentIndex(ATTRIBUTES)
    assert view.values.rowCount() == 0
    assert not view.values_table.isVisible() and view.values_note.isVisible()
    assert "No matched span" in view.values_note.text()


def test_the_agreement_screenshot_is_written(qapp, tmp_path):
    out = agreement_shot(tmp_path / "agreement.png")
    image = QImage(str(out))
    assert (image.width(), image.height()) == SIZE
    # Not a blank grab: the heat map's darkest cell and the text differ from the page.
    colours = {image.pixel(x, y) for x in range(0, SIZE[0], 8) for y in range(0, SIZE[1], 8)}
    assert len(colours) > 20
