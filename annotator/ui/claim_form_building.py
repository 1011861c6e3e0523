"""Building the span panel's form, as a mixin of ClaimPanel: one page per layer, one row per
attribute (a combo for a choice or relation, a check box for a flag, a note editor for text,
the cue with "Use selection"/"Clear" for a span attribute), labels as buddies.

The rows that take the most reading come first: who (relation) and how (span), then the note
(visible without scrolling in a short dock), then the choices and flags two to a row. Tab follows that
order. Building connects each widget to the panel's editing slots and writes nothing; Esc in any
field goes to the panel's event filter. Needs from the panel: workspace, stack, `_forms`,
`_span_id`, `_act()`, `_choice_chosen()`, `_relation_chosen()`, `_commit_text()`, `_request()`,
`_request_cue()`, its pickClaimantRequested signal and its eventFilter.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QWidget)

from annotator.core.schema import Attribute
from annotator.core.rules import relation_attribute
from annotator.ui.claim_fields import EMPTY, Field, NoteEdit, directed_tooltip
from annotator.ui.display_names import description, readable, readable_value
from annotator.ui.plain import plain_label, set_tooltip

_ROW_ORDER = {"relation": 0, "span": 0, "text": 1, "choice": 2, "flag": 2}  # stable: schema order within each
_COLUMNS = 4  # label, field, label, field: choices two to a row; other rows span the three last


class ClaimFormBuilding:
    def _form(self, layer: str) -> tuple[QWidget, dict[str, Field]]:
        if layer not in self._forms:
            self._forms[layer] = self._build_form(layer)
        return self._forms[layer]

    def _build_form(self, layer: str) -> tuple[QWidget, dict[str, Field]]:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        fields: dict[str, Field] = {}  # schema order
        for attribute in self.workspace.project.schema.attributes(layer):
            label = plain_label(readable(attribute))
            builder = {"choice": self._choice_field, "text": self._text_field,
                       "relation": self._relation_field, "span": self._span_field,
                       "flag": self._flag_field}[attribute.kind]
            field = builder(attribute, label)
            tip = description(attribute)
            if attribute.default is not None:
                default = self.tr("Default: {value}").format(value=readable_value(attribute, attribute.default))
                tip = f"{tip}\n\n{default}".strip()
            for widget in (label, field.editor):
                widget.setToolTip(directed_tooltip(tip))
            label.setBuddy(field.focusables[0] if field.focusables else field.editor)
            for widget in field.focusables:
                widget.installEventFilter(self)  # Esc: back to the article
            fields[attribute.name] = field
        shown = sorted(fields.values(), key=lambda f: _ROW_ORDER[f.attribute.kind])
        row = column = 0
        for field in shown:
            if field.attribute.kind in ("choice", "flag"):
                grid.addWidget(field.label, row, column)
                grid.addWidget(field.editor, row, column + 1)
                column += 2
                if column == _COLUMNS:
                    row, column = row + 1, 0
                continue
            if column:
                row, column = row + 1, 0
            top = field.attribute.kind == "text"  # beside the first line of a note
            grid.addWidget(field.label, row, 0, Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(self._with_buttons(field), row, 1, 1, _COLUMNS - 1)
            row += 1
        grid.setRowStretch(row + 1, 1)  # rows at the top when another layer's page is taller
        chain = [w for field in shown for w in field.focusables]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.stack.addWidget(page)
        return page, fields

    @staticmethod
    def _with_buttons(field: Field) -> QWidget:
        if not field.buttons:
            return field.editor
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(field.editor, 1)
        for button in field.buttons.values():
            box.addWidget(button)
        return row

    @staticmethod
    def _combo(letters: int = 10) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(letters)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        set_tooltip(button, tip)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _choice_field(self, attribute: Attribute, label: QLabel) -> Field:
        combo = self._combo(6)  # two to a row in a narrow dock
        combo.addItem(EMPTY, None)
        for value in attribute.values:
            combo.addItem(readable_value(attribute, value), value)
        # `activated` comes from the analyst only (mouse, arrows, typed letters), never from
        # setCurrentIndex: filling the form cannot write.
        combo.activated.connect(lambda _index, name=attribute.name: self._choice_chosen(name))
        return Field(attribute, label, combo, [combo])

    def _flag_field(self, attribute: Attribute, label: QLabel) -> Field:
        # No text of its own: the row's label (plain text, its buddy) names it, as for a choice.
        box = QCheckBox()
        # Only the box is clickable: stretched over the cell, a click beside it would do nothing.
        box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # `clicked` comes from the analyst only (mouse, Space), never from setChecked: filling
        # the form cannot write. Unchecked clears the attribute: a flag is stored only when set.
        box.clicked.connect(lambda checked, name=attribute.name: self._act(
            lambda ws: ws.set_attribute(self._span_id, name, True if checked else None)))
        return Field(attribute, label, box, [box])

    def _text_field(self, attribute: Attribute, label: QLabel) -> Field:
        edit = NoteEdit()
        edit.setPlaceholderText(self.tr("Enter: save · Shift+Enter: new line · Esc: save, back to the text"))
        field = Field(attribute, label, edit, [edit])
        edit.committed.connect(lambda f=field: self._commit_text(f))
        return field

    def _relation_field(self, attribute: Attribute, label: QLabel) -> Field:
        combo = self._combo()
        combo.activated.connect(lambda _index, name=attribute.name: self._relation_chosen(name))
        field = Field(attribute, label, combo, [combo])
        if attribute == relation_attribute(self.workspace.project.schema, attribute.layer):  # the claimant
            pick = self._button(self.tr("Pick in text"), self.tr("Click the entity span of the claimant in the article"),
                                lambda: self._request(self.pickClaimantRequested))
            field.buttons["pick"] = pick
            field.focusables.append(pick)
        return field

    def _span_field(self, attribute: Attribute, label: QLabel) -> Field:
        shown = plain_label()
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        field = Field(attribute, label, shown, [])
        what = readable(attribute)
        use = self._button(self.tr("Use selection"),
                           self.tr("The text selected in the article becomes the {attribute}").format(attribute=what),
                           lambda name=attribute.name: self._request_cue(name))
        clear = self._button(self.tr("Clear"), self.tr("Remove the {attribute}").format(attribute=what),
                             lambda name=attribute.name: self._act(
                                 lambda ws: ws.set_attribute(self._span_id, name, None)))
        field.buttons.update(use=use, clear=clear)
        field.focusables += [use, clear]
        return field


__all__ = ["ClaimFormBuilding"]
