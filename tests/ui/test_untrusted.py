"""Untrusted text is never rendered as rich text (DESIGN.md: article text, titles, meta, label
names, entity names and file names are shown literally).

One project carries markup everywhere it can: the article text, its title and meta, a label named
with tags (import adds labels it meets; the TOML rules forbid such names, import does not), label
guidelines and attribute descriptions, canonical entity names and aliases, span texts, a claim
note, folder and file names. The real window then opens every panel and dialog that can show
them, and the tests check what Qt would display:

- every QLabel holding text is Qt.PlainText (and, where it has a text document, renders its text);
- every tooltip is either plain (Qt.mightBeRichText false) or exactly the escaped form of what it
  displays, and the tooltips built from untrusted text display that text;
- item views hold the raw strings and draw them with the stock (plain) delegate;
- message boxes are plain text;
- nothing is fetched: the <img src> URLs point at a local TCP listener that must see no connection.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog, QHeaderView, QLabel,
                               QListWidget, QMessageBox, QWidget)

from annotator.core.display import neutralised
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.workspace import Workspace
from annotator.ui import errors, main_window
from annotator.ui.claim_panel import ClaimPanel, item_text
from annotator.ui.dialogs import ShortcutsDialog
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.entity_browser import EntityEditDialog
from annotator.ui.entity_picker import EntityChooser, EntityPicker
from annotator.ui.models import RLM
from annotator.ui.plain import tooltip_text
from tests.ui.conftest import NEWS

# A file or folder name cannot hold "/": markup without closing tags.
FILE_EVIL = "<b>bold<b> &amp; <a href=x>link<a> <img src=x>"
LABEL = "<b>TAG</b>&amp;"  # a label name met on import
PLAIN_DELEGATES = {"QStyledItemDelegate", "QItemDelegate", "QComboBoxDelegate", "QComboMenuDelegate"}


def evil(port: int) -> str:
    # A complete tag comes first: a text cut at 30 characters (undo texts) still holds one.
    return f'<b>bold</b> &amp; <a href=x>link</a> <img src="http://127.0.0.1:{port}/x">'


# -- what Qt displays -----------------------------------------------------------------------


def displayed(tooltip: str) -> str:
    """What a tooltip shows: Qt renders it as HTML when it might be rich text (first line)."""
    if not Qt.mightBeRichText(tooltip):
        return tooltip
    doc = QTextDocument()
    doc.setHtml(tooltip)
    return doc.toPlainText()


def html_shows(tooltip: str) -> str:
    doc = QTextDocument()
    doc.setHtml(tooltip)
    return doc.toPlainText()


def assert_literal_tooltip(tooltip: str, where: str) -> None:
    """Plain, or rich text that is exactly the escaped form of what it shows."""
    if tooltip and Qt.mightBeRichText(tooltip):
        assert tooltip_text(displayed(tooltip)) == tooltip, f"{where}: tooltip is interpreted: {tooltip!r}"


def assert_plain_label(label: QLabel) -> None:
    if not label.text():
        return
    assert label.textFormat() == Qt.TextFormat.PlainText, (
        f"{type(label).__name__} {label.objectName()!r} uses {label.textFormat()}: {label.text()!r}")
    if label.isVisible():
        QApplication.processEvents()
        for doc in label.findChildren(QTextDocument):  # a selectable label keeps a text document
            if doc.toPlainText():
                assert doc.toPlainText() == label.text()


def widgets_of(roots) -> list[QWidget]:
    found: list[QWidget] = []
    for root in roots:
        found += [root, *root.findChildren(QWidget)]
    return list({id(w): w for w in found}.values())


def check_everything(roots) -> dict[str, int]:
    """The generic rules over every widget below `roots`; returns what was checked."""
    counts = {"labels": 0, "tooltips": 0, "views": 0, "cells": 0}
    for widget in widgets_of(roots):
        if isinstance(widget, QLabel) and widget.text():
            assert_plain_label(widget)
            counts["labels"] += 1
        if isinstance(widget, QMessageBox):
            assert widget.textFormat() == Qt.TextFormat.PlainText, widget.text()
        if widget.toolTip():
            assert_literal_tooltip(widget.toolTip(), f"{type(widget).__name__} {widget.objectName()!r}")
            counts["tooltips"] += 1
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            counts["views"] += 1
            delegate = widget.itemDelegate().metaObject().className()
            assert delegate in PLAIN_DELEGATES, f"{type(widget).__name__} draws items with {delegate}"
            model = widget.model()
            if model is None:
                continue
            column = 0
            while model.hasIndex(0, column) or column == 0:  # list models hide columnCount()
                assert widget.itemDelegateForColumn(column) is None
                row = 0
                while row < 200 and model.hasIndex(row, column):
                    tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
                    if isinstance(tip, str):
                        assert_literal_tooltip(tip, f"{type(widget).__name__} cell {row},{column}")
                    counts["cells"] += 1
                    row += 1
                column += 1
    return counts


# -- the local listener the <img> URLs point at ---------------------------------------------


@pytest.fixture
def listener():
    """(port, connections): a TCP server on 127.0.0.1 counting every connection it accepts."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.05)
    connections: list[float] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connections.append(time.monotonic())
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    port = server.getsockname()[1]
    socket.create_connection(("127.0.0.1", port), timeout=2).close()  # the counter itself works
    deadline = time.monotonic() + 5
    while not connections and time.monotonic() < deadline:
        time.sleep(0.01)
    assert connections, "the listener did not count a test connection"
    connections.clear()
    yield port, connections
    stop.set()
    thread.join(5)
    server.close()


