"""The claim form: the attributes of the selected span (claimant, cue, stance, ...), built from
the project's schema, edited with the keyboard.

The panel never writes to the store: every edit is one Workspace action (committed before it
returns, one undo step). Like every view it follows the workspace's Changes (`apply_change`,
called by the window for each one, whoever made it): the form of a span an undo removed or
changed is shown again from the Change. `changed` says that an edit of the form was committed.
A refusal (AnnotationError) becomes `message(text)`. Building the form's widgets
(claim_form_building.py) and filling them with stored values (claim_form_filling.py) are
mixins of the panel; what is left here is what the panel shows and every edit it makes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from annotator.core.changes import Change
from annotator.core.model import Span
from annotator.core.schema import Schema
from annotator.store.errors import ProjectError
from annotator.core.rules import relation_attribute
from annotator.store.workspace import AnnotationError, Workspace
from annotator.ui import errors
# EMPTY, ITEM_CHARS and item_text are re-exported: callers and tests import them from here.
from annotator.ui.claim_fields import EMPTY, ITEM_CHARS, Field, NoteEdit, display_name, item_text
from annotator.ui.claim_form_building import ClaimFormBuilding
from annotator.ui.claim_form_filling import ClaimFormFilling
from annotator.ui.plain import plain_label


class ClaimPanel(ClaimFormBuilding, ClaimFormFilling, QWidget):
    changed = Signal()  # an edit of the form was committed (its Change went to every view)
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

    def apply_change(self, change: Change) -> None:
        """Follow a committed action: the span shown was removed (the hint), or it, its
        relations or the spans a relation combo lists changed (filled again)."""
        if self._span_id is None or self._filling:
            return
        if self._span_id in change.spans_removed:
            self._span_id = None
            self.show_span(None)
        elif change.spans_added or change.spans_removed or change.relations_added or change.relations_removed:
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
                if len(layer.attributes) > 3:
                    text = self.tr("Select a {layer} to edit its {attributes}, …")
                else:
                    text = self.tr("Select a {layer} to edit its {attributes}.")
                return text.format(layer=display_name(layer.name), attributes=names)
        return self.tr("The project's schema has no span attributes.")

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
            self.message.emit(self.tr("{attribute} cannot be edited here").format(attribute=display_name(name)))
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


__all__ = ["EMPTY", "ITEM_CHARS", "ClaimPanel", "Field", "NoteEdit", "item_text"]
