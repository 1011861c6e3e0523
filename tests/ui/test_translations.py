"""Every string the window shows goes through Qt's translation, and the English catalogue ships.

- The committed annotator_en.ts holds exactly the messages pyside6-lupdate finds in annotator/ui
  (a new string without `make translations` fails here), and annotator_en.qm is what
  pyside6-lrelease makes of it.
- The committed annotator_ar.ts has the same messages, every one translated (six plural forms),
  with the placeholders and `&` of its source, and annotator_ar.qm is compiled from it. The
  checks themselves (update.py's translation_problems, placeholder_problem, merge_translations)
  are tested on small made-up catalogues.
- With the English catalogue loaded, `%n` messages say "1 mention", "2 mentions".
- A pseudo-translation (every translation is its source between ⟪ ⟫) is loaded and the window is
  walked: every visible string that is not data must carry the markers.
- The store's and the rules' errors reach the window through ui/messages.py, translated.
"""

from __future__ import annotations

import importlib.util
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QDialogButtonBox, QDockWidget,
                               QGroupBox, QLabel, QLineEdit, QMainWindow, QMenu, QPlainTextEdit, QTableWidget)

from annotator.core.display import neutralised
from annotator.core.rules import label_problem
from annotator.core.schema_edit import label_edit_problem
from annotator.store import Project, ProjectLocked
from annotator.store.errors import ProjectError, disk_full
from annotator.store.workspace import AnnotationError
from annotator.ui import language, messages
from annotator.ui.dialogs import ShortcutsDialog
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.status_bar import StatusBar

from .conftest import NEWS

TRANSLATIONS = language.TRANSLATIONS
TS, QM = TRANSLATIONS / "annotator_en.ts", TRANSLATIONS / "annotator_en.qm"
TS_AR, QM_AR = TRANSLATIONS / "annotator_ar.ts", TRANSLATIONS / "annotator_ar.qm"
OPEN, CLOSE = "⟪", "⟫"  # not ⟦ ⟧: neutralised() shows bidi controls as ⟦RLO⟧


