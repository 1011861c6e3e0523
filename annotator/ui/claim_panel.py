"""The claim form: the attributes of the selected span (claimant, cue, stance, ...), built from
the project's schema, edited with the keyboard.

The panel never writes to the store: every edit is one Workspace action (committed before it
returns, one undo step), after which `changed` is emitted so the window can apply
`workspace.last_change` to its views. A refusal (AnnotationError) becomes `message(text)`.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
                               QSizePolicy, QStackedWidget, QVBoxLayout, QWidget)

from annotator.core.display import neutralised
from annotator.core.model import Span
from annotator.core.schema import Attribute, Schema
from annotator.store.errors import ProjectError
from annotator.store.workspace import CLAIMANT, AnnotationError, Workspace
from annotator.ui import errors
from annotator.ui.plain import plain_label, set_tooltip

EMPTY = "—"
ITEM_CHARS = 60  # longer span texts are cut in combo items


def display_name(name: str) -> str:
    return name.replace("_", " ")


def item_text(text: str, limit: int = ITEM_CHARS) -> str:
    """A span's text on one line, shortened for a combo item, neutralised: a bidi control in
    imported text must not reorder the label and punctuation around it."""
    return neutralised(" ".join(text.split()), limit=limit)


class NoteEdit(QPlainTextEdit):
    """Free text committed as a whole: Enter or leaving the field commits, Shift+Enter is a new
    line, Esc puts back the stored text, Tab moves on. Never one write per keystroke."""

    committed = Signal()
    reverted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = 3
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 2 * self.frameWidth() + 10)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.committed.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.reverted.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.committed.emit()


class Field:
    """The widgets of one attribute in one layer's form."""

    def __init__(self, attribute: Attribute, label: QLabel, editor: QWidget, focusables: list[QWidget]):
        self.attribute = attribute
        self.label = label
        self.editor = editor  # the combo, note edit or cue label
        self.focusables = focusables  # in Tab order
        self.buttons: dict[str, QPushButton] = {}


