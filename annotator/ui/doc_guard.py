"""Documents whose text was edited behind annotator's back are shown, never annotated.

A stored span must be exactly `text[start:end]`. When it is not (someone edited the documents
table with another SQLite tool), every offset of that document is suspect: labelling it would
store more wrong spans and the highlight shows the wrong words. The window then opens the
document read-only and says why in a banner above the article; other documents stay editable.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from annotator.core.model import Span
from annotator.ui.plain import plain_label


def mismatch_reason(text: str, spans: Iterable[Span]) -> str | None:
    """One sentence when some span is not `text[start:end]` (None when all agree)."""
    bad = [s for s in spans if text[s.start:s.end] != s.text]
    if not bad:
        return None
    first = min(bad, key=lambda s: (s.start, s.end))
    return QCoreApplication.translate(
        "DocGuard", "This document is read-only: its text was changed outside annotator and %n stored spans no "
        "longer match it (first at characters {start}-{end}); run `annotator check` on the project.", None,
        len(bad)).format(start=first.start, end=first.end)


def make_banner(parent: QWidget | None = None) -> QLabel:
    """The strip above the article that states why it cannot be annotated (hidden when it can)."""
    banner = plain_label("", parent)
    banner.setWordWrap(True)
    banner.setStyleSheet("background: #fff3bf; color: #5c3c00; padding: 6px; border-bottom: 1px solid #e0c060;")
    banner.hide()
    return banner
