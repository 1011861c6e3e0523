"""Label schema: layers, their labels (colour, one-key shortcut, guideline) and attributes.

Loaded from TOML (resources/schemas/*.toml) and stored inside every project so a project file
is self-contained. A layer's role is part of it: how its spans are drawn (`draw`), whether they
link to canonical entities (`links_entities`), and which attributes the span list summarises
(`summary`). Code asks `entity_layers()`, `background_layers()` and `summary_attributes()`;
only `with_default_roles` derives roles from position and name, for schemas written before
roles existed.

Layers, labels, attributes and attribute values may carry display names per language
(`title_ar = "شخص"`, `value_titles_ar = { affirm = "تأكيد" }`): the window shows them, while
stored spans, exports and the CLI keep the identifiers. `Schema.title` / `.shown(lang)` give
what to show, the identifier when there is no title in that language.

Guidelines and descriptions may be given per language the same way (`guideline_ar` on a label,
`description_ar` on a layer or attribute): `Label.guideline_in(lang)` and
`Layer/Attribute.description_in(lang)` give the text in that language, else the English one.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

OVERLAP_MODES = ("none", "nested", "any")
ATTRIBUTE_KINDS = ("choice", "text", "relation", "span", "flag")
DRAW_MODES = ("background", "underline")  # a span's colour fills its text, or underlines it
# The layer spans are given when there is no schema at all to ask (schema-less validation of an
# import, CoNLL without a schema): a name, not a role.
DEFAULT_LAYER = "entity"
# Before roles were written down, the window summarised a claim by its relation attributes and
# by this one choice attribute (see with_default_roles).
_LEGACY_SUMMARY = "stance"
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Layer, label, attribute and relation names: they are written unquoted into brat `.ann` and
# CoNLL lines and shown in the palette, so no spaces, controls or look-alike letters. fullmatch,
# not `$`: `$` also matches before a final newline ("PERSON\n" passed).
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,63}")
NAME_RULE = "A-Z a-z 0-9 _ . -, starting with a letter or _, at most 64 characters"
# Distinct, readable-on-white colours for labels added on import without a schema entry.
# Colours for labels a schema adds without one; none near the blue of a text selection.
AUTO_COLORS = ("#8dd3c7", "#fdb462", "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f", "#e5c494")
# `title_<lang>` and `value_titles_<lang>` keys: an ISO 639 code, two or three lower-case letters.
_LANGUAGE = re.compile(r"[a-z]{2,3}")
TITLE_PREFIX, VALUE_TITLES_PREFIX = "title_", "value_titles_"
TITLE_MAX = 80  # a display name fits a palette button or a table column
# Titles of one item: (language, title) pairs sorted by language; a tuple, so the frozen
# dataclasses stay hashable and compare by value.
Titles = tuple[tuple[str, str], ...]
# `guideline_<lang>` (labels) and `description_<lang>` (layers, attributes): guidance in that
# language, several lines allowed, as long as a guideline with examples gets.
GUIDELINE_PREFIX, DESCRIPTION_PREFIX = "guideline_", "description_"
GUIDANCE_MAX = 2000
# Line breaks and tabs lay guidance out; ZWNJ and ZWJ are spelling in Persian and Urdu. Every
# other control or format character (bidi overrides and isolates, marks, NUL) is refused: the
# window lays guidance out in its own direction.
_GUIDANCE_ALLOWED = frozenset("\n\t\u200c\u200d")


class SchemaError(ValueError):
    """An invalid schema; the message names the file and, where known, the line."""


def _shown(value) -> str:
    """repr() escapes controls and bidi overrides (so '\\u202eNOSREP' is seen as such); cut long."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def name_problem(name, what: str = "label") -> str | None:
    """Why `name` cannot be a `what` (label, layer, attribute, relation) name, or None.

    The one naming rule for every source: schema files, imported data, Project.add_label."""
    if isinstance(name, str) and _NAME.fullmatch(name):
        return None
    return f"{what} {_shown(name)} is not a valid {what} name ({NAME_RULE})"


