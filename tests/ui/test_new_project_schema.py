"""File > New project…: after the file name, the schema: a bundled one or a schema file; a file
with errors is refused with its file and line, and then nothing is created."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from annotator.ui import project_switcher, schema_chooser
from annotator.ui.schema_chooser import SchemaChooser
from tests.ui.conftest import NEWS

CUSTOM = """name = "sports"
[layers.entity]
draw = "background"
links_entities = true
[[layers.entity.labels]]
name = "PLAYER"
color = "#ffaa00"
key = "y"
"""
BROKEN = CUSTOM.replace('color = "#ffaa00"', 'color = "orange"')


def choosing(monkeypatch, qtbot, save_as, steps):
    """File > New project… with the save dialog answering `save_as`; the schema dialog, when it
    opens, is driven by `steps(dialog)` instead of the analyst (exec() would wait for one)."""
    monkeypatch.setattr(project_switcher.QFileDialog, "getSaveFileName", lambda *a, **k: (str(save_as), ""))
    seen = []

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        steps(dialog)
        seen.append(dialog)
        return dialog.result()

    monkeypatch.setattr(SchemaChooser, "exec", run)
    return seen


def test_a_bundled_schema(qtbot, tmp_path, demo_path, open_window, monkeypatch):
    window = open_window(demo_path)

    def pick_news(dialog):
        rows = [dialog.list.item(i).data(schema_chooser.PATH_ROLE) for i in range(dialog.list.count())]
        dialog.list.setCurrentRow(next(i for i, p in enumerate(rows) if p.endswith("news.toml")))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = choosing(monkeypatch, qtbot, tmp_path / "fresh", pick_news)
    window.switcher.new_project()
    assert seen and window.project.path == tmp_path / "fresh.annotator"
    assert window.project.schema == NEWS


def test_a_schema_file_gives_its_labels_to_the_new_project(qtbot, tmp_path, demo_path, open_window, monkeypatch):
    window = open_window(demo_path)
    (tmp_path / "sports.toml").write_text(CUSTOM, "utf-8")
    monkeypatch.setattr(schema_chooser.QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(tmp_path / "sports.toml"), ""))
    choosing(monkeypatch, qtbot, tmp_path / "games.annotator",
             lambda dialog: qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton))
    window.switcher.new_project()
    assert window.project.path == tmp_path / "games.annotator"
    assert [lab.name for lab in window.project.schema.labels()] == ["PLAYER"]
    assert list(window.palette.buttons) == ["PLAYER"] and window.view._keys == {"y": "PLAYER"}


def test_a_schema_with_errors_is_refused_with_file_and_line_and_nothing_is_created(
        qtbot, tmp_path, demo_path, open_window, monkeypatch):
    window = open_window(demo_path)
    bad = tmp_path / "bad.toml"
    bad.write_text(BROKEN, "utf-8")
    monkeypatch.setattr(schema_chooser.QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    said = []

    def try_the_file_then_cancel(dialog):
        qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.error.isVisible()  # refused: the dialog stays
        said.append(dialog.error.text())
        dialog.reject()

    choosing(monkeypatch, qtbot, tmp_path / "never", try_the_file_then_cancel)
    window.switcher.new_project()
    line = BROKEN.splitlines().index('color = "orange"') + 1
    assert f"{bad}:{line}" in said[0] and "#rrggbb" in said[0]
    assert not (tmp_path / "never.annotator").exists()
    assert window.project.path == demo_path and not window.project.closed


def test_cancelling_the_schema_creates_nothing(qtbot, tmp_path, demo_path, open_window, monkeypatch):
    window = open_window(demo_path)
    seen = choosing(monkeypatch, qtbot, tmp_path / "never", lambda dialog: dialog.reject())
    window.switcher.new_project()
    assert seen and seen[0].result() == QDialog.DialogCode.Rejected
    assert not (tmp_path / "never.annotator").exists() and window.project.path == demo_path
