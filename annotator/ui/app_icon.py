"""The application icon (packaging/icons: annotator.svg and the PNGs rendered from it by
packaging/render_icons.py), for the window, the dock and the task switcher.

PNGs rather than the SVG: the window then needs no QtSvg (one Qt module less in the bundle) and
every size looks as it was checked when rendered. The bundle carries the folder as
annotator/icons (packaging/annotator.spec); a source checkout has it at packaging/icons.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from PySide6.QtGui import QIcon

SIZES = (16, 32, 48, 64, 128, 256, 512)


def icon_folder() -> Path:
    """Where this copy of annotator keeps the icon PNGs: inside the package (bundle), else in the
    checkout's packaging/icons (the package's own copy wins, as for annotator.RESOURCES)."""
    package = Path(str(files("annotator")))
    packaged = package / "icons"
    return packaged if packaged.is_dir() else package.parent / "packaging" / "icons"


@cache
def app_icon() -> QIcon:
    """Every rendered size of the icon. An installation without the PNGs (a wheel whose
    pyproject.toml does not map packaging/icons into the package) gets the highlighter glyph the
    window had before it had an icon of its own, rather than Qt's blank one."""
    icon = QIcon()
    folder = icon_folder()
    for size in SIZES:
        path = folder / f"annotator-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    if icon.isNull():
        import qtawesome as qta

        return qta.icon("mdi6.format-color-highlight")
    return icon
