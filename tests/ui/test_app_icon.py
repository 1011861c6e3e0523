"""The window's icon is the application icon of packaging/icons, at every size, and the committed
PNGs are what packaging/render_icons.py makes of the SVG now (so an edited SVG is re-rendered)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from annotator.ui.app_icon import SIZES, app_icon, icon_folder

ROOT = Path(__file__).resolve().parents[2]


def test_every_size_is_there():
    assert icon_folder() == ROOT / "packaging" / "icons"  # a checkout: no annotator/icons
    assert sorted(s.width() for s in app_icon().availableSizes()) == list(SIZES)
    for size in SIZES:
        assert app_icon().pixmap(QSize(size, size)).size() == QSize(size, size)


def test_main_window_shows_it(open_window, demo_path):
    window = open_window(demo_path)
    assert sorted(s.width() for s in window.windowIcon().availableSizes()) == list(SIZES)
    assert window.windowIcon().cacheKey() == app_icon().cacheKey()


def test_without_the_pngs_the_window_keeps_an_icon(qapp, monkeypatch, tmp_path):
    import annotator.ui.app_icon as module

    monkeypatch.setattr(module, "icon_folder", lambda: tmp_path)
    app_icon.cache_clear()
    try:
        fallback = app_icon()
        assert not fallback.isNull() and not fallback.pixmap(QSize(32, 32)).isNull()
        assert sorted(s.width() for s in fallback.availableSizes()) != list(SIZES)  # not the PNGs
    finally:
        app_icon.cache_clear()


def _difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference per channel, 0..255."""
    fmt = QImage.Format.Format_ARGB32
    first, second = a.convertToFormat(fmt), b.convertToFormat(fmt)
    assert first.size() == second.size()
    x, y = bytes(first.constBits()), bytes(second.constBits())
    return sum(abs(p - q) for p, q in zip(x, y)) / len(x)


def test_pngs_are_rendered_from_the_svg(qapp):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from render_icons import render
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    for size in SIZES:
        committed = QImage(str(icon_folder() / f"annotator-{size}.png"))
        assert committed.size() == QSize(size, size), size
        # A little slack for another Qt's antialiasing; an edited drawing differs far more.
        assert _difference(committed, render(size)) < 1.0, f"annotator-{size}.png: run packaging/render_icons.py"
