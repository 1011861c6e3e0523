"""Edit > Labels…: renaming, recolouring, rekeying and adding labels from the dialog, each one
undoable step that every view of the window follows."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication

from annotator.core.display import neutralised
from annotator.ui import label_editor, theme
from annotator.ui.label_editor import LabelEditor


def stored(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT label FROM spans ORDER BY doc_id, start").fetchall()
    finally:
        conn.close()


def label_span(qtbot, window, word, key):
    view = window.view
    start = view.text().index(word)
    view.select_range(start, start + len(word))
    qtbot.keyClick(view, key)


def person_in_two_documents(qtbot, window):
    label_span(qtbot, window, window.view.text().split()[0], "p")
    first = window.workspace.document.id
    window.step(1)
    label_span(qtbot, window, window.view.text().split()[0], "p")
    assert window.workspace.document.id != first


def editor(qtbot, window) -> LabelEditor:
    dialog = LabelEditor(window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_into(qtbot, field, text):
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_a_rename_reaches_every_span_and_one_undo_brings_the_name_back(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    person_in_two_documents(qtbot, window)
    window.resize(700, 300)  # the article scrolls; the rename keeps the analyst's place
    bar = window.view.verticalScrollBar()
    qtbot.wait(100)  # the window's layout settles at its new size
    qtbot.waitUntil(lambda: bar.maximum() > 1)
    bar.setValue(bar.maximum() // 2 + 1)
    place = bar.value()
    dialog = editor(qtbot, window)
    dialog.select("PERSON")
    type_into(qtbot, dialog.name_edit, "PER")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isVisible()
    assert stored(demo_path) == [("PER",), ("PER",)]
    # The views of the window follow: the palette, the article's key, the span list.
    assert "PER" in window.palette.buttons and "PERSON" not in window.palette.buttons
    assert window.view._keys["p"] == "PER"
    assert window.span_model.index(0, 0).data() == neutralised("PER")  # the Label column
    assert {s.label for s in window.workspace.spans} == {"PER"}
    assert dialog.selected_name() == "PER" and dialog.name_edit.text() == "PER"
    qtbot.waitUntil(lambda: bar.value() == place)
    dialog.close()

    window.undo()  # one step for the whole rename
    assert stored(demo_path) == [("PERSON",), ("PERSON",)]
    assert "PERSON" in window.palette.buttons and window.view._keys["p"] == "PERSON"
    assert {s.label for s in window.workspace.spans} == {"PERSON"}
    assert window.span_model.index(0, 0).data() == neutralised("PERSON")
    # The next undo is the span added before the rename, not a part of the rename.
    window.undo()
    assert len(stored(demo_path)) == 1


def test_a_key_taken_by_a_label_or_the_article_is_refused_with_its_owner(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    dialog = editor(qtbot, window)
    dialog.select("PERSON")
    before = window.project.schema
    for key, owner in (("o", "ORG"), ("K", "link the selected entity span"), ("a", "accept all suggestions")):
        type_into(qtbot, dialog.key_edit, key)
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        assert dialog.error.isVisible() and owner in dialog.error.text()
        assert dialog.key_edit.text() == key  # kept, to be corrected
    assert window.project.schema == before and window.workspace.history.undo_text() is None

    type_into(qtbot, dialog.key_edit, "z")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isVisible() and window.project.schema.label("PERSON").key == "z"
    assert window.view._keys.get("z") == "PERSON" and "p" not in window.view._keys
    label_span(qtbot, window, window.view.text().split()[0], "z")
    assert stored(demo_path) == [("PERSON",)]


def test_a_colour_from_the_colour_dialog_is_one_step(qtbot, demo_path, open_window, monkeypatch):
    window = open_window(demo_path)
    label_span(qtbot, window, window.view.text().split()[0], "p")
    dialog = editor(qtbot, window)
    dialog.select("PERSON")
    original = window.project.schema.label("PERSON").color
    asked = []
    monkeypatch.setattr(label_editor.QColorDialog, "getColor",
                        lambda current, *args: asked.append(current.name()) or QColor("#123456"))
    qtbot.mouseClick(dialog.color_button, Qt.MouseButton.LeftButton)
    assert asked == [original]
    assert window.project.schema.label("PERSON").color == "#123456"
    # The article paints PERSON in the new colour (as the theme renders it).
    fill = theme.fill_color("#123456", QGuiApplication.palette())
    assert window.view.highlighter.colors("PERSON", None)[0] == fill
    assert window.workspace.history.undo_text() == "colour of PERSON"
    window.undo()
    assert window.project.schema.label("PERSON").color == original
    assert "Undid: colour of PERSON" in window.message_label.text()  # a step, though no span moved
    assert stored(demo_path) == [("PERSON",)]  # the span stays


def test_an_added_label_is_in_the_palette_and_its_key_labels_at_once(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    dialog = editor(qtbot, window)
    dialog.layer_combo.setCurrentIndex(dialog.layer_combo.findData("entity"))
    qtbot.keyClicks(dialog.new_name, "WEAPON")
    qtbot.keyClicks(dialog.new_key, "w")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isVisible() and dialog.new_name.text() == ""
    assert window.project.schema.layer("entity").labels[-1].name == "WEAPON"
    assert "WEAPON" in window.palette.buttons and dialog.selected_name() == "WEAPON"
    dialog.close()
    label_span(qtbot, window, window.view.text().split()[0], "w")
    assert stored(demo_path) == [("WEAPON",)]

    dialog = editor(qtbot, window)
    qtbot.keyClicks(dialog.new_name, "PERSON")  # a name is unique in the whole schema
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "already defined" in dialog.error.text()



def test_a_read_only_project_lists_its_labels_but_offers_no_edit(qtbot, tmp_path, demo_path):
    from PySide6.QtCore import QSettings

    from annotator.store import Project
    from annotator.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "ro.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Project.open(demo_path, readonly=True), "omar", settings)
    qtbot.addWidget(window)
    try:
        dialog = editor(qtbot, window)
        schema = window.project.schema
        assert dialog.tree.topLevelItemCount() == len(schema.labels()) + len(schema.layers)
        for field in (dialog.name_edit, dialog.key_edit, dialog.apply_button, dialog.color_button,
                      dialog.new_name, dialog.add_button):
            assert not field.isEnabled()
    finally:
        window.close()
