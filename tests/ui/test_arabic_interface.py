"""The window in Arabic: no English left, a mirrored layout, View > Language.

- The English-text test: the window runs with the shipped annotator_ar.qm; every QAction (text,
  tooltip, status tip), menu title, label, button, group box, dock title, tab, table header and
  cell, line-edit placeholder and tooltip is walked, in the window and in every dialog it opens
  through its commands (export, import and its format choice, labels, shortcuts, F1, agreement,
  merge, Annotate as…, new project and its schema choice, link to an entity, review). Any run of
  two or more Latin letters that is not data (titles, texts, names, paths) nor on the short
  allow-list below fails, each listed with where it was seen.
- The same walk in English finds hundreds of English texts: it reaches the wording.
- View > Language: switching to Arabic makes the window again on the same project, document and
  cursor, right to left with the Arabic catalogue; switching back makes it English. While an
  import runs only the choice is kept. The choice wins over the system locale.
- The docks are mirrored in Arabic (the document list right of the article).
- Icons that point are mirrored in the Arabic window; the span arrows (the article's) are not.
- The status bar's numbers and saved time follow the interface's locale (Latin digits in Arabic).
"""

from __future__ import annotations

import html
import importlib.util
import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDialog, QDockWidget,
                               QFileDialog, QGroupBox, QHeaderView, QLabel, QLineEdit, QMainWindow, QMenu,
                               QPlainTextEdit, QTabBar, QTextEdit, QWidget)

from annotator.core.display import neutralised
from annotator.io.csv_table import TEXT_COLUMNS
from annotator.store.sets import GOLD
from annotator.ui import language, language_menu
from annotator.ui.directional import MIRRORED
from annotator.ui.schema_chooser import bundled_schemas
from annotator.ui.status_bar import StatusBar

from .conftest import make_project

WORD = re.compile(r"[A-Za-z]{2,}")