def title_problem(title) -> str | None:
    """Why `title` cannot be a display name, or None: a non-empty string of printable
    characters (no newline, tab, bidi control or zero-width character), at most TITLE_MAX long.
    Titles are schema text shown in the window: plain, one line."""
    if not isinstance(title, str) or not title.strip():
        return f"a title must be a non-empty string, not {_shown(title)}"
    if not title.isprintable():
        return f"title {_shown(title)} contains a control or format character"
    if len(title) > TITLE_MAX:
        return f"title {_shown(title)} is longer than {TITLE_MAX} characters"
    return None


def guidance_problem(text) -> str | None:
    """Why `text` cannot be a translated guideline or description, or None: a non-empty string
    of printable characters, line breaks and tabs, at most GUIDANCE_MAX long."""
    if not isinstance(text, str) or not text.strip():
        return f"must be a non-empty string, not {_shown(text)}"
    bad = next((ch for ch in text if not ch.isprintable() and ch not in _GUIDANCE_ALLOWED), None)
    if bad is not None:
        return f"{_shown(text)} contains a control or format character ({bad!r})"
    if len(text) > GUIDANCE_MAX:
        return f"is longer than {GUIDANCE_MAX} characters ({len(text)})"
    return None


def language_problem(language) -> str | None:
    """Why `language` cannot be the language of a title, or None."""
    if isinstance(language, str) and _LANGUAGE.fullmatch(language):
        return None
    return f"{_shown(language)} is not a language code (two or three lower-case letters: ar, en, fa)"


def titled(titles: Titles, language: str) -> str | None:
    return next((title for lang, title in titles if lang == language), None)


def with_title(titles: Titles, language: str, title: str | None) -> Titles:
    """`titles` with the one of `language` set to `title` (None or "": removed)."""
    kept = [(lang, text) for lang, text in titles if lang != language]
    if title:
        kept.append((language, title))
    return tuple(sorted(kept))


def key_problem(key) -> str | None:
    """Why `key` cannot be a label's one-key shortcut, or None: exactly one printable character,
    not a space, control, format (bidi, zero-width) or separator character."""
    if not isinstance(key, str) or len(key) != 1 or key.isspace():
        return f"key must be one character, not {_shown(key)}"
    # isprintable() is False for Cc, Cf (bidi controls, ZWJ...), Zl, Zp, Co, Cn and surrogates.
    if not key.isprintable():
        return f"key must be a printable character, not {_shown(key)} (a control or format character)"
    return None


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    layer: str
    color: str
    key: str | None = None
    guideline: str = ""
    titles: Titles = ()
    guidelines: Titles = ()  # (language, guideline) pairs sorted: `guideline_<lang>`

    def shown(self, language: str) -> str:
        """The label's display name in `language`, else its name."""
        return titled(self.titles, language) or self.name

    def guideline_in(self, language: str) -> str:
        """The guideline in `language`, else the (English) `guideline`."""
        return titled(self.guidelines, language) or self.guideline


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str
    layer: str
    # choice | text | relation (stored as a relation) | span (a span of the document) | flag (a
    # yes/no mark: stored as true when set, absent when not, like brat's binary attributes)
    kind: str
    values: tuple[str, ...] = ()
    default: str | None = None
    description: str = ""
    summary: bool = False  # shown in the span list's details column (a claim's claimant, stance)
    titles: Titles = ()
    # (language, value, title) triples sorted: display names of the values (choices, and a
    # relation's literal alternatives such as AUTHOR)
    value_titles: tuple[tuple[str, str, str], ...] = ()
    descriptions: Titles = ()  # (language, description) pairs sorted: `description_<lang>`

    def shown(self, language: str) -> str:
        return titled(self.titles, language) or self.name

    def description_in(self, language: str) -> str:
        """The description in `language`, else the (English) `description`."""
        return titled(self.descriptions, language) or self.description

    def value_shown(self, value: str, language: str) -> str:
        """The display name of `value` in `language`, else the value itself."""
        return next((title for lang, val, title in self.value_titles if lang == language and val == value), value)