class ClaimPanel(QWidget):
    changed = Signal()  # a change was committed: apply workspace.last_change
    message = Signal(str)  # a refusal, for the status bar
    pickClaimantRequested = Signal(str)  # claim id: let the analyst click an entity span
    cueFromSelectionRequested = Signal(str)  # claim id: answer with set_cue(start, end)

    def __init__(self, workspace_getter: Callable[[], Workspace], parent: QWidget | None = None):
        super().__init__(parent)
        self._workspace = workspace_getter
        # Why the document shown must not be changed (its text no longer matches its spans), or
        # None; the window sets it. Checked before every write the form would make.
        self.blocked: Callable[[], str | None] = lambda: None
        self._span_id: str | None = None
        self._filling = False
        self._schema: Schema | None = None
        self._forms: dict[str, tuple[QWidget, dict[str, Field]]] = {}  # layer -> (page, fields)
        self._cue_target: str | None = None  # the span attribute a "Use selection" asked for

        self.stack = QStackedWidget()
        self.hint = plain_label()
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint.setStyleSheet("color: palette(mid); padding: 6px;")
        self.stack.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = plain_label()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        layout.addWidget(self.stack)
        layout.addStretch(1)
        self.show_span(None)

    # -- public API ---------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        return self._workspace()

    @property
    def span_id(self) -> str | None:
        """The span whose form is shown (None: the hint is shown)."""
        return self._span_id

    def fields(self) -> dict[str, Field]:
        """The fields of the form on show, by attribute name, in schema order."""
        span = self._span()
        return self._form(span.layer)[1] if span is not None and self._has_form(span) else {}

    def show_span(self, span_id: str | None) -> None:
        """Show the form of a span (or the hint) with its stored values. Writes nothing, apart
        from committing a note typed for the span shown before."""
        if span_id != self._span_id:
            self.commit_pending()
        self._check_schema()
        span = self.workspace.spans.get(span_id) if span_id else None
        if span is None or not self._has_form(span):
            self._span_id = None
            self.heading.setText("")
            self.heading.hide()
            self.hint.setText(self._hint_text())
            self.stack.setCurrentWidget(self.hint)
            return
        same = span.id == self._span_id
        self._span_id = span.id
        page, fields = self._form(span.layer)
        self.heading.setText(f"{span.label} · «{item_text(span.text)}»")
        self.heading.show()
        self._fill(span, fields, keep_typing=same)
        self.stack.setCurrentWidget(page)

    def refresh(self) -> None:
        """Show the current span again (after an undo, a new entity span, ...)."""
        self.show_span(self._span_id)

    def focus_first(self) -> bool:
        """Keyboard focus on the first field of the form; False when there is none to focus."""
        for field in self.fields().values():
            for widget in field.focusables:
                if widget.isEnabled() and widget.isVisibleTo(self):
                    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                    return True
        return False

    def claimant_picked(self, span_id: str) -> bool:
        """The answer to pickClaimantRequested: the entity span the analyst clicked."""
        if self._span_id is None:
            self.message.emit("Select a claim first")
            return False
        return self._set_claimant(span_id)

    def set_cue(self, start: int, end: int, name: str | None = None) -> bool:
        """The answer to cueFromSelectionRequested: the selected range (code points) as the cue
        (or as the span attribute `name`)."""
        if self._span_id is None:
            self.message.emit("Select a claim first")
            return False
        name = name or self._cue_target or self._first_of_kind("span")
        if name is None:
            self.message.emit("This span has no cue")
            return False
        return self._act(lambda ws: ws.set_attribute(self._span_id, name, (start, end)))

    def commit_pending(self) -> bool:
        """Commit text typed but not yet committed (call before opening another document or
        project: the text belongs to the span shown now)."""
        span = self._span()
        if span is None or not self._has_form(span):
            return False
        done = False
        for field in self._form(span.layer)[1].values():
            if field.attribute.kind == "text":
                done = self._commit_text(field) or done
        return done

    # -- building -----------------------------------------------------------------------

    def _check_schema(self) -> None:
        schema = self.workspace.project.schema
        if schema == self._schema:
            return
        self._schema = schema
        for page, _ in self._forms.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self._forms.clear()
        self._span_id = None

    def _has_form(self, span: Span) -> bool:
        return bool(self.workspace.project.schema.attributes(span.layer))

    def _hint_text(self) -> str:
        schema = self.workspace.project.schema
        for layer in schema.layers:
            if layer.attributes:
                names = ", ".join(display_name(a.name) for a in layer.attributes[:3])
                end = ", …" if len(layer.attributes) > 3 else "."
                return f"Select a {display_name(layer.name)} to edit its {names}{end}"
        return "The project's schema has no span attributes."

    def _first_of_kind(self, kind: str) -> str | None:
        return next((name for name, field in self.fields().items() if field.attribute.kind == kind), None)

    def _form(self, layer: str) -> tuple[QWidget, dict[str, Field]]:
        if layer not in self._forms:
            self._forms[layer] = self._build_form(layer)
        return self._forms[layer]

    def _build_form(self, layer: str) -> tuple[QWidget, dict[str, Field]]:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields: dict[str, Field] = {}
        for attribute in self.workspace.project.schema.attributes(layer):
            label = plain_label(display_name(attribute.name))
            builder = {"choice": self._choice_field, "text": self._text_field,
                       "relation": self._relation_field, "span": self._span_field}[attribute.kind]
            field = builder(attribute, label)
            tip = attribute.description
            if attribute.default is not None:
                tip = f"{tip}\n\nDefault: {display_name(attribute.default)}".strip()
            for widget in (label, field.editor):
                set_tooltip(widget, tip)
            label.setBuddy(field.focusables[0] if field.focusables else field.editor)
            row = field.editor
            if field.buttons:
                row = QWidget()
                box = QHBoxLayout(row)
                box.setContentsMargins(0, 0, 0, 0)
                box.addWidget(field.editor, 1)
                for button in field.buttons.values():
                    box.addWidget(button)
            form.addRow(label, row)
            fields[attribute.name] = field
        chain = [w for field in fields.values() for w in field.focusables]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.stack.addWidget(page)
        return page, fields

    @staticmethod
    def _combo() -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        set_tooltip(button, tip)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _choice_field(self, attribute: Attribute, label: QLabel) -> Field:
        combo = self._combo()
        combo.addItem(EMPTY, None)
        for value in attribute.values:
            combo.addItem(display_name(value), value)
        # `activated` comes from the analyst only (mouse, arrows, typed letters), never from
        # setCurrentIndex: filling the form cannot write.
        combo.activated.connect(lambda _index, name=attribute.name: self._choice_chosen(name))
        return Field(attribute, label, combo, [combo])

    def _text_field(self, attribute: Attribute, label: QLabel) -> Field:
        edit = NoteEdit()
        edit.setPlaceholderText("Enter: save · Shift+Enter: new line · Esc: undo typing")
        field = Field(attribute, label, edit, [edit])
        edit.committed.connect(lambda f=field: self._commit_text(f))
        edit.reverted.connect(lambda f=field: self._revert_text(f))
        return field

    def _relation_field(self, attribute: Attribute, label: QLabel) -> Field:
        combo = self._combo()
        combo.activated.connect(lambda _index, name=attribute.name: self._relation_chosen(name))
        field = Field(attribute, label, combo, [combo])
        if attribute.name == CLAIMANT:
            pick = self._button("Pick in text", "Click the entity span of the claimant in the article",
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
        use = self._button("Use selection", f"The text selected in the article becomes the {display_name(attribute.name)}",
                           lambda name=attribute.name: self._request_cue(name))
        clear = self._button("Clear", f"Remove the {display_name(attribute.name)}",
                             lambda name=attribute.name: self._act(
                                 lambda ws: ws.set_attribute(self._span_id, name, None)))
        field.buttons.update(use=use, clear=clear)
        field.focusables += [use, clear]
        return field

    # -- filling ------------------------------------------------------------------------

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
                    if kind == "relation" and field.attribute.name != CLAIMANT:
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
            combo.addItem(f"{value} (not in the schema)", value)
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

    def _fill_relation(self, field: Field, span: Span) -> None:
        combo: QComboBox = field.editor
        combo.clear()
        combo.addItem(EMPTY, None)
        for value in field.attribute.values:
            combo.addItem(value, value)
        for other in self.workspace.spans:  # sorted by position
            if other.layer != span.layer:
                combo.addItem(f"{other.label} · {item_text(other.text)}", other.id)
        current = self.workspace.claimant(span.id) if field.attribute.name == CLAIMANT else None
        key = current.id if isinstance(current, Span) else current
        index = combo.findData(key) if key is not None else 0
        if index < 0:
            combo.addItem(f"{key} (unknown)", key)
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

    # -- editing ------------------------------------------------------------------------

    def _span(self) -> Span | None:
        return self.workspace.spans.get(self._span_id) if self._span_id else None

    def _act(self, action: Callable[[Workspace], object]) -> bool:
        """Run one workspace action for the span shown; refresh the form; report."""
        if self._filling or self._span_id is None:
            return False
        workspace = self.workspace
        if workspace.project.db is None:
            return False  # the project was closed (a note losing focus as the window closes)
        reason = self.blocked()
        if reason:
            self.message.emit(reason)
            self.refresh()  # put the stored value back in the widget
            return False
        before = workspace.last_change
        try:
            action(workspace)
        except AnnotationError as exc:
            self.message.emit(str(exc))
            self.refresh()  # put the stored value back in the widget
            return False
        except ProjectError as exc:
            # A failed write (full disk...): rolled back, so the form shows the stored value
            # again; the sentence once in a dialog, then in the status bar only.
            self.message.emit(f"Not saved: {exc}")
            errors.WRITE_FAILURES.report(self.window(), str(exc))
            self.refresh()
            return False
        if workspace.last_change is before:
            return False  # nothing changed (the same value again): no action, no signal
        self.refresh()
        self.changed.emit()
        return True

    def _choice_chosen(self, name: str) -> None:
        field = self.fields().get(name)
        if field is not None:
            value = field.editor.currentData()
            self._act(lambda ws: ws.set_attribute(self._span_id, name, value))

    def _relation_chosen(self, name: str) -> None:
        field = self.fields().get(name)
        if field is None:
            return
        if name != CLAIMANT:
            self.message.emit(f"{display_name(name)} cannot be edited here")
            return
        self._set_claimant(field.editor.currentData())

    def _set_claimant(self, target: str | None) -> bool:
        current = self.workspace.claimant(self._span_id)
        if target == (current.id if isinstance(current, Span) else current):
            self.refresh()
            return False  # already so: no empty undo step
        return self._act(lambda ws: ws.set_claimant(self._span_id, target))

    def _commit_text(self, field: Field) -> bool:
        edit: NoteEdit = field.editor
        if self._filling or self._span_id is None:
            return False
        text = edit.toPlainText()
        if text == (edit.property("stored") or ""):
            edit.document().setModified(False)
            return False
        value = text if text.strip() else None
        name = field.attribute.name
        return self._act(lambda ws: ws.set_attribute(self._span_id, name, value))

    def _revert_text(self, field: Field) -> None:
        edit: NoteEdit = field.editor
        self._filling = True
        try:
            edit.setPlainText(edit.property("stored") or "")
            edit.document().setModified(False)
        finally:
            self._filling = False

    def _request(self, signal) -> None:
        if self._span_id is not None:
            signal.emit(self._span_id)

    def _request_cue(self, name: str) -> None:
        self._cue_target = name
        self._request(self.cueFromSelectionRequested)
