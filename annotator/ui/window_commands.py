"""Every command of the main window, declared once for the action registry (actions.py): the
menus, the toolbar and the F1 sheet are built from this list and nothing else."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from annotator.ui.actions import ActionRegistry, Command, Insert, Separator

Std = QKeySequence.StandardKey


# Every text is a literal translate("Commands", ...) call: lupdate extracts only those.
translate = QCoreApplication.translate


def build_commands(window) -> ActionRegistry:
    """Declare, then build, the window's commands; `window.recent_menu` is the File menu's
    submenu of recent projects (filled by the project switcher)."""
    w = window

    def recent(menu: QMenu) -> None:
        w.recent_menu = menu.addMenu(translate("Commands", "Open &recent"))

    def docks(menu: QMenu) -> None:
        for dock in (w.doc_dock, w.entity_dock, w.span_dock, w.claim_dock, w.palette_dock):
            menu.addAction(dock.toggleViewAction())

    registry = ActionRegistry(menus=[
        ("file", translate("Commands", "&File")), ("edit", translate("Commands", "&Edit")),
        ("view", translate("Commands", "&View")), ("go", translate("Commands", "&Go")),
        ("help", translate("Commands", "&Help"))])
    registry.entries = [
        Command("new_project", translate("Commands", "&New project…"), lambda: w.switcher.new_project(), "file",
                (Std.New,), "mdi6.file-plus"),
        Command("open_project", translate("Commands", "&Open project…"), lambda: w.switcher.open_project_dialog(),
                "file", (Std.Open,), "mdi6.folder-open"),
        Insert("file", recent),
        Separator("file"),
        Command("import", translate("Commands", "&Import…"), w.import_dialog, "file", ("Ctrl+I",), "mdi6.import",
                help=translate("Commands", "import documents")),
        Command("import_suggestions", translate("Commands", "Import pre-annotations as &suggestions…"),
                lambda: w.import_dialog(as_suggestions=True), "file", (), "mdi6.lightbulb-outline"),
        Command("export", translate("Commands", "&Export…"), w.export_dialog, "file", ("Ctrl+E",), "mdi6.export",
                help=translate("Commands", "export documents")),
        Separator("file"),
        Command("quit", translate("Commands", "&Quit"), w.close, "file", (Std.Quit,),
                help=translate("Commands", "quit")),

        Command("undo", translate("Commands", "&Undo"), w.undo, "edit", (Std.Undo,), "mdi6.undo", toolbar=True,
                help=translate("Commands", "undo")),
        Command("redo", translate("Commands", "&Redo"), w.redo, "edit", ("Ctrl+Shift+Z", "Ctrl+Y"), "mdi6.redo",
                toolbar=True, help=translate("Commands", "redo")),
        Command("delete_span", translate("Commands", "&Delete span"), w.delete_selected, "edit", (), "mdi6.delete"),
        Command("find", translate("Commands", "Find in &documents"), lambda: w.search.setFocus(), "edit",
                (Std.Find,), help=translate("Commands", "search documents")),
        Separator("edit"),
        Command("claim_form", translate("Commands", "Edit claim &attributes"), w._focus_claim_form, "edit",
                ("Ctrl+J",), "mdi6.form-select",
                help=translate("Commands", "edit the selected claim's attributes (claimant, stance, ...)")),
        Command("link_entity", translate("Commands", "&Link to canonical entity…"), w.link_entity, "edit",
                ("Ctrl+K",), "mdi6.link-variant",
                help=translate("Commands", "link the selected entity span to a canonical entity")),

        Command("zoom_in", translate("Commands", "Zoom &in"), lambda: w.zoom(1), "view", ("Ctrl++", "Ctrl+="),
                "mdi6.magnify-plus", help=translate("Commands", "larger text")),
        Command("zoom_out", translate("Commands", "Zoom &out"), lambda: w.zoom(-1), "view", ("Ctrl+-",),
                "mdi6.magnify-minus", help=translate("Commands", "smaller text")),
        Command("zoom_reset", translate("Commands", "&Reset zoom"), lambda: w.zoom(0), "view", ("Ctrl+0",),
                help=translate("Commands", "text at its usual size")),
        Separator("view"),
        Insert("view", docks),

        Command("next_document", translate("Commands", "&Next document"), lambda: w.step(1), "go",
                ("Ctrl+PgDown",), "mdi6.chevron-double-left", help=translate("Commands", "next document")),
        Command("previous_document", translate("Commands", "&Previous document"), lambda: w.step(-1), "go",
                ("Ctrl+PgUp",), "mdi6.chevron-double-right", help=translate("Commands", "previous document")),
        Separator("go"),
        Command("mark_done", translate("Commands", "Mark &done and go on"), w.mark_done, "go", ("Ctrl+Return",),
                "mdi6.check-bold", help=translate("Commands", "mark the document done and open the next")),
        Command("mark_skipped", translate("Commands", "Mark &skipped and go on"), w.mark_skipped,
                "go", ("Ctrl+Shift+Return",), "mdi6.skip-next",
                help=translate("Commands", "mark the document skipped and open the next (asks first if it is done)")),

        Command("shortcuts", translate("Commands", "&Keyboard shortcuts"), w.show_shortcuts, "help", ("F1",),
                "mdi6.keyboard", help=translate("Commands", "this list")),
    ]
    toolbar = QToolBar(translate("Commands", "Main"), w)
    toolbar.setObjectName("main_toolbar")
    w.addToolBar(toolbar)
    registry.build(w, toolbar)
    return registry


__all__ = ["build_commands"]
