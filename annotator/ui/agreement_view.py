"""View > Agreement: how far the annotators agree, and how far each has got (issue 12).

A non-modal dialog over the window: headline figures of a layer (F1 exact and overlap, Fleiss'
kappa, Krippendorff's alpha, documents, tokens), the pairs of annotators, the label confusion as
a heat map, per-label F1 bars, agreement on the attributes and claimants of matched spans, the
documents with most disagreement (double-click opens one in
the window) and every set's progress. The figures are computed in a worker (agreement_task.py)
when the view is opened, on Refresh, and a moment after a change of a document's status or of
many documents' spans (a merge) while the view is shown; a change while it is hidden only marks
it stale, so annotating never pays for the view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.changes import Change
from annotator.core.display import neutralised
from annotator.store.sets import GOLD
from annotator.ui import display_names, messages
from annotator.ui.agreement_charts import ConfusionHeatMap, LabelBars, figure
from annotator.ui.agreement_models import FiguresModel, ProgressDelegate
from annotator.ui.agreement_task import AgreementResult, AgreementTask
from annotator.ui.plain import plain_label

REFRESH_DELAY_MS = 1500  # after the last status change or merge, while the view is shown
# The tabs that need documents done by two annotators; progress (the last) does not.
PAIRS, CONFUSION, LABELS, ATTRIBUTES, DOCUMENTS, PROGRESS = range(6)


def show_agreement(window) -> "AgreementView":
    """View > Agreement: the window's view, made the first time, shown and brought up."""
    view = window.agreement_view
    if view is None:
        view = window.agreement_view = AgreementView(window)
    view.show()
    view.raise_()
    view.activateWindow()
    return view


