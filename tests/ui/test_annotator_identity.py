"""Who is annotating (issue 12): the name asked once at first run and remembered, shown in the
status bar, switched by File > Annotate as…, fixed in a package file; another annotator's set
shown read-only through View > Show set. What is stored is read back with plain sqlite3."""

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from annotator.core.model import Span
from annotator.store import Project
from annotator.team.assign import assign
from annotator.store.workspace import AnnotationError
from annotator.ui import annotator_name, app, messages
from annotator.ui.annotator_name import NameDialog
from tests.ui.conftest import make_project

SHOTS = Path("/tmp/shots")
OWN = "بيلوسوف"  # amal's span in the first document
THEIRS = ("روسيا", "كوريا")  # salma's spans in it
SECOND = "شويغو"  # amal's span in the second


def stored(path, *columns):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT {', '.join(columns)} FROM spans ORDER BY start").fetchall()
    finally:
        conn.close()


def settings_in(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "first-run.ini"), QSettings.Format.IniFormat)


def type_into(qtbot, line, text):
    """Replace the line's text as typing does (QTest has no key for Arabic letters: those are
    inserted as an input method commits them)."""
    line.selectAll()
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:
        line.insert(text)


def answer_name(qtbot, text: str | None, then: str | None = None):
    """Answer the next name dialog through its widgets: type `text` and press OK (None: Cancel).
    With `then`, the first answer is expected to be refused and `then` typed next. Returns
    the refusal sentences seen."""
    seen = []

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NameDialog):
            QTimer.singleShot(20, fill)
            return
        buttons = dialog.buttons
        if text is None:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
            return
        type_into(qtbot, dialog.name, text)
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if then is not None:
            assert dialog.isVisible()  # refused: the dialog stays, saying why
            seen.append(dialog.error.text())
            type_into(qtbot, dialog.name, then)
            shot(dialog, "first_run_arabic")
            buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    return seen


def word(doc_text, text):
    start = doc_text.index(text)
    return start, start + len(text)


def team_project(tmp_path):
    """The demo with salma's set (two spans, done) and amal's (one span) in its first document;
    its second document has amal's set only."""
    from annotator import SEEDS

    path = make_project(tmp_path / "team.annotator", [SEEDS])
    with Project.open(path) as project:
        first, second = (row[0] for row in project.document_rows()[:2])
        doc = project.get_document(first)
        spans = []
        for i, text in enumerate(THEIRS):
            start, end = word(doc.text, text)
            spans.append(Span(f"s{i}", start, end, text, "entity", "GPE" if i == 0 else "PERSON", annotator="salma"))
        project.replace_set(first, "salma", spans, [], "done")
        start, end = word(doc.text, OWN)
        project.replace_set(first, "amal", [Span("a0", start, end, OWN, "entity", "PERSON", annotator="amal")], [])
        other = project.get_document(second)
        start, end = word(other.text, SECOND)
        project.replace_set(second, "amal", [Span("a1", start, end, SECOND, "entity", "PERSON", annotator="amal")],
                            [])
    return path, first, second


def set_menu_actions(window):
    window.set_menu.aboutToShow.emit()  # as when the analyst opens View > Show set
    return {a.text(): a for a in window.set_menu.actions() if a.text()}


def shown_texts(window):
    model = window.span_model
    return sorted(model.spans[r].text for r in range(model.rowCount()))


def shot(widget, name):
    SHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()  # the status bar's layout and the after-frame updates first
    widget.grab().save(str(SHOTS / f"identity_{name}.png"))


# -- first run ------------------------------------------------------------------------------

