"""The F1 sheet: what every key does, built from what is really bound.

Three sources, in this order: the label keys of the schema and the keys the article handles
itself (its keyPressEvent: selection gestures, Delete, K, the suggestion keys), then every
command of the action registry with the shortcuts its QAction carries, then the shortcuts of
the panels' own actions (e.g. F2 in the Entities dock). Only the last two are QActions; a row
keeps the key sequences it stands for (`bound`) so a test can compare the sheet with a walk of
every QAction and QShortcut of the window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from annotator.core.schema import Schema
from annotator.ui.actions import ActionRegistry
from annotator.ui.display_names import title

NATIVE = QKeySequence.SequenceFormat.NativeText
PORTABLE = QKeySequence.SequenceFormat.PortableText


def _tr(text: str) -> str:
    """Translate a source marked with QT_TRANSLATE_NOOP("ShortcutsSheet", ...) below."""
    return QCoreApplication.translate("ShortcutsSheet", text)


# (keys, what they do): gestures ("drag", "double-click") are words and translated like the
# descriptions; plain key names (Esc, K) are not marked, so they are in no catalogue and
# translate() gives them back as printed on the keyboard.
ARTICLE_KEYS = (
    (QT_TRANSLATE_NOOP("ShortcutsSheet", "drag / Shift+arrows"),
     QT_TRANSLATE_NOOP("ShortcutsSheet", "select text; it snaps to whole words, a clitic (و ف ب ل ك ال) you leave "
                                         "out stays out")),
    (QT_TRANSLATE_NOOP("ShortcutsSheet", "Alt+drag"),
     QT_TRANSLATE_NOOP("ShortcutsSheet", "select exact characters, no snapping")),
    (QT_TRANSLATE_NOOP("ShortcutsSheet", "double-click"), QT_TRANSLATE_NOOP("ShortcutsSheet", "select a word")),
    (QT_TRANSLATE_NOOP("ShortcutsSheet", "click a span"),
     QT_TRANSLATE_NOOP("ShortcutsSheet", "select it (click again: the span around it)")),
    ("Delete / Backspace", QT_TRANSLATE_NOOP("ShortcutsSheet", "delete the selected span")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsSheet", "clear the selection")),
    ("K", QT_TRANSLATE_NOOP("ShortcutsSheet", "link the selected entity span to a canonical entity (Enter creates "
                                              "a new one)")),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsSheet", "with suggestions shown: move between them")),
    ("Enter", QT_TRANSLATE_NOOP("ShortcutsSheet", "accept the outlined suggestion")),
    ("A / Shift+Enter", QT_TRANSLATE_NOOP("ShortcutsSheet", "accept all suggestions")),
    ("Esc", QT_TRANSLATE_NOOP("ShortcutsSheet", "reject the outlined suggestion (or all when none is outlined)")),
    (QT_TRANSLATE_NOOP("ShortcutsSheet", "Delete (review)"),
     QT_TRANSLATE_NOOP("ShortcutsSheet", "reject the outlined candidate (a selected gold span: delete it)")),
    (QT_TRANSLATE_NOOP("ShortcutsSheet", "1-9 (review)"),
     QT_TRANSLATE_NOOP("ShortcutsSheet", "take that annotator's version of the outlined candidate's conflict")),
)


@dataclass(frozen=True)
class SheetRow:
    keys: str  # as shown ("Ctrl+Z", "drag / Shift+arrows")
    text: str
    bound: tuple[str, ...] = ()  # the QAction key sequences of this row, PortableText


def article_rows(schema: Schema) -> list[SheetRow]:
    """Keys the article reads in its own keyPressEvent (document_view.py): not QActions, so a
    typed letter labels only while the article has the focus."""
    rows = [SheetRow(label.key, QCoreApplication.translate(
        "ShortcutsSheet", "label the selection (or relabel the selected span) {label}").format(label=title(label)))
        for label in schema.labels() if label.key]
    rows += [SheetRow(_tr(keys), _tr(text)) for keys, text in ARTICLE_KEYS]
    return rows


def action_row(keys: list[QKeySequence], text: str) -> SheetRow:
    return SheetRow(" / ".join(k.toString(NATIVE) for k in keys), text, tuple(k.toString(PORTABLE) for k in keys))


def sheet(schema: Schema, registry: ActionRegistry, panel_actions: Iterable[tuple[QAction, str]]) -> list[SheetRow]:
    rows = article_rows(schema)
    rows += [action_row(keys, text) for keys, text in registry.sheet_rows()]
    for action, text in panel_actions:
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if keys:
            rows.append(action_row(keys, text))
    return rows


__all__ = ["SheetRow", "action_row", "article_rows", "sheet"]
