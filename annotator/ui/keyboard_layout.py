"""Which Latin letter key a key press stands for, whatever keyboard layout is active.

Label keys, K, A and the Ctrl shortcuts are letters of the US layout. With an Arabic layout the
key marked K types ن, and with Arabic as the only layout Qt cannot even tell that Ctrl+ئ is
Ctrl+Z (it finds the Latin letter only in another layout of the keymap). The key's physical
place says which letter is meant: the platform's key code when there is one, else the letter
the standard Arabic (101) layout puts on that key.

Everything here is plain Python apart from `event_letter`, which reads a QKeyEvent.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")

# The code of the first key of each letter row: X11 and Wayland key codes (evdev + 8) and
# Windows (set 1) scan codes, both in QKeyEvent.nativeScanCode().
_X11_FIRST = (24, 38, 52)
_WINDOWS_FIRST = (0x10, 0x1E, 0x2C)

# macOS has no scan code in the event; its virtual key codes (kVK_ANSI_*) name the position.
MAC_VIRTUAL_TO_LETTER = {
    0x00: "a", 0x01: "s", 0x02: "d", 0x03: "f", 0x04: "h", 0x05: "g", 0x06: "z", 0x07: "x", 0x08: "c",
    0x09: "v", 0x0B: "b", 0x0C: "q", 0x0D: "w", 0x0E: "e", 0x0F: "r", 0x10: "y", 0x11: "t", 0x1F: "o",
    0x20: "u", 0x22: "i", 0x23: "p", 0x25: "l", 0x26: "j", 0x28: "k", 0x2D: "n", 0x2E: "m",
}

# What the standard Arabic layout types on each letter key, without and with Shift, as in the
# xkb symbols file ara(basic) (Windows' Arabic 101 agrees on the letters). Only non-ASCII
# characters: an ASCII one ("~" on Shift+Z) means that character on a Latin layout.
ARABIC_TO_LETTER = {
    "ض": "q", "ص": "w", "ث": "e", "ق": "r", "ف": "t", "غ": "y", "ع": "u", "ه": "i", "خ": "o", "ح": "p",
    "ش": "a", "س": "s", "ي": "d", "ب": "f", "ل": "g", "ا": "h", "ت": "j", "ن": "k", "م": "l",
    "ئ": "z", "ء": "x", "ؤ": "c", "ر": "v", "\ufefb": "b", "لا": "b", "ى": "n", "ة": "m",
    # Shift
    "\u064e": "q", "\u064b": "w", "\u064f": "e", "\u064c": "r", "\ufef9": "t", "لإ": "t", "إ": "y",
    "÷": "i", "×": "o", "؛": "p", "\u0650": "a", "\u064d": "s", "\ufef7": "g", "لأ": "g", "أ": "h",
    "\u0640": "j", "،": "k", "\u0652": "x", "\ufef5": "b", "لآ": "b", "آ": "n",
}


def _scan_table(platform: str) -> dict[int, str]:
    if platform == "darwin":
        return {}
    firsts = _WINDOWS_FIRST if platform.startswith("win") else _X11_FIRST
    return {first + i: ch for first, row in zip(firsts, ROWS) for i, ch in enumerate(row)}


SCAN_TO_LETTER = _scan_table(sys.platform)
_LATIN_KEYS = range(Qt.Key.Key_A.value, Qt.Key.Key_Z.value + 1)


def _ascii_letter(text: str) -> bool:
    return len(text) == 1 and text.isascii() and text.isalpha()


def physical_letter(text: str, key: int, scan: int, virtual: int, chord: bool = False,
                    platform: str = sys.platform) -> str | None:
    """The US-layout letter ("a".."z") of a key press, or None when it is not a letter key.

    `text`, `key`, `scan` and `virtual` are the event's text(), key(), nativeScanCode() and
    nativeVirtualKey(); `chord` is True with Ctrl, Alt or Meta held (the text is then a control
    character, or whatever Shift makes of the key)."""
    if _ascii_letter(text):
        return text.lower()  # a Latin layout: the letter printed on the key (A on AZERTY too)
    if key in _LATIN_KEYS:
        return chr(key).lower()
    if text and text.isascii() and text.isprintable() and not chord:
        return None  # a digit or sign typed on a Latin layout is that sign
    table = SCAN_TO_LETTER if platform == sys.platform else _scan_table(platform)
    letter = table.get(scan)
    if letter is None and platform.startswith("win") and ord("A") <= virtual <= ord("Z"):
        letter = chr(virtual).lower()  # Windows keeps the Latin virtual keys on Arabic layouts
    if letter is None and platform == "darwin" and virtual:  # 0 is A, and also "none"
        letter = MAC_VIRTUAL_TO_LETTER.get(virtual)
    if letter is None:
        letter = ARABIC_TO_LETTER.get(text)
    if letter is None and 0 < key < 0x110000 and chr(key) in ARABIC_TO_LETTER:
        letter = ARABIC_TO_LETTER[chr(key)]  # the text of a chord is a control character
    return letter


CHORDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def event_letter(event: QKeyEvent) -> str | None:
    """physical_letter() of a QKeyEvent."""
    return physical_letter(event.text(), event.key(), event.nativeScanCode(), event.nativeVirtualKey(),
                           chord=bool(event.modifiers() & CHORDS))


def latin_key(letter: str) -> Qt.Key:
    """The Qt key of a letter from physical_letter()."""
    return Qt.Key(ord(letter.upper()))


__all__ = ["ARABIC_TO_LETTER", "CHORDS", "MAC_VIRTUAL_TO_LETTER", "ROWS", "SCAN_TO_LETTER", "event_letter",
           "latin_key", "physical_letter"]
