"""What the window calls a layer, label, attribute or attribute value: its display name in the
window's language (the schema's `title_<lang>`), else its identifier.

Only what is shown changes: filters, item data, stored spans, exports and the CLI keep the
identifiers. Titles are schema text, which a project from elsewhere may carry: every name is
returned `neutralised` (one line, bidi isolated) and goes into plain-text widgets only.

The language is asked each time (one QLocale construction, about a microsecond), so a window
that switches language shows the new names on its next repaint or rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLocale

from annotator.core.display import neutralised
from annotator.core.schema import Attribute, Label, Layer, Schema


def listed(parts: Iterable[str]) -> str:
    """Names one after the other with the language's separator (Arabic writes «،»)."""
    return QCoreApplication.translate("Lists", ", ").join(parts)


def ui_language() -> str:
    """"ar" when the window speaks Arabic (the default QLocale, which app.py sets), else "en"."""
    return "ar" if QLocale().language() == QLocale.Language.Arabic else "en"


def shown(item: Label | Layer | Attribute) -> str:
    """The display name of a label, layer or attribute."""
    return neutralised(item.shown(ui_language()))


def title(item: Label | Layer | Attribute) -> str:
    """The display name of a label, layer or attribute isolated for use inside a line of other
    text, or the bare identifier when it has none (a name obeys the naming rule: nothing in it
    to isolate)."""
    shown_as = item.shown(ui_language())
    return neutralised(shown_as) if shown_as != item.name else item.name


def label_shown(schema: Schema, name: str) -> str:
    """The display name of the label (else layer) called `name`, neutralised like any name
    from the project; `name` neutralised when the schema has no title for it."""
    return neutralised(schema.title(name, ui_language()))


def label_title(schema: Schema, name: str) -> str:
    """The display name of the label (else layer) called `name`, isolated for use inside a
    line of other text; `name` itself when the schema has none (a name obeys the naming rule:
    nothing in it to isolate)."""
    title = schema.title(name, ui_language())
    return neutralised(title) if title != name else name


def label_in_message(schema: Schema, name: str) -> str:
    """The display name of a label for a status-bar sentence: raw, since the status bar
    neutralises each message whole (errors.visible), which would show an inner isolate as
    ⟦FSI⟧. A title obeys the title rules: no control or bidi character in it."""
    return schema.title(name, ui_language())


def value_title(attribute: Attribute, value: str, limit: int | None = None) -> str:
    """The display name of one of `attribute`'s values (a choice, a relation's AUTHOR), else
    the value (any text, cut to `limit` characters)."""
    return neutralised(attribute.value_shown(value, ui_language()), limit=limit)


def readable(item: Label | Layer | Attribute) -> str:
    """A form's name for a label, layer or attribute: its title, else the identifier with spaces
    for underscores ("claim type"), as the claim form has always shown it."""
    title = item.shown(ui_language())
    return neutralised(title) if title != item.name else item.name.replace("_", " ")


def readable_value(attribute: Attribute, value: str) -> str:
    """A form's name for one of `attribute`'s values: its title, else the value with spaces."""
    title = attribute.value_shown(value, ui_language())
    return neutralised(title) if title != value else value.replace("_", " ")


def schema_titles(schema: Schema) -> tuple[tuple[str, str], ...]:
    """(name, display name) of every layer and label of `schema` titled in the window's
    language: for a widget handed names without the schema (the export dialog)."""
    language = ui_language()
    items = [*schema.layers, *schema.labels()]
    return tuple((item.name, item.shown(language)) for item in items if item.shown(language) != item.name)


def guideline(label: Label) -> str:
    """The label's guideline in the window's language (`guideline_<lang>`), else the English
    one. Several lines of schema text: for plain-text widgets and tooltips only."""
    return label.guideline_in(ui_language())


def description(item: Layer | Attribute) -> str:
    """The layer's or attribute's description in the window's language, else the English one
    (plain text only, like `guideline`)."""
    return item.description_in(ui_language())


def with_identifier(item: Label | Layer | Attribute) -> str:
    """"شخص (PERSON)" for a tooltip, where the identifier an export uses is worth seeing; the
    bare name when it has no title."""
    shown_as = title(item)
    return item.name if shown_as == item.name else f"{shown_as} ({item.name})"


__all__ = ["description", "guideline", "label_in_message", "label_shown", "label_title", "readable", "readable_value", "schema_titles", "shown", "title", "ui_language",
           "value_title", "with_identifier"]