def _table(model: FiguresModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table (the window's rule, pane_focus.py)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class AgreementView(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.main_window = window
        self.setWindowTitle(self.tr("Agreement and progress"))
        self.setModal(False)
        self.result: AgreementResult | None = None
        self.task: AgreementTask | None = None
        self.computed = 0  # results shown so far (tests wait on it)
        self._again = False  # asked for while a task ran: run once more after it
        self._stale = True
        self._workspace = None
        self._unsubscribe = lambda: None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._follow_workspace()
        self.resize(960, 680)

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        self.layer_label = plain_label(self.tr("Layer:"))
        self.layer_combo = QComboBox()
        self.layer_label.setBuddy(self.layer_combo)
        self.layer_combo.currentIndexChanged.connect(lambda _: self._show_layer())
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # no percentage to give: an indeterminate bar
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setTextVisible(False)
        self.busy_label = plain_label(self.tr("Computing…"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.layer_label)
        top.addWidget(self.layer_combo)
        top.addStretch(1)
        top.addWidget(self.busy_label)
        top.addWidget(self.busy_bar)
        top.addWidget(self.refresh_button)
        self._set_computing(False)

        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.hide()
        self.annotators = plain_label()
        self.annotators.setWordWrap(True)
        self.figures: dict[str, object] = {}
        grid = QGridLayout()
        names = (("f1_exact", self.tr("F1 exact")), ("f1_overlap", self.tr("F1 overlap")),
                 ("fleiss_kappa", self.tr("Fleiss' κ")), ("krippendorff_alpha", self.tr("Krippendorff's α")),
                 ("documents", self.tr("Documents")), ("tokens", self.tr("Tokens")))
        for i, (key, name) in enumerate(names):
            value = plain_label()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(plain_label(name), i // 3, (i % 3) * 2)
            grid.addWidget(value, i // 3, (i % 3) * 2 + 1)
            self.figures[key] = value
        grid.setColumnStretch(6, 1)  # the figures stay beside their names on a wide screen
        grid.setHorizontalSpacing(14)
        self.headline = QWidget()
        column = QVBoxLayout(self.headline)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.annotators)
        column.addLayout(grid)

        self.pairs = FiguresModel([self.tr("Annotator A"), self.tr("Annotator B"), self.tr("Documents"),
                                   self.tr("F1 exact"), self.tr("F1 overlap"), self.tr("Cohen's κ")], self)
        self.pairs_table = _table(self.pairs)
        self.heat_map = ConfusionHeatMap()
        self.bars = LabelBars()
        self.values = FiguresModel([self.tr("Attribute"), self.tr("Compared"), self.tr("Agreement"),
                                    self.tr("Cohen's κ")], self)
        self.values_table = _table(self.values)
        self.values_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.values_table.horizontalHeader().setStretchLastSection(False)
        self.values_note = plain_label()
        self.values_note.setWordWrap(True)
        values_page = QWidget()
        values_column = QVBoxLayout(values_page)
        values_column.addWidget(self.values_note, 0, Qt.AlignmentFlag.AlignTop)
        values_column.addWidget(self.values_table, 1)
        self.disputed = FiguresModel([self.tr("Document"), self.tr("F1 overlap"), self.tr("Annotators")], self)
        self.disputed_table = _table(self.disputed)
        self.disputed_table.activated.connect(self._open_disputed)  # double-click or Enter
        self.disputed_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.disputed_table.horizontalHeader().setStretchLastSection(False)
        self.progress = FiguresModel([self.tr("Set"), self.tr("Documents"), self.tr("Done"), self.tr("In progress"),
                                      self.tr("New"), self.tr("Skipped"), self.tr("Progress")], self)
        self.progress_table = _table(self.progress)
        self.progress_table.setItemDelegateForColumn(6, ProgressDelegate(self.progress_table))
        self.progress_table.horizontalHeader().setMinimumSectionSize(60)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.pairs_table, self.tr("&Pairs"))
        self.tabs.addTab(_scrolled(self.heat_map), self.tr("&Confusion"))
        self.tabs.addTab(_scrolled(self.bars), self.tr("&Labels"))
        self.tabs.addTab(values_page, self.tr("&Attributes"))
        self.tabs.addTab(self.disputed_table, self.tr("&Disputed documents"))
        self.tabs.addTab(self.progress_table, self.tr("Pro&gress"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.headline)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    # -- following the window -------------------------------------------------------------

    def _follow_workspace(self) -> None:
        """Hear the Changes of the window's workspace (a new one comes with another project or
        another working set)."""
        workspace = self.main_window.workspace
        if workspace is not self._workspace:
            self._unsubscribe()
            self._workspace = workspace
            self._unsubscribe = workspace.subscribe(self._heard)

    def follow_project(self) -> None:
        """The window shows another project now: the figures shown were the old one's."""
        self._follow_workspace()
        if self.task is not None:
            self.task.stop()  # its figures are the old project's; nothing is shown from it
        self.result = None
        self._show_result()
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _heard(self, change: Change) -> None:
        # Every action of the window comes here: O(1), no reading. Only a document's status or
        # a project-wide change of spans moves the figures enough to recompute.
        if change.status is not None or change.documents:
            self.sets_changed()

    def sets_changed(self) -> None:
        """Sets changed in the store behind the workspace (a merge): recompute in a moment if
        shown, else when next shown."""
        self._follow_workspace()
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def hideEvent(self, event) -> None:  # noqa: N802
        self._timer.stop()
        super().hideEvent(event)

    # -- computing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Compute the figures again in a worker (once more after the running one, if any)."""
        self._follow_workspace()
        window = self.main_window
        if self.task is not None:
            self._again = True
            return
        if window.project.closed or window.busy:
            # An import owns the window now; try again when it is over, if still shown.
            self._stale = True
            if self.isVisible():
                self._timer.start()
            return
        self._stale = False
        task = AgreementTask(window.project.path)
        task.computed.connect(self._computed)
        task.finished.connect(self._task_over)
        self.task = task
        self._set_computing(True)
        task.start()

    def _task_over(self) -> None:
        self.task = None
        self._set_computing(False)
        if self._again:
            self._again = False
            self.refresh()

    def _computed(self, result: AgreementResult) -> None:
        if self.sender() is not self.task:
            return  # a stopped task's (another project's) figures
        self.result = result
        self.computed += 1
        self._show_result()

    def _set_computing(self, on: bool) -> None:
        self.busy_bar.setVisible(on)
        self.busy_label.setVisible(on)

    # -- showing ------------------------------------------------------------------------------

    def _show_result(self) -> None:
        result = self.result
        report = result.report if result is not None else None
        self.progress.set_rows(self._progress_rows(result.summary if result else []))
        layers = list(report.layers) if report is not None and report.documents else []
        titles = self._titles()
        self.layer_combo.blockSignals(True)
        chosen = self.layer_combo.currentData()
        self.layer_combo.clear()
        for name in layers:
            self.layer_combo.addItem(neutralised(titles.get(name, name)), name)
        if chosen in layers:
            self.layer_combo.setCurrentIndex(layers.index(chosen))
        self.layer_combo.blockSignals(False)
        several = len(layers) > 1
        self.layer_label.setVisible(several)
        self.layer_combo.setVisible(several)
        if result is not None and result.error:
            self._say(self.tr("The figures could not be computed: {reason}").format(reason=messages.text(result.error)))
        elif result is None:
            self._say(self.tr("Computing the figures…"))
        elif not layers:
            self._say(self.tr("No document has been done by two or more annotators yet, so there is nothing to "
                              "compare. Give documents to several annotators with “annotator assign --overlap”, "
                              "then merge their packages back with “annotator merge”. Each set's progress is below."))
        else:
            self.message.hide()
            self.headline.show()
            for tab in range(PROGRESS):
                self.tabs.setTabEnabled(tab, True)
        self._show_layer()

    def _say(self, text: str) -> None:
        """No agreement figures: the reason instead, and only the progress tab."""
        self.message.setText(text)
        self.message.show()
        self.headline.hide()
        for tab in range(PROGRESS):
            self.tabs.setTabEnabled(tab, False)
        self.tabs.setCurrentIndex(PROGRESS)

    def _show_layer(self) -> None:
        report = self.result.report if self.result is not None else None
        name = self.layer_combo.currentData()
        layer = report.layers.get(name) if report is not None and name is not None else None
        if layer is None:
            self.pairs.set_rows([])
            self.heat_map.set_confusion({})
            self.bars.set_labels({})
            self.disputed.set_rows([])
            self._show_values(None)
            return
        self.annotators.setText(self.tr("Annotators: {names}").format(
            names=display_names.listed(neutralised(a, limit=40) for a in report.annotators)))
        values = {"f1_exact": figure(layer.f1_exact), "f1_overlap": figure(layer.f1_overlap),
                  "fleiss_kappa": self.tr("{kappa} (on the %n documents every annotator did)", "",
                                          layer.fleiss_documents).format(kappa=figure(layer.fleiss_kappa)),
                  "krippendorff_alpha": figure(layer.krippendorff_alpha),
                  "documents": str(report.documents), "tokens": str(layer.tokens)}
        for key, text in values.items():
            self.figures[key].setText(text)
        self.pairs.set_rows([(p.a, p.b, p.documents, p.f1_exact, p.f1_overlap, p.kappa) for p in layer.pairs],
                            floats=(3, 4, 5))
        titles = self._titles()
        self.heat_map.set_confusion(layer.confusion, titles)
        self.bars.set_labels(layer.labels, titles)
        self._show_values(layer)
        titles = self.result.titles
        self.disputed.set_rows([(titles.get(d.id) or d.id, d.f1_overlap, display_names.listed(d.annotators))
                                for d in report.most_disagreement],
                               keys=[d.id for d in report.most_disagreement], floats=(1,))

    def _show_values(self, layer) -> None:
        """Per attribute of the layer's matched spans (and the claimant of matched claims): how
        many pairs of values were compared, the share that agree and Cohen's kappa."""
        rows = [(name, value.compared, value.percent, value.kappa) for name, value in (layer.attributes.items()
                                                                                     if layer else ())]
        if layer is not None and layer.claimants.compared:
            claimants = layer.claimants
            rows.append((self.tr("Claimant"), claimants.compared, claimants.percent,
                         claimants.kappa))
        schema = self._schema()
        language = display_names.ui_language()  # raw titles: the model neutralises what it shows
        shown = {a.name: a.shown(language) for a in schema.attributes(self.layer_combo.currentData())} \
            if schema is not None and layer is not None else {}
        self.values.set_rows(rows, floats=(3,), percents=(2,), titles={0: shown})
        if rows:
            self.values_note.setText(self.tr("Compared on the spans two annotators both marked with the same "
                                             "boundaries or overlapping, pair by pair."))
        else:
            self.values_note.setText(self.tr("No matched span of this layer carries an attribute or a claimant "
                                             "to compare."))
        self.values_table.setVisible(bool(rows))

    def _schema(self):
        project = getattr(self.main_window, "project", None)
        return project.schema if project is not None and not project.closed else None

    def _titles(self) -> dict[str, str]:
        """Layer and label names -> display names in the window's language (the report keeps
        the identifiers, as the CLI's JSON does)."""
        schema = self._schema()
        return dict(display_names.schema_titles(schema)) if schema is not None else {}

    def _progress_rows(self, summary: list[dict]) -> list[tuple]:
        rows = []
        for entry in summary:
            by = entry["by_status"]
            name = entry["set"]
            shown = self.tr("{name} (adjudicated)").format(name=name) if name == GOLD else name
            rows.append((shown, entry["documents"], by.get("done", 0), by.get("in_progress", 0), by.get("new", 0),
                         by.get("skipped", 0), (by.get("done", 0), by.get("in_progress", 0), entry["documents"])))
        return rows

    def _open_disputed(self, index) -> None:
        window = self.main_window
        if not index.isValid() or window.busy or window.project.closed:
            return
        window.open_document(self.disputed.keys[index.row()])
        window.activateWindow()


__all__ = ["AgreementView", "REFRESH_DELAY_MS", "show_agreement"]