def _load_update():
    """resources/translations/update.py (a script, not a module of the package)."""
    spec = importlib.util.spec_from_file_location("translations_update", language.TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _load_update()

# Latin words an Arabic interface shows on purpose, each with why. Data (titles, article texts,
# label identifiers, names, paths) is not listed: it is read from the project (_data).
ALLOWED_PHRASES = [
    "Label Studio", "WebAnno TSV3", "JSON-MIN",  # format names, several words
    "spacy train", "annotator assign",  # command lines, as typed
]
ALLOWED_WORDS = {
    # the product's name; file formats and extensions as the CLI's --format and the files name them
    "annotator", "jsonl", "ndjson", "json", "JSON", "JSONL", "conll", "CoNLL", "IOB", "BIO", "brat", "ann",
    "txt", "csv", "CSV", "tsv", "TSV", "html", "htm", "HTML", "labelstudio", "webanno", "INCEpTION", "spaCy",
    "spacy", "DocBin", "Prodigy", "doccano", "SQLite", "toml", "UTF",
    # key names as printed on the keyboard (QKeySequence's own names)
    "Ctrl", "Shift", "Alt", "Meta", "Tab", "Enter", "Return", "Esc", "Del", "Delete", "Backspace", "PgUp", "PgDown",
    "Space", "Home", "End", "Ins", "Left", "Right", "Up", "Down",
    # View > Language: each language in its own name
    "English",
}


def _data(window) -> list[str]:
    """What the window shows that is data, not wording: titles, texts, names, labels, paths."""
    project = window.project
    values = [str(project.path), str(project.path.parent), project.path.stem, window.annotator,
              window.own_annotator, project.info().get("name", "")]
    for row in project.document_rows():
        values += [str(v) for v in row if v is not None]
    for layer in project.schema.layers:
        values += [layer.name, layer.name.upper()]
        for label in layer.labels:
            values += [label.name, label.key or "", label.guideline or ""]
        for attribute in project.schema.attributes(layer.name):
            values += [attribute.name, attribute.description, *map(str, attribute.values or ())]
        values += [layer.description]
    values += [project.schema.name, project.schema.description]
    values += [e.name for e in project.entities()] + [a for e in project.entities() for a in e.aliases]
    if window.workspace.document is not None:
        values += [s.text for s in window.workspace.spans]
    values += [str(path) for path in bundled_schemas()]  # the schema chooser shows where each is
    values += [GOLD]  # the gold set's stored name, shown as every set's name is
    values += list(TEXT_COLUMNS)  # the column names a CSV's text is looked for under: identifiers
    values += [neutralised(v) for v in values] + [html.escape(v) for v in values]  # as tooltip_text escapes
    return sorted({v for v in values if v}, key=len, reverse=True)


def english_words(text: str, data: list[str]) -> list[str]:
    """The Latin words of `text` that are neither data nor allowed."""
    rest = re.sub(r"<[^>]+>", " ", text)  # tooltip_text's <qt>…<br> wrapper
    for value in data:  # whole words only: a label's key "r" is no part of "Ctrl"
        rest = re.sub(rf"(?<![A-Za-z]){re.escape(value)}(?![A-Za-z])", " ", rest)
    for phrase in ALLOWED_PHRASES:
        rest = rest.replace(phrase, " ")
    return [w for w in WORD.findall(rest) if w not in ALLOWED_WORDS and not re.fullmatch(r"F\d+", w)]


def texts_of(root: QWidget, where: str) -> list[tuple[str, str]]:
    """Every wording `root` and its children show or would show (hidden tabs and docks too)."""
    found: list[tuple[str, str]] = []

    def add(kind: str, obj, text) -> None:
        if isinstance(text, str) and text.strip():
            found.append((f"{where}: {kind} {obj.objectName() or type(obj).__name__}", text))

    for action in root.findChildren(QAction):
        if action.isSeparator():
            continue
        for kind, text in (("action", action.text()), ("action tip", action.toolTip()),
                           ("status tip", action.statusTip())):
            add(kind, action, text)
    for widget in [root, *root.findChildren(QWidget)]:
        add("tooltip", widget, widget.toolTip())
        if widget.isWindow():
            add("window title", widget, widget.windowTitle())
        if isinstance(widget, QMenu):
            add("menu", widget, widget.title())
        elif isinstance(widget, QLabel):
            add("label", widget, widget.text())
        elif isinstance(widget, QAbstractButton):
            add("button", widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add("group box", widget, widget.title())
        elif isinstance(widget, QDockWidget):
            add("dock", widget, widget.windowTitle())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add("tab", widget, widget.tabText(i))
                add("tab tip", widget, widget.tabToolTip(i))
        elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            add("placeholder", widget, widget.placeholderText())
        elif isinstance(widget, QComboBox):
            add("placeholder", widget, widget.placeholderText())
            if not widget.isEditable():
                for i in range(widget.count()):
                    add("combo item", widget, widget.itemText(i))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
            found += _model_texts(widget, where)
    return found


def _model_texts(view: QAbstractItemView, where: str) -> list[tuple[str, str]]:
    model, found = view.model(), []
    name = f"{where}: {type(view).__name__} {view.objectName()}"
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()  # a list's is private
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str) and value.strip():
                found.append((f"{name} header", value))
    for row in range(min(model.rowCount(), 60)):
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.index(row, column).data(role)
                if isinstance(value, str) and value.strip():
                    found.append((f"{name} cell", value))
    return found


def walk_modal(qtbot, trigger, where: str) -> list[tuple[str, str]]:
    """Run `trigger` (a command that opens a modal dialog), walk the dialog it opens, close it."""
    found: list[tuple[str, str]] = []
    failed: list[BaseException] = []
    tries = []

    def walk() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            tries.append(1)
            if len(tries) < 300:
                QTimer.singleShot(10, walk)
            return
        try:
            found.extend(texts_of(dialog, f"{where} ({type(dialog).__name__})"))
        except BaseException as exc:  # raised in a timer: kept, or the dialog would stay open
            failed.append(exc)
        finally:
            dialog.reject()

    QTimer.singleShot(0, walk)
    trigger()
    if failed:
        raise failed[0]
    assert found, f"{where}: no dialog opened, or it showed nothing"
    return found


@pytest.fixture
def speak(qapp):
    """speak("ar" | "en"): the application in that language; English again after the test."""
    yield lambda code: language.install_translator(qapp, language=code)
    language.install_translator(qapp, language="en")


def _tiny_jsonl(folder: Path) -> Path:
    path = folder / "one.jsonl"
    path.write_text('{"text": "نص مقال قصير جديد للاختبار", "meta": {"title": "عنوان"}}\n', encoding="utf-8")
    return path


def _first_words(text: str, count: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[\u0621-\u064A]{4,}", text)][:count]


def walk_everything(qtbot, window, tmp_path, monkeypatch, dialogs) -> list[tuple[str, str]]:
    """The window and every dialog its commands open, walked."""
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    ws = window.workspace
    (p0, p1), (c0, c1) = _first_words(ws.document.text, 2)
    person = ws.add_span(p0, p1, "PERSON").span
    claim = ws.add_span(c0, c1, "CLAIM").span
    window.view.select_span(claim.id)
    window.claim_panel.show_span(claim.id)
    actions = window.registry.actions
    texts = texts_of(window, "window")
    texts.append(("status message", window.message_label.text()))

    texts += walk_modal(qtbot, actions["shortcuts"].trigger, "F1")
    texts += walk_modal(qtbot, actions["export"].trigger, "export")
    texts += walk_modal(qtbot, actions["edit_labels"].trigger, "labels")
    texts += walk_modal(qtbot, actions["edit_shortcuts"].trigger, "shortcuts")
    texts += walk_modal(qtbot, actions["annotate_as"].trigger, "annotate as")

    asked = []  # the file dialogs' titles and filters: wording too

    def chosen(result):
        return lambda parent, title, folder, kinds, *rest: asked.append((title, kinds)) or result

    tiny = _tiny_jsonl(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", chosen(([str(tiny)], "")))
    texts += walk_modal(qtbot, actions["import"].trigger, "import format")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", chosen((str(tmp_path / "new.annotator"), "")))
    texts += walk_modal(qtbot, actions["new_project"].trigger, "new project schema")
    window.view.select_span(person.id)
    texts += walk_modal(qtbot, actions["link_entity"].trigger, "link entity")

    other = make_project(tmp_path / "other.annotator", [tiny])  # not a package of this project: refused
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", chosen(([str(other)], "")))
    actions["merge_packages"].trigger()
    texts += [("merge refused", f"{d[1]}\n{d[2]}") for d in dialogs]
    texts.append(("merge message", window.message_label.text()))
    texts += [(f"file dialog {title!r}", f"{title}\n{kinds}") for title, kinds in asked]

    report = window.import_paths([tiny])
    assert report is not None and report.documents == 1
    texts.append(("import summary", window.message_label.text()))

    actions["agreement"].trigger()
    qtbot.waitUntil(lambda: window.agreement_view is not None and window.agreement_view.isVisible())
    texts += texts_of(window.agreement_view, "agreement")
    window.agreement_view.close()

    actions["review"].trigger()
    assert window.review.active
    texts += texts_of(window.review.dock, "review")
    texts.append(("review message", window.message_label.text()))
    actions["review"].trigger()
    return texts


def problems_in(texts: list[tuple[str, str]], data: list[str]) -> list[str]:
    return [f"{where}: {text!r} ({', '.join(words)})" for where, text in texts
            if (words := english_words(text, data))]


def test_the_arabic_window_and_its_dialogs_show_no_english(qtbot, tmp_path, monkeypatch, demo_path, open_window,
                                                          dialogs, speak):
    speak("ar")
    assert language.current_language() == "ar", (
        "resources/translations/annotator_ar.qm is missing: update.py --merge-ar the translations")
    window = open_window(demo_path)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    texts = walk_everything(qtbot, window, tmp_path, monkeypatch, dialogs)
    assert len(texts) > 300, "the walk reached the window's wording"
    problems = problems_in(texts, _data(window))
    assert not problems, f"{len(problems)} English texts in the Arabic window:\n" + "\n".join(problems)


def test_the_same_walk_in_english_finds_the_english_wording(qtbot, tmp_path, monkeypatch, demo_path, open_window,
                                                           dialogs, speak):
    speak("en")
    window = open_window(demo_path)
    texts = walk_everything(qtbot, window, tmp_path, monkeypatch, dialogs)
    problems = problems_in(texts, _data(window))
    assert len(problems) > 300, problems  # the walk sees the wording: in English, all of it
    seen = "\n".join(problems)
    for where in ("window: menu", "F1 (ShortcutsDialog)", "export (ExportDialog)", "labels (LabelEditor)",
                  "shortcuts (ShortcutEditor)", "annotate as (NameDialog)", "import format (ImportFormatDialog)",
                  "new project schema (SchemaChooser)", "link entity (EntityPicker)", "agreement:", "review:",
                  "merge refused", "file dialog", "import summary", "status tip", "header", "placeholder"):
        assert where in seen, f"the walk did not reach {where}"


# -- View > Language ---------------------------------------------------------------------------


@pytest.fixture
def test_catalogue(tmp_path, monkeypatch):
    """A small Arabic catalogue (the menu bar's titles and the Language menu) in place of the
    shipped one, and the English one beside it: the switch is tested whatever the state of
    annotator_ar.ts."""
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "annotator_en.qm").write_bytes((language.TRANSLATIONS / "annotator_en.qm").read_bytes())
    arabic = {("Commands", "&File"): "&ملف", ("Commands", "&Edit"): "&تحرير", ("Commands", "&View"): "&عرض",
              ("Commands", "&Go"): "&انتقال", ("Commands", "&Help"): "&مساعدة",
              ("LanguageMenu", "La&nguage"): "&اللغة"}
    root = ET.Element("TS", version="2.1", language="ar", sourcelanguage="en")
    for (context, source), translation in arabic.items():
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context
        message = ET.SubElement(element, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = translation
    ts = folder / "annotator_ar.ts"
    update.write(ET.ElementTree(root), ts)
    update.run_lrelease(ts, folder / "annotator_ar.qm")
    monkeypatch.setattr(language, "TRANSLATIONS", folder)
    return folder


def _menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _language_action(window, code: str) -> QAction:
    [action] = [a for a in window.findChildren(QAction) if a.objectName() == f"language_{code}"]
    return action


def test_view_language_remakes_the_window_in_arabic_on_the_same_place_and_back(qtbot, demo_path, open_window,
                                                                               test_catalogue, speak):
    speak("en")
    window = open_window(demo_path)
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    assert _menu_titles(window)[:2] == ["&File", "&Edit"]
    project = window.project
    window.step(1)
    doc_id = window.workspace.document.id
    (start, end), = _first_words(window.workspace.document.text, 1)
    window.view.select_range(start, end)
    with sqlite3.connect(project.path) as conn:
        before = conn.execute("SELECT count(*) FROM spans WHERE doc_id = ?", [doc_id]).fetchone()[0]
    span = window.workspace.add_span(start, end, "PERSON").span

    _language_action(window, "ar").trigger()
    [arabic] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    qtbot.addWidget(arabic)
    assert arabic is not window and not window.isVisible()
    assert arabic.project is project and not project.closed  # the same open project, not reopened
    assert window.settings.value("language") == "ar"
    assert language.current_language() == "ar"
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert _menu_titles(arabic)[:5] == ["&ملف", "&تحرير", "&عرض", "&انتقال", "&مساعدة"]
    assert arabic.findChild(QMenu, "language_menu").title() == "&اللغة"
    assert _language_action(arabic, "ar").isChecked() and not _language_action(arabic, "en").isChecked()
    assert QLocale().language() == QLocale.Language.Arabic
    # The same document, the same cursor, the span made before the switch still there.
    assert arabic.workspace.document.id == doc_id
    cursor = arabic.view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (start, end)
    assert span.id in {s.id for s in arabic.workspace.spans}
    assert arabic.workspace.add_span(*_first_words(arabic.workspace.document.text, 3)[2], "GPE").span is not None

    _language_action(arabic, "en").trigger()
    [english] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    qtbot.addWidget(english)
    assert english is not arabic and english.project is project
    assert _menu_titles(english)[:2] == ["&File", "&Edit"]
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert english.settings.value("language") == "en"
    assert english.workspace.document.id == doc_id
    english.close()
    assert project.closed  # the last window closes the project, as before
    with sqlite3.connect(project.path) as conn:
        stored = conn.execute("SELECT count(*) FROM spans WHERE doc_id = ?", [doc_id]).fetchone()[0]
    assert stored == before + 2  # both spans stored, one made in each window


def test_no_switch_while_an_import_runs_only_the_choice_is_kept(qtbot, demo_path, open_window, test_catalogue,
                                                              speak):
    speak("en")
    window = open_window(demo_path)
    window.busy = True  # an import's worker owns the project's connection
    try:
        assert language_menu.switch_language(window, "ar") is window
    finally:
        window.busy = False
    assert language.current_language() == "en" and window.isVisible()
    assert "after the import" in window.message_label.text()
    assert _language_action(window, "en").isChecked()
    assert window.settings.value("language") == "ar"  # the next start is in Arabic


def test_the_language_follows_the_setting_else_the_system_locale(tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("ar_SA")))
    assert language.chosen_language(settings) == "ar"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert language.chosen_language(settings) == "en"
    settings.setValue("language", "ar")
    assert language.chosen_language(settings) == "ar"
    settings.setValue("language", "klingon")  # a value that is no language: the system's
    assert language.chosen_language(settings) == "en"


def test_qt_ships_its_own_arabic_strings(qapp, speak, test_catalogue):
    speak("ar")
    assert language._qt_translator is not None, "qtbase_ar.qm missing from PySide6's translations"
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")  # a dialog's Cancel button
    assert re.fullmatch(r"[\u0600-\u06FF ]+", cancel), cancel


def test_the_docks_are_mirrored_in_arabic(qtbot, demo_path, open_window, test_catalogue, speak):
    """Qt mirrors what is inside a dock, never which side a dock is on: layout.py swaps them."""
    speak("ar")
    arabic = open_window(demo_path)
    article = arabic.view.mapTo(arabic, arabic.view.rect().center()).x()
    assert arabic.doc_dock.geometry().center().x() > article, "the document list is on the right in Arabic"
    assert arabic.span_dock.geometry().center().x() < article


# -- icons and numbers --------------------------------------------------------------------------


def test_pointing_icons_are_mirrored_in_arabic_and_the_span_arrows_are_not(qtbot, demo_path, open_window,
                                                                         test_catalogue, speak):
    speak("ar")
    arabic = open_window(demo_path)
    speak("en")
    english = open_window(make_project(demo_path.parent / "second.annotator", []))

    def icon_key(window, name):
        return window.registry.actions[name].icon().pixmap(32, 32).toImage()

    for name in ("undo", "redo", "next_document", "previous_document"):
        declared = arabic.registry.command(name).icon
        assert declared in MIRRORED
        assert english.registry.command(name).icon == MIRRORED[declared], name
    assert arabic.registry.command("next_document").icon == "mdi6.chevron-double-left"  # forward is to the left
    assert english.registry.command("next_document").icon == "mdi6.chevron-double-right"
    for name in ("next_span", "previous_span"):  # the article's direction: the same in both
        assert arabic.registry.command(name).icon == english.registry.command(name).icon
    assert icon_key(arabic, "undo") == icon_key(english, "redo")  # the picture itself, mirrored


def test_the_status_bar_counts_and_time_follow_the_interface_locale(qtbot, speak, test_catalogue):
    speak("ar")
    assert QLocale().name() == "ar_001"  # Modern Standard Arabic: Latin digits, as %n writes them
    main = QMainWindow()
    qtbot.addWidget(main)
    bar = StatusBar(main.statusBar(), main)
    bar.write_ok()
    bar.show(position=1234, documents=5678, status="done", spans=3, readonly_reason=None)
    assert "1,234" in bar.position_label.text() and "5,678" in bar.position_label.text()
    assert re.search(r"\d\d:\d\d:\d\d", bar.saved_label.text())
    assert not re.search(r"[\u0660-\u0669]", bar.position_label.text() + bar.saved_label.text())


def test_label_palette_headings_and_chips_start_at_the_right_in_arabic(qtbot, demo_path, open_window,
                                                                      test_catalogue, speak):
    """An isolated layer name has no strong letter first, so a QLabel would put it at the left;
    the flow of label chips fills rows from the right (flow_layout.py)."""
    from PySide6.QtWidgets import QLabel, QToolButton

    speak("ar")
    window = open_window(demo_path)
    window.palette_dock.show()
    window.palette_dock.raise_()
    QApplication.processEvents()
    palette = window.palette
    heading = next(w for w in palette.findChildren(QLabel) if w.isVisible() and w.text())
    text_width = heading.fontMetrics().horizontalAdvance(heading.text())
    assert heading.width() > text_width * 2  # room to tell left from right
    image = heading.grab().toImage()
    inked = [x for x in range(image.width()) for y in range(image.height())
             if image.pixelColor(x, y).lightness() != image.pixelColor(0, 0).lightness()]
    assert min(inked) > heading.width() / 2, "the layer heading is drawn at the right"
    chips = [b for b in palette.findChildren(QToolButton) if b.isVisible()]
    first = chips[0]
    assert first.geometry().right() > first.parentWidget().width() - first.width(), "the first chip is at the right"


def test_the_f1_sheet_keeps_key_names_left_to_right_in_arabic(qtbot, demo_path, open_window, test_catalogue, speak):
    """A key ending in a symbol ("Ctrl++") reordered as "++Ctrl" in a right-to-left cell: each
    key cell is a left-to-right isolate."""
    from PySide6.QtWidgets import QTableWidget

    from annotator.ui.dialogs import ShortcutsDialog

    speak("ar")
    window = open_window(demo_path)
    rows = window.shortcuts()
    dialog = ShortcutsDialog(rows, window)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget)
    assert table.rowCount() == len(rows)
    for row, (keys, _) in enumerate(rows):
        assert table.item(row, 0).text() == "\u2066" + keys + "\u2069"
    assert any("Ctrl+" in keys for keys, _ in rows)
