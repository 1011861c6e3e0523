"""Fuzzy pick lists of the project's canonical entities.

`EntityPicker` is what the "link" key opens on an entity span: type (the span's text is already
there), move with Up/Down, Enter links the highlighted entity or creates a new one named by the
typed text; the dialog itself performs the action through the workspace (one undoable action).
`EntityChooser` is the same list without the "create" row, for choosing an entity (e.g. the
target of a merge).

Ranking (`rank`) compares match keys (DESIGN.md §4), never the text: an exact key first, then a
key that starts with the query (or has a word that does), then containment either way, then
difflib similarity of the keys (whole key or one of its words). Among equals, entities of the
span's type come first, then the more mentioned ones. Names are untrusted: rows are plain item
text and tooltips are escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget)

from annotator.core.arabic import match_key
from annotator.core.display import neutralised
from annotator.core.model import Entity, Span
from annotator.store.errors import ProjectError
from annotator.core.changes import Change
from annotator.store.workspace import AnnotationError, Workspace
from annotator.ui import messages
from annotator.ui.display_names import label_shown, label_title, listed, schema_titles
from annotator.ui.plain import error_label, plain_label, tooltip_text

ENTITY_ROLE = Qt.ItemDataRole.UserRole  # the row's Entity, or None for the "create" row
MAX_ROWS = 60
MIN_RATIO = 0.6  # fuzzy matches below this are not listed
STRONG_RATIO = 0.8  # a fuzzy match this close is highlighted; a weaker one leaves "create" highlighted

EXACT, PREFIX, CONTAINS, FUZZY = range(4)


@dataclass(frozen=True, slots=True)
class Match:
    entity: Entity
    tier: int  # EXACT, PREFIX, CONTAINS or FUZZY
    ratio: float

    @property
    def strong(self) -> bool:
        return self.tier < FUZZY or self.ratio >= STRONG_RATIO


def _keys(entity: Entity) -> list[str]:
    return [k for k in dict.fromkeys(match_key(n.strip()) for n in (entity.name, *entity.aliases)) if k]


def _score(query: str, key: str) -> tuple[int, float]:
    """(tier, ratio) of one name key against the query key; a ratio below MIN_RATIO (FUZZY tier)
    means no match."""
    if key == query:
        return EXACT, 1.0
    words = key.split()
    if key.startswith(query) or any(w.startswith(query) for w in words):
        tier = PREFIX
    elif query in key or (len(key) >= 2 and key in query):
        tier = CONTAINS
    else:
        tier = FUZZY
    best = 0.0
    for candidate in [key, *(w for w in words if len(w) >= 3)] if len(words) > 1 else [key]:
        m = SequenceMatcher(None, query, candidate, autojunk=False)
        floor = max(best, MIN_RATIO)
        if tier != FUZZY or (m.real_quick_ratio() >= floor and m.quick_ratio() >= floor):
            best = max(best, m.ratio())
        if tier != FUZZY:
            break  # the whole key's similarity orders prefix and containment matches
    return tier, best


class Ranker:
    """Entities with their name keys computed once, ranked for each query."""

    def __init__(self, entities: Iterable[Entity], prefer_type: str | None = None):
        self.entities = [(e, _keys(e)) for e in entities]
        self.prefer_type = prefer_type

    def rank(self, query: str, limit: int | None = MAX_ROWS) -> list[Match]:
        q = match_key(query.strip())
        found: list[tuple[tuple, Match]] = []
        for entity, keys in self.entities:
            other_type = entity.type != self.prefer_type
            if not q:
                match = Match(entity, FUZZY, 0.0)
                found.append(((other_type, -entity.mentions, keys[0] if keys else "", entity.id), match))
                continue
            best: tuple[int, float] | None = None
            for key in keys:
                tier, ratio = _score(q, key)
                if tier == FUZZY and ratio < MIN_RATIO:
                    continue
                if best is None or (tier, -ratio) < (best[0], -best[1]):
                    best = (tier, ratio)
            if best is None:
                continue
            tier, ratio = best
            # Fuzzy matches are ordered by similarity in steps of 0.05 before the type counts;
            # the other tiers by type first, then closeness (a shorter name with the prefix first).
            bucket = -round(ratio * 20) if tier == FUZZY else 0
            found.append(((tier, bucket, other_type, -ratio, -entity.mentions, entity.name, entity.id),
                          Match(entity, tier, ratio)))
        found.sort(key=lambda pair: pair[0])
        matches = [m for _, m in found]
        return matches if limit is None else matches[:limit]


def rank(query: str, entities: Iterable[Entity], prefer_type: str | None = None) -> list[Entity]:
    """The entities matching `query`, best first (all of them, by type and mentions, if empty)."""
    return [m.entity for m in Ranker(entities, prefer_type).rank(query, limit=None)]


def row_text(entity: Entity, types: dict[str, str] = {}) -> str:
    """An entity's row: name, type (by its display name in `types`, a label name -> title) and mentions."""
    mentions = QCoreApplication.translate("EntityPicker", "%n mentions", None, entity.mentions)
    return f"{neutralised(entity.name)} · {neutralised(types.get(entity.type, entity.type))} · {mentions}"


