"""Filling the claim form with a span's stored values, as a mixin of ClaimPanel.

Filling never writes: every widget's signals are blocked while it is set, and the panel's
`_filling` flag is up, so no edit slot can run. A value the schema no longer lists, or a
claimant that is no span any more, stays visible rather than shown as empty. Needs from the
panel: workspace (its spans, claimants and whether the project is read-only), `_filling`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from annotator.core.display import neutralised
from annotator.core.model import Span
from annotator.core.rules import relation_attribute
from annotator.ui.claim_fields import EMPTY, Field, NoteEdit, directed_tooltip, item_text
from annotator.ui.display_names import description, label_title, readable_value

CONTEXT_CHARS = 30  # of the article either side of a claimant mention, in its tooltip


def claimant_choices(spans, claim: Span, current: str | None) -> list[tuple[Span, int]]:
    """The spans a claim's claimant may be, one per entity: mentions linked to one canonical
    entity, or unlinked with the same label and text, are one choice (eight rows of "GPE ·
    كوريا الشمالية" told the analyst nothing). Each is (the mention to link, how many there
    are): the current claimant if it is one of them, else the mention nearest the claim (who
    made a claim is named next to it). In text order."""
    groups: dict[tuple, list[Span]] = {}
    for other in spans:  # sorted by position
        if other.layer == claim.layer:
            continue
        key = ("entity", other.entity.id) if other.entity is not None else (other.label, " ".join(other.text.split()))
        groups.setdefault(key, []).append(other)

    def distance(mention: Span) -> int:
        return max(0, mention.start - claim.end, claim.start - mention.end)

    chosen = []
    for mentions in groups.values():
        pick = next((m for m in mentions if m.id == current), None) or min(mentions, key=distance)
        chosen.append((pick, len(mentions)))
    chosen.sort(key=lambda pair: Span.sort_key(pair[0]))
    return chosen


def context(text: str, span: Span) -> str:
    """The span's text with a little of the article either side, on one line, neutralised."""
    def shown(piece: str) -> str:
        return neutralised(" ".join(piece.split()))

    inner = shown(span.text)
    if not text:
        return inner
    before, after = text[max(0, span.start - CONTEXT_CHARS):span.start], text[span.end:span.end + CONTEXT_CHARS]
    return f"…{shown(before)} «{inner}» {shown(after)}…"


class ClaimFormFilling:
    def _fill(self, span: Span, fields: dict[str, Field], keep_typing: bool) -> None:
        readonly = self.workspace.project.readonly
        self._filling = True
        try:
            for field in fields.values():
                widgets = [field.editor, *field.buttons.values()]
                for widget in widgets:
                    widget.blockSignals(True)
                try:
                    kind = field.attribute.kind
                    if kind == "choice":
                        self._fill_choice(field.editor, span.attrs.get(field.attribute.name))
                    elif kind == "flag":
                        field.editor.setChecked(span.attrs.get(field.attribute.name) is True)
                    elif kind == "text":
                        self._fill_text(field.editor, span.attrs.get(field.attribute.name), keep_typing)
                    elif kind == "relation":
                        self._fill_relation(field, span)
                    elif kind == "span":
                        self._fill_span(field, span.attrs.get(field.attribute.name))
                    for widget in widgets:
                        widget.setEnabled(not readonly)
                    if kind == "relation" and field.attribute != self._claimant_attribute(field):
                        field.editor.setEnabled(False)  # the workspace edits claimant relations only
                finally:
                    for widget in widgets:
                        widget.blockSignals(False)
        finally:
            self._filling = False

    @staticmethod
    def _fill_choice(combo: QComboBox, value) -> None:
        # A value the schema no longer lists stays visible rather than shown as empty.
        for index in range(combo.count() - 1, 0, -1):
            if combo.itemData(index, Qt.ItemDataRole.UserRole + 1):
                combo.removeItem(index)
        index = combo.findData(value) if value is not None else 0
        if index < 0:
            combo.addItem(QCoreApplication.translate("ClaimPanel", "{value} (not in the schema)").format(value=value), value)
            combo.setItemData(combo.count() - 1, True, Qt.ItemDataRole.UserRole + 1)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    @staticmethod
    def _fill_text(edit: NoteEdit, value, keep_typing: bool) -> None:
        text = "" if value is None else str(value)
        edit.setProperty("stored", text)
        if keep_typing and edit.hasFocus() and edit.document().isModified():
            return  # the analyst is typing in it: keep their text until they commit
        if edit.toPlainText() != text:
            edit.setPlainText(text)
        edit.document().setModified(False)

    def _claimant_attribute(self, field: Field):
        """The layer's relation attribute that the workspace edits (the claimant)."""
        return relation_attribute(self.workspace.project.schema, field.attribute.layer)

    def _fill_relation(self, field: Field, span: Span) -> None:
        combo: QComboBox = field.editor
        combo.clear()
        combo.addItem(EMPTY, None)
        for value in field.attribute.values:
            combo.addItem(readable_value(field.attribute, value), value)
        current = self.workspace.claimant(span.id) if field.attribute == self._claimant_attribute(field) else None
        key = current.id if isinstance(current, Span) else current
        text = self.workspace.document.text if self.workspace.document else ""
        schema = self.workspace.project.schema
        for mention, count in claimant_choices(self.workspace.spans, span, key):
            name = mention.entity.name if mention.entity is not None else mention.text
            item = f"{label_title(schema, mention.label)} · {item_text(name)}"
            if count > 1:
                item = QCoreApplication.translate("ClaimPanel", "{item} · %n mentions", None, count).format(item=item)
            combo.addItem(item, mention.id)
            tip = context(text, mention)
            if count > 1:
                tip = QCoreApplication.translate(
                    "ClaimPanel", "{context}\n\nThe mention nearest the claim, of %n mentions",
                    None, count).format(context=tip)
            combo.setItemData(combo.count() - 1, directed_tooltip(tip), Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(key) if key is not None else 0
        if index < 0:
            combo.addItem(self.tr("{value} (unknown)").format(value=key), key)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    @staticmethod
    def _fill_span(field: Field, value) -> None:
        text = value.get("text", "") if isinstance(value, dict) else ""
        field.editor.setText(f"«{item_text(text)}»" if text else EMPTY)
        if isinstance(value, dict):
            field.editor.setToolTip(directed_tooltip(f"{text}\n\n{value.get('start')}–{value.get('end')}"))
        else:
            field.editor.setToolTip(directed_tooltip(description(field.attribute)))


__all__ = ["ClaimFormFilling", "claimant_choices", "context"]
