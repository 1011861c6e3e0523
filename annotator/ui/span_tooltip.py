"""Hovering a span in the article shows what it is: label, text, linked entity and the
attributes of its layer (a claim's claimant, cue, stance ... and note), as plain text.

An event filter on the article's viewport answers Qt's ToolTip event (sent once the pointer
rests), so nothing runs while the pointer moves or a span is added. Every value is untrusted
(span text, entity and attribute names, a note) and is shown neutralised inside an escaped
tooltip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF
from PySide6.QtWidgets import QToolTip

from annotator.core.display import neutralised
from annotator.core.model import Span
from annotator.ui.display_names import label_shown, shown, value_title
from annotator.ui.plain import tooltip_text

translate = QCoreApplication.translate
SHOWN_SPANS = 3  # a claim, the entity in it, and one more nested: more is a list, not a hint
TEXT_SHOWN = 80
VALUE_SHOWN = 120


def span_under(view, point: QPointF) -> list[Span]:
    """The spans covering the character under a viewport point, innermost first; none when the
    point is beside the text (the margin, after a line's end)."""
    offset, length = view.from_qt(view.position_at(point)), len(view.text())
    # position_at gives the side of the character the pointer is nearer: it or the one before.
    for char in (offset, offset - 1):
        if 0 <= char < length and any(rect.contains(point) for rect in view.range_rects(char, char + 1)):
            return view.spans_at(char)
    return []


def describe(span: Span, workspace) -> list[str]:
    """The lines of one span's tooltip."""
    schema = workspace.project.schema
    lines = [translate("SpanTooltip", "{label} «{text}»").format(
        label=label_shown(schema, span.label), text=neutralised(span.text, limit=TEXT_SHOWN))]
    if span.entity is not None:
        lines.append(translate("SpanTooltip", "entity: {name} ({type})").format(
            name=neutralised(span.entity.name, limit=VALUE_SHOWN), type=label_shown(schema, span.entity.type)))
    for attribute in schema.attributes(span.layer):
        if attribute.kind == "relation":
            value = workspace.claimant(span.id)
            value = value.text if isinstance(value, Span) else value
        else:
            value = span.attrs.get(attribute.name)
            value = value.get("text") if isinstance(value, dict) else value
        if value not in (None, ""):
            lines.append(translate("SpanTooltip", "{attribute}: {value}").format(
                attribute=shown(attribute), value=value_title(attribute, str(value), VALUE_SHOWN)))
    return lines


class SpanTooltip(QObject):
    """Installed on the article view's viewport. `workspace()` is None while no project is
    open (the window closing)."""

    def __init__(self, view, workspace: Callable[[], object | None]):
        super().__init__(view)
        self._view, self._workspace = view, workspace
        view.viewport().installEventFilter(self)

    def text_at(self, point: QPointF) -> str:
        workspace = self._workspace()
        if workspace is None:
            return ""
        spans = span_under(self._view, point)[:SHOWN_SPANS]
        return "\n\n".join("\n".join(describe(span, workspace)) for span in spans)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.ToolTip:
            return False
        text = self.text_at(QPointF(event.pos()))
        if text:
            QToolTip.showText(event.globalPos(), tooltip_text(text), self._view.viewport())
        else:
            QToolTip.hideText()
            event.ignore()
        return True


__all__ = ["SpanTooltip", "describe", "span_under"]
