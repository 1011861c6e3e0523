"""File > New project, Open project and Open recent: finding the project file (and for a new one,
its schema: schema_chooser.py), opening it (read-only when another instance holds it, after
asking), and remembering recent projects in QSettings.

The switch itself (new workspace, views on the new schema) is the window's `show_new_project`;
the project in use is closed only once the new one is open, so a failure keeps the old one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from annotator import RESOURCES
from annotator.core.schema import Schema, load_schema
from annotator.store import Project, ProjectError, ProjectLocked
from annotator.store.project import SUFFIX
from annotator.ui import errors, messages
from annotator.ui.dialogs import ask
from annotator.ui.schema_chooser import choose_schema

MAX_RECENT = 8


def open_with_fallback(path: Path, parent: QWidget | None) -> Project | None:
    """Open for writing; if another instance holds it, offer read-only (None if declined)."""
    try:
        return Project.open(path)
    except ProjectLocked as exc:
        question = QCoreApplication.translate("ProjectSwitcher", "{reason}.\n\nOpen it read-only?").format(
            reason=messages.text(exc))
        if ask(parent, QCoreApplication.translate("ProjectSwitcher", "Project in use"), question):
            return Project.open(path, readonly=True)
        return None


class ProjectSwitcher(QObject):
    def __init__(self, window, recent_menu: QMenu):
        super().__init__(window)
        self.window = window
        self.recent_menu = recent_menu

    def _filter(self, all_files: bool = False) -> str:
        kinds = self.tr("annotator projects (*{suffix})").format(suffix=SUFFIX)
        every = self.tr("All files (*)")
        return f"{kinds};;{every}" if all_files else kinds

    def new_project(self) -> None:
        window = self.window
        path, _ = QFileDialog.getSaveFileName(window, self.tr("New project"), str(window.project.path.parent),
                                              self._filter())
        if not path:
            return
        path = Path(path) if path.endswith(SUFFIX) else Path(path + SUFFIX)
        schema = choose_schema(window, path.parent)
        if schema is not None:
            self.switch(path, create=True, schema=schema)

    def open_project_dialog(self) -> None:
        window = self.window
        path, _ = QFileDialog.getOpenFileName(window, self.tr("Open project"), str(window.project.path.parent),
                                              self._filter(all_files=True))
        if path:
            self.switch(Path(path))

    def switch(self, path: Path, create: bool = False, schema: Schema | None = None) -> None:
        """Open (or with `create`, create with `schema`, the news schema by default) `path`."""
        try:
            if create:
                project = Project.create(path, schema or load_schema(RESOURCES / "schemas" / "news.toml"))
            else:
                project = open_with_fallback(path, self.window)
        except ProjectError as exc:
            errors.show_error(self.window, self.tr("Cannot open project"), messages.text(exc))
            return
        if project is not None:
            self.window.status.project_changed()  # before the new project's first messages
            self.window.show_new_project(project)

    # -- recent projects ----------------------------------------------------------------

    def remember(self, path: Path) -> None:
        settings = self.window.settings
        recent = [p for p in settings.value("recent", [], list) or [] if p != str(path)]
        settings.setValue("recent", [str(path), *recent][:MAX_RECENT])
        self.refresh_recent()

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self.window.settings.value("recent", [], list) or []:
            action = self.recent_menu.addAction(entry.replace("&", "&&"))
            action.triggered.connect(lambda _=False, p=entry: self.switch(Path(p)))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())


__all__ = ["MAX_RECENT", "ProjectSwitcher", "open_with_fallback"]