# Every layer has a note: free text an analyst may leave on any span, an entity as well as a
# claim. A layer that declares an attribute named `note` keeps its own; the others get this one
# from `Schema.attributes`, derived rather than stored, so projects made before it (whose
# schema tables have no such row) need no migration and every reader of attributes agrees.
NOTE = "note"
NOTE_DESCRIPTION = "Free text for the analyst."
# The built-in note is the program's, not a schema's: its description comes in the languages
# the window speaks.
NOTE_DESCRIPTIONS: Titles = (("ar", "نص حر يكتبه المحلل."),)


def note_attribute(layer: str) -> Attribute:
    """The built-in note of `layer` (see NOTE)."""
    return Attribute(NOTE, layer, "text", description=NOTE_DESCRIPTION, descriptions=NOTE_DESCRIPTIONS)


@dataclass(frozen=True, slots=True)
class Layer:
    name: str
    overlap: str = "none"  # none | nested | any: what spans of this layer may do to each other
    description: str = ""
    labels: tuple[Label, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    draw: str = "underline"  # background | underline: how the editor highlights its spans
    # Its spans may link to canonical entities: the link picker, the entity browser, suggestions
    # of known entities and CoNLL's one flat layer use the layers that do.
    links_entities: bool = False
    titles: Titles = ()
    descriptions: Titles = ()  # (language, description) pairs sorted: `description_<lang>`

    def shown(self, language: str) -> str:
        return titled(self.titles, language) or self.name

    def description_in(self, language: str) -> str:
        """The description in `language`, else the (English) `description`."""
        return titled(self.descriptions, language) or self.description


@dataclass(frozen=True, slots=True)
class Schema:
    name: str
    layers: tuple[Layer, ...]
    description: str = ""

    def layer(self, name: str) -> Layer | None:
        return next((layer for layer in self.layers if layer.name == name), None)

    def label(self, name: str) -> Label | None:
        """Label names are unique across layers, so a bare name identifies its layer."""
        return next((lab for layer in self.layers for lab in layer.labels if lab.name == name), None)

    def labels(self) -> list[Label]:
        return [lab for layer in self.layers for lab in layer.labels]

    def title(self, item: "str | Label | Layer | Attribute", language: str) -> str:
        """What the window shows for `item` in `language`: a Label, Layer or Attribute, or a
        name (a label's, else a layer's); the identifier itself when it has no title there
        (or names nothing: a label an import has not added yet)."""
        if isinstance(item, str):
            found = self.label(item) or self.layer(item)
            return found.shown(language) if found is not None else item
        return item.shown(language)

    def value_title(self, layer: str, attribute: str, value: str, language: str) -> str:
        """The display name of `value` of the attribute `attribute` of `layer`, else `value`."""
        found = next((a for a in self.attributes(layer) if a.name == attribute), None)
        return found.value_shown(value, language) if found is not None else value

    def attributes(self, layer: str) -> tuple[Attribute, ...]:
        """The layer's attributes in schema order, ending with the built-in note when the
        layer declares none (see NOTE); () for an unknown layer."""
        found = self.layer(layer)
        if found is None:
            return ()
        if any(a.name == NOTE for a in found.attributes):
            return found.attributes
        return (*found.attributes, note_attribute(found.name))

    def entity_layers(self) -> tuple[Layer, ...]:
        """The layers whose spans link to canonical entities, in schema order."""
        return tuple(layer for layer in self.layers if layer.links_entities)

    def background_layers(self) -> tuple[Layer, ...]:
        """The layers whose spans the editor draws as a background colour (the others underline)."""
        return tuple(layer for layer in self.layers if layer.draw == "background")

    def summary_attributes(self, layer: str) -> tuple[Attribute, ...]:
        """The attributes of `layer` shown in the span list's details column, in schema order."""
        return tuple(a for a in self.attributes(layer) if a.summary)

    def is_entity_layer(self, layer: str) -> bool:
        """Whether spans of the layer named `layer` may link to canonical entities."""
        found = self.layer(layer)
        return found is not None and found.links_entities

    def default_layer(self) -> Layer | None:
        """The layer for a span that names no layer (an imported label new to the schema) and
        the layer CoNLL exports: the first entity layer, else the first background layer, else
        the only layer. None when the roles leave it open (the caller asks for a choice)."""
        for candidates in (self.entity_layers(), self.background_layers()):
            if candidates:
                return candidates[0]
        return self.layers[0] if len(self.layers) == 1 else None

    def with_label(self, layer_name: str, label_name: str) -> "Schema":
        """A copy with a new label (auto colour, no key) appended to an existing layer.

        Raises SchemaError for a name that breaks the naming rule, an unknown layer or a label
        already defined: this is the last gate before a label is stored in a project."""
        problem = name_problem(label_name)
        if problem:
            raise SchemaError(problem)
        if self.layer(layer_name) is None:
            raise SchemaError(f"layer {_shown(layer_name)} is not a layer of schema {self.name}")
        if self.label(label_name) is not None:
            raise SchemaError(f"label {label_name} is already defined (layer {self.label(label_name).layer})")
        layers = []
        count = len(self.labels())
        for layer in self.layers:
            if layer.name == layer_name:
                color = AUTO_COLORS[count % len(AUTO_COLORS)]
                layer = replace(layer, labels=layer.labels + (Label(label_name, layer_name, color),))
            layers.append(layer)
        return replace(self, layers=tuple(layers))


    def with_attribute(self, attribute: Attribute) -> "Schema":
        """A copy with `attribute` appended to its layer, or replacing the layer's attribute of
        that name and kind (a choice met with a new value on import keeps its place).

        Raises SchemaError for a name that breaks the naming rule, an unknown kind or layer, or
        a name the layer already has with another kind (or its built-in note)."""
        problem = name_problem(attribute.name, "attribute")
        if problem:
            raise SchemaError(problem)
        if attribute.kind not in ATTRIBUTE_KINDS:
            raise SchemaError(f"attribute {attribute.name}: kind must be one of {', '.join(ATTRIBUTE_KINDS)}")
        layer = self.layer(attribute.layer)
        if layer is None:
            raise SchemaError(f"layer {_shown(attribute.layer)} is not a layer of schema {self.name}")
        known = next((a for a in self.attributes(layer.name) if a.name == attribute.name), None)
        if known is not None and (known.kind != attribute.kind or known not in layer.attributes):
            raise SchemaError(f"attribute {attribute.name} of layer {layer.name} is already a {known.kind}")
        if known is None:
            attributes = layer.attributes + (attribute,)
        else:
            attributes = tuple(attribute if a.name == attribute.name else a for a in layer.attributes)
        return replace(self, layers=tuple(replace(lay, attributes=attributes) if lay is layer else lay
                                          for lay in self.layers))


def with_default_roles(schema: Schema, *, layers: bool = True, attributes: bool = True) -> Schema:
    """`schema` with the roles that code used to derive from position and name, for schemas
    (files, projects) written before roles existed; the one place such a rule remains.

    With `layers`, when no layer draws a background or links entities, the first layer does
    both (the highlighter, link picker and CoNLL took the first layer as the entity layer).
    With `attributes`, when no attribute is a summary, relation attributes and one named
    `stance` are (the span list showed a claim's claimant and stance). A schema that declares
    any role of a kind is left as declared for that kind."""
    result = list(schema.layers)
    if layers and result and not any(lay.draw == "background" or lay.links_entities for lay in result):
        result[0] = replace(result[0], draw="background", links_entities=True)
    if attributes and not any(a.summary for lay in result for a in lay.attributes):
        result = [replace(lay, attributes=tuple(
            replace(a, summary=True) if a.kind == "relation" or a.name == _LEGACY_SUMMARY else a
            for a in lay.attributes)) for lay in result]
    return replace(schema, layers=tuple(result))


def load_schema(path: str | Path) -> Schema:
    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(f"{path}: cannot read schema: {exc}") from exc
    return parse_schema(source, str(path))


def parse_schema(source: str, where: str = "<schema>") -> Schema:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        # tomllib reports "(at line N, column M)"; keep it, prefixed by the file.
        raise SchemaError(f"{where}: {exc}") from exc
    except RecursionError:  # tomllib is recursive: `a = [[[[...` ends in a bare traceback
        raise SchemaError(f"{where}: arrays or tables nested too deeply") from None
    return schema_from_dict(data, where, source)


class _Lines:
    """Finds the line a schema error is about. The first line merely containing a word was
    often the wrong one: a comment ("# overlap: ..."), another layer's `overlap`, a guideline
    quoting a label name, the first of two definitions of a label."""

    def __init__(self, source: str):
        self.lines = source.splitlines()

    def find(self, pattern: str, start: int | None = 1) -> int | None:
        """1-based number of the first non-comment line from `start` on matching `pattern`."""
        if start is None:
            return None
        found = re.compile(pattern)
        for number in range(max(start, 1), len(self.lines) + 1):
            line = self.lines[number - 1]
            if not line.lstrip().startswith("#") and found.search(line):
                return number
        return None

    @staticmethod
    def literal(name: str) -> str:
        """A pattern for `name` as written in TOML: a control or bidi character in a name is
        usually written as an escape (\\n, \\u202e), so it matches its escape or itself."""
        escape = r'(?:\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[btnfr"\\])|.)'
        return "".join(re.escape(ch) if ch.isprintable() else escape for ch in name)

    def name(self, name: str, start: int | None) -> int | None:
        """The `name = "NAME"` line of a label or attribute, searched from `start` on."""
        return self.find(rf"\bname\s*=\s*[\"']{self.literal(name)}[\"']", start)

    def field(self, entry: int | None, field: str) -> int | None:
        """The `field = ...` line of the table entry whose name is on line `entry` (or that line)."""
        if entry is None:
            return None
        pattern = re.compile(rf"(^|[\s{{,]){re.escape(field)}\s*=")
        if pattern.search(self.lines[entry - 1]):
            return entry
        top = next((n for n in range(entry, 0, -1) if self.lines[n - 1].lstrip().startswith("[")), entry)
        bottom = next((n for n in range(entry + 1, len(self.lines) + 1)
                       if self.lines[n - 1].lstrip().startswith("[")), len(self.lines) + 1)
        return next((n for n in range(top, bottom) if pattern.search(self.lines[n - 1])
                     and not self.lines[n - 1].lstrip().startswith("#")), entry)


def schema_from_dict(data: dict, where: str = "<schema>", source: str = "") -> Schema:
    lines = _Lines(source)

    def fail(message: str, line: int | None = None) -> SchemaError:
        return SchemaError(f"{where}{f':{line}' if line else ''}: {message}")

    def titles_of(table: dict, what: str, line: int | None) -> Titles:
        """The `title_<lang>` entries of a layer, label or attribute table (`what` names it)."""
        found = []
        for key, title in table.items():
            if not isinstance(key, str) or not key.startswith(TITLE_PREFIX):
                continue
            language = key[len(TITLE_PREFIX):]
            problem = language_problem(language) or title_problem(title)
            if problem:
                raise fail(f"{what}: {key}: {problem}", lines.field(line, key))
            found.append((language, title))
        return tuple(sorted(found))

    def guidance_of(table: dict, prefix: str, what: str, line: int | None) -> Titles:
        """The `guideline_<lang>` or `description_<lang>` entries (`prefix`) of a table."""
        found = []
        for key, text in table.items():
            if not isinstance(key, str) or not key.startswith(prefix):
                continue
            language = key[len(prefix):]
            if language_problem(language):
                raise fail(f"{what}: {key}: {language_problem(language)}", lines.field(line, key))
            if guidance_problem(text):
                raise fail(f"{what}: {key} {guidance_problem(text)}", lines.field(line, key))
            found.append((language, text))
        return tuple(sorted(found))

    def value_titles_of(table: dict, name: str, values: tuple[str, ...], line: int | None):
        found = []
        for key, titles in table.items():
            if not isinstance(key, str) or not key.startswith(VALUE_TITLES_PREFIX):
                continue
            language = key[len(VALUE_TITLES_PREFIX):]
            at = lines.field(line, key)
            if language_problem(language):
                raise fail(f"attribute {name}: {key}: {language_problem(language)}", at)
            if not isinstance(titles, dict):
                raise fail(f"attribute {name}: {key} must be a table of value = \"title\"", at)
            # An inline table is one line in TOML 1.0: its line is every value's line.
            for value, title in titles.items():
                if value not in values:
                    known = ", ".join(values) if values else "none"
                    raise fail(f"attribute {name}: {key}: {_shown(value)} is not one of its values ({known})", at)
                if title_problem(title):
                    raise fail(f"attribute {name}: {key}: {value}: {title_problem(title)}", at)
                found.append((language, value, title))
        return tuple(sorted(found))

    layers_data = data.get("layers")
    if not isinstance(layers_data, dict) or not layers_data:
        raise fail("no [layers.NAME] tables")
    layers: list[Layer] = []
    seen_labels: dict[str, str] = {}
    seen_keys: dict[str, str] = {}
    # Whether the file states any layer role / any summary attribute: if not, it predates roles
    # and gets the old position and name rules (with_default_roles), kind by kind.
    declares_roles = declares_summary = False
    for layer_name, body in layers_data.items():
        layer_line = lines.find(rf"layers\.[\"']?{lines.literal(layer_name)}(?:\b|[\"'])")
        if not isinstance(body, dict):
            raise fail(f"layers.{layer_name} must be a table", layer_line)
        if name_problem(layer_name, "layer"):
            raise fail(name_problem(layer_name, "layer"), layer_line)
        overlap = body.get("overlap", "none")
        if overlap not in OVERLAP_MODES:
            raise fail(f"layer {layer_name}: overlap must be one of {', '.join(OVERLAP_MODES)}, not {overlap!r}",
                       lines.find(r"^\s*overlap\s*=", layer_line) or layer_line)
        draw = body.get("draw", "underline")
        if draw not in DRAW_MODES:
            raise fail(f"layer {layer_name}: draw must be one of {', '.join(DRAW_MODES)}, not {_shown(draw)}",
                       lines.find(r"(^|[\s{,])draw\s*=", layer_line) or layer_line)
        links = body.get("links_entities", False)
        if not isinstance(links, bool):  # `1` or "yes" may mean anything; TOML has true/false
            raise fail(f"layer {layer_name}: links_entities must be true or false, not {_shown(links)}",
                       lines.find(r"(^|[\s{,])links_entities\s*=", layer_line) or layer_line)
        declares_roles = declares_roles or "draw" in body or "links_entities" in body
        # Lists of tables are iterated below: a string or number would be iterated by character
        # (nonsense messages) or raise TypeError (a traceback from `annotator init`).
        for what, table in (("labels", "labels"), ("attributes", "attributes")):
            if not isinstance(body.get(what, []), list):
                raise fail(f"layer {layer_name}: {what} must be an array of tables ([[layers.{layer_name}.{table}]])",
                           lines.find(rf"\b{what}\b", layer_line) or layer_line)
        labels = []
        cursor = layer_line
        for item in body.get("labels", []):
            name = item.get("name") if isinstance(item, dict) else None
            if not isinstance(name, str):
                raise fail(f"layer {layer_name}: label without a valid name: {_shown(item)}")
            if name_problem(name):
                raise fail(f"layer {layer_name}: {name_problem(name)}", lines.name(name, cursor))
            # Labels come in file order: from after the previous one, so a second definition
            # of a name is found, not the first (one-line inline tables: from the layer on).
            line = lines.name(name, cursor) or lines.name(name, layer_line)
            cursor = line + 1 if line else cursor
            if name in seen_labels:
                raise fail(f"label {name} defined twice (layers {seen_labels[name]} and {layer_name})", line)
            seen_labels[name] = layer_name
            color = item.get("color", "")
            if not isinstance(color, str) or not _COLOR.match(color):
                raise fail(f"label {name}: color must be #rrggbb, not {color!r}",
                           lines.field(line, "color") if "color" in item else line)
            key = item.get("key")
            if key is not None:
                if key_problem(key):
                    raise fail(f"label {name}: {key_problem(key)}", lines.field(line, "key"))
                if key.lower() in seen_keys:
                    raise fail(f"label {name}: key {key!r} already used by {seen_keys[key.lower()]}",
                               lines.field(line, "key"))
                seen_keys[key.lower()] = name
            labels.append(Label(name, layer_name, color.lower(), key, str(item.get("guideline", "")),
                                titles_of(item, f"label {name}", line),
                                guidance_of(item, GUIDELINE_PREFIX, f"label {name}", line)))
        if not labels:
            raise fail(f"layer {layer_name} has no labels", layer_line)
        attributes = []
        for item in body.get("attributes", []):
            name = item.get("name") if isinstance(item, dict) else None
            if not isinstance(name, str):
                raise fail(f"layer {layer_name}: attribute without a valid name: {_shown(item)}")
            if name_problem(name, "attribute"):
                raise fail(f"layer {layer_name}: {name_problem(name, 'attribute')}", lines.name(name, layer_line))
            line = lines.name(name, layer_line)
            kind = item.get("kind", "choice")
            if kind not in ATTRIBUTE_KINDS:
                raise fail(f"attribute {name}: kind must be one of {', '.join(ATTRIBUTE_KINDS)}", line)
            raw_values = item.get("values", [])
            if not isinstance(raw_values, list) or not all(isinstance(v, (str, int)) for v in raw_values):
                # a string would become its characters, a number a TypeError
                raise fail(f"attribute {name}: values must be a list of strings", lines.field(line, "values"))
            values = tuple(str(v) for v in raw_values)
            if kind == "choice" and not values:
                raise fail(f"attribute {name}: a choice needs values", line)
            default = item.get("default")
            if kind == "flag":
                # A flag is set or absent; "set by default" would store a mark nobody made.
                if values:
                    raise fail(f"attribute {name}: a flag has no values (it is set or not)", lines.field(line, "values"))
                if default not in (None, False):
                    raise fail(f"attribute {name}: a flag's default can only be false, not {_shown(default)}",
                               lines.field(line, "default"))
                default = None
            if default is not None and values and default not in values:
                raise fail(f"attribute {name}: default {default!r} is not one of its values", line)
            summary = item.get("summary", False)
            if not isinstance(summary, bool):
                raise fail(f"attribute {name}: summary must be true or false, not {_shown(summary)}",
                           lines.field(line, "summary"))
            declares_summary = declares_summary or "summary" in item
            attributes.append(Attribute(name, layer_name, kind, values, default, str(item.get("description", "")),
                                        summary, titles_of(item, f"attribute {name}", line),
                                        value_titles_of(item, name, values, line),
                                        guidance_of(item, DESCRIPTION_PREFIX, f"attribute {name}", line)))
        layers.append(Layer(layer_name, overlap, str(body.get("description", "")), tuple(labels), tuple(attributes),
                            draw, links, titles_of(body, f"layer {layer_name}", layer_line),
                            guidance_of(body, DESCRIPTION_PREFIX, f"layer {layer_name}", layer_line)))
    schema = Schema(str(data.get("name", "custom")), tuple(layers), str(data.get("description", "")))
    return with_default_roles(schema, layers=not declares_roles, attributes=not declares_summary)
