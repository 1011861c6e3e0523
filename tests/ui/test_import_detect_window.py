"""File > Import reads any file by its content and says how many documents each format gave."""

import json
import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from annotator.ui.import_format_dialog import ImportFormatDialog


def test_import_dialog_offers_any_file_and_reports_per_format_counts(qtbot, tmp_path, demo_path, open_window,
                                                                     monkeypatch):
    window = open_window(demo_path)
    train = tmp_path / "train.out"  # JSONL under a name no format claims
    train.write_text(json.dumps({"text": "قال بوتين إن موسكو", "label": [[4, 9, "PERSON"]]}, ensure_ascii=False)
                     + "\n", "utf-8")
    tasks = tmp_path / "export.json"  # a Label Studio JSON export, pretty-printed
    tasks.write_text(json.dumps([{"id": 1, "data": {"text": "أعلن لافروف خطة"}, "annotations": []}],
                                ensure_ascii=False, indent=2), "utf-8")
    offered = []

    def choose(parent, title, folder, filters):
        offered.append(filters)
        return [str(train), str(tasks)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    answered = []

    def detect_from_content():  # the format dialog's default, accepted as it opens
        [dialog] = [d for d in window.findChildren(ImportFormatDialog) if d.isVisible()]
        answered.append(dialog.format.currentData())
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, detect_from_content)
    window.registry.actions["import"].trigger()
    assert answered == ["auto"]
    assert offered[0].startswith("All files (*)")  # the default filter hides no file
    with sqlite3.connect(demo_path) as conn:
        texts = {row[0] for row in conn.execute("SELECT text FROM documents")}
        spans = {row[0] for row in conn.execute("SELECT text FROM spans WHERE label = 'PERSON'")}
    assert {"قال بوتين إن موسكو", "أعلن لافروف خطة"} <= texts and "بوتين" in spans
    assert "By format: jsonl 1, labelstudio 1." in window.message_label.text()