class _RankedList(QDialog):
    """A line edit over a ranked list; Up/Down/PageUp/PageDown move in the list while the focus
    stays in the line edit, Enter chooses the highlighted row, Esc cancels."""

    type_titles: dict[str, str] = {}  # entity types (label names) -> display names, set before __init__

    def __init__(self, entities: list[Entity], query: str, prefer_type: str | None, prompt: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ranker = Ranker(entities, prefer_type)
        self.matches: list[Match] = []
        self.prompt = plain_label(prompt)
        self.edit = QLineEdit(query)
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.list = QListWidget()
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(False)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemDoubleClicked.connect(lambda item: self._choose(item))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        self.resize(460, 420)
        self.edit.textChanged.connect(self._update)
        self._update()
        self.edit.selectAll()  # typing replaces the prefilled text
        self.edit.setFocus()

    # -- rows ---------------------------------------------------------------------------

    def _update(self) -> None:
        self.matches = self.ranker.rank(self.edit.text())
        self.list.clear()
        for match in self.matches:
            self.list.addItem(self._entity_item(match.entity))
        extra = self._extra_item()
        if extra is not None:
            self.list.addItem(extra)
        if self.list.count():
            strong = self.matches and (self.matches[0].strong or not self.edit.text().strip())
            self.list.setCurrentRow(0 if strong or extra is None else self.list.count() - 1)
        self.error.hide()

    def _entity_item(self, entity: Entity) -> QListWidgetItem:
        text = row_text(entity, self.type_titles) + self._marker(entity)
        if entity.aliases:
            text += "\n    " + listed(neutralised(a) for a in entity.aliases)
        item = QListWidgetItem(text)  # item text is plain text
        item.setData(ENTITY_ROLE, entity)
        names = entity.name + ("\n" + "\n".join(entity.aliases) if entity.aliases else "")
        item.setToolTip(tooltip_text(names))
        return item

    def _marker(self, entity: Entity) -> str:
        return ""

    def _extra_item(self) -> QListWidgetItem | None:
        return None

    def rows(self) -> list[Entity | None]:
        """What each row stands for: an Entity, or None for the "create" row."""
        return [self.list.item(i).data(ENTITY_ROLE) for i in range(self.list.count())]

    def current(self) -> Entity | None:
        item = self.list.currentItem()
        return item.data(ENTITY_ROLE) if item is not None else None

    # -- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            count = self.list.count()
            steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}
            if key in steps and count:
                row = self.list.currentRow()
                row = max(0, min(count - 1, (row if row >= 0 else -1) + steps[key]))
                self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.list.currentItem())
                return True  # not to the dialog's default button
        return super().eventFilter(watched, event)

    def _choose(self, item: QListWidgetItem | None) -> None:
        raise NotImplementedError

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class EntityPicker(_RankedList):
    """Link an entity span to a canonical entity, or to a new one named by the typed text.

    After `exec()` (or Enter in a shown dialog), `result_entity` is the Entity linked (None if
    cancelled) and `change` is the workspace's Change for that action (None if nothing changed,
    e.g. the span was already linked to it)."""

    def __init__(self, workspace: Workspace, span: Span | str, parent: QWidget | None = None):
        self.workspace = workspace
        self.span = workspace.spans.get(span) if isinstance(span, str) else span
        if self.span is None:
            raise AnnotationError(QCoreApplication.translate("EntityPicker", "no such span in this document"))
        self.result_entity: Entity | None = None
        self.change: Change | None = None
        self.type_titles = dict(schema_titles(workspace.project.schema))
        prompt = self.tr("Link «{text}» ({label}) to an entity").format(
            text=self.span.text, label=label_title(workspace.project.schema, self.span.label))
        super().__init__(workspace.project.entities(), self.span.text, self.span.label, prompt, parent)
        self.setWindowTitle(self.tr("Link to entity"))

    def _marker(self, entity: Entity) -> str:
        linked = self.span.entity is not None and self.span.entity.id == entity.id
        return self.tr(" · linked now") if linked else ""

    def _extra_item(self) -> QListWidgetItem | None:
        name = self.edit.text().strip()
        if not name:
            return None
        item = QListWidgetItem(self.tr("Create new entity “{name}” · {label}").format(
            name=neutralised(name), label=label_shown(self.workspace.project.schema, self.span.label)))
        item.setData(ENTITY_ROLE, None)
        return item

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        entity = item.data(ENTITY_ROLE)
        try:
            if entity is None:
                name = self.edit.text().strip()
                if not name:
                    return
                change = self.workspace.link_new_entity(self.span.id, name, self.span.label)
                entity_id = change.span.entity.id
            else:
                change = self.workspace.link_entity(self.span.id, entity.id)
                entity_id = entity.id
            self.result_entity = self.workspace.project.entity(entity_id)
        except (AnnotationError, ProjectError) as exc:
            self._fail(messages.text(exc))
            return
        self.change = None if change.empty else change
        self.accept()


class EntityChooser(_RankedList):
    """Choose one entity of `entities` (no creating): `chosen` after `exec()` or Enter."""

    def __init__(self, entities: list[Entity], query: str = "", prefer_type: str | None = None,
                 title: str | None = None, prompt: str | None = None, parent: QWidget | None = None):
        self.chosen: Entity | None = None
        super().__init__(entities, query, prefer_type,
                         prompt or QCoreApplication.translate("EntityChooser", "Type to find an entity"), parent)
        self.setWindowTitle(title or self.tr("Choose an entity"))

    def _update(self) -> None:
        super()._update()
        if self.list.count():
            self.list.setCurrentRow(0)  # no "create" row to fall back to

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.chosen = item.data(ENTITY_ROLE)
        self.accept()


__all__ = ["EntityChooser", "EntityPicker", "Match", "Ranker", "rank", "row_text"]
