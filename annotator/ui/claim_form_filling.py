"""Filling the claim form with a span's stored values, as a mixin of ClaimPanel.

Filling never writes: every widget's signals are blocked while it is set, and the panel's
`_filling` flag is up, so no edit slot can run. A value the schema no longer lists, or a
claimant that is no span any more, stays visible rather than shown as empty. Needs from the
panel: workspace (its spans, claimants and whether the project is read-only), `_filling`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox

from annotator.core.model import Span
from annotator.core.rules import relation_attribute
from annotator.ui.claim_fields import EMPTY, Field, NoteEdit, item_text
from annotator.ui.plain import set_tooltip


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
            combo.addItem(value, value)
        for other in self.workspace.spans:  # sorted by position
            if other.layer != span.layer:
                combo.addItem(f"{other.label} · {item_text(other.text)}", other.id)
        current = self.workspace.claimant(span.id) if field.attribute == self._claimant_attribute(field) else None
        key = current.id if isinstance(current, Span) else current
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
            set_tooltip(field.editor, f"{text}\n\n{value.get('start')}–{value.get('end')}")
        else:
            set_tooltip(field.editor, field.attribute.description)


__all__ = ["ClaimFormFilling"]