def test_first_run_asks_once_refuses_empty_and_gold_and_remembers(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(annotator_name, "os_user", lambda: "osuser")
    monkeypatch.setattr(app, "os_user", lambda: "osuser")
    settings = settings_in(tmp_path)
    refusals = answer_name(qtbot, "gold", then="  سلمى  ")
    assert app.who_annotates(settings, None, None, interactive=True) == "سلمى"
    assert "adjudicated" in refusals[0]
    assert QSettings(settings.fileName(), QSettings.Format.IniFormat).value("annotator/name") == "سلمى"
    # Remembered: not asked again (no dialog is answered; one would block the test).
    assert app.who_annotates(settings, None, None, interactive=True) == "سلمى"


def test_first_run_dialog_is_prefilled_and_refuses_an_empty_name(qtbot, monkeypatch):
    dialog = NameDialog("osuser")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == "osuser"
    dialog.name.clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.error.isVisible() and "Type your name" in dialog.error.text()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    shot(dialog, "first_run_refused")


def test_first_run_not_asked_when_given_in_a_package_offscreen_or_cancelled(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "os_user", lambda: "osuser")
    settings = settings_in(tmp_path)
    # Given (--annotator or $ANNOTATOR_NAME), a package file, offscreen: no dialog, nothing kept.
    assert app.who_annotates(settings, "badr", None, interactive=True) == "badr"
    assert app.who_annotates(settings, None, "salma", interactive=True) == "osuser"
    assert app.who_annotates(settings, None, None, interactive=False) == "osuser"
    assert settings.value("annotator/name") is None
    answer_name(qtbot, None)  # cancelled: starts as the OS user, asked again next time
    assert app.who_annotates(settings, None, None, interactive=True) == "osuser"
    assert settings.value("annotator/name") is None


def test_cli_gui_passes_no_name_unless_given(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from annotator import cli as cli_module
    import annotator.ui.platform_check as platform_check

    project = tmp_path / "p.annotator"
    CliRunner().invoke(cli_module.cli, ["init", str(project)])
    received = []
    monkeypatch.setattr(platform_check, "diagnose", lambda env=None: None)
    monkeypatch.setattr(app, "run", lambda path, name: received.append(name) or 0)
    monkeypatch.delenv("ANNOTATOR_NAME", raising=False)
    CliRunner().invoke(cli_module.cli, ["gui", str(project)])
    CliRunner().invoke(cli_module.cli, ["gui", str(project), "--annotator", "badr"])
    CliRunner().invoke(cli_module.cli, ["gui", str(project)], env={"ANNOTATOR_NAME": "lead"})
    assert received == [None, "badr", "lead"]


# -- the window -----------------------------------------------------------------------------

def test_status_bar_says_who_annotates_neutralised(qtbot, tmp_path, open_window):
    path, first, _ = team_project(tmp_path)
    window = open_window(path, "amal\u202e<b>x</b>")
    label = window.status.identity_label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "Annotating as \u2068amal⟦RLO⟧<b>x</b>\u2069"
    assert not window.status.viewing_label.isVisible()


def test_annotate_as_switches_the_set_and_new_spans_get_the_new_name(qtbot, tmp_path, open_window, monkeypatch):
    path, first, _ = team_project(tmp_path)
    window = open_window(path, "amal")
    window.open_document(first)
    window._finish_loading()
    assert shown_texts(window) == [OWN]
    window.view.select_range(*word(window.view.text(), "الدفاع"))
    window.apply_label("ORG")  # something to undo: its history is dropped by the switch
    assert window.workspace.history.undo_text()
    answer_name(qtbot, "salma")
    window.registry.actions["annotate_as"].trigger()
    assert window.annotator == "salma" and window.own_annotator == "salma"
    assert window.workspace.history.undo_text() is None
    assert "undo history of amal was dropped" in window.message_label.text()
    assert window.status.identity_label.text() == "Annotating as \u2068salma\u2069"
    window._finish_loading()
    assert shown_texts(window) == sorted(THEIRS)  # salma's set now, amal's not shown
    window.view.setFocus()
    window.view.select_range(*word(window.view.text(), "الشمالية"))
    qtbot.keyClick(window.view, "l")  # LOC
    assert ("الشمالية", "LOC", "salma") in stored(path, "text", "label", "annotator")
    assert ("الدفاع", "ORG", "amal") in stored(path, "text", "label", "annotator")
    assert window.settings.value("annotator/name") == "salma"
    shot(window, "annotate_as")


def test_another_set_is_shown_read_only_and_my_set_returns(qtbot, tmp_path, open_window):
    path, first, second = team_project(tmp_path)
    window = open_window(path, "amal")
    window.open_document(first)
    window._finish_loading()
    actions = set_menu_actions(window)
    assert actions["My set (\u2068amal\u2069) · new"].isChecked()
    actions["\u2068salma\u2069 · done"].trigger()
    window._finish_loading()
    assert window.workspace.viewing == "salma"
    assert shown_texts(window) == sorted(THEIRS)
    viewing = window.status.viewing_label
    assert viewing.isVisible() and viewing.text() == "Showing \u2068salma\u2069's set (read-only)"
    shot(window, "showing_salma")
    before = stored(path, "id", "label", "annotator")
    window.view.setFocus()
    window.view.select_range(*word(window.view.text(), "الدفاع"))
    qtbot.keyClick(window.view, "p")  # a label key: refused
    window.view.select_span("s0")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert stored(path, "id", "label", "annotator") == before
    assert "the set of salma is shown read-only" in window.message_label.text()
    with pytest.raises(AnnotationError) as refused:
        window.workspace.set_status("done")
    # Its sentence is the one messages.py translates (a template filled with its params).
    assert messages.TEMPLATES[("rule", refused.value.code)][0].format(**refused.value.params) == str(refused.value)
    assert set_menu_actions(window)["\u2068salma\u2069 · done"].isChecked()
    # Another document without salma's set: back to amal's own, said.
    window.open_document(second)
    assert window.workspace.viewing is None and not viewing.isVisible()
    assert "no set of salma: showing your own set" in window.message_label.text()
    # The first again, salma's set again, then My set.
    window.open_document(first)
    set_menu_actions(window)["\u2068salma\u2069 · done"].trigger()
    window.open_document(first)  # the same document: still salma's
    assert window.workspace.viewing == "salma"
    set_menu_actions(window)["My set (\u2068amal\u2069) · new"].trigger()
    window._finish_loading()
    assert window.workspace.viewing is None and shown_texts(window) == [OWN]
    window.view.select_range(*word(window.view.text(), "الدفاع"))
    window.apply_label("ORG")
    assert ("الدفاع", "ORG", "amal") in stored(path, "text", "label", "annotator")


def test_a_package_file_fixes_the_name(qtbot, tmp_path, open_window):
    path, first, _ = team_project(tmp_path)
    with Project.open(path) as project:
        assign(project, ["salma"], tmp_path / "out")
    window = open_window(tmp_path / "out" / "salma.annotator", "amal")
    action = window.registry.actions["annotate_as"]
    assert window.annotator == "salma" and not action.isEnabled()
    assert "package of \u2068salma\u2069" in action.toolTip()
    assert window.status.identity_label.text() == "Annotating as \u2068salma\u2069"
    window.set_chooser.annotate_as()  # a script calling it anyway: refused, said
    assert window.annotator == "salma" and "package of" in window.message_label.text()
