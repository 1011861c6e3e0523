"""Edit > Labels…: the project's labels per layer (colour, key, name, Arabic name); add a label,
rename one, change its colour, its key or its Arabic name (the schema's `title_ar`: what the
window shows in Arabic; spans and exports keep the name). Every change is one undoable action of
the Workspace (edit_label/add_label): the window hears its Change and shows the new schema
(palette, article colours and keys, span list); a rename renames every span and suggestion of
the label.

Names and keys come from the project (an import may have added them): shown neutralised.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QColorDialog, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLineEdit, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from annotator.core.display import neutralised
from annotator.core.rules import RuleError
from annotator.core.schema import AUTO_COLORS, Label, titled, with_title
from annotator.store.errors import ProjectError
from annotator.ui import display_names, messages
from annotator.ui.key_owners import label_reserved
from annotator.ui.palette import swatch
from annotator.ui.plain import error_label

NAME_ROLE = Qt.ItemDataRole.UserRole
# The language of the display names the editor edits: the interface's one other language.
TITLE_LANGUAGE = "ar"
NAME, TITLE = 0, 1  # tree columns (the key is the last)


def _title(item) -> str:
    """The Arabic name of a layer or label as the tree shows it ("" for none)."""
    title = titled(item.titles, TITLE_LANGUAGE)
    return neutralised(title) if title else ""


class LabelEditor(QDialog):
    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window = window
        self.setWindowTitle(self.tr("Labels"))
        self.resize(460, 520)
        self.tree = QTreeWidget()
        self.tree.setObjectName("label_tree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Label"), self.tr("Arabic name"), self.tr("Key")])
        self.tree.setRootIsDecorated(False)
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("label_name")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("label_title")
        self.title_edit.setPlaceholderText(self.tr("none: the name is shown"))
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("label_key")
        self.key_edit.setMaximumWidth(60)
        self.key_edit.setPlaceholderText(self.tr("none"))
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setObjectName("label_apply")
        self.apply_button.clicked.connect(self.apply_edit)
        self.color_button = QPushButton(self.tr("&Colour…"))
        self.color_button.setObjectName("label_color")
        self.color_button.clicked.connect(self.choose_color)
        edit = QFormLayout()
        edit.addRow(self.tr("Name:"), self.name_edit)
        edit.addRow(self.tr("Arabic name:"), self.title_edit)
        keys = QHBoxLayout()
        keys.addWidget(self.key_edit)
        keys.addStretch(1)
        keys.addWidget(self.color_button)
        keys.addWidget(self.apply_button)
        edit.addRow(self.tr("Key:"), keys)

        self.layer_combo = QComboBox()
        self.layer_combo.setObjectName("new_label_layer")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("new_label_name")
        self.new_name.setPlaceholderText(self.tr("new label name"))
        self.new_key = QLineEdit()
        self.new_key.setObjectName("new_label_key")
        self.new_key.setMaximumWidth(60)
        self.new_key.setPlaceholderText(self.tr("key"))
        self.add_button = QPushButton(self.tr("A&dd label"))
        self.add_button.setObjectName("label_add")
        self.add_button.clicked.connect(self.add_label)
        adding = QHBoxLayout()
        for widget in (self.layer_combo, self.new_name, self.new_key, self.add_button):
            adding.addWidget(widget)

        self.error = error_label()
        self.error.setObjectName("label_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.tree, 1)
        column.addLayout(edit)
        column.addLayout(adding)
        column.addWidget(self.error)
        column.addWidget(buttons)
        readonly = window.project.readonly
        for widget in (self.name_edit, self.title_edit, self.key_edit, self.apply_button, self.color_button,
                       self.new_name, self.new_key, self.add_button, self.layer_combo):
            widget.setEnabled(not readonly)
        self.refresh()

    # -- showing ------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """The labels as stored now; `select` (a label name) or the current one stays selected."""
        current = select or self.selected_name()
        schema = self.window.project.schema
        self.tree.clear()
        target = None
        for layer in schema.layers:
            heading = QTreeWidgetItem([neutralised(layer.name).upper(), _title(layer)])
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(NAME, font)
            heading.setFont(TITLE, font)
            self.tree.addTopLevelItem(heading)
            for label in layer.labels:
                item = QTreeWidgetItem([neutralised(label.name), _title(label), neutralised(label.key or "")])
                item.setIcon(0, swatch(label.color))
                item.setData(0, NAME_ROLE, label.name)
                self.tree.addTopLevelItem(item)
                if label.name == current:
                    target = item
        self.tree.resizeColumnToContents(NAME)
        self.tree.resizeColumnToContents(TITLE)
        chosen = self.layer_combo.currentData()
        self.layer_combo.clear()
        for layer in schema.layers:
            self.layer_combo.addItem(display_names.shown(layer), layer.name)
        if chosen is not None and self.layer_combo.findData(chosen) >= 0:
            self.layer_combo.setCurrentIndex(self.layer_combo.findData(chosen))
        if target is None:
            target = next((self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())
                           if self.tree.topLevelItem(i).data(0, NAME_ROLE)), None)
        self.tree.setCurrentItem(target)
        self._show_selected()

    def selected_name(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, NAME_ROLE) if item is not None else None

    def select(self, name: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, NAME_ROLE) == name:
                self.tree.setCurrentItem(item)
                return

    def _selected_label(self) -> Label | None:
        name = self.selected_name()
        return self.window.project.schema.label(name) if name else None

    def _show_selected(self) -> None:
        label = self._selected_label()
        # Edit fields show the stored name as it is (a field edits, it does not display).
        self.name_edit.setText(label.name if label else "")
        self.title_edit.setText((titled(label.titles, TITLE_LANGUAGE) or "") if label else "")
        self.key_edit.setText((label.key or "") if label else "")
        editable = label is not None and not self.window.project.readonly
        for widget in (self.name_edit, self.title_edit, self.key_edit, self.apply_button, self.color_button):
            widget.setEnabled(editable)

    # -- editing ------------------------------------------------------------------------

    def apply_edit(self) -> None:
        """The name, Arabic name and key fields as one action (one undo step); an empty Arabic
        name removes it (the window then shows the name)."""
        label = self._selected_label()
        if label is None:
            return
        name, key = self.name_edit.text().strip(), self.key_edit.text().strip() or None
        titles = with_title(label.titles, TITLE_LANGUAGE, self.title_edit.text().strip() or None)
        self._run(lambda ws, reserved: ws.edit_label(label.name, reserved, name=name, key=key, titles=titles), name)

    def choose_color(self) -> None:
        label = self._selected_label()
        if label is None:
            return
        color = QColorDialog.getColor(QColor(label.color), self,
                                      self.tr("Colour of {label}").format(label=neutralised(label.name)))
        if color.isValid():
            self._run(lambda ws, reserved: ws.edit_label(label.name, reserved, color=color.name()), label.name)

    def add_label(self) -> None:
        layer, name = self.layer_combo.currentData(), self.new_name.text().strip()
        if layer is None:
            return
        key = self.new_key.text().strip() or None
        color = AUTO_COLORS[len(self.window.project.schema.labels()) % len(AUTO_COLORS)]
        if self._run(lambda ws, reserved: ws.add_label(layer, name, color, key, reserved), name):
            self.new_name.clear()
            self.new_key.clear()

    def _run(self, edit, select: str) -> bool:
        """Run one Workspace label edit; a refusal is said in the dialog and changes nothing."""
        try:
            edit(self.window.workspace, label_reserved(self.window.registry))
        except (RuleError, ProjectError) as exc:
            self.error.setText(messages.text(exc))
            self.error.show()  # what was typed stays, to be corrected
            return False
        self.error.hide()
        self.refresh(select if self.window.project.schema.label(select) else None)
        return True


__all__ = ["LabelEditor"]