# -- the project ----------------------------------------------------------------------------


class Evil:
    """The project with markup everywhere, and what it holds."""

    def __init__(self, tmp_path: Path, port: int):
        self.port = port
        self.text_markup = text_markup = evil(port)
        self.folder = tmp_path / FILE_EVIL
        self.folder.mkdir()
        self.path = self.folder / f"{FILE_EVIL}.annotator"
        self.title = f"عنوان {text_markup}"
        self.who_name = f"كيم {text_markup}"
        self.who_aliases = [f"Kim {text_markup}", "&amp; <i>K</i>"]
        self.other_name = f"شويغو {text_markup}"
        self.note = f"ملاحظة {text_markup}\nسطر <b>ثان</b>"
        lines = [f"قال المتحدث {text_markup} إن الوضع مستقر.",
                 f"وأكد كيم {text_markup} أن الاجتماع سيعقد غدا.",
                 f"وقال شويغو {text_markup} إنه سيزور بيونغ يانغ."]
        self.text = "\n".join(lines)
        self.line = [self.text.index(line) for line in lines]

        schema = replace(NEWS, layers=tuple(
            replace(layer,
                    labels=tuple(replace(lab, guideline=f"{lab.guideline} {text_markup}") for lab in layer.labels),
                    attributes=tuple(replace(a, description=f"{a.description} {text_markup}")
                                     for a in layer.attributes))
            for layer in NEWS.layers))
        native = self.folder / f"{FILE_EVIL}.jsonl"
        # Import now refuses label names outside the schema's naming rule (like LABEL), so the
        # record carries none; the label checks below drop out (has_label is False).
        record = {"id": "doc-1", "text": self.text,
                  "meta": {"title": self.title, "source": text_markup, "url": f"http://127.0.0.1:{port}/meta",
                           "file": FILE_EVIL},
                  "spans": []}
        native.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
        plain = self.folder / f"{FILE_EVIL}.txt"
        plain.write_text(f"{FILE_EVIL}\nنص ثان", "utf-8")
        self.bad = self.folder / f"{FILE_EVIL} bad.jsonl"
        self.bad.write_text("<b>not json</b>\n", "utf-8")

        with Project.create(self.path, schema) as project:
            report = import_paths(project, [native, plain])
            assert report.documents == 2 and not report.rejected, report.rejected
            # Import takes any label name; should it ever refuse these, the label checks drop out.
            self.has_label = project.schema.label(LABEL) is not None
            ws = Workspace(project, "<b>amal</b>")  # the set the window (line 270) works in
            ws.open_document("doc-1")
            ws.finish_loading()
            who = self.add(ws, self.who_name, "PERSON", 1)
            other = self.add(ws, self.other_name, "PERSON", 2)
            self.who_entity = ws.link_new_entity(who.id, self.who_name).span.entity.id
            ws.edit_entity(self.who_entity, aliases=self.who_aliases)
            self.other_entity = ws.link_new_entity(other.id, self.other_name).span.entity.id
            ws.edit_entity(self.other_entity, aliases=[f"Shoigu {text_markup}"])
            claim = ws.add_span(self.line[1], self.line[1] + len(lines[1]), "CLAIM").span
            ws.set_claimant(claim.id, who.id)
            cue = self.text.index(text_markup, self.line[1])
            ws.set_attribute(claim.id, "cue", (cue, cue + len(text_markup)))
            ws.set_attribute(claim.id, "note", self.note)
            ws.set_attribute(claim.id, "stance", "deny")
            self.who, self.claim = who.id, claim.id
            self.cue_text = text_markup

    def add(self, ws: Workspace, text: str, label: str, line: int):
        start = self.text.index(text, self.line[line])
        return ws.add_span(start, start + len(text), label).span


