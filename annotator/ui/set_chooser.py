"""Which set of annotations the window works in and which it shows: File > Annotate as… and
View > Show set.

Annotate as… changes the working name (MainWindow.work_as: a new Workspace, so the undo history
of the previous name is dropped). Show set shows another annotator's set of the open document
read-only (Workspace.view_set: every action is then refused with code "viewing_set"); "My set"
returns. Moving to another document keeps showing that set where the document has it, else the
window goes back to its own set and says so.

In a per-annotator package file the name is the package's: Annotate as… is disabled there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from annotator.core.display import neutralised
from annotator.team.package_info import package_annotator
from annotator.ui.annotator_name import ask_name, remember
from annotator.ui.models import status_name
from annotator.ui.plain import tooltip_text


class SetChooser(QObject):
    def __init__(self, window, menu: QMenu):
        super().__init__(window)
        self.window = window
        self.menu = menu
        self.package_name: str | None = None
        self._group: QActionGroup | None = None
        menu.aboutToShow.connect(self.fill)

    @property
    def annotate_action(self) -> QAction:
        return self.window.registry.actions["annotate_as"]

    def project_shown(self) -> None:
        """Another project (or package file) is open: whether its annotator is fixed."""
        self.package_name = package_annotator(self.window.project.info())
        action = self.annotate_action
        action.setEnabled(self.package_name is None)
        action.setToolTip(tooltip_text(self._fixed_name() if self.package_name is not None else self.tr(
            "Work as another annotator: the spans you make are recorded under that name")))

    def _fixed_name(self, neutralise: bool = True) -> str:
        # The status bar neutralises a message whole (errors.visible); a tooltip shows it as is.
        name = self.package_name or ""
        return self.tr("This file is the package of {name}: it is annotated as {name} only").format(
            name=neutralised(name) if neutralise else name)

    # -- Annotate as… ----------------------------------------------------------------------

    def annotate_as(self) -> None:
        window = self.window
        if self.package_name is not None:  # the action is disabled then; a script may still call it
            window.message(self._fixed_name(neutralise=False))
            return
        name = ask_name(window, window.annotator, current=window.annotator)
        if name is None or name == window.annotator:
            return
        self.switch_to(name)

    def switch_to(self, name: str) -> None:
        """Work as `name` from now on, remembered for the next start."""
        window = self.window
        previous = window.annotator
        had_history = window.workspace.history.undo_text() or window.workspace.history.redo_text()
        window.own_annotator = name
        window.work_as(name)
        remember(window.settings, name)
        if had_history:
            window.message(self.tr("Annotating as {name}; the undo history of {previous} was dropped").format(
                name=name, previous=previous))
        else:
            window.message(self.tr("Annotating as {name}").format(name=name))

    # -- Show set --------------------------------------------------------------------------

    def sets(self) -> dict[str, str]:
        """The open document's sets, name -> status ("" is the unattributed spans, part of
        every annotator's own set, so not a set to show on its own)."""
        doc = self.window.workspace.document
        if doc is None:
            return {}
        found = self.window.project.document_sets([doc.id]).get(doc.id, {})
        return {name: status for name, status in found.items() if name}

    def fill(self) -> None:
        """Filled when opened: the sets of the document open now."""
        menu, window = self.menu, self.window
        menu.clear()
        if self._group is not None:
            self._group.deleteLater()  # clear() leaves the previous opening's group behind
        if window.workspace.document is None:
            menu.addAction(self.tr("No document is open")).setEnabled(False)
            self._group = None
            return
        sets = self.sets()
        viewing = window.workspace.viewing
        group = self._group = QActionGroup(menu)
        # Names are typed by people: an "&" in one is shown, not taken for a mnemonic.
        own = self.tr("My set ({name})").format(name=neutralised(window.annotator))
        if window.annotator in sets:
            own = self.tr("{set} · {status}").format(set=own, status=status_name(sets[window.annotator]))
        mine = menu.addAction(own.replace("&", "&&"))
        mine.setCheckable(True)
        mine.setChecked(viewing is None)
        mine.triggered.connect(lambda: self.show_set(None))
        group.addAction(mine)
        others = [name for name in sets if name != window.annotator]
        if others:
            menu.addSeparator()
        for name in others:
            action = menu.addAction(self.tr("{set} · {status}").format(
                set=neutralised(name), status=status_name(sets[name])).replace("&", "&&"))
            action.setCheckable(True)
            action.setChecked(viewing == name)
            action.triggered.connect(lambda _=False, n=name: self.show_set(n))
            group.addAction(action)
        if not others:
            menu.addAction(self.tr("No other annotator has a set in this document")).setEnabled(False)

    def show_set(self, name: str | None) -> None:
        """Show `name`'s set of the open document read-only (None: the window's own again)."""
        window = self.window
        doc = window.workspace.document
        if doc is None:
            return
        window.claim_panel.commit_pending()  # a note being typed belongs to the set shown until now
        window.workspace.view_set(name)
        window.open_document(doc.id)
        viewing = window.workspace.viewing
        if viewing is None:
            window.message(self.tr("Showing your own set"))
        else:
            window.message(self.tr("Showing {name}'s set read-only: annotate as {name} to change it").format(
                name=viewing))

    def follow(self, doc_id: str) -> None:
        """Before `doc_id` is opened: keep showing the same set if that document has it, else
        go back to the window's own set. Nothing at all to do (no query) when it shows its own."""
        workspace = self.window.workspace
        viewing = workspace.viewing
        if viewing is None:
            return
        if viewing in self.window.project.document_sets([doc_id]).get(doc_id, {}):
            return
        workspace.view_set(None)
        self.window.message(self.tr("This document has no set of {name}: showing your own set").format(
            name=viewing))


__all__ = ["SetChooser"]
