"""packaging/icons/annotator-<size>.png from packaging/icons/annotator.svg, at every size the
desktop file, AppStream and the window use (annotator.ui.app_icon.SIZES).

Run after editing the SVG and commit the PNGs: `QT_QPA_PLATFORM=offscreen .venv/bin/python
packaging/render_icons.py`. The PNGs are committed so that neither the window nor a build needs
QtSvg; packaging/test_packaging.py checks that they match the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent / "icons"
SVG = ICONS / "annotator.svg"


def render(size: int):
    """The SVG drawn on a transparent size x size image (QImage, premultiplied ARGB)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    sys.path.insert(0, str(ICONS.parents[1]))
    from annotator.ui.app_icon import SIZES

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage needs it)
    for size in SIZES:
        out = ICONS / f"annotator-{size}.png"
        if not render(size).save(str(out)):
            raise SystemExit(f"render_icons: could not write {out}")
        print(f"wrote {out.relative_to(ICONS.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
