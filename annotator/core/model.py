"""Domain objects shared by the store, the importers/exporters and the UI."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone

STATUSES = ("new", "in_progress", "done", "skipped")
META_KEYS = ("title", "source", "url", "file")  # always present, in this order, in exports


def now() -> str:
    """ISO-8601 UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def ordered_meta(meta: dict | None) -> dict:
    """The standard meta keys first (None when absent), then any others in their given order."""
    meta = dict(meta or {})
    ordered = {key: meta.pop(key, None) for key in META_KEYS}
    ordered.update(meta)
    return ordered


@dataclass(slots=True)
class EntityRef:
    """A span's link to a canonical entity of the project."""

    id: str
    name: str
    type: str


@dataclass(slots=True)
class Span:
    id: str
    start: int  # code points, end exclusive: document.text[start:end] == text
    end: int
    text: str
    layer: str
    label: str
    entity: EntityRef | None = None
    attrs: dict = field(default_factory=dict)
    annotator: str = ""
    created: str = ""
    updated: str = ""

    def sort_key(self) -> tuple:
        return (self.start, -self.end, self.layer, self.label, self.id)


@dataclass(slots=True)
class Entity:
    """A canonical entity of the project: what several spans, however spelled, refer to."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0  # spans linked to it (read-only figures, filled by the store)
    documents: int = 0

    def ref(self) -> EntityRef:
        return EntityRef(self.id, self.name, self.type)


@dataclass(slots=True)
class Suggestion:
    """A span proposed to the analyst (a variant of a name just labelled, a known entity, or an
    imported pre-annotation), stored only when accepted."""

    start: int
    end: int
    text: str
    layer: str
    label: str
    entity: EntityRef | None = None
    source: str = ""  # "variant", "entity", "import:<file>"
    id: str = ""  # set for stored (imported) suggestions

    def key(self) -> tuple:
        return (self.start, self.end, self.layer, self.label)


@dataclass(slots=True)
class Relation:
    id: str
    head: str  # span id
    child: str  # span id
    label: str
    annotator: str = ""
    created: str = ""
    updated: str = ""


@dataclass(slots=True)
class Document:
    id: str
    text: str
    meta: dict = field(default_factory=dict)
    status: str = "new"
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    content_hash: str = ""

    @property
    def title(self) -> str | None:
        return self.meta.get("title")


def new_id() -> str:
    """A random 64-bit id as 16 hex digits: unique enough for any project, short in JSONL."""
    return secrets.token_hex(8)
