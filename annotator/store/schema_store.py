"""The label schema stored in the project (layers, labels, attributes) and the project's facts.

The schema is read once and cached; a rolled-back transaction forgets the cache, since the
action undone may have added labels (see Project.transaction).

Display names (titles) are one JSON object under the project key `schema_titles`, not columns:
a project made before them has no such key and opens as it is, without a migration; they are
display text only, so an entry that breaks the title rules is left out rather than refusing the
project. The translated guidelines and descriptions (`guideline_<lang>`, `description_<lang>`)
live in the same object, under their own sections, by the same rules."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import replace

from annotator.core.schema import (Attribute, Label, Layer, Schema, Titles, guidance_problem, language_problem,
                                   title_problem)
from annotator.store.rows import dumps

TITLES_KEY = "schema_titles"


def _titles_json(schema: Schema) -> str:
    """{"layers": {layer: {lang: title}}, "labels": {label: {...}}, "attributes": {layer: {name:
    {...}}}, "values": {layer: {name: {lang: {value: title}}}}, "guidelines": {label: {lang: text}},
    "layer_descriptions": {layer: {lang: text}}, "attribute_descriptions": {layer: {name: {lang:
    text}}}}, only what has titles or translations."""
    data: dict = {"layers": {}, "labels": {}, "attributes": {}, "values": {}, "guidelines": {},
                  "layer_descriptions": {}, "attribute_descriptions": {}}
    for layer in schema.layers:
        if layer.titles:
            data["layers"][layer.name] = dict(layer.titles)
        if layer.descriptions:
            data["layer_descriptions"][layer.name] = dict(layer.descriptions)
        for label in layer.labels:
            if label.titles:
                data["labels"][label.name] = dict(label.titles)
            if label.guidelines:
                data["guidelines"][label.name] = dict(label.guidelines)
        for a in layer.attributes:
            if a.titles:
                data["attributes"].setdefault(layer.name, {})[a.name] = dict(a.titles)
            if a.descriptions:
                data["attribute_descriptions"].setdefault(layer.name, {})[a.name] = dict(a.descriptions)
            for lang, value, title in a.value_titles:
                data["values"].setdefault(layer.name, {}).setdefault(a.name, {}).setdefault(lang, {})[value] = title
    return dumps(data)


def _loaded_titles(text: str | None) -> dict:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _titles(entry) -> Titles:
    """The valid (language, title) pairs of a stored {lang: title} object."""
    if not isinstance(entry, dict):
        return ()
    return tuple(sorted((lang, title) for lang, title in entry.items()
                        if language_problem(lang) is None and title_problem(title) is None))


def _guidance(entry) -> Titles:
    """The valid (language, text) pairs of a stored {lang: guideline or description} object."""
    if not isinstance(entry, dict):
        return ()
    return tuple(sorted((lang, text) for lang, text in entry.items()
                        if language_problem(lang) is None and guidance_problem(text) is None))


def _value_titles(entry, values: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    if not isinstance(entry, dict):
        return ()
    return tuple(sorted((lang, value, title) for lang, table in entry.items() if language_problem(lang) is None
                        and isinstance(table, dict) for value, title in table.items()
                        if value in values and title_problem(title) is None))


def _section(data: dict, name: str) -> dict:
    section = data.get(name)
    return section if isinstance(section, dict) else {}


class SchemaStore:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._schema: Schema | None = None

    def info(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM project").fetchall())

    def set_info(self, items: Iterable[tuple[str, str]]) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO project (key, value) VALUES (?, ?)", list(items))

    @property
    def schema(self) -> Schema:
        if self._schema is None:
            self._schema = self._read()
        return self._schema

    def forget(self) -> None:
        self._schema = None

    def _read(self) -> Schema:
        info = self.info()
        titles = _loaded_titles(info.get(TITLES_KEY))
        label_titles, layer_titles = _section(titles, "labels"), _section(titles, "layers")
        guidelines, layer_descriptions = _section(titles, "guidelines"), _section(titles, "layer_descriptions")
        layers = []
        for name, overlap, description, draw, links in self.conn.execute(
            "SELECT name, overlap, description, draw, links_entities FROM layers ORDER BY position"
        ).fetchall():
            labels = tuple(Label(*row, _titles(label_titles.get(row[0])), _guidance(guidelines.get(row[0])))
                           for row in self.conn.execute(
                "SELECT name, layer, color, key, guideline FROM labels WHERE layer = ? ORDER BY position", (name,)))
            attribute_titles = _section(_section(titles, "attributes"), name)
            value_titles = _section(_section(titles, "values"), name)
            descriptions = _section(_section(titles, "attribute_descriptions"), name)
            attributes = []
            for n, kind, choices, default, desc, summary in self.conn.execute(
                    "SELECT name, kind, choices, default_value, description, summary FROM attributes "
                    "WHERE layer = ? ORDER BY position", (name,)):
                values = tuple(json.loads(choices))
                attributes.append(Attribute(n, name, kind, values, default, desc, bool(summary),
                                            _titles(attribute_titles.get(n)),
                                            _value_titles(value_titles.get(n), values),
                                            _guidance(descriptions.get(n))))
            # Roles are read as stored: migration 3 wrote the old position rule down once.
            layers.append(Layer(name, overlap, description, labels, tuple(attributes), draw, bool(links),
                                _titles(layer_titles.get(name)), _guidance(layer_descriptions.get(name))))
        return Schema(info.get("schema_name", "custom"), tuple(layers), info.get("schema_description", ""))

    def write(self, schema: Schema) -> None:
        """Store a whole schema in a new project."""
        self.set_info([("schema_name", schema.name), ("schema_description", schema.description),
                       (TITLES_KEY, _titles_json(schema))])
        for lpos, layer in enumerate(schema.layers):
            self.conn.execute(
                "INSERT INTO layers (name, overlap, description, position, draw, links_entities) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (layer.name, layer.overlap, layer.description, lpos, layer.draw, int(layer.links_entities)),
            )
            self.conn.executemany(
                "INSERT INTO attributes (layer, name, kind, choices, default_value, description, position, summary) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(layer.name, a.name, a.kind, dumps(list(a.values)), a.default, a.description, i, int(a.summary))
                 for i, a in enumerate(layer.attributes)],
            )
        self._insert_labels(schema.labels())
        self._schema = None

    def add_label(self, layer: str, name: str) -> Label:
        """Append a label met in imported data to the schema (auto colour, no key)."""
        schema = self.schema.with_label(layer, name)
        label = schema.label(name)
        self._insert_labels([label])
        self._schema = schema
        return label

    def add_attribute(self, attribute: Attribute) -> Attribute:
        """Append an attribute met in imported data to its layer's attributes, or widen the
        choices of the layer's attribute of that name and kind (core Schema.with_attribute):
        only its values change then. Returns the attribute as stored."""
        layer = self.schema.layer(attribute.layer)
        known = next((a for a in layer.attributes if a.name == attribute.name), None) if layer else None
        if known is not None and known.kind == attribute.kind:
            attribute = replace(known, values=attribute.values)
        schema = self.schema.with_attribute(attribute)  # raises SchemaError before any write
        if known is None:
            self.conn.execute(
                "INSERT INTO attributes (layer, name, kind, choices, default_value, description, position, summary) "
                "VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM attributes WHERE layer = ?), ?)",
                (attribute.layer, attribute.name, attribute.kind, dumps(list(attribute.values)), attribute.default,
                 attribute.description, attribute.layer, int(attribute.summary)))
        else:
            self.conn.execute("UPDATE attributes SET choices = ? WHERE layer = ? AND name = ?",
                              (dumps(list(attribute.values)), attribute.layer, attribute.name))
        self._schema = schema
        return attribute

    def replace_label(self, before: Label | None, after: Label | None,
                      retype: Iterable[str] | None = None) -> list[str]:
        """`before` becomes `after`: a new label (before None), a label removed (after None,
        the undo of adding it) or renamed, recoloured, rekeyed. A rename reaches every span and
        suggestion of the label through the foreign keys' ON UPDATE CASCADE, and the canonical
        entities typed with the old name (an entity's type is a label name) get the new one:
        those of `retype`, or when None every entity of that type. Returns the ids retyped."""
        retyped: list[str] = []
        self._store_label_titles(before, after)
        if before is None:
            self._insert_labels([after])
        elif after is None:
            self.conn.execute("DELETE FROM labels WHERE name = ?", (before.name,))
        else:
            self.conn.execute("UPDATE labels SET name = ?, color = ?, key = ?, guideline = ? WHERE name = ?",
                              (after.name, after.color, after.key, after.guideline, before.name))
            if after.name != before.name:
                retyped = list(retype) if retype is not None else [row[0] for row in self.conn.execute(
                    "SELECT id FROM entities WHERE type = ?", (before.name,))]
                self.conn.executemany("UPDATE entities SET type = ? WHERE id = ?",
                                      [(after.name, entity_id) for entity_id in retyped])
        self._schema = None
        return retyped

    def _store_label_titles(self, before: Label | None, after: Label | None) -> None:
        titles = _loaded_titles(self.info().get(TITLES_KEY))
        for section, of in (("labels", lambda label: label.titles), ("guidelines", lambda label: label.guidelines)):
            entries = titles.setdefault(section, {})
            if not isinstance(entries, dict):
                entries = titles[section] = {}
            if before is not None:
                entries.pop(before.name, None)
            if after is not None and of(after):
                entries[after.name] = dict(of(after))
        self.set_info([(TITLES_KEY, dumps(titles))])

    def label_documents(self, label: Label) -> set[str]:
        """The documents with spans of `label` (a rename changes what they show)."""
        return {row[0] for row in self.conn.execute(
            "SELECT DISTINCT doc_id FROM spans WHERE layer = ? AND label = ?", (label.layer, label.name))}

    def _insert_labels(self, labels: Iterable[Label]) -> None:
        start = self.conn.execute("SELECT coalesce(max(position), -1) + 1 FROM labels").fetchone()[0]
        self.conn.executemany(
            "INSERT INTO labels (name, layer, color, key, guideline, position) VALUES (?, ?, ?, ?, ?, ?)",
            [(lab.name, lab.layer, lab.color, lab.key, lab.guideline, start + i) for i, lab in enumerate(labels)],
        )
