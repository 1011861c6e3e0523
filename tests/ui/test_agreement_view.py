"""View > Agreement: three annotators' sets on the seed articles, figures computed in the worker
and checked against project_agreement, the charts' painted figures, progress, and following
the project (Refresh, a status change, a merge-like replace_set)."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.agreement import MISSED
from annotator.core.model import Span
from annotator.store import Project
from annotator.team.agreement_data import project_agreement
from annotator.ui.agreement_charts import figure
from annotator.ui.agreement_models import RAW
from annotator.ui.agreement_task import TOP
from annotator.ui.agreement_view import CONFUSION, PAIRS, PROGRESS

SHOTS = Path("/tmp/shots")


def _words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\w{3,}", text)]


def _span(name: str, doc_id: str, text: str, where: tuple[int, int], label: str, layer: str = "entity") -> Span:
    start, end = where
    return Span(f"{name}-{doc_id}-{start}-{label}", start, end, text[start:end], layer, label, annotator=name)


def build_sets(path: Path) -> list[str]:
    """alice, bob and carol on every seed article: bob calls alice's ORG a LOC, carol misses it
    and adds a DATE; on the first article alice and bob also mark a claim (a second layer)."""
    with Project.open(path) as project:
        ids = [row[0] for row in project.document_rows()]
        for n, doc_id in enumerate(ids):
            text = project.get_document(doc_id).text
            w = _words(text)
            alice = [_span("alice", doc_id, text, w[0], "PERSON"), _span("alice", doc_id, text, w[2], "GPE"),
                     _span("alice", doc_id, text, w[4], "ORG")]
            bob = [_span("bob", doc_id, text, w[0], "PERSON"), _span("bob", doc_id, text, w[2], "GPE"),
                   _span("bob", doc_id, text, w[4], "LOC")]
            carol = [_span("carol", doc_id, text, w[0], "PERSON"), _span("carol", doc_id, text, w[6], "DATE")]
            if n == 0:
                claim = (w[8][0], w[12][1])
                alice.append(_span("alice", doc_id, text, claim, "CLAIM", "claim"))
                bob.append(_span("bob", doc_id, text, claim, "CLAIM", "claim"))
            project.replace_set(doc_id, "alice", alice, [], "done")
            project.replace_set(doc_id, "bob", bob, [], "done" if n < 3 else "in_progress")
            if n < 4:
                project.replace_set(doc_id, "carol", carol, [], "done" if n < 2 else "in_progress")
    return ids


def open_view(qtbot, window):
    computed = window.agreement_view.computed if window.agreement_view is not None else 0
    window.registry.actions["agreement"].trigger()
    view = window.agreement_view
    qtbot.waitUntil(lambda: view.computed > computed and view.task is None, timeout=20000)
    assert gc.isenabled()  # paused for the run only (agreement_task.py)
    return view


def rows(model) -> list[tuple]:
    return [tuple(model.index(r, c).data(RAW) for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_the_view_shows_the_reports_figures(qtbot, demo_path, open_window):
    ids = build_sets(demo_path)
    window = open_window(demo_path)
    view = open_view(qtbot, window)
    with Project.open(demo_path, readonly=True) as project:
        report = project_agreement(project, top=TOP)
        summary = project.set_summary()
    assert report.documents == 5 and set(report.layers) == {"entity", "claim"}
    assert view.layer_combo.isVisible() and view.layer_combo.count() == 2
    view.layer_combo.setCurrentIndex(view.layer_combo.findData("entity"))
    layer = report.layers["entity"]
    # Headline figures of the layer, as shown.
    assert view.figures["f1_exact"].text() == figure(layer.f1_exact)
    assert view.figures["f1_overlap"].text() == figure(layer.f1_overlap)
    assert view.figures["krippendorff_alpha"].text() == figure(layer.krippendorff_alpha)
    assert view.figures["fleiss_kappa"].text().startswith(figure(layer.fleiss_kappa))
    assert f"{layer.fleiss_documents} documents" in view.figures["fleiss_kappa"].text()
    assert view.figures["documents"].text() == "5" and view.figures["tokens"].text() == str(layer.tokens)
    # The pairs table: raw values equal the report's, None shown as a dash.
    assert rows(view.pairs) == [(p.a, p.b, p.documents, p.f1_exact, p.f1_overlap, p.kappa) for p in layer.pairs]
    assert [r[:2] for r in rows(view.pairs)] == [("alice", "bob"), ("alice", "carol"), ("bob", "carol")]
    ab = view.pairs.index(0, 3)
    assert ab.data() == f"{layer.pairs[0].f1_exact:.3f}" and layer.pairs[0].f1_exact == pytest.approx(2 / 3)
    # The heat map paints exactly the report's confusion, MISSED last on both axes.
    heat = view.heat_map
    assert heat.labels[-1] == MISSED and set(heat.labels) >= {"PERSON", "GPE", "ORG", "LOC", "DATE"}
    for row, cols in layer.confusion.items():
        for col, n in cols.items():
            assert heat.count(row, col) == n
    assert sum(heat.cells.values()) == sum(n for cols in layer.confusion.values() for n in cols.values())
    assert heat.count("ORG", "LOC") == 5  # alice's ORG is bob's LOC on every article
    assert heat.count("PERSON", "PERSON") == 5 + 4 + 4
    # A fuller cell is painted darker than an emptier one; an empty cell is the page colour.
    assert heat.fill(13).lightness() < heat.fill(1).lightness() < heat.fill(0).lightness() + 1
    # Per-label bars: the report's F1 per label.
    assert view.bars.bars == [(name, lab.spans, lab.f1_exact, lab.f1_overlap) for name, lab in sorted(layer.labels.items())]
    org = next(b for b in view.bars.bars if b[0] == "ORG")
    assert org[2] == 0.0 and dict((b[0], b[2]) for b in view.bars.bars)["PERSON"] == 1.0
    # Progress: one row per set with the store's counts and a bar of done / documents.
    expected = [(s["set"], s["documents"], s["by_status"].get("done", 0), s["by_status"].get("in_progress", 0),
                 s["by_status"].get("new", 0), s["by_status"].get("skipped", 0)) for s in summary]
    assert [r[:6] for r in rows(view.progress)] == expected
    assert [r[:4] for r in rows(view.progress)] == [("alice", 5, 5, 0), ("bob", 5, 3, 2), ("carol", 4, 2, 2)]
    assert rows(view.progress)[1][6] == (3, 2, 5)
    # The disputed documents, most disputed first, titled; a double-click opens one.
    disputed = rows(view.disputed)
    assert [key for key in view.disputed.keys] == [d.id for d in report.most_disagreement]
    assert [r[1] for r in disputed] == [d.f1_overlap for d in report.most_disagreement]
    titles = {row[0]: row[1] for row in window.project.document_rows()}
    assert disputed[0][0] == titles[report.most_disagreement[0].id]
    target = view.disputed.keys[-1]
    if window.workspace.document.id == target:
        target = view.disputed.keys[0]
    table = view.disputed_table
    view.tabs.setCurrentWidget(table)
    QApplication.processEvents()
    index = view.disputed.index(view.disputed.keys.index(target), 0)
    table.scrollTo(index)
    cell = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert window.workspace.document.id == target
    # Enter on a row opens it too (the keyboard reaches everything).
    other = next(k for k in view.disputed.keys if k != target)
    table.setFocus()
    table.setCurrentIndex(view.disputed.index(view.disputed.keys.index(other), 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.workspace.document.id == other and view.isVisible()  # the Enter went to the table only
    assert set(ids) >= set(view.disputed.keys)


def test_refresh_and_changes_update_the_figures(qtbot, demo_path, open_window):
    ids = build_sets(demo_path)
    window = open_window(demo_path)
    view = open_view(qtbot, window)
    view.layer_combo.setCurrentIndex(view.layer_combo.findData("entity"))
    before = rows(view.pairs)
    # Something merged in (another set replaced): Refresh computes again.
    doc_id = ids[2]  # carol had it in progress, with a DATE where the others saw nothing
    text = window.project.get_document(doc_id).text
    w = _words(text)
    window.project.replace_set(doc_id, "carol", [_span("carol", doc_id, text, w[0], "PERSON"),
                                                _span("carol", doc_id, text, w[2], "GPE"),
                                                _span("carol", doc_id, text, w[4], "ORG")], [], "done")
    computed = view.computed
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.computed > computed and view.task is None, timeout=20000)
    with Project.open(demo_path, readonly=True) as project:
        layer = project_agreement(project, top=TOP).layers["entity"]
    assert rows(view.pairs) == [(p.a, p.b, p.documents, p.f1_exact, p.f1_overlap, p.kappa) for p in layer.pairs]
    assert rows(view.pairs) != before
    assert view.progress.rows[2][:3] == ("carol", 4, 3)
    # A status change made in the window (amal marks her document done) recomputes by itself.
    computed = view.computed
    window.open_document(ids[0])
    window.mark_done()
    qtbot.waitUntil(lambda: view.computed > computed and view.task is None, timeout=20000)
    assert "amal" in [r[0] for r in rows(view.progress)]
    # A merge in the window (merge_packages.py) tells the view: it recomputes after a moment.
    computed = view.computed
    window.project.replace_set(ids[4], "carol", [], [], "done")
    view.sets_changed()
    assert view.task is None  # debounced: nothing yet
    qtbot.waitUntil(lambda: view.computed > computed and view.task is None, timeout=20000)
    assert next(r for r in rows(view.progress) if r[0] == "carol")[:3] == ("carol", 5, 4)
    # Hidden, a change only marks the view stale: nothing runs until it is shown again.
    view.hide()
    computed = view.computed
    window.open_document(ids[1])
    window.mark_done()
    qtbot.wait(50)
    assert view.task is None and view.computed == computed
    view = open_view(qtbot, window)
    assert [r[0] for r in rows(view.progress)].count("amal") == 1
    assert rows(view.progress)[0][:3] == ("alice", 5, 5)


def test_without_overlap_the_view_says_how_to_get_some(qtbot, demo_path, open_window):
    with Project.open(demo_path) as project:
        doc_id = project.document_rows()[0][0]
        text = project.get_document(doc_id).text
        project.replace_set(doc_id, "alice", [_span("alice", doc_id, text, _words(text)[0], "PERSON")], [], "done")
    window = open_window(demo_path)
    view = open_view(qtbot, window)
    assert "annotator assign --overlap" in view.message.text() and view.message.isVisible()
    assert not view.headline.isVisible() and not view.tabs.isTabEnabled(CONFUSION)
    assert view.tabs.currentIndex() == PROGRESS and rows(view.progress)[0][:3] == ("alice", 1, 1)


def test_right_to_left_mirrors_the_charts_and_screenshots(qtbot, demo_path, open_window):
    build_sets(demo_path)
    window = open_window(demo_path)
    view = open_view(qtbot, window)
    heat = view.heat_map
    view.tabs.setCurrentIndex(CONFUSION)
    heat.resize(heat.sizeHint())
    ltr = heat.cell_rect(0, 0)
    assert ltr.left() < heat.cell_rect(0, 1).left()
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    QApplication.processEvents()
    rtl = heat.cell_rect(0, 0)
    assert rtl.right() == pytest.approx(heat.width() - ltr.left())  # first column at the right
    assert heat.cell_rect(0, 1).left() < rtl.left()
    bars = view.bars
    bars.resize(bars.sizeHint())
    full = bars.bar_rect(0, 0, 1.0)
    half = bars.bar_rect(0, 0, 0.5)
    assert half.right() == pytest.approx(full.right()) and half.left() > full.left()  # fills from the right
    assert heat.tip_at(heat.cell_rect(0, 0).center()).startswith(heat.labels[0])
    SHOTS.mkdir(parents=True, exist_ok=True)
    for direction, name in ((Qt.LayoutDirection.RightToLeft, "rtl"), (Qt.LayoutDirection.LeftToRight, "ltr")):
        view.setLayoutDirection(direction)
        for width, height in ((800, 600), (1920, 1080)):
            view.resize(width, height)
            assert view.minimumSizeHint().width() <= 800 and view.minimumSizeHint().height() <= 600
            for tab in (PAIRS, CONFUSION, CONFUSION + 1, view.tabs.indexOf(view.disputed_table), PROGRESS):
                view.tabs.setCurrentIndex(tab)
                QApplication.processEvents()
                view.grab().save(str(SHOTS / f"agreement_{name}_{width}_{tab}.png"))
    from annotator.ui import theme

    theme.set_dark(window, True)
    view.resize(800, 600)
    for tab in (CONFUSION, CONFUSION + 1, PROGRESS):
        view.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        view.grab().save(str(SHOTS / f"agreement_dark_800_{tab}.png"))
    # The scale stays sequential on a dark page: a fuller cell stands further from the page.
    page = heat.palette().color(heat.backgroundRole())
    assert heat.fill(0) != heat.fill(13) and theme.contrast(heat.fill(13), page) > theme.contrast(heat.fill(1), page)
    theme.set_dark(window, False)


def test_names_are_shown_literally(qtbot, demo_path, open_window):
    """Annotators' names with markup and a bidi override are shown as characters, isolated."""
    with Project.open(demo_path) as project:
        doc_id = project.document_rows()[0][0]
        text = project.get_document(doc_id).text
        w = _words(text)
        for name in ("<b>eve</b>", "zed\u202e"):
            project.replace_set(doc_id, name, [_span(name, doc_id, text, w[0], "PERSON")], [], "done")
    window = open_window(demo_path)
    view = open_view(qtbot, window)
    assert [view.pairs.index(0, c).data() for c in (0, 1)] == ["\u2068<b>eve</b>\u2069", "\u2068zed⟦RLO⟧\u2069"]
    assert "⟦RLO⟧" in view.annotators.text() and view.annotators.textFormat() == Qt.TextFormat.PlainText
    assert view.progress.index(0, 0).data() == "\u2068<b>eve</b>\u2069"


