"""The project's canonical entities, for a dock: filter by match key, rename (and edit aliases and
type), merge two entities, open a mention.

Every change goes through the Workspace (one transaction, undoable there). Like every view the
browser follows the workspace's Changes (`apply_change`, called by the window for each one,
whoever made it: an undo of a merge from another document reloads it at once); `changed()` says
that a rename or merge made here was committed.
Problems are reported with `message(str)`. Dialogs that would block are reached only through the
module-level callables `CONFIRM`, `EDIT_ENTITY` and `CHOOSE_TARGET`, which tests replace.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QItemSelectionModel, QModelIndex,
                            QSortFilterProxyModel, Qt, QTimer, Signal)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QPushButton, QVBoxLayout, QWidget

from annotator.core.arabic import match_key
from annotator.core.changes import Change
from annotator.core.display import neutralised
from annotator.core.model import Entity
from annotator.store.errors import ProjectError
from annotator.store.workspace import AnnotationError, Workspace
from annotator.ui import display_names, messages
from annotator.ui.dialogs import ask
from annotator.ui.entity_dialogs import (EntityEditDialog, choose_target_dialog, edit_entity_dialog, format_aliases,
                                        parse_aliases)
from annotator.ui.flow_layout import flow_container
from annotator.ui.models import TableModel, alignment, make_table, whole_text_tip
from annotator.ui.plain import plain_label, set_tooltip

DISPLAY = Qt.ItemDataRole.DisplayRole
ID_ROLE = Qt.ItemDataRole.UserRole
NAME, TYPE, MENTIONS, DOCUMENTS, ALIASES = range(5)
TYPE_WIDTH, ALIASES_WIDTH = 80, 160


# Tests replace these (exec() would block them).
CONFIRM: Callable[[QWidget | None, str, str], bool] = ask
EDIT_ENTITY: Callable[[QWidget | None, Entity, list[str]], tuple[str, list[str], str] | None] = edit_entity_dialog
CHOOSE_TARGET: Callable[[QWidget | None, Entity, list[Entity]], Entity | None] = choose_target_dialog


# -- model --------------------------------------------------------------------------------------


class EntityTableModel(TableModel):
    HEADERS = (QT_TRANSLATE_NOOP("Tables", "Name"), QT_TRANSLATE_NOOP("Tables", "Type"),
               QT_TRANSLATE_NOOP("Tables", "Mentions"), QT_TRANSLATE_NOOP("Tables", "Docs"),
               QT_TRANSLATE_NOOP("Tables", "Aliases"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entities: list[Entity] = []
        self.keys: list[tuple[str, ...]] = []  # match keys of name and aliases, per row
        self._row_of: dict[str, int] = {}
        self.type_titles: dict[str, str] = {}  # a type (label name) -> its display name

    def set_entities(self, entities: list[Entity], type_titles: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.entities = list(entities)
        if type_titles is not None:
            self.type_titles = type_titles
        self.keys = [tuple(match_key(n) for n in (e.name, *e.aliases)) for e in self.entities]
        self._row_of = {e.id: i for i, e in enumerate(self.entities)}
        self.endResetModel()

    def row_of(self, entity_id: str) -> int | None:
        return self._row_of.get(entity_id)

    def entity(self, entity_id: str) -> Entity | None:
        row = self._row_of.get(entity_id)
        return self.entities[row] if row is not None else None

    def _rows(self) -> list:
        return self.entities

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        entity = self.entities[index.row()]
        column = index.column()
        if role == DISPLAY:
            # Names and aliases are untrusted: shown neutralised (bidi controls visible).
            return (neutralised(entity.name), neutralised(self.type_titles.get(entity.type, entity.type)),
                    entity.mentions, entity.documents,
                    display_names.listed(neutralised(a) for a in entity.aliases))[column]
        if role == ID_ROLE:
            return entity.id
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole name on hover, escaped (names are untrusted: never read as rich text).
            return whole_text_tip(entity.name) if column == NAME else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NAME, ALIASES):
            # An Arabic name reads from the right and is cut at its end (the left).
            return alignment(entity.name if column == NAME else (entity.aliases or ("",))[0])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (MENTIONS, DOCUMENTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class EntityFilter(QSortFilterProxyModel):
    """Rows whose name or an alias contains the query, compared by match key."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query_key = ""
        self.setSortRole(DISPLAY)

    def set_query(self, query: str) -> None:
        key = match_key(query.strip())
        if hasattr(self, "beginFilterChange") and hasattr(self, "endFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            self.query_key = key
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.query_key = key
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        if not self.query_key:
            return True
        return any(self.query_key in key for key in self.sourceModel().keys[row])


# -- the browser --------------------------------------------------------------------------------


class EntityBrowser(QWidget):
    changed = Signal()  # a rename or merge made here was committed (its Change went to every view)
    mentionRequested = Signal(str)  # noqa: N815 - entity id (double-click or Enter on a row)
    message = Signal(str)

    def __init__(self, workspace_getter: Callable[[], Workspace], parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace_getter = workspace_getter
        self.model = EntityTableModel(self)
        self.proxy = EntityFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter entities (ignores diacritics and letter variants)"))
        self.filter.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _: self._filter_timer.start())

        table = make_table(self.proxy, QAbstractItemView.SelectionMode.ExtendedSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # The counts right after the name, as narrow as their headers, so a dock of 250 px shows
        # name and counts without scrolling; type and aliases follow. Widths from the header
        # text, not the cells: sizing to contents would read every row at each refresh.
        header.moveSection(header.visualIndex(MENTIONS), 1)
        header.moveSection(header.visualIndex(DOCUMENTS), 2)
        metrics = header.fontMetrics()
        for column in (MENTIONS, DOCUMENTS):
            title = self.model.headerData(column, Qt.Orientation.Horizontal, DISPLAY) or ""
            header.resizeSection(column, max(metrics.horizontalAdvance(title), metrics.horizontalAdvance("00000")) + 16)
        header.resizeSection(TYPE, TYPE_WIDTH)
        header.resizeSection(ALIASES, ALIASES_WIDTH)
        table.viewport().installEventFilter(self)  # type and aliases give way in a narrow dock
        table.setSortingEnabled(True)
        table.sortByColumn(MENTIONS, Qt.SortOrder.DescendingOrder)
        table.doubleClicked.connect(self._open_mention)
        self.table = table

        self.rename_button = QPushButton(self.tr("Rename…"))
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_into_button = QPushButton(self.tr("Merge into…"))
        set_tooltip(self.rename_button, self.tr("Rename the entity, change its type or aliases (F2)"))
        set_tooltip(self.merge_button, self.tr("Merge the two selected entities into the one with more mentions"))
        set_tooltip(self.merge_into_button, self.tr("Merge the selected entity into another one"))
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.merge_into_button.clicked.connect(self.merge_into)

        self.rename_action = QAction(self.tr("Rename entity"), self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rename_action.triggered.connect(lambda _=False: self.rename_selected())
        self.addAction(self.rename_action)
        self.open_action = QAction(self.tr("Open a mention"), self)
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(lambda _=False: self._open_mention(self.table.currentIndex()))
        table.addAction(self.open_action)

        self.count_label = plain_label()
        # A flow, not a row: in a narrow dock the buttons wrap instead of widening the dock.
        buttons = flow_container([self.rename_button, self.merge_button, self.merge_into_button])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        layout.addWidget(self.count_label)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.refresh()

    NAME_ROOM = 80  # the least width of the name column before type and aliases are hidden

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_columns(event.size().width())
        return False

    def _fit_columns(self, width: int) -> None:
        """Hide aliases, then type, while the name and the counts would not fit otherwise:
        the counts never need horizontal scrolling (issue 10 item 15)."""
        header = self.table.horizontalHeader()
        counts = header.sectionSize(MENTIONS) + header.sectionSize(DOCUMENTS)
        room = width - counts - self.NAME_ROOM
        header.setSectionHidden(TYPE, room < TYPE_WIDTH)  # (a hidden section's size reads 0)
        header.setSectionHidden(ALIASES, room < TYPE_WIDTH + ALIASES_WIDTH)

    # -- state --------------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        return self.workspace_getter()

    @property
    def readonly(self) -> bool:
        return self.workspace.project.readonly

    def refresh(self) -> None:
        """Reload the entities from the project (after a change, an undo, a project switch),
        keeping the selection where the entities still exist."""
        selected = self.selected_ids()
        current = self.table.currentIndex().data(ID_ROLE)
        try:
            entities = self.workspace.project.entities()
            types = dict(display_names.schema_titles(self.workspace.project.schema))
        except ProjectError as exc:
            self.message.emit(messages.text(exc))
            entities, types = [], {}
        self.model.set_entities(entities, types)
        self.select(selected, current)
        self._update_actions()

    def apply_change(self, change: Change) -> None:
        """Follow a committed action: reload when entities were created, renamed or merged, or
        when spans were linked, unlinked or removed (mention counts), or the schema changed (a
        label's display name is an entity's type); otherwise nothing."""
        if change.entities or change.documents or change.spans_removed or change.schema or any(
                s.entity is not None for s in change.spans_added) or change.op == "link_entity":
            self.refresh()

    def shortcut_actions(self) -> list[tuple[QAction, str]]:
        """The browser's own shortcuts (active while it has the focus), for the F1 sheet."""
        return [(self.rename_action, self.tr("in Entities: rename the selected entity")),
                (self.open_action, self.tr("in Entities: open the next mention of the selected entity"))]

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.proxy.set_query(self.filter.text())
        self._update_count()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in rows]

    def selected(self) -> list[Entity]:
        return [e for e in (self.model.entity(i) for i in self.selected_ids()) if e is not None]

    def select(self, entity_ids: list[str], current: str | None = None) -> None:
        """Select these entities' rows (those shown by the filter)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        first = None
        for entity_id in entity_ids:
            index = self._proxy_index(entity_id)
            if index.isValid():
                selection.select(index, flags)
                first = first or index
        focus = self._proxy_index(current) if current in entity_ids else first
        if focus is not None and focus.isValid():
            selection.setCurrentIndex(focus, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(focus)
        self._update_actions()

    def _proxy_index(self, entity_id: str | None) -> QModelIndex:
        row = self.model.row_of(entity_id) if entity_id else None
        return self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()

    def _update_actions(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        writable = not self.readonly
        self.rename_button.setEnabled(writable and count == 1)
        self.rename_action.setEnabled(writable and count == 1)
        self.merge_button.setEnabled(writable and count == 2)
        self.merge_into_button.setEnabled(writable and count == 1 and self.model.rowCount() > 1)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            text = self.tr("%n entities", "", total)
        else:
            text = self.tr("{shown} of %n entities", "", total).format(shown=shown)
        self.count_label.setText(self.tr("{count} (read-only)").format(count=text) if self.readonly else text)

    # -- actions ------------------------------------------------------------------------

    def _writable(self) -> bool:
        if self.readonly:
            self.message.emit(self.tr("The project is open read-only"))
            return False
        return True

    def _one_selected(self) -> Entity | None:
        chosen = self.selected()
        if len(chosen) != 1:
            self.message.emit(self.tr("Select one entity first"))
            return None
        return chosen[0]

    def entity_types(self, entity: Entity) -> list[str]:
        """Types an entity may take: the labels of the layer its type belongs to (entity)."""
        schema = self.workspace.project.schema
        label = schema.label(entity.type)
        layer = schema.layer(label.layer) if label else next(iter(schema.entity_layers()), None)
        return [lab.name for lab in layer.labels] if layer else [entity.type]

    def rename_selected(self) -> Entity | None:
        """F2 / Rename…: ask for the new name, type and aliases (EDIT_ENTITY), then `rename`."""
        if not self._writable():
            return None
        entity = self._one_selected()
        if entity is None:
            return None
        answer = EDIT_ENTITY(self, entity, self.entity_types(entity))
        if answer is None:
            return None
        name, aliases, entity_type = (*answer, None)[:3]
        return self.rename(entity.id, name, aliases, entity_type)

    def rename(self, entity_id: str, name: str, aliases: list[str], entity_type: str | None = None) -> Entity | None:
        """Set an entity's name, aliases (and type) as one undoable action."""
        if not self._writable():
            return None
        name = name.strip()
        aliases = [a for a in dict.fromkeys(a.strip() for a in aliases) if a and a != name]
        try:
            change = self.workspace.edit_entity(entity_id, name, aliases, entity_type)
            entity = self.workspace.project.entity(entity_id)
        except (AnnotationError, ProjectError) as exc:
            self.message.emit(messages.text(exc))
            return None
        if not change.empty:  # the same name, aliases and type again: the workspace's no-op
            self._changed([entity.id], self.tr("Renamed to {name}").format(name=entity.name))
        return entity

    def merge_selected(self) -> Entity | None:
        """Merge the two selected entities into the one with more mentions (then more documents)."""
        if not self._writable():
            return None
        chosen = self.selected()
        if len(chosen) != 2:
            self.message.emit(self.tr("Select two entities to merge (or one, then Merge into…)"))
            return None
        keep, drop = default_target(*chosen)
        return self.merge(keep.id, drop.id)

    def merge_into(self) -> Entity | None:
        """Merge the selected entity into one chosen from the others (CHOOSE_TARGET)."""
        if not self._writable():
            return None
        drop = self._one_selected()
        if drop is None:
            return None
        others = [e for e in self.model.entities if e.id != drop.id]
        if not others:
            self.message.emit(self.tr("There is no other entity to merge into"))
            return None
        keep = CHOOSE_TARGET(self, drop, others)
        return self.merge(keep.id, drop.id) if keep is not None else None

    def merge(self, keep_id: str, drop_id: str, confirm: bool = True) -> Entity | None:
        """Re-link every mention of `drop_id` to `keep_id`, whose aliases gain drop's names; one
        undoable action, after a question (CONFIRM) unless `confirm` is False."""
        if not self._writable():
            return None
        try:
            keep, drop = self.workspace.project.entity(keep_id), self.workspace.project.entity(drop_id)
        except ProjectError as exc:
            self.message.emit(messages.text(exc))
            return None
        if confirm:
            question = self.tr("Merge “{drop}” ({drop_type}, {drop_mentions}) into “{keep}” ({keep_type}, "
                               "{keep_mentions})?\n\nEvery mention of “{drop}” will be linked to “{keep}”, and "
                               "“{drop}” becomes one of its aliases. Undo reverses it.").format(
                drop=drop.name, drop_type=drop.type, drop_mentions=_mentions(drop.mentions),
                keep=keep.name, keep_type=keep.type, keep_mentions=_mentions(keep.mentions))
            if not CONFIRM(self, self.tr("Merge entities"), question):
                return None
        try:
            self.workspace.merge_entities(keep.id, drop.id)
            merged = self.workspace.project.entity(keep.id)
        except (AnnotationError, ProjectError) as exc:
            self.message.emit(messages.text(exc))
            return None
        self._changed([merged.id], self.tr("Merged {drop} into {keep}").format(drop=drop.name, keep=merged.name))
        return merged

    def _changed(self, select: list[str], text: str) -> None:
        self.refresh()
        self.select(select, select[0] if select else None)
        self.message.emit(text)
        self.changed.emit()

    def _open_mention(self, index: QModelIndex) -> None:
        entity_id = index.data(ID_ROLE) if index.isValid() else None
        if entity_id:
            self.mentionRequested.emit(entity_id)


def _mentions(n: int) -> str:
    return QCoreApplication.translate("EntityBrowser", "%n mentions", None, n)


def default_target(a: Entity, b: Entity) -> tuple[Entity, Entity]:
    """(keep, drop): the entity with more mentions is kept, then the one in more documents, then
    the first given."""
    return (b, a) if (b.mentions, b.documents) > (a.mentions, a.documents) else (a, b)


__all__ = ["CHOOSE_TARGET", "CONFIRM", "EDIT_ENTITY", "EntityBrowser", "EntityEditDialog", "EntityFilter",
           "EntityTableModel", "default_target", "format_aliases", "parse_aliases"]
