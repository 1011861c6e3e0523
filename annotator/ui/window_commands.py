"""Every command of the main window, declared once for the action registry (actions.py): the
menus, the toolbar and the F1 sheet are built from this list and nothing else."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from annotator.ui import theme
from annotator.ui.actions import ActionRegistry, Command, Insert, Separator, read_overrides
from annotator.ui.directional import directional
from annotator.ui.language_menu import add_language_menu
from annotator.ui.merge_packages import merge_dialog

Std = QKeySequence.StandardKey


# Every text is a literal translate("Commands", ...) call: lupdate extracts only those.
translate = QCoreApplication.translate


def build_commands(window) -> ActionRegistry:
    """Declare, then build, the window's commands; `window.recent_menu` is the File menu's
    submenu of recent projects (filled by the project switcher)."""
    w = window

    def recent(menu: QMenu) -> None:
        w.recent_menu = menu.addMenu(translate("Commands", "Open &recent"))

    def show_set(menu: QMenu) -> None:
        w.set_menu = menu.addMenu(translate("Commands", "Show &set"))  # filled by set_chooser.py

    def agreement() -> None:
        # Imported when first asked for: the agreement modules would add ~30 ms to every start.
        from annotator.ui.agreement_view import show_agreement

        show_agreement(w)

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
        Command("import_folder", translate("Commands", "Import &folder…"), w.import_folder_dialog, "file", (),
                "mdi6.folder-download", help=translate("Commands", "import every document in a folder")),
        Command("import_suggestions", translate("Commands", "Import pre-annotations as &suggestions…"),
                lambda: w.import_dialog(as_suggestions=True), "file", (), "mdi6.lightbulb-outline"),
        Command("export", translate("Commands", "&Export…"), w.export_dialog, "file", ("Ctrl+E",), "mdi6.export",
                help=translate("Commands", "export documents")),
        Command("merge_packages", translate("Commands", "&Merge packages…"), lambda: merge_dialog(w), "file", (),
                "mdi6.source-merge", help=translate("Commands", "bring the analysts' package files back into this "
                                                               "project")),
        Separator("file"),
        Command("annotate_as", translate("Commands", "Annotate &as…"), lambda: w.set_chooser.annotate_as(), "file",
                (), "mdi6.account-edit", help=translate("Commands", "work as another annotator (your name)")),
        Separator("file"),
        Command("quit", translate("Commands", "&Quit"), w.close, "file", (Std.Quit,),
                help=translate("Commands", "quit")),

        Command("undo", translate("Commands", "&Undo"), w.undo, "edit", (Std.Undo,), directional("mdi6.undo"),
                toolbar=True, help=translate("Commands", "undo")),
        Command("redo", translate("Commands", "&Redo"), w.redo, "edit", ("Ctrl+Shift+Z", "Ctrl+Y"),
                directional("mdi6.redo"),
                toolbar=True, help=translate("Commands", "redo")),
        Command("delete_span", translate("Commands", "&Delete span"), w.delete_selected, "edit", (), "mdi6.delete"),
        Command("find", translate("Commands", "Find in &documents"), lambda: w.search.setFocus(), "edit",
                ("Ctrl+Shift+F",), help=translate("Commands", "search documents")),
        Command("find_in_article", translate("Commands", "&Find in the article…"), lambda: w.find_bar.open(),
                "edit", (Std.Find,), "mdi6.magnify",
                help=translate("Commands", "find a name in the article (any spelling), label every match")),
        Command("find_next", translate("Commands", "Find ne&xt"), lambda: w.find_bar.step(1), "edit", ("F3",),
                help=translate("Commands", "next match in the article")),
        Command("find_previous", translate("Commands", "Find pre&vious"), lambda: w.find_bar.step(-1), "edit",
                ("Shift+F3",), help=translate("Commands", "previous match in the article")),
        Separator("edit"),
        Command("claim_form", translate("Commands", "Edit the selected span's &attributes and note"), w._focus_claim_form, "edit",
                ("Ctrl+J",), "mdi6.form-select",
                help=translate("Commands", "edit the selected span's note, and a claim's claimant, stance, ...")),
        Command("link_entity", translate("Commands", "&Link to canonical entity…"), w.link_entity, "edit",
                ("Ctrl+K",), "mdi6.link-variant",
                help=translate("Commands", "link the selected entity span to a canonical entity")),
        Separator("edit"),
        Command("edit_labels", translate("Commands", "&Labels…"), w.edit_labels, "edit", (), "mdi6.label-multiple",
                help=translate("Commands", "add, rename, recolour labels and change their keys")),
        Command("edit_shortcuts", translate("Commands", "Keyboard &shortcuts…"), w.edit_shortcuts, "edit", (),
                "mdi6.keyboard-settings", help=translate("Commands", "change the keys of the commands")),

        Command("zoom_in", translate("Commands", "Zoom &in"), lambda: w.zoom(1), "view", ("Ctrl++", "Ctrl+="),
                "mdi6.magnify-plus", help=translate("Commands", "larger text")),
        Command("zoom_out", translate("Commands", "Zoom &out"), lambda: w.zoom(-1), "view", ("Ctrl+-",),
                "mdi6.magnify-minus", help=translate("Commands", "smaller text")),
        Command("zoom_reset", translate("Commands", "&Reset zoom"), lambda: w.zoom(0), "view", ("Ctrl+0",),
                help=translate("Commands", "text at its usual size")),
        Command("review", translate("Commands", "Re&view into gold"), lambda: w.review.toggle(), "view", ("Ctrl+R",),
                "mdi6.scale-balance",
                help=translate("Commands", "review mode: every annotator's spans at once, adjudicated into the gold "
                                           "set (again: leave review)")),
        Separator("view"),
        Insert("view", show_set),
        Separator("view"),
        Insert("view", docks),
        Separator("view"),
        Command("reset_layout", translate("Commands", "Reset &layout"), lambda: w.layout_keeper.reset(), "view",
                (), "mdi6.view-dashboard-outline"),
        Command("dark_theme", translate("Commands", "&Dark theme"), lambda: theme.toggle(w), "view", (),
                "mdi6.theme-light-dark"),
        Insert("view", lambda menu: add_language_menu(w, menu)),
        Command("agreement", translate("Commands", "A&greement and progress…"), agreement, "view",
                ("Ctrl+Shift+G",), "mdi6.account-multiple-check",
                help=translate("Commands", "agreement between the annotators' sets, and each set's progress")),

        Command("next_document", translate("Commands", "&Next document"), lambda: w.step(1), "go",
                ("Ctrl+PgDown",), directional("mdi6.chevron-double-right"),
                help=translate("Commands", "next document")),
        Command("previous_document", translate("Commands", "&Previous document"), lambda: w.step(-1), "go",
                ("Ctrl+PgUp",), directional("mdi6.chevron-double-left"),
                help=translate("Commands", "previous document")),
        Separator("go"),
        # The article reads right to left in either language: the next span is to the left, as its
        # key; never mirrored (directional.py mirrors the interface's arrows, not the article's).
        Command("next_span", translate("Commands", "Ne&xt span"), lambda: w.panes.step_span(1), "go",
                ("Alt+Left",), "mdi6.chevron-left",
                help=translate("Commands", "select the next span in reading order")),
        Command("previous_span", translate("Commands", "Pre&vious span"), lambda: w.panes.step_span(-1), "go",
                ("Alt+Right",), "mdi6.chevron-right",
                help=translate("Commands", "select the previous span in reading order")),
        Command("next_disagreement", translate("Commands", "Next disa&greement"), lambda: w.review.step(1), "go",
                ("Alt+Down",), "mdi6.arrow-down-bold-outline",
                help=translate("Commands", "in review: outline the next candidate the annotators disagree on")),
        Command("previous_disagreement", translate("Commands", "Previous dis&agreement"), lambda: w.review.step(-1),
                "go", ("Alt+Up",), "mdi6.arrow-up-bold-outline",
                help=translate("Commands", "in review: outline the previous candidate the annotators disagree on")),
        Command("span_at_cursor", translate("Commands", "Select the span at the &cursor"),
                lambda: w.panes.span_at_cursor(), "go", ("Alt+Return",), "mdi6.cursor-text",
                help=translate("Commands", "select the span under the text cursor (again: the span around it)")),
        Command("next_pane", translate("Commands", "Next pan&e"), lambda: w.panes.cycle(1), "go",
                ("F6", "Ctrl+Tab"),
                help=translate("Commands", "focus the next pane: article, spans, claim, entities, documents, "
                                           "labels")),
        Command("previous_pane", translate("Commands", "P&revious pane"), lambda: w.panes.cycle(-1), "go",
                ("Shift+F6", "Ctrl+Shift+Tab"), help=translate("Commands", "focus the previous pane")),
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
    registry.overrides = read_overrides(w.settings)  # keys the analyst chose (shortcut_editor.py)
    registry.build(w, toolbar)
    return registry


__all__ = ["build_commands"]