@pytest.fixture
def recorded(monkeypatch):
    """Modal dialogs are shown (not run) and recorded: exec() would block an offscreen test."""
    shown: list[QDialog] = []

    def fake_exec(self) -> int:
        self.show()
        QApplication.processEvents()
        shown.append(self)
        return 0  # Rejected; for a question: not Yes

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def of_type(shown, kind):
    return [d for d in shown if type(d) is kind]


def build_everything(qtbot, tmp_path, port, open_window, dialogs, recorded):
    """The window on the evil project with every panel and dialog open: (window, evil, boxes)."""
    project = Evil(tmp_path, port)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("recent", [str(project.folder / f"{FILE_EVIL} older.annotator")])
    settings.sync()
    del settings
    window = open_window(project.path, "<b>amal</b>")
    window.open_document("doc-1")
    window._finish_loading()
    qtbot.waitUntil(lambda: window.view.highlighting_done(), timeout=3000)

    # An action taken in the window: the undo button's tooltip quotes the span text.
    start = project.text.index(project.text_markup)
    window.view.select_range(start, start + len(project.text_markup))
    window.apply_label("ORG")
    QApplication.processEvents()

    # Entity picker on the claimant span (what K opens).
    window.view.select_span(project.who)
    window.link_entity()
    # Entity browser: rename dialog, merge-into chooser, merge question.
    browser = window.entity_browser
    browser.refresh()
    browser.select([project.who_entity])
    browser.rename_selected()
    browser.merge_into()
    browser.select([project.who_entity, project.other_entity])
    browser.merge_selected()
    # A rename (new aliases) reports the name in the status bar.
    browser.rename(project.other_entity, project.other_name, [f"Shoigu {project.text_markup}", "<i>S</i>"])
    project.status_message = window.message_label.text()
    # The question before deleting a claimant quotes the claim.
    window.view.select_span(project.who)
    window.delete_selected()
    # The project is in use (this window holds it): the question quotes the path.
    assert main_window.open_with_fallback(project.path, window) is None
    # Span list and claim panel, the claim selected (last: the actions above select others).
    row = window.span_model.row_of(project.claim)
    window._span_chosen(window.span_model.index(row, 0))
    assert window.claim_panel.span_id == project.claim

    # Shortcuts (label names), export (paths).
    window.show_shortcuts()
    window.export_dialog()
    # Errors: an import naming a bad file, a project that does not exist.
    window.import_paths([project.bad])
    window.switch_project(project.folder / f"{FILE_EVIL} gone.annotator")
    boxes = []
    for parent, title, text, details in dialogs:
        box = errors.build_message_box(parent, title, text, details)
        qtbot.addWidget(box)
        box.show()
        boxes.append((box, text))
    QApplication.processEvents()
    return window, project, boxes


@pytest.fixture
def everything(qtbot, tmp_path, listener, open_window, dialogs, recorded):
    port, connections = listener
    window, project, boxes = build_everything(qtbot, tmp_path, port, open_window, dialogs, recorded)
    yield window, project, boxes, recorded, connections
    for dialog in recorded:
        dialog.close()


# -- the tests ------------------------------------------------------------------------------


def test_no_label_in_a_fully_built_window_uses_rich_text(qtbot, everything):
    """Generic: every QLabel holding text, in the window and every dialog it opened, is plain;
    every tooltip and item view shows its text literally."""
    window, _, boxes, recorded, _ = everything
    roots = [window, *recorded, *(box for box, _ in boxes)]
    counts = check_everything(roots)
    assert counts["labels"] >= 20 and counts["views"] >= 5 and counts["tooltips"] >= 10, counts
    # Anything else on screen (a stray top-level window) follows the same rule.
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            for label in [widget, *widget.findChildren(QLabel)]:
                if isinstance(label, QLabel):
                    assert_plain_label(label)


