"""The span panel: what the selected span is (label, text, linked entity), the schema's
guideline for its label and attributes, and its form (a claim's claimant, cue, stance, ...; the
note every span has), built from the project's schema, edited with the keyboard.

The panel never writes to the store: every edit is one Workspace action (committed before it
returns, one undo step). Like every view it follows the workspace's Changes (`apply_change`,
called by the window for each one, whoever made it): the form of a span an undo removed or
changed is shown again from the Change. `changed` says that an edit of the form was committed.
A refusal (AnnotationError) becomes `message(text)`. Esc in any field commits what is typed and
asks the window to give the article the focus back (`returnRequested`). Building the form's
widgets (claim_form_building.py) and filling them with stored values (claim_form_filling.py) are
mixins of the panel; what is left here is what the panel shows and every edit it makes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from annotator.core.changes import Change
from annotator.core.display import neutralised
from annotator.core.model import Span
from annotator.core.schema import NOTE, Schema
from annotator.store.errors import ProjectError
from annotator.core.rules import relation_attribute
from annotator.store.workspace import AnnotationError, Workspace
from annotator.ui import errors
# EMPTY, ITEM_CHARS and item_text are re-exported: callers and tests import them from here.
from annotator.ui.claim_fields import (EMPTY, ITEM_CHARS, Field, NoteEdit, directed, directed_tooltip,
                                       item_text)
from annotator.ui.claim_form_building import ClaimFormBuilding
from annotator.ui.claim_form_filling import ClaimFormFilling
from annotator.ui.display_names import description, guideline, label_title, listed, readable, ui_language
from annotator.ui.plain import plain_label


def _wrapping(style: str = "") -> QLabel:
    label = plain_label()
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class ClaimPanel(ClaimFormBuilding, ClaimFormFilling, QWidget):
    changed = Signal()  # an edit of the form was committed (its Change went to every view)
    message = Signal(str)  # a refusal, for the status bar
    pickClaimantRequested = Signal(str)  # claim id: let the analyst click an entity span
    cueFromSelectionRequested = Signal(str)  # claim id: answer with set_cue(start, end)
    returnRequested = Signal()  # Esc in a field: the article takes the focus back

    def __init__(self, workspace_getter: Callable[[], Workspace], parent: QWidget | None = None):
        super().__init__(parent)
        self._workspace = workspace_getter
        # Why the document shown must not be changed (its text no longer matches its spans), or
        # None; the window sets it. Checked before every write the form would make.
        self.blocked: Callable[[], str | None] = lambda: None
        self._span_id: str | None = None
        self._filling = False
        self._schema: tuple[Schema, str] | None = None  # what the forms were built for, and in which language
        self._forms: dict[str, tuple[QWidget, dict[str, Field]]] = {}  # layer -> (page, fields)
        self._cue_target: str | None = None  # the span attribute a "Use selection" asked for

        self.stack = QStackedWidget()
        self.hint = _wrapping("color: palette(mid); padding: 6px;")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        self.heading = _wrapping("font-weight: bold;")
        self.entity = _wrapping()  # the canonical entity an entity span is linked to
        self.guideline = _wrapping()  # the label's guideline
        # The attributes' descriptions, on demand: a claim's six would push its form out of sight.
        self.guide_toggle = QToolButton()
        self.guide_toggle.setText(self.tr("Attribute guidelines"))
        self.guide_toggle.setCheckable(True)
        self.guide_toggle.setAutoRaise(True)
        self.guide_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.guide_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.guide_toggle.toggled.connect(self._show_attribute_guide)
        self.guide_toggle.installEventFilter(self)  # Esc: back to the article, as from a field
        self.attribute_guide = _wrapping()
        for widget in (self.heading, self.entity, self.guideline, self.guide_toggle, self.attribute_guide, self.stack):
            layout.addWidget(widget)
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
        """Show the panel of a span (or the hint) with its stored values. Writes nothing, apart
        from committing a note typed for the span shown before."""
        if span_id != self._span_id:
            self.commit_pending()
        self._check_schema()
        span = self.workspace.spans.get(span_id) if span_id else None
        if span is None or not self._has_form(span):
            self._span_id = None
            for widget in (self.heading, self.entity, self.guideline, self.guide_toggle, self.attribute_guide):
                widget.hide()
            self.hint.setText(self._hint_text())
            self.stack.setCurrentWidget(self.hint)
            return
        same = span.id == self._span_id
        self._span_id = span.id
        page, fields = self._form(span.layer)
        self._describe(span)
        self._fill(span, fields, keep_typing=same)
        self.stack.setCurrentWidget(page)

    def refresh(self) -> None:
        """Show the current span again (after an undo, a new entity span, ...)."""
        self.show_span(self._span_id)

    def apply_change(self, change: Change) -> None:
        """Follow a committed action: the span shown was removed (the hint), or it, its
        relations, the spans a relation combo lists or a canonical entity (the name shown, the
        claimant rows) changed (filled again)."""
        if self._span_id is None or self._filling:
            return
        if self._span_id in change.spans_removed:
            self._span_id = None
            self.show_span(None)
        elif (change.relations_added or change.relations_removed or change.entities
              or any(s.id == self._span_id for s in change.spans_added)
              or ((change.spans_added or change.spans_removed) and self._lists_spans())):
            self.show_span(self._span_id)

    def _lists_spans(self) -> bool:
        """Whether the form shown lists the document's spans (a claimant combo): another span
        added or removed changes it. An entity span's panel does not (an add elsewhere, the
        commonest action, leaves it as it is)."""
        span = self._span()
        return span is not None and any(a.kind == "relation" for a in self.workspace.project.schema.attributes(span.layer))

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
            self.message.emit(self.tr("Select a claim first"))
            return False
        return self._set_claimant(span_id)

    def set_cue(self, start: int, end: int, name: str | None = None) -> bool:
        """The answer to cueFromSelectionRequested: the selected range (code points) as the cue
        (or as the span attribute `name`)."""
        if self._span_id is None:
            self.message.emit(self.tr("Select a claim first"))
            return False
        name = name or self._cue_target or self._first_of_kind("span")
        if name is None:
            self.message.emit(self.tr("This span has no cue"))
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

    # -- the schema's forms -------------------------------------------------------------

    def _check_schema(self) -> None:
        schema = self.workspace.project.schema
        # A form names its attributes and choices in the window's language: a language
        # switch builds the forms again, as a schema change does.
        if (schema, ui_language()) == self._schema:
            return
        self._schema = (schema, ui_language())
        for page, _ in self._forms.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self._forms.clear()
        self._span_id = None

    def _has_form(self, span: Span) -> bool:
        return bool(self.workspace.project.schema.attributes(span.layer))

    def _hint_text(self) -> str:
        schema = self.workspace.project.schema
        text = self.tr("Select a span to read its label's guideline and write a note.")
        for layer in schema.layers:
            own = [a for a in layer.attributes if a.name != NOTE]
            if own:
                names = listed(readable(a) for a in own[:3])
                if len(own) > 3:
                    more = self.tr("Select a {layer} to edit its {attributes}, …")
                else:
                    more = self.tr("Select a {layer} to edit its {attributes}.")
                return f"{text} {more.format(layer=readable(layer), attributes=names)}"
        return text

    def _describe(self, span: Span) -> None:
        """The heading, linked entity and guidelines of the span shown, each laid out in its
        text's direction (an Arabic span text or guideline wraps right to left)."""
        schema = self.workspace.project.schema
        self.heading.setText(directed(f"{label_title(schema, span.label)} · «{item_text(span.text)}»", by=span.text))
        self.heading.setToolTip(directed_tooltip(span.text))
        self.heading.show()
        if schema.is_entity_layer(span.layer):
            if span.entity is not None:
                name = span.entity.name
                self.entity.setText(directed(self.tr("Entity: {name}").format(name=neutralised(name)), by=name))
            else:
                self.entity.setText(self.tr("Not linked to a canonical entity"))
            self.entity.show()
        else:
            self.entity.hide()
        label = schema.label(span.label)
        # In the window's language (guideline_ar, description_ar), else the schema's English.
        shown = guideline(label) if label is not None else ""
        self.guideline.setText(directed(shown))
        self.guideline.setVisible(bool(shown))
        described = [(a, description(a)) for a in schema.attributes(span.layer)]
        described = [(a, text) for a, text in described if text]
        lines = [f"{readable(a)}: {text}" for a, text in described]
        self.attribute_guide.setText(directed("\n".join(lines), by=described[0][1] if described else ""))
        self.guide_toggle.setVisible(bool(lines))
        self._show_attribute_guide(self.guide_toggle.isChecked())

    def _show_attribute_guide(self, shown: bool) -> None:
        self.guide_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.attribute_guide.setVisible(shown and not self.guide_toggle.isHidden() and self._span_id is not None)

    def _first_of_kind(self, kind: str) -> str | None:
        return next((name for name, field in self.fields().items() if field.attribute.kind == kind), None)

    # -- editing ------------------------------------------------------------------------

    def _span(self) -> Span | None:
        return self.workspace.spans.get(self._span_id) if self._span_id else None

    def _act(self, action: Callable[[Workspace], object]) -> bool:
        """Run one workspace action for the span shown; refresh the form; report."""
        if self._filling or self._span_id is None:
            return False
        workspace = self.workspace
        if workspace.project.closed:
            return False  # the project was closed (a note losing focus as the window closes)
        reason = self.blocked()
        if reason:
            self.message.emit(reason)
            self.refresh()  # put the stored value back in the widget
            return False
        try:
            change: Change = action(workspace)
        except AnnotationError as exc:
            self.message.emit(str(exc))
            self.refresh()  # put the stored value back in the widget
            return False
        except ProjectError as exc:
            # A failed write (full disk...): rolled back, so the form shows the stored value
            # again; the sentence once in a dialog, then in the status bar only.
            self.message.emit(self.tr("Not saved: {reason}").format(reason=exc))
            errors.WRITE_FAILURES.report(self.window(), str(exc))
            self.refresh()
            return False
        if change.empty:
            return False  # nothing changed (the same value again): no undo step, no signal
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
        if field.attribute != relation_attribute(self.workspace.project.schema, field.attribute.layer):
            self.message.emit(self.tr("{attribute} cannot be edited here").format(attribute=readable(field.attribute)))
            return
        self._set_claimant(field.editor.currentData())

    def _set_claimant(self, target: str | None) -> bool:
        # The same claimant again is the workspace's no-op (an empty Change, no undo step).
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Esc in any field of the form (installed by the building): what is typed is saved,
        and the article gets the focus back with the span still selected."""
        if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            if isinstance(watched, NoteEdit):
                field = next((f for f in self.fields().values() if f.editor is watched), None)
                if field is not None:
                    self._commit_text(field)
            self.returnRequested.emit()
            return True
        return super().eventFilter(watched, event)

    def _request(self, signal) -> None:
        if self._span_id is not None:
            signal.emit(self._span_id)

    def _request_cue(self, name: str) -> None:
        self._cue_target = name
        self._request(self.cueFromSelectionRequested)


__all__ = ["EMPTY", "ITEM_CHARS", "ClaimPanel", "Field", "NoteEdit", "item_text"]
