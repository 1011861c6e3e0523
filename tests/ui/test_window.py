"""The window's menus and panels do what they say."""

import json

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from annotator.core.display import neutralised
from annotator.store import Project
from annotator.ui import main_window, project_switcher
from annotator.ui.dialogs import ShortcutsDialog
from tests.ui.conftest import make_project


def titles(window):
    return [window.doc_filter.index(r, 0).data() for r in range(window.doc_filter.rowCount())]


def test_search_ignores_diacritics_and_variant_letters(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    assert len(titles(window)) == 5
    window.search.setText("شويجو")  # the seeds spell it شويغو: g-letters fold together
    qtbot.waitUntil(lambda: len(titles(window)) == 2, timeout=2000)
    window.search.setText("بيونج يانج")
    qtbot.waitUntil(lambda: len(titles(window)) >= 2, timeout=2000)
    window.search.setText("تَسْنِيم")  # tashkeel ignored, Persian ی in the seed
    qtbot.waitUntil(lambda: len(titles(window)) == 1, timeout=2000)
    window.search.clear()
    qtbot.waitUntil(lambda: len(titles(window)) == 5, timeout=2000)


def test_status_filter_and_navigation(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    first = window.workspace.document.id
    # Opening a document changes nothing: it is still new until the first annotation.
    window.status_filter.setCurrentIndex(window.status_filter.findData("in_progress"))
    assert first not in [window.doc_filter.index(r, 0).data(256) for r in range(window.doc_filter.rowCount())]
    window.status_filter.setCurrentIndex(window.status_filter.findData("new"))
    assert first in [window.doc_filter.index(r, 0).data(256) for r in range(window.doc_filter.rowCount())]
    window.status_filter.setCurrentIndex(0)
    assert window.step(1)
    assert window.workspace.document.id != first
    assert window.step(-1) and window.workspace.document.id == first
    assert "Document 1 of 5" in window.position_label.text()


def test_import_and_export_from_the_window(qtbot, tmp_path, demo_path, open_window):
    window = open_window(demo_path)
    extra = tmp_path / "new.jsonl"
    extra.write_text('{"text": "مقال جديد عن شويغو", "label": [[13, 18, "PERSON"]]}\n{"text": 3}\n', "utf-8")
    report = window.import_paths([extra])
    assert report.documents == 1 and len(report.rejected) == 1
    assert window.doc_model.rowCount() == 6
    out = tmp_path / "out.jsonl"
    window.export_to("native", out)
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(lines) == 6 and lines[-1]["spans"][0]["text"] == "شويغو"
    folder = tmp_path / "brat"
    window.export_to("brat", folder)
    assert len(list(folder.glob("*.ann"))) == 6


def test_import_problems_are_reported_in_a_plain_dialog(qtbot, tmp_path, demo_path, open_window, dialogs):
    window = open_window(demo_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("<b>not json</b>\n", "utf-8")
    window.import_paths([bad])
    title, text = dialogs[-1][1], dialogs[-1][2]
    assert title == "Import finished with problems"
    assert f"{bad}:1: invalid JSON" in text


def test_zoom_and_layout_persist(qtbot, tmp_path, demo_path, open_window):
    window = open_window(demo_path)
    size = window.view.font_size()
    window.zoom(1)
    window.zoom(1)
    assert window.view.font_size() == size + 2
    window.close()
    again = open_window(demo_path)
    assert again.view.font_size() == size + 2
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("last_project") == str(demo_path)
    assert settings.value("recent")[0] == str(demo_path)


def test_locked_project_offers_read_only(qtbot, demo_path, open_window, monkeypatch):
    asked = []
    monkeypatch.setattr(project_switcher, "ask", lambda parent, title, text: asked.append(text) or True)
    with Project.open(demo_path):  # another instance holds it
        project = main_window.open_with_fallback(demo_path, None)
    assert "open for writing by" in asked[0]
    assert project.readonly
    project.close()


def test_read_only_window_refuses_edits_politely(qtbot, tmp_path, open_window):
    source = tmp_path / "a.txt"
    source.write_text("روسيا", "utf-8")
    path = make_project(tmp_path / "p.annotator", [source])
    window = open_window(path)
    window.close()
    from PySide6.QtCore import QSettings as S

    from annotator.ui.main_window import MainWindow

    ro = MainWindow(Project.open(path, readonly=True), "omar", S(str(tmp_path / "ro.ini"), S.Format.IniFormat))
    qtbot.addWidget(ro)
    ro.view.select_range(0, 5)
    ro.apply_label("GPE")
    assert "read-only" in ro.message_label.text() and "[read-only]" in ro.windowTitle()
    ro.close()


def test_shortcuts_dialog_lists_every_label_key(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    dialog = ShortcutsDialog(window.shortcuts(), window)
    qtbot.addWidget(dialog)
    keys = [dialog.table.item(r, 0).text().strip("\u2066\u2069") for r in range(dialog.table.rowCount())]
    for label in window.project.schema.labels():
        assert label.key in keys
    # Undo and redo are listed with the keys their actions carry (the registry builds both).
    assert window.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in keys
    assert "Ctrl+Shift+Z / Ctrl+Y" in keys


def test_untrusted_text_is_never_rich_text(qtbot, tmp_path, open_window):
    source = tmp_path / "a.txt"
    source.write_text('<img src="http://127.0.0.1:9/x"> <b>عنوان</b>\nنص', "utf-8")
    path = make_project(tmp_path / "p.annotator", [source])
    window = open_window(path)
    # Shown literally, neutralised (isolated, bidi controls visible): no markup interpreted.
    assert window.doc_model.index(0, 0).data() == neutralised('<img src="http://127.0.0.1:9/x"> <b>عنوان</b>')
    for label in window.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText or not label.text(), label.text()


def test_export_refuses_a_folder_for_a_file_format_and_no_status(qtbot, tmp_path, demo_path, open_window, dialogs):
    window = open_window(demo_path)
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert window.export_to("native", folder) is None
    assert dialogs[-1][1] == "Export refused" and "is a folder" in dialogs[-1][2]
    assert "refused" in window.message_label.text()
    assert not list(tmp_path.glob("*.partial"))


def test_an_import_that_adds_labels_says_so(qtbot, tmp_path, demo_path, open_window, dialogs):
    # A label the schema lacks (doccano's WEAPON) joins the project: never silently.
    window = open_window(demo_path)
    data = tmp_path / "weapons.jsonl"
    data.write_text('{"text": "صاروخ كروز جديد", "label": [[0, 5, "WEAPON"]]}\n', "utf-8")
    report = window.import_paths([data])
    assert report.added_labels == ["entity/WEAPON"] and not report.rejected
    title, text = dialogs[-1][1], dialogs[-1][2]
    assert title == "Import added labels" and "entity/WEAPON" in text


def test_every_error_dialog_is_also_logged(qtbot, tmp_path, dialogs):
    from annotator.ui import errors

    log_file = errors.setup_log_file()
    try:
        errors.show_error(None, "Export refused", "out.jsonl is the project", "details here")
    finally:
        errors.close_log_file()
    logged = log_file.read_text("utf-8")
    assert "Export refused: out.jsonl is the project" in logged and "details here" in logged
    assert dialogs[-1][1] == "Export refused"
