"""Who owns a key: a label, the article itself, a window command or a panel's action. The label
editor and the shortcut editor ask this one place, so a key can never be given twice.

The article's keys are those its keyPressEvent reads (article_input.py) and the F1 sheet
lists (shortcuts_sheet.ARTICLE_KEYS); their descriptions are the sheet's, so they translate
alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from annotator.core.schema import Schema
from annotator.ui.actions import PORTABLE, ActionRegistry
from annotator.ui.display_names import title
from annotator.ui.article_input import ACCEPT_ALL_KEY, LINK_KEY

_SELECT = "select text; it snaps to whole words, a clitic (و ف ب ل ك ال) you leave out stays out"
# (PortableText key, the sheet's description): keys the article handles without a QAction.
ARTICLE_KEYS = (
    ("Del", "delete the selected span"), ("Backspace", "delete the selected span"),
    ("Esc", "clear the selection"),
    (LINK_KEY.upper(), "link the selected entity span to a canonical entity (Enter creates a new one)"),
    ("Tab", "with suggestions shown: move between them"), ("Backtab", "with suggestions shown: move between them"),
    ("Shift+Tab", "with suggestions shown: move between them"),
    ("Return", "accept the outlined suggestion"), ("Enter", "accept the outlined suggestion"),
    (ACCEPT_ALL_KEY.upper(), "accept all suggestions"), ("Shift+Return", "accept all suggestions"),
    ("Shift+Enter", "accept all suggestions"),
    *((f"{shift}{key}", _SELECT) for shift in ("", "Shift+")
      for key in ("Left", "Right", "Up", "Down", "Home", "End", "PgUp", "PgDown")),
)


def _sheet(text: str) -> str:
    return QCoreApplication.translate("ShortcutsSheet", text)


def _plain_char(key: QKeySequence) -> str | None:
    """The character a one-key sequence types in the article (Shift+P types "P", which the
    article reads as the label key "p"), or None for a chord, a named key or two keys."""
    if key.count() != 1:
        return None
    text = key.toString(PORTABLE)
    text = text[len("Shift+"):] if text.startswith("Shift+") and len(text) > len("Shift+") else text
    return text.lower() if len(text) == 1 else None


def label_reserved(registry: ActionRegistry) -> dict[str, str]:
    """Keys a label may not take (lower case -> owner): the article's letters and any command
    customised to a plain character."""
    reserved = {key.lower(): _sheet(text) for key, text in ARTICLE_KEYS if len(key) == 1}
    for command in registry.commands():
        for key in registry.keys(command.name):
            char = _plain_char(key)
            if char is not None:
                reserved.setdefault(char, command.help or command.text.replace("&", ""))
    return reserved


def window_bindings(window, registry: ActionRegistry) -> list[tuple[list[QKeySequence], str]]:
    """(keys, description) of what the window binds outside the registry: the panels' own
    actions (as the F1 sheet names them), then any other QAction or QShortcut (a bar's Esc)."""
    named = [(action.shortcuts(), text) for action, text in window.entity_browser.shortcut_actions()]
    known = set(registry.actions.values()) | {action for action, _ in window.entity_browser.shortcut_actions()}
    other = QCoreApplication.translate("KeyOwners", "another shortcut of the window")
    named += [(action.shortcuts(), action.text().replace("&", "") or other)
              for action in window.findChildren(QAction) if action not in known and action.shortcuts()]
    named += [(shortcut.keys(), other) for shortcut in window.findChildren(QShortcut) if shortcut.keys()]
    return named


def key_owner(key: QKeySequence, schema: Schema, commands: Iterable[tuple[str, str, list[QKeySequence]]],
              bound: Iterable[tuple[list[QKeySequence], str]] = ()) -> str | None:
    """What already owns `key` (a description to show), or None when it is free. `commands`:
    (name, description, keys) of every other command, with the keys it will have; `bound`:
    (keys, description) of the window's other shortcuts (window_bindings)."""
    portable = key.toString(PORTABLE)
    char = _plain_char(key)
    if char is not None:
        label = next((lab for lab in schema.labels() if lab.key and lab.key.lower() == char), None)
        if label is not None:
            return QCoreApplication.translate("KeyOwners", "the label {label}").format(label=title(label))
    for name, text in ARTICLE_KEYS:
        if QKeySequence(name).toString(PORTABLE) == portable:
            return QCoreApplication.translate("KeyOwners", "the article: {what}").format(what=_sheet(text))
    for _, description, keys in commands:
        if any(k.toString(PORTABLE) == portable for k in keys):
            return description
    for keys, description in bound:
        if any(k.toString(PORTABLE) == portable for k in keys):
            return description
    return None


__all__ = ["ARTICLE_KEYS", "key_owner", "label_reserved", "window_bindings"]