def test_every_panel_and_dialog_shows_untrusted_text_literally(qtbot, everything):
    window, project, boxes, recorded, connections = everything
    markup = project.text_markup

    # Window title and recent projects: plain by nature (titles and menus are never rich text),
    # and literal ("&" doubled so it is no mnemonic); menu tooltips are not shown.
    # Title "<document> — <project> — annotator", each part neutralised.
    assert window.windowTitle() == f"{neutralised(project.title)} — {neutralised(FILE_EVIL)} — annotator"
    recent = [a.text() for a in window.recent_menu.actions()]
    assert str(project.path).replace("&", "&&") in recent
    assert str(project.folder / f"{FILE_EVIL} older.annotator").replace("&", "&&") in recent
    assert not window.recent_menu.toolTipsVisible()

    # The article: the view holds the raw text, no markup interpreted (no image placeholder).
    assert window.view.document().toRawText().replace("\u2029", "\n") == project.text
    assert "\ufffc" not in window.view.toPlainText()

    # Document list: titles shown literally (neutralised); the tooltip is the whole title, escaped.
    titles = [window.doc_filter.index(r, 0).data() for r in range(window.doc_filter.rowCount())]
    assert neutralised(project.title) in titles and neutralised(FILE_EVIL) in titles
    tips = [window.doc_filter.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(window.doc_filter.rowCount())]
    assert all(tip and html_shows(tip).replace(RLM, "") in titles for tip in tips)

    # Span list: labels and span texts literally (neutralised); the claim's details name the
    # claimant span.
    rows = [[window.span_model.index(r, c).data() for c in range(4)] for r in range(window.span_model.rowCount())]
    assert [neutralised("PERSON"), neutralised(project.who_name)] in [r[:2] for r in rows]
    assert any(r[0] == neutralised("CLAIM") and f"claimant: {neutralised(project.who_name, limit=40)}" in r[3] for r in rows)
    if project.has_label:
        assert [neutralised(LABEL), neutralised("المتحدث")] in [r[:2] for r in rows]

    # Claim panel with the claim selected: heading, cue, note, claimant list, tooltips.
    panel: ClaimPanel = window.claim_panel
    assert panel.heading.textFormat() == Qt.TextFormat.PlainText and markup[:20] in panel.heading.text()
    fields = panel.fields()
    cue = fields["cue"].editor
    assert cue.text() == f"«{item_text(project.cue_text)}»" and cue.textFormat() == Qt.TextFormat.PlainText
    start = project.text.index(markup, project.line[1])
    assert html_shows(cue.toolTip()) == f"{project.cue_text}\n\n{start}–{start + len(markup)}"
    assert fields["note"].editor.toPlainText() == project.note
    claimant: QComboBox = fields["claimant"].editor
    assert claimant.currentText() == f"PERSON · {item_text(project.who_name)}"
    for name, field in fields.items():
        attribute = field.attribute
        tip = attribute.description
        if attribute.default is not None:
            tip = f"{tip}\n\nDefault: {attribute.default.replace('_', ' ')}".strip()
        assert html_shows(field.label.toolTip()) == tip, name

    # Label palette: button text and guideline tooltips, label names included.
    for layer in window.project.schema.layers:
        for label in layer.labels:
            button = window.palette.buttons[label.name]
            assert button.text().startswith(neutralised(label.name).replace("&", "&&"))
            expected = f"{label.name} ({layer.name})\n\n{label.guideline}".strip()
            assert html_shows(button.toolTip()) == expected and (markup in expected or LABEL in expected)
    if project.has_label:
        assert LABEL in window.palette.buttons

    # Undo button: its tooltip quotes names (the rename), as span texts ("add ORG «<b>bold…»").
    undo_text = window.workspace.history.undo_text()
    assert undo_text.startswith(f"aliases of {project.other_name}")  # the edit kept the name
    assert displayed(window.undo_action.toolTip()) == undo_text

    # Entity browser: names and aliases literally (neutralised), no tooltip.
    model = window.entity_browser.model
    names = {model.index(r, 0).data(): model.index(r, 4).data() for r in range(model.rowCount())}
    assert names[neutralised(project.who_name)] == ", ".join(neutralised(a) for a in project.who_aliases)
    assert neutralised(project.other_name) in names
    # A name's tooltip shows exactly the name as listed (escaped); no other cell has one.
    assert all(html_shows(model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)).replace(RLM, "")
               == model.index(r, 0).data() for r in range(model.rowCount()))
    assert all(model.index(r, c).data(Qt.ItemDataRole.ToolTipRole) is None
               for r in range(model.rowCount()) for c in range(1, 5))

    # Entity picker (link) and chooser (merge into): plain prompt, raw rows, escaped tooltips.
    picker = of_type(recorded, EntityPicker)[0]
    assert picker.prompt.textFormat() == Qt.TextFormat.PlainText and project.who_name in picker.prompt.text()
    chooser = of_type(recorded, EntityChooser)[0]
    assert project.who_name in chooser.prompt.text()
    for ranked in (picker, chooser):
        items = [ranked.list.item(i) for i in range(ranked.list.count())]
        entities = [(i, i.data(Qt.ItemDataRole.UserRole)) for i in items if i.data(Qt.ItemDataRole.UserRole)]
        assert entities
        for item, entity in entities:
            assert item.text().startswith(f"{neutralised(entity.name)} · {neutralised(entity.type)}")
            assert html_shows(item.toolTip()) == "\n".join([entity.name, *entity.aliases])
    assert any(item.data(Qt.ItemDataRole.UserRole) is None and markup in item.text()
               for item in (picker.list.item(i) for i in range(picker.list.count())))  # "create" row

    # Rename dialog: name and aliases in plain editors.
    edit = of_type(recorded, EntityEditDialog)[0]
    assert edit.name.text() == project.who_name
    assert edit.aliases.toPlainText() == "\n".join(project.who_aliases)

    # Questions (merge, delete a claimant, project in use): plain message boxes quoting the text.
    questions = [d.text() for d in of_type(recorded, QMessageBox)]
    assert len(questions) == 3
    assert all(d.textFormat() == Qt.TextFormat.PlainText for d in of_type(recorded, QMessageBox))
    assert any(project.who_name in q and project.other_name in q for q in questions)
    assert any(q.startswith("This span is the claimant") and markup[:30] in q for q in questions)
    assert any(str(project.path) in q for q in questions)

    # Shortcuts (label names) and export (paths): plain items and line edits.
    shortcuts = of_type(recorded, ShortcutsDialog)[0]
    actions = [shortcuts.table.item(r, 1).text() for r in range(shortcuts.table.rowCount())]
    assert any(a.endswith(" PERSON") for a in actions)
    export = of_type(recorded, ExportDialog)[0]
    assert export.path.text().startswith(str(project.folder))

    # Error dialogs (through errors.DIALOG): plain, the file names literal.
    texts = [text for _, text in boxes]
    assert any(f"{project.bad}:1: invalid JSON" in t for t in texts)
    assert any(f"{FILE_EVIL} gone.annotator" in t for t in texts)
    for box, text in boxes:
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert box.textFormat() == Qt.TextFormat.PlainText and label.text() == text
        assert_plain_label(label)

    # Status bar: messages quote names.
    assert window.message_label.textFormat() == Qt.TextFormat.PlainText
    assert project.status_message == errors.visible(f"Renamed to {project.other_name}")

    # Nothing was fetched, even after everything has been painted.
    for _ in range(5):
        for widget in widgets_of([window, *recorded]):
            if widget.isVisible():
                widget.repaint()
        QApplication.processEvents()
        time.sleep(0.02)
    assert connections == []


def test_tooltips_of_untrusted_text_render_literally(qtbot):
    for text in ['<img src="http://127.0.0.1:9/x">', "<b>bold</b>", "&amp;", "<a href=x>link</a>",
                 "a < b > c", "سطر\n\n<i>آخر</i>", "&lt;b&gt;", "<qt>x</qt>", "\"quoted\" 'x'"]:
        tip = tooltip_text(text)
        assert html_shows(tip) == text and displayed(tip) == text
        assert_literal_tooltip(tip, text)
    assert tooltip_text("") == ""


def test_the_checks_catch_rich_text(qtbot):
    """The generic rules fail on what they must catch (a check that never fails proves nothing)."""
    rich = QLabel("<b>bold</b>")
    qtbot.addWidget(rich)
    with pytest.raises(AssertionError):
        check_everything([rich])
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setToolTip("add «<b>bold</b> &amp; x»")
    with pytest.raises(AssertionError):
        check_everything([widget])
    listing = QListWidget()
    qtbot.addWidget(listing)
    listing.addItem("x")
    listing.item(0).setToolTip("<b>x</b>")
    with pytest.raises(AssertionError):
        check_everything([listing])