def _load_update():
    spec = importlib.util.spec_from_file_location("translations_update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _load_update()


def catalogue(ts: Path) -> set[tuple[str, str, bool]]:
    """(context, source, is plural) of every message of a .ts."""
    return {(context, message.findtext("source"), message.get("numerus") == "yes")
            for context, message in update.messages(ET.parse(ts))}


@pytest.fixture
def translator(qapp):
    """install(qm or locale) -> the translator, removed again after the test (the app is shared)."""
    installed = []

    def install(qm: Path | None = None, locale: QLocale | None = None) -> QTranslator | None:
        if qm is None:
            translator = language.install_translator(qapp, locale)
        else:
            translator = QTranslator(qapp)
            assert translator.load(str(qm)), qm
            qapp.installTranslator(translator)
        installed.append(translator)
        return translator

    yield install
    for translator in installed:
        if translator is not None:
            qapp.removeTranslator(translator)
    language.install_translator(qapp, language="en")  # the direction and the default locale too


# -- the committed files -----------------------------------------------------------------------


def test_the_committed_catalogue_has_every_string_of_the_ui(tmp_path):
    fresh = tmp_path / "fresh_en.ts"
    update.run_lupdate(fresh)
    found, committed = catalogue(fresh), catalogue(TS)
    assert found, "lupdate found the window's strings"
    missing, stale = sorted(found - committed), sorted(committed - found)
    assert not missing and not stale, (f"run `make translations`: new {missing[:5]}, gone {stale[:5]}")


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    built = tmp_path / "annotator_en.qm"
    update.run_lrelease(TS, built)
    assert built.read_bytes() == QM.read_bytes(), "run `make translations`: annotator_en.qm is stale"


def test_every_plural_has_its_english_singular():
    tree = ET.parse(TS)
    assert tree.getroot().get("language") == "en"  # else lrelease drops the second form
    plurals = [(c, m) for c, m in update.messages(tree) if m.get("numerus") == "yes"]
    assert len(plurals) >= 10
    unfilled = []
    for context, message in plurals:
        forms = [f.text for f in message.iter("numerusform")]
        source = message.findtext("source")
        try:
            expected = [update.singular(source), source]  # "%n more" is the same for one
        except update.PluralError as exc:
            expected = [str(exc)]
        if forms != expected:
            unfilled.append(f"{context}: {source!r}")
    assert not unfilled, "plural messages without an English singular (see update.py): " + "; ".join(unfilled)


def test_singulars_come_from_the_table_not_a_guess():
    assert update.singular("%n mentions") == "%n mention"
    assert update.singular("{shown} of %n entities") == "{shown} of %n entity"
    assert update.singular("Imported %n documents…") == "Imported %n document…"
    assert update.singular("… and %n more") == "… and %n more"
    for bad in ("%n span(s)", "%n widgets", "no count here"):
        with pytest.raises(update.PluralError):
            update.singular(bad)


# -- the Arabic catalogue: complete and consistent -----------------------------------------------


def test_the_arabic_catalogue_has_every_string_of_the_ui(tmp_path):
    assert TS_AR.exists(), "no annotator_ar.ts: run update.py --merge-ar with the translations"
    assert catalogue(TS_AR) == catalogue(TS), "run `make translations`: the two catalogues differ"


def test_every_arabic_message_is_translated_with_its_placeholders():
    assert TS_AR.exists(), "no annotator_ar.ts: run update.py --merge-ar with the translations"
    problems = update.translation_problems(TS_AR)
    assert not problems, f"{len(problems)} Arabic messages to fix:\n" + "\n".join(problems)


def test_the_committed_arabic_qm_is_compiled_from_the_committed_ts(tmp_path):
    assert TS_AR.exists() and QM_AR.exists(), "run update.py --merge-ar: annotator_ar.ts/.qm missing"
    built = tmp_path / "annotator_ar.qm"
    update.run_lrelease(TS_AR, built)
    assert built.read_bytes() == QM_AR.read_bytes(), "run `make translations`: annotator_ar.qm is stale"


def _catalogue(folder: Path, messages: list[tuple[str, str, object]], language_code: str = "ar") -> Path:
    """A made-up .ts: (context, source, translation: str, list of forms, or None: unfinished)."""
    root = ET.Element("TS", version="2.1", language=language_code, sourcelanguage="en")
    for context_name, source, translation in messages:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        message = ET.SubElement(context, "message", numerus="yes") if isinstance(translation, list) or (
            translation is None and "%n" in source) else ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        element = ET.SubElement(message, "translation")
        if translation is None:
            element.set("type", "unfinished")
        elif isinstance(translation, list):
            for form in translation:
                ET.SubElement(element, "numerusform").text = form
        else:
            element.text = translation
    ts = folder / "made_up.ts"
    update.write(ET.ElementTree(root), ts)
    return ts


SPANS = ["%n مقطع", "مقطع واحد", "مقطعان", "%n مقاطع", "%n مقطعًا", "%n مقطع"]


def test_a_complete_consistent_catalogue_has_no_problem(tmp_path):
    ts = _catalogue(tmp_path, [("Commands", "&File", "&ملف"), ("StatusBar", "%n spans", SPANS),
                               ("StatusBar", "saved {time}", "حُفظ في {time}"),
                               ("Docks", "{shown} of %n entities", ["{shown} من %n"] * 6)])
    assert update.translation_problems(ts) == []


def test_unfinished_vanished_obsolete_and_inconsistent_messages_are_each_named(tmp_path):
    ts = _catalogue(tmp_path, [
        ("Commands", "&File", None),  # unfinished
        ("Commands", "&Edit", "تحرير"),  # the & lost
        ("StatusBar", "saved {time}", "حُفظ في {وقت}"),  # the field translated
        ("StatusBar", "%n spans", SPANS[:2]),  # two forms, not six
        ("Docks", "%n entities", ["%n كيان", "كيان واحد", "كيانان", "كيانات", "%n كيانًا", "%n كيان"]),  # 3-10 lost %n
        ("Find", "%1 of %2", "%1 من"),  # an argument lost
        ("Old", "gone", "ذهب"),
    ])
    tree = ET.parse(ts)
    [*_, gone] = tree.getroot().iter("message")
    gone.find("translation").set("type", "vanished")
    update.write(tree, ts)
    problems = "\n".join(update.translation_problems(ts))
    for expected in ("unfinished: Commands: '&File'", "'&' instead of 1: Commands: '&Edit'",
                     "StatusBar: 'saved {time}'", "2 plural forms, not 6: StatusBar: '%n spans'",
                     "%n 0 times instead of 1: Docks: '%n entities'", "Find: '%1 of %2'", "vanished: Old: 'gone'"):
        assert expected in problems, (expected, problems)
    assert len(problems.splitlines()) == 7


def test_an_english_catalogue_is_not_taken_for_the_arabic_one(tmp_path):
    ts = _catalogue(tmp_path, [("Commands", "&File", "&ملف")], language_code="en")
    assert "not \"ar\"" in update.translation_problems(ts)[0]  # lrelease would compile two plural forms


def test_the_translators_files_fill_the_catalogue_by_context_and_source(tmp_path):
    ts = _catalogue(tmp_path, [("Commands", "&File", None), ("StatusBar", "%n spans", None),
                               ("StatusBar", "&File", None)])
    json_file = tmp_path / "ar.json"
    json_file.write_text(json.dumps([
        {"context": "Commands", "source": "&File", "translation": "&ملف"},
        {"context": "StatusBar", "source": "%n spans", "forms": SPANS},
        {"context": "StatusBar", "source": "no such source", "translation": "لا"},
        {"context": "StatusBar", "source": "&File", "forms": SPANS},  # a plain message given forms
    ], ensure_ascii=False), encoding="utf-8")
    problems = update.merge_translations(ts, [json_file])
    assert len(problems) == 2 and "no such source" in problems[0] and "one translation expected" in problems[1]
    assert update.translation_problems(ts) == ["unfinished: StatusBar: '&File'"]  # the other context's stays
    qm = tmp_path / "made_up.qm"
    update.run_lrelease(ts, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("Commands", "&File") == "&ملف"
    # Qt's Arabic rules pick the form: 0, 1, 2, 3-10, 11-99, 100-102.
    assert [translator.translate("StatusBar", "%n spans", None, n) for n in (0, 1, 2, 5, 11, 101)] == SPANS


# -- the English catalogue at work -------------------------------------------------------------


def test_the_app_loads_english_for_any_locale_but_arabic(qapp, translator):
    for locale in (QLocale("en_GB"), QLocale("de_DE"), QLocale("fr_MA"), QLocale.c()):
        assert translator(locale=locale) is not None, locale.name()
        assert language.current_language() == "en"
        assert QCoreApplication.translate("EntityBrowser", "%n mentions", None, 1) == "1 mention"
        assert QCoreApplication.translate("EntityBrowser", "%n mentions", None, 2) == "2 mentions"
    assert language.system_language(QLocale("ar_EG")) == language.system_language(QLocale("ar_MA")) == "ar"


def test_the_status_bar_and_the_entities_dock_say_1_span_and_2_spans(qtbot, translator, demo_path, open_window):
    translator(locale=QLocale("en_US"))
    main = QMainWindow()
    qtbot.addWidget(main)
    bar = StatusBar(main.statusBar(), main)
    bar.show(position=1, documents=1, status="in_progress", spans=1, readonly_reason=None)
    assert (bar.spans_label.text(), bar.position_label.text()) == ("1 span", "Document 1 of 1 · in progress")
    bar.show(position=2, documents=2, status="done", spans=2, readonly_reason=None)
    assert bar.spans_label.text() == "2 spans"
    bar.show(position=None, documents=1, status=None, spans=None, readonly_reason=None)
    assert bar.position_label.text() == "1 document"

    window = open_window(demo_path)
    ws = window.workspace
    span = ws.add_span(*_first_word(ws.document.text), "PERSON").span
    ws.link_new_entity(span.id, "أحد")
    browser = window.entity_browser
    browser.refresh()
    assert browser.count_label.text() == "1 entity"
    second = ws.add_span(*_first_word(ws.document.text, skip=1), "PERSON").span
    ws.link_new_entity(second.id, "ثان")
    browser.refresh()
    assert browser.count_label.text() == "2 entities"


def _first_word(text: str, skip: int = 0) -> tuple[int, int]:
    words = list(re.finditer(r"[\u0621-\u064A]{3,}", text))
    match = words[skip]
    return match.start(), match.end()


# -- the store's messages, translated in one place ----------------------------------------------


def test_store_and_rule_errors_are_translated_through_their_codes(tmp_path, translator):
    pseudo = _pseudo_qm(tmp_path)
    translator(pseudo)
    locked = ProjectLocked(tmp_path / "p.annotator", "amal on host (pid 7)")
    full = disk_full(tmp_path / "p.annotator")
    unknown = label_problem(NEWS, "NOPE")
    person = NEWS.label("PERSON")
    edits = [label_edit_problem(NEWS, person, replace(person, key="o")),  # ORG's key
             label_edit_problem(NEWS, person, replace(person, name="ORG")),
             label_edit_problem(NEWS, person, replace(person, color="orange")),
             label_edit_problem(NEWS, person, replace(person, layer="claim"))]
    assert [e.code for e in edits] == ["key_taken", "label_taken", "label_color", "label_layer"]
    for exc in (locked, full, unknown, *edits):
        shown = messages.text(exc)
        assert shown.startswith(OPEN) and shown.endswith(CLOSE), (exc.code, shown)
        assert shown[1:-1] == str(exc)  # the pseudo translation is the English: same params, same sentence


def test_a_message_the_table_does_not_know_is_shown_in_its_own_english(tmp_path, translator):
    translator(_pseudo_qm(tmp_path))
    for exc in (ProjectError("something new happened", "new_code"),
                ProjectError("/x is closed, and more", "closed", path="/x"),  # worded differently: not /x is closed
                AnnotationError("span 3: no document is open", "no_document"),
                ValueError("plain")):
        assert messages.text(exc) == str(exc)


def test_the_window_shows_a_refused_action_through_the_catalogue(qtbot, tmp_path, translator, demo_path,
                                                                 open_window):
    translator(_pseudo_qm(tmp_path))
    window = open_window(demo_path)
    browser = window.entity_browser
    assert browser.rename("no-such-entity", "x", []) is None
    shown = window.message_label.text()
    assert OPEN in shown, shown


# -- the pseudo-translation walk -----------------------------------------------------------------

# Strings shown without a marker on purpose, with the reason.
ALLOWED = {
    "OK", "Cancel", "Close",  # QDialogButtonBox's standard buttons: Qt's own catalogue (qtbase_*.qm)
    "English", "العربية",  # View > Language: each language in its own name, never translated
}


def _pseudo_qm(folder: Path) -> Path:
    """The committed .ts with every translation its source between markers (numerus forms too)."""
    tree = ET.parse(TS)
    for _, message in update.messages(tree):
        source = message.findtext("source")
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            try:
                singular = update.singular(source)
            except update.PluralError:
                singular = source
            for form in (singular, source):
                ET.SubElement(translation, "numerusform").text = f"{OPEN}{form}{CLOSE}"
        else:
            translation.text = f"{OPEN}{source}{CLOSE}"
    ts = folder / "pseudo_en.ts"
    update.write(tree, ts)
    qm = folder / "pseudo_en.qm"
    update.run_lrelease(ts, qm)
    return qm


def _data(window) -> list[str]:
    """What the window shows that is data, not wording: titles, texts, names, labels, paths."""
    project = window.project
    values = [str(project.path), str(project.path.parent), project.path.stem, window.annotator,
              "annotator"]  # the product's name is a name
    for row in project.document_rows():
        values += [str(v) for v in row if v is not None]
    for layer in project.schema.layers:
        values += [layer.name, layer.name.upper(), layer.description]
        for label in layer.labels:
            values += [label.name, label.key or "", label.guideline or ""]
        for attribute in project.schema.attributes(layer.name):
            values += [attribute.name, attribute.name.replace("_", " "), *map(str, attribute.values or ())]
    values += [e.name for e in project.entities()] + [a for e in project.entities() for a in e.aliases]
    if window.workspace.document is not None:
        values += [s.text for s in window.workspace.spans]
    values += [neutralised(v) for v in values]
    return sorted({v for v in values if v}, key=len, reverse=True)


def _is_key_names(text: str) -> bool:
    """"Ctrl+Z", "Delete / Backspace", "F1": key names as printed on the keyboard (Qt reads each
    part back as itself; "Delete" it spells "Del")."""
    parts = [p.strip() for p in text.strip("\u2066\u2069").split(" / ")]  # the F1 sheet isolates keys
    return all(p and QKeySequence(p).toString() in (p, "Del" if p == "Delete" else p) for p in parts)


def _unmarked(texts: list[tuple[str, str]], data: list[str]) -> list[tuple[str, str]]:
    problems = []
    for where, text in texts:
        if not text or text.replace("&", "") in ALLOWED or OPEN in text or _is_key_names(text):
            continue
        rest = text
        for value in data:
            rest = rest.replace(value, " ")
        rest = re.sub(r"<[^>]+>", " ", rest)  # tooltip_text's <qt>…<br> wrapper
        if re.search(r"[A-Za-z]{2,}", rest):
            problems.append((where, text))
    return problems


def _visible_texts(root) -> list[tuple[str, str]]:
    texts = []
    for action in root.findChildren(QAction):
        texts += [(f"QAction {action.objectName()}", action.text()), (f"QAction tip {action.objectName()}",
                                                                      action.toolTip())]
    for menu in root.findChildren(QMenu):
        texts.append(("QMenu", menu.title()))
    for label in root.findChildren(QLabel):
        texts.append((f"QLabel {label.objectName()}", label.text()))
        texts.append(("QLabel tip", label.toolTip()))
    for button in root.findChildren(QAbstractButton):
        if isinstance(button.parent(), QDialogButtonBox):
            continue  # standard buttons: Qt's catalogue (see ALLOWED)
        texts += [(f"{type(button).__name__}", button.text()), ("button tip", button.toolTip())]
    for box in root.findChildren(QGroupBox):
        texts.append(("QGroupBox", box.title()))
    for dock in root.findChildren(QDockWidget):
        texts.append(("dock", dock.windowTitle()))
    for edit in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit):
        texts.append(("placeholder", edit.placeholderText()))
    for combo in root.findChildren(QComboBox):
        if combo.isEditable():
            continue
        texts += [("combo item", combo.itemText(i)) for i in range(combo.count())]
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            texts += [(f"header of {type(model).__name__}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                      for c in range(model.columnCount())]
    texts.append(("window title", root.windowTitle()))
    return texts


def test_every_visible_string_of_the_window_is_translated(qtbot, tmp_path, translator, demo_path, open_window):
    translator(_pseudo_qm(tmp_path))
    window = open_window(demo_path)
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    ws = window.workspace
    ws.add_span(*_first_word(ws.document.text), "PERSON")  # a span, a message, an undo text
    data = _data(window)
    texts = _visible_texts(window)
    texts.append(("status message", window.message_label.text()))

    sheet = ShortcutsDialog(window.shortcuts(), window)
    qtbot.addWidget(sheet)
    texts += _visible_texts(sheet)
    table = sheet.findChild(QTableWidget)
    for row in range(table.rowCount()):
        texts += [("F1 key", table.item(row, 0).text()), ("F1 action", table.item(row, 1).text())]
    texts += [("F1 header", table.horizontalHeaderItem(c).text()) for c in range(table.columnCount())]

    export = ExportDialog(window.project.path, window)
    qtbot.addWidget(export)
    texts += _visible_texts(export)

    report = window.import_paths([_tiny_jsonl(tmp_path)])
    assert report is not None and report.documents == 1
    texts.append(("import summary", window.message_label.text()))

    problems = _unmarked(texts, data)
    marked = [text for _, text in texts if OPEN in text]
    assert len(marked) > 100, "the walk reached the window's wording"
    assert not problems, "untranslated: " + "; ".join(f"{where}: {text!r}" for where, text in problems)


def _tiny_jsonl(folder: Path) -> Path:
    path = folder / "one.jsonl"
    path.write_text('{"text": "نص مقال قصير جديد للاختبار", "meta": {"title": "عنوان"}}\n', encoding="utf-8")
    return path
