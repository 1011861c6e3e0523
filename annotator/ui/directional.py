"""Icons that point: drawn for a left-to-right window, mirrored once where the icon is chosen
while the application is right-to-left (Arabic). Qt mirrors layouts, never an icon's picture.

Only icons whose direction means forward/back in the interface's reading order belong here
(undo, redo, next and previous document). The span arrows do not: they follow the article,
which reads right to left in either language, as their keys Alt+Left/Alt+Right do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

_PAIRS = [("mdi6.undo", "mdi6.redo"), ("mdi6.chevron-double-right", "mdi6.chevron-double-left")]
MIRRORED = {**dict(_PAIRS), **{right: left for left, right in _PAIRS}}


def directional(name: str) -> str:
    """The qtawesome name of icon `name` (as drawn for left to right) in the application's
    layout direction now. The window is made again when the language changes, so choosing the
    name once, when the action is made, is enough."""
    if name not in MIRRORED:
        raise ValueError(f"{name!r} has no mirror image listed in {__name__}")
    if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        return MIRRORED[name]
    return name


__all__ = ["MIRRORED", "directional"]
