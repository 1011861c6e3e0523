"""View > Language: Arabic or English, remembered, applied at once.

Qt widgets do not translate themselves again when the catalogue changes (every text is set once,
when the widget is made), so the window is made again in the new language on the same open
project: the old window saves its layout and closes without closing the project, the new one
opens the same document at the same place, in the same set (Annotate as…, review mode, a set
shown read-only). The undo history stays with the old window's workspace: it is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

from annotator.ui.language import LANGUAGES, SETTING, current_language, install_translator
from annotator.ui.layout import STATE_KEY

translate = QCoreApplication.translate


def add_language_menu(window, menu: QMenu) -> QMenu:
    """The Language submenu of `menu`: one checkable entry per language, in its own name."""
    submenu = menu.addMenu(translate("LanguageMenu", "La&nguage"))
    submenu.setObjectName("language_menu")
    group = QActionGroup(submenu)
    group.setExclusive(True)
    for code, name in LANGUAGES.items():
        action = QAction(name, submenu)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current_language())
        action.setStatusTip(translate("LanguageMenu", "Show the window in this language (remembered)"))
        action.triggered.connect(lambda _=False, c=code: switch_language(window, c))
        group.addAction(action)
        submenu.addAction(action)
    return submenu


def switch_language(window, language: str):
    """Remember `language` and show the window in it; returns the window now on screen."""
    window.settings.setValue(SETTING, language)
    if language == current_language():
        return window
    if window.busy:
        # The import's worker owns the project's connection: no second window on it now.
        window.message(translate("LanguageMenu", "The language changes after the import; choose it again then"))
        _check(window, current_language())
        return window
    before = QApplication.layoutDirection()
    install_translator(QCoreApplication.instance(), language=language)
    return rebuild(window, mirrored=QApplication.layoutDirection() != before)


def _check(window, language: str) -> None:
    for action in window.findChildren(QAction):
        if action.objectName() == f"language_{language}":
            action.setChecked(True)


def rebuild(old, mirrored: bool = False):
    """A new MainWindow (in the language installed now) in place of `old`, on its project.
    `mirrored`: the layout direction changed, so the docks the analyst placed for the other one
    are laid out afresh for this one (layout.py) instead of restored."""
    from annotator.ui.main_window import MainWindow  # the window module builds this menu

    old.claim_panel.commit_pending()
    doc = old.workspace.document
    cursor = old.view.textCursor()
    place = (cursor.anchor(), cursor.position(), old.view.verticalScrollBar().value(), old.view.selected_span)
    reviewing, working_as, viewing = old.review.active, old.annotator, old.workspace.viewing
    if old.agreement_view is not None:
        old.agreement_view.close()
    old.settings.setValue("geometry", old.saveGeometry())
    if mirrored:
        old.settings.remove(STATE_KEY)
    else:
        old.settings.setValue(STATE_KEY, old.saveState())
    if doc is not None:
        old.settings.setValue(f"last_document/{old.project.path}", doc.id)
    new = MainWindow(old.project, old.own_annotator, old.settings)
    _WINDOWS.append(new)  # top-level and unparented: alive only while Python holds it
    new.setGeometry(old.geometry())
    new.show()  # before the old one closes: the application quits when its last window does
    old.hand_over()
    if mirrored:
        old.settings.remove(STATE_KEY)  # closing saved the old direction's; the new window saves its own
    if old in _WINDOWS:
        _WINDOWS.remove(old)
    old.deleteLater()
    if reviewing:
        new.review.enter()
    elif working_as != new.annotator:
        new.work_as(working_as)
    if viewing is not None and new.workspace.document is not None:
        new.set_chooser.show_set(viewing)
    if doc is not None and new.workspace.document is not None and new.workspace.document.id == doc.id:
        new._finish_loading()  # every span: the place below may be past the first screen
        anchor, position, scroll, span = place
        restored = new.view.textCursor()
        restored.setPosition(anchor)
        restored.setPosition(position, restored.MoveMode.KeepAnchor)
        new.view.setTextCursor(restored)
        if span is not None:  # as a click on it would: outlined, its row and its panel
            new.view.select_span(span, scroll=False)
            new.claim_panel.show_span(span)
            new._sync_span_row(span)
        new.view.verticalScrollBar().setValue(scroll)
    QApplication.processEvents()
    return new


_WINDOWS: list = []


__all__ = ["add_language_menu", "rebuild", "switch_language"]
