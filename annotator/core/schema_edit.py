"""Edits of a project's labels (add one, rename, recolour, change its key or display names), checked with the
rules a schema file is loaded with, so an edited schema is one the loader would accept.

Headless: the window passes the keys it reserves itself (`reserved`: key -> what owns it), so a
label key cannot shadow a key of the article (accept all, link) or a window shortcut.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from annotator.core.rules import RuleError
from annotator.core.schema import TITLE_MAX, Label, Schema, key_problem, language_problem, name_problem, title_problem

# The schema file's colour rule (schema_from_dict): six hex digits, stored lower-case.
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


class LabelEditError(RuleError):
    """A label edit the schema rules refuse; str() is for the analyst."""


def label_edit_problem(schema: Schema, before: Label | None, after: Label,
                       reserved: Mapping[str, str] = {}) -> LabelEditError | None:
    """Why `before` (None: a new label) cannot become `after` in `schema`, or None."""
    problem = name_problem(after.name)
    if problem:
        return LabelEditError(problem, "label_name", name=after.name)
    if schema.layer(after.layer) is None:
        return LabelEditError(f"{after.layer!r} is not a layer of the schema", "label_layer", layer=after.layer)
    if before is not None and before.layer != after.layer:
        # Spans of a label belong to its layer (attributes, overlap): a label never moves.
        return LabelEditError(f"label {before.name} stays in layer {before.layer}", "label_layer",
                              name=before.name, layer=before.layer)
    other = schema.label(after.name)
    if other is not None and (before is None or other.name != before.name):
        return LabelEditError(f"label {after.name} is already defined (layer {other.layer})", "label_taken",
                              name=after.name, layer=other.layer)
    if not isinstance(after.color, str) or not _COLOR.fullmatch(after.color):
        return LabelEditError(f"label {after.name}: color must be #rrggbb, not {after.color!r}", "label_color",
                              name=after.name, color=after.color)
    for language, title in after.titles:
        if language_problem(language) or title_problem(title):
            return LabelEditError(f"label {after.name}: a display name is one line of at most {TITLE_MAX} printable "
                                  f"characters, not {title!r}", "label_title", name=after.name, title=title,
                                  most=TITLE_MAX)
    if after.key is not None:
        problem = key_problem(after.key)
        if problem:
            return LabelEditError(f"label {after.name}: {problem}", "label_key", key=after.key)
        key = after.key.lower()  # label keys are matched case-insensitively (article_input)
        others = (lab for lab in schema.labels() if before is None or lab.name != before.name)
        owner = next((lab.name for lab in others if lab.key is not None and lab.key.lower() == key), None)
        if owner is None:
            owner = reserved.get(key)
        if owner is not None:
            return LabelEditError(f"key {after.key!r} is already used by {owner}", "key_taken", key=after.key,
                                  owner=owner)
    return None


def normalised(label: Label) -> Label:
    """The label as stored: colour in lower case, an empty key as no key."""
    return replace(label, color=label.color.lower(), key=label.key or None)


def with_label_replaced(schema: Schema, before: Label | None, after: Label | None) -> Schema:
    """A copy of `schema` where `before` became `after` (before None: `after` appended to its
    layer; after None: `before` removed), labels keeping their order."""
    layers = []
    for layer in schema.layers:
        labels = list(layer.labels)
        if before is not None and before.layer == layer.name:
            index = next(i for i, lab in enumerate(labels) if lab.name == before.name)
            if after is None:
                del labels[index]
            else:
                labels[index] = after
        elif before is None and after is not None and after.layer == layer.name:
            labels.append(after)
        layers.append(replace(layer, labels=tuple(labels)))
    return replace(schema, layers=tuple(layers))


__all__ = ["LabelEditError", "label_edit_problem", "normalised", "with_label_replaced"]
