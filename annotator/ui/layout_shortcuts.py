"""Ctrl shortcuts on a non-Latin keyboard layout: with Arabic as the only layout Qt delivers
Ctrl+Z as Ctrl+ئ, which no shortcut matches, so undo and every other Ctrl command of the window
would do nothing.

Such a key press, in any widget of the window, is read as the Latin letter of its physical key
(keyboard_layout.py) and then handled as Qt would have: the focused widget first, if it takes
that key itself (a line edit's own Ctrl+Z, Ctrl+A), else the window command bound to it. The
filter sits on the widget that has the focus (key events go there first), so it costs nothing
per event elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from annotator.ui.keyboard_layout import event_letter, latin_key

_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
_LATIN = range(Qt.Key.Key_A.value, Qt.Key.Key_Z.value + 1)


def _in_window(widget: QWidget | None, window: QWidget) -> bool:
    while widget is not None:  # a floating dock is a window of its own, still ours
        if widget is window:
            return True
        widget = widget.parentWidget()
    return False


class LayoutShortcuts(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._watched: QWidget | None = None
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._focus_changed(None, QApplication.focusWidget())

    def _focus_changed(self, _old, new) -> None:
        if not isValid(self):
            return  # the window is being destroyed
        if self._watched is not None and isValid(self._watched):  # a closed dialog's button is gone
            self._watched.removeEventFilter(self)
        self._watched = None
        if isinstance(new, QWidget) and _in_window(new, self.window):
            new.installEventFilter(self)
            self._watched = new

    def translated(self, event: QKeyEvent) -> QKeySequence | None:
        """The Latin shortcut a non-Latin Ctrl/Meta key press stands for, or None."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not mods & _COMMAND_MODIFIERS or event.key() in _LATIN:
            return None  # no command chord, or Qt knows the Latin key already
        letter = event_letter(event)
        return QKeySequence(QKeyCombination(mods, latin_key(letter))) if letter else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress:
            return False
        sequence = self.translated(event)
        if sequence is None:
            return False
        combination = sequence[0]
        # Would the widget take the Latin key itself? That is what ShortcutOverride asks.
        ask = QKeyEvent(QEvent.Type.ShortcutOverride, combination.key(), combination.keyboardModifiers())
        ask.ignore()
        QApplication.sendEvent(watched, ask)
        if ask.isAccepted():
            QApplication.sendEvent(watched, QKeyEvent(QEvent.Type.KeyPress, combination.key(),
                                                      combination.keyboardModifiers()))
            return True
        action = self.action_for(sequence)
        if action is None:
            return False
        action.trigger()
        return True

    def action_for(self, sequence: QKeySequence):
        for action in self.window.registry.actions.values():
            if action.isEnabled() and sequence in action.shortcuts():
                return action
        return None


__all__ = ["LayoutShortcuts"]
