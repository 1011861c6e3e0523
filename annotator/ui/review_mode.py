"""Review mode: the window adjudicates the open document into the gold set (issue 12).

Entering it makes the window work as "gold" (MainWindow.work_as): the article shows the gold
spans as spans, and every annotator's open candidates (core/adjudication.py) as the dashed
suggestions, with a lane per annotator under the text (review_marks.py) and the Review dock
listing them (review_panel.py). The suggestion keys keep their meaning on candidates: Tab and
Shift+Tab outline one, Enter accepts it into gold (with its annotator's entity link and
attributes), Esc or Delete rejects it (remembered in the rejections, as a suggestion's). The
number keys 1-9 take that annotator's version of the outlined candidate's conflict (their
candidates accepted, the others rejected); Alt+Down and Alt+Up go to the next and previous
disagreement; Ctrl+Enter marks the gold set done. Each is one Workspace action (take_spans),
one transaction, one undo step.

Opening a document without gold spans pre-accepts what every annotator marked alike, as one
undoable action, unless "Pre-accept agreed spans" is off (QSettings review/preaccept). Leaving
returns the window to the annotator it worked as before.

The annotators' spans are read once per document; after each action the candidates are
computed again from them, the workspace's gold spans and the stored rejections (a sort and a
sweep: milliseconds for 5,000 spans by 3 annotators).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDockWidget

from annotator.core.adjudication import OPEN, Adjudication, Candidate, adjudicate, restated
from annotator.core.display import neutralised
from annotator.core.model import Span, Suggestion
from annotator.store.documents import SpanFilter
from annotator.store.errors import ProjectError
from annotator.store.sets import GOLD
from annotator.store.workspace import AnnotationError
from annotator.ui import display_names, messages
from annotator.ui.models import status_name
from annotator.ui.review_marks import ReviewMarks
from annotator.ui.review_panel import ReviewPanel, key_action, shown_name

REVIEW_ACTIONS = ("next_disagreement", "previous_disagreement")

translate = QCoreApplication.translate


def suggestion_of(candidate: Candidate) -> Suggestion:
    return Suggestion(candidate.start, candidate.end, candidate.text, candidate.layer, candidate.label,
                      candidate.version().entity, "set:" + ",".join(candidate.annotators))


def _quoted(text: str) -> str:
    return neutralised(" ".join(text.split()), limit=30)


class ReviewMode(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.active = False
        self.dock: QDockWidget | None = None
        self.panel: ReviewPanel | None = None
        self.marks = ReviewMarks(window.view)
        self.result: Adjudication | None = None
        self.rows: list[Candidate] = []  # the open candidates, as the article's suggestions
        self._row_of: dict[tuple, int] = {}
        self._doc_id: str | None = None
        self._sets: dict[str, list[Span]] = {}  # the annotators' spans of the open document
        self._gold_status = "new"
        self._return_to: str | None = None
        self._preaccepted: set[str] = set()  # documents pre-accepted this session (an undo stays undone)
        self._focus_next: tuple | None = None  # the candidate to outline after the action under way

    # -- the commands ----------------------------------------------------------------------

    def attach(self) -> None:
        """After the window's commands are built: Review is a toggle; the review keys wait for it."""
        actions = self.window.registry.actions
        actions["review"].setCheckable(True)
        for name in REVIEW_ACTIONS:
            actions[name].setEnabled(False)

    def _sync_actions(self) -> None:
        actions = self.window.registry.actions
        actions["review"].setChecked(self.active)
        for name in REVIEW_ACTIONS:
            actions[name].setEnabled(self.active)

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        window = self.window
        if window.project.readonly or window.workspace.document is None or window.busy:
            window.message(self.tr("Review needs a document open in a writable project (and no import running)"))
            self._sync_actions()
            return
        if window.annotator == GOLD:
            self._return_to = window.own_annotator if window.own_annotator != GOLD else None
        else:
            self._return_to = window.annotator
        self.active = True
        self._show_dock()
        self.marks.install()
        window.view.installEventFilter(self)  # the number keys and Delete
        window.view.viewport().installEventFilter(self)  # a click may outline another candidate
        self._sync_actions()
        window.work_as(GOLD)  # the document opens again; its candidates come with its suggestions
        window.message(self.tr("Reviewing into gold: Tab outlines a candidate, Enter accepts it, Esc or Delete "
                               "rejects it, 1-9 take that annotator's version, Alt+Down the next disagreement"))

    def leave(self) -> None:
        if not self.active:
            return
        self._stop()
        self.window.work_as(self._return_to or self.window.own_annotator)
        self.window.message(self.tr("Review left: annotating as {name}").format(
            name=shown_name(self.window.annotator)))

    def _stop(self) -> None:
        """Out of review without touching the workspace (the window already works as another)."""
        self.active = False
        self.marks.remove()
        self.window.view.removeEventFilter(self)
        self.window.view.viewport().removeEventFilter(self)
        if self.dock is not None:
            self.dock.hide()
        self.result, self.rows, self._row_of, self._sets, self._doc_id = None, [], {}, {}, None
        self._sync_actions()

    def _show_dock(self) -> None:
        if self.dock is None:
            self.panel = ReviewPanel(self.window.settings)
            self.panel.candidateChosen.connect(self._outline)
            self.panel.action.connect(self._panel_action)
            self.dock = QDockWidget(self.tr("Review"), self.window)
            self.dock.setObjectName("review")  # restoreState finds docks by name
            self.dock.setWidget(self.panel)
            self.place_dock()
            return
        self.dock.show()
        self.dock.raise_()

    def place_dock(self, visible: bool = True) -> None:
        """The Review dock in its place (its first showing, View > Reset layout): with the span
        list, as its tab (the candidates are what review lists instead), raised, and half the
        window's height, room for the legend, the summary and several candidates."""
        window, dock = self.window, self.dock
        dock.setFloating(False)
        window.tabifyDockWidget(window.span_dock, dock)
        dock.setVisible(visible)
        if visible:
            dock.raise_()
            window.resizeDocks([dock], [window.height() // 2], Qt.Orientation.Vertical)

    def _still_gold(self) -> bool:
        """Whether the window still works as gold (a project switch or Annotate as… ends review)."""
        if self.active and self.window.workspace.annotator != GOLD:
            self._stop()
        return self.active

    # -- following the document ------------------------------------------------------------

    def load(self, doc_id: str) -> None:
        """The open document's candidates (SuggestionsController.load hands over in review)."""
        window = self.window
        doc = window.workspace.document
        if not self._still_gold() or doc is None or doc.id != doc_id:
            return
        sets = window.project.document_sets([doc_id]).get(doc_id, {})
        names = tuple(name for name in sets if name != GOLD)
        by_name: dict[str, list[Span]] = {name: [] for name in names}
        if names:
            for span in window.project.get_document(doc_id, SpanFilter(annotators=names)).spans:
                by_name[span.annotator].append(span)
        self._sets, self._doc_id = by_name, doc_id
        # The gold workspace opened the document with the gold set's status (Workspace.open_document).
        self._gold_status = doc.status
        window._update_status()
        self._compute(fresh=True)
        if (self.result is not None and doc_id not in self._preaccepted and not len(window.workspace.spans)
                and self._gold_status == "new" and self.panel.preaccept.isChecked()):
            self._preaccepted.add(doc_id)
            agreed = [c for c in self.result.candidates if c.agreed and c.state == OPEN]
            if agreed:  # its Change shows the candidates left
                self._take([c.version() for c in agreed], [], f"pre-accept {len(agreed)} agreed spans",
                           translate("ReviewMode", "%n agreed spans pre-accepted into gold (Ctrl+Z undoes it)",
                                     "", len(agreed)))
                return
        self._show()

    def apply_change(self, change) -> None:
        """Every committed action, undo and redo while in review (SuggestionsController hands
        over): the candidates follow gold and the rejections."""
        if not self._still_gold() or change.empty or change.doc_id != self._doc_id or self._doc_id is None:
            return
        if change.status is not None:
            self._gold_status = change.status
        self.refresh()

    def refresh(self) -> None:
        self._compute()
        self._show()

    def _compute(self, fresh: bool = False) -> None:
        """The candidates: built from the sets when the document was just read (`fresh`), else
        only their states and conflicts again (an action changes gold or the rejections only)."""
        if not self._sets:
            self.result = None
            return
        gold, rejected = self.window.workspace.spans, self.window.project.rejections(self._doc_id, GOLD)
        self.result = (adjudicate(self._sets, gold, rejected) if fresh or self.result is None
                       else restated(self.result, gold, rejected))

    def _show(self) -> None:
        focus = self._focus_next or self._outlined_key()
        self._focus_next = None
        self.rows = self.result.open() if self.result is not None else []
        self._row_of = {c.key(): n for n, c in enumerate(self.rows)}
        row = self._row_of.get(focus) if focus is not None else None
        self.window.view.set_suggestions([suggestion_of(c) for c in self.rows], focus=row)
        self.marks.show(self.rows, self.result.annotators if self.result else ())
        self.panel.show_adjudication(self.result, status_name(self._gold_status), self.rows,
                                     dict(display_names.schema_titles(self.window.project.schema)))
        self.panel.select_row(row)

    # -- the outlined candidate ------------------------------------------------------------

    def _outlined_key(self) -> tuple | None:
        focused = self.window.view.focused_suggestion()
        return focused.key() if focused is not None else None

    def current(self) -> Candidate | None:
        key = self._outlined_key()
        row = self._row_of.get(key) if key is not None else None
        return self.rows[row] if row is not None else None

    def _outline(self, row: int | None) -> None:
        view = self.window.view
        if row is None or not 0 <= row < len(self.rows):
            return
        view.set_suggestions(view.suggestions, focus=row)  # outlines and scrolls to it
        if self.panel is not None:
            self.panel.select_row(row)

    def _sync_panel(self) -> None:
        if self.active and self.panel is not None:
            key = self._outlined_key()
            row = self._row_of.get(key) if key is not None else None
            if row != self.panel.selected_row():
                self.panel.select_row(row)

    def step(self, direction: int) -> None:
        """Outline the next (1) or previous (-1) disagreement."""
        if not self._still_gold() or self.result is None:
            return
        view = self.window.view
        position = self.current() or view.from_qt(view.textCursor().position())
        found = self.result.step(position, direction)
        if found is None:
            self.window.message(self.tr("No more disagreements this way"))
            return
        self._outline(self._row_of.get(found.key()))

    # -- deciding ----------------------------------------------------------------------------

    def accept(self, suggestions) -> None:
        """Enter (one outlined candidate) or accept-all (every agreed candidate still open)."""
        suggestions = list(suggestions)
        if self.result is None or not suggestions:
            self.window.message(self.tr("No candidate is outlined: Tab outlines one, Enter accepts it"))
            return
        if len(suggestions) == 1:
            chosen = [self.rows[self._row_of[suggestions[0].key()]]] if suggestions[0].key() in self._row_of else []
        else:
            chosen = [c for c in self.rows if c.agreed]
            if not chosen:
                self.window.message(self.tr("No agreed candidate is open: decide each with Enter, Esc or 1-9"))
                return
        if not chosen:
            return
        modes = {layer.name: layer.overlap for layer in self.window.project.schema.layers}
        displaced = self.result.displaced(chosen, modes)
        if len(chosen) == 1:
            said = (translate("ReviewMode", "«{text}» accepted into gold; %n overlapping candidates rejected", "",
                              len(displaced)) if displaced else
                    self.tr("«{text}» accepted into gold")).format(text=_quoted(chosen[0].text))
            description = f"accept «{chosen[0].text[:30]}» into gold"
        else:
            said = translate("ReviewMode", "%n agreed candidates accepted into gold", "", len(chosen))
            description = f"accept {len(chosen)} agreed spans into gold"
        self._decide(chosen + displaced)
        self._take([c.version() for c in chosen], [suggestion_of(c) for c in displaced], description, said)

    def reject(self, suggestions) -> None:
        suggestions = list(suggestions)
        candidate = self.current()
        if len(suggestions) != 1 or candidate is None:
            # Esc with nothing outlined would reject every candidate of the document at once.
            self.window.message(self.tr("No candidate is outlined: Tab outlines one, Esc or Delete rejects it"))
            return
        self._decide([candidate])
        self._take([], [suggestion_of(candidate)], f"reject «{candidate.text[:30]}»",
                   self.tr("«{text}» rejected").format(text=_quoted(candidate.text)))

    def take(self, number: int) -> None:
        """Annotator `number` (1-based, as the Review dock lists them)'s version of the outlined
        candidate's conflict."""
        candidate = self.current()
        if self.result is None or candidate is None:
            self.window.message(self.tr("No candidate is outlined: Tab outlines one, then 1-9 take that annotator's "
                                        "version"))
            return
        names = self.result.annotators
        if number > len(names):
            self.window.message(translate("ReviewMode", "This document has %n annotators", "", len(names)))
            return
        name = names[number - 1]
        taken, rejected = self.result.taking(candidate, name)
        self._decide(taken + rejected)
        said = (self.tr("took {name}'s version: {taken} accepted, {rejected} rejected") if taken else
                self.tr("took {name}'s version: nothing here ({rejected} rejected)")).format(
            name=shown_name(name), taken=len(taken), rejected=len(rejected))
        self._take([c.version(name) for c in taken], [suggestion_of(c) for c in rejected],
                   f"take {name}'s version", said)

    def _decide(self, deciding: list[Candidate]) -> None:
        """Outline next the first disagreement after these that they do not settle."""
        keys = {c.key() for c in deciding}
        found = self.result.step(max(deciding, key=Candidate.sort_key), 1) if deciding else None
        while found is not None and found.key() in keys:
            found = self.result.step(found, 1)
        if found is None:
            found = next((c for c in reversed(self.result.disputed()) if c.key() not in keys), None)
        self._focus_next = found.key() if found is not None else None

    def _take(self, spans: list[Span], rejects: list[Suggestion], description: str, said: str) -> None:
        window = self.window
        if window._refused():
            return
        window._finish_loading()
        try:
            change = window.workspace.take_spans(spans, rejects, description, "review")
        except AnnotationError as exc:
            self._focus_next = None
            window.message(messages.text(exc))
            return
        except ProjectError as exc:
            self._focus_next = None
            window._write_failed(exc)
            return
        if not change.empty:
            window.message(said)

    # -- keys --------------------------------------------------------------------------------

    def _panel_action(self, action: str) -> None:
        if action == "leave":
            self.leave()
            return
        focused = self.window.view.focused_suggestion()
        if action == "accept":
            self.accept([focused] if focused else [])
        elif action == "reject":
            self.reject([focused] if focused else [])
        elif action.startswith("take:"):
            self.take(int(action.split(":")[1]))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """The article's review keys: 1-9 take a version; Delete rejects the outlined candidate
        (with a gold span selected it deletes that span, as always)."""
        kind = event.type()
        if kind == QEvent.Type.KeyPress and self.active:
            action = key_action(event) if isinstance(event, QKeyEvent) else None
            view = self.window.view
            if action is not None and action.startswith("take:"):
                self.take(int(action.split(":")[1]))
                return True
            if action == "reject" and view.focused_suggestion() is not None and not view.selected_span:
                self.reject([view.focused_suggestion()])
                return True
            QTimer.singleShot(0, self, self._sync_panel)  # Tab may have outlined another candidate
        elif kind == QEvent.Type.MouseButtonRelease and self.active:
            QTimer.singleShot(0, self, self._sync_panel)
        return False


__all__ = ["ReviewMode", "suggestion_of"]