def test_busy_window_project_switch_and_closing_while_computing(qtbot, tmp_path, demo_path, open_window):
    from annotator.ui import agreement_task
    from tests.ui.conftest import make_project
    from annotator import SEEDS

    build_sets(demo_path)
    window = open_window(demo_path)
    # While an import owns the window, nothing is computed; afterwards it is, by itself.
    window.busy = True
    window.registry.actions["agreement"].trigger()
    view = window.agreement_view
    assert view.task is None and view.computed == 0
    window.busy = False
    qtbot.waitUntil(lambda: view.computed == 1 and view.task is None, timeout=20000)
    assert view.pairs.rowCount() == 3
    # Another project: the old figures go at once and the new project's come (it has no overlap).
    other = make_project(tmp_path / "other.annotator", [SEEDS])
    window.switch_project(other)
    assert view.pairs.rowCount() == 0
    qtbot.waitUntil(lambda: view.computed == 2 and view.task is None, timeout=20000)
    assert "annotator assign --overlap" in view.message.text() and view.progress.rowCount() == 0
    # Closing the window while a worker runs: the worker is kept until it ends, nothing crashes.
    view.refresh()
    assert view.task is not None and view.task.isRunning()
    window.close()
    qtbot.waitUntil(lambda: not agreement_task._RUNNING, timeout=20000)


def test_a_failed_computation_is_said(qtbot, demo_path, open_window, monkeypatch):
    from annotator.store import ProjectError
    from annotator.ui import agreement_task

    def refuse(project, **_):
        raise ProjectError(f"{demo_path} is not readable", "unreadable", path=demo_path)

    monkeypatch.setattr(agreement_task, "project_agreement", refuse)
    build_sets(demo_path)
    window = open_window(demo_path)
    view = open_view(qtbot, window)
    assert view.message.isVisible() and "is not readable" in view.message.text()
    assert view.message.text().startswith("The figures could not be computed")
    assert not view.tabs.isTabEnabled(PAIRS) and view.refresh_button.isEnabled()
