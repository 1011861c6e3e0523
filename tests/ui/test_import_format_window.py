"""File > Import: after the file choice, a Format choice (detect from content, or a format named
as the CLI's --format) and the CSV/TSV text column, handed to the same Importer; warnings of
the import are listed in its summary."""

import json
import re
import sqlite3

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from annotator.io import IMPORT_FORMATS
from annotator.ui.import_format_dialog import ImportFormatDialog

CONLL = "قال\tO\nبوتين\tB-PERSON\nإن\tO\nموسكو\tB-GPE\n\n-DOCSTART-\tO\n\nأعلن\tO\nلافروف\tB-PERSON\n"


def import_with(qtbot, window, monkeypatch, path, fmt=None, column=None):
    """File > Import of `path`, answering the format dialog as a user would: the format picked
    in its combo box (None: left at its default), the column typed into its field, then OK."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([str(path)], ""))
    seen = {}

    def answer():
        [dialog] = [d for d in window.findChildren(ImportFormatDialog) if d.isVisible()]
        seen["offered"] = [dialog.format.itemData(i) for i in range(dialog.format.count())]
        seen["default"] = dialog.format.currentData()
        if fmt is not None:
            dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        seen["column_enabled"] = dialog.text_column.isEnabled()
        if column is not None:
            qtbot.keyClicks(dialog.text_column, column)
        qtbot.keyClick(dialog.format, Qt.Key.Key_Return)  # Enter accepts, like OK
        seen["closed"] = not dialog.isVisible()

    QTimer.singleShot(0, answer)
    window.registry.actions["import"].trigger()
    return seen


def texts(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM documents ORDER BY rowid")]


def spans(path) -> set[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return set(conn.execute("SELECT text, label FROM spans"))


def test_conll_in_a_txt_file_is_its_documents_by_default_and_one_text_as_txt(qtbot, tmp_path, demo_path,
                                                                            open_window, monkeypatch):
    window = open_window(demo_path)
    before = texts(demo_path)
    source = tmp_path / "corpus.txt"
    source.write_text(CONLL, "utf-8")
    seen = import_with(qtbot, window, monkeypatch, source)
    assert seen["offered"] == ["auto", *IMPORT_FORMATS] and seen["default"] == "auto" and seen["closed"]
    added = texts(demo_path)[len(before):]
    assert added == ["قال بوتين إن موسكو", "أعلن لافروف"]
    assert {("بوتين", "PERSON"), ("موسكو", "GPE"), ("لافروف", "PERSON")} <= spans(demo_path)
    assert "By format: conll 2." in window.message_label.text()

    again = tmp_path / "again.txt"  # the same content under another name: named as txt, it is one text
    again.write_text(CONLL + "\n", "utf-8")
    seen = import_with(qtbot, window, monkeypatch, again, fmt="txt")
    assert seen["column_enabled"] is False  # a text column means nothing to a text file
    [text] = texts(demo_path)[len(before) + 2:]
    assert text.startswith("قال\tO\nبوتين\tB-PERSON") and "-DOCSTART-" in text
    assert "By format: txt 1." in window.message_label.text()


def test_the_text_column_reaches_the_csv_reader(qtbot, tmp_path, demo_path, open_window, monkeypatch, dialogs):
    window = open_window(demo_path)
    before = texts(demo_path)
    table = tmp_path / "checkthat.tsv"
    table.write_text("tweet_id\ttweet_text\n1\tقال بوتين إن موسكو تريد السلام\n", "utf-8")
    seen = import_with(qtbot, window, monkeypatch, table, fmt="csv", column="tweet_text")
    assert seen["column_enabled"] is True
    assert texts(demo_path)[len(before):] == ["قال بوتين إن موسكو تريد السلام"]
    assert not dialogs  # nothing rejected


def test_a_warning_of_the_import_is_listed_in_its_summary(qtbot, tmp_path, demo_path, open_window, monkeypatch,
                                                        dialogs):
    window = open_window(demo_path)
    text = "أعلنت وزارة الصحة في عمّان"
    s = text.index("وزارة الصحة")
    source = tmp_path / "doccano.jsonl"
    source.write_text(json.dumps({"text": text, "label": [[s, s + 11, "ORG"], [s, s + 11, "ORG"]]},
                                 ensure_ascii=False) + "\n", "utf-8")
    import_with(qtbot, window, monkeypatch, source)
    assert ("وزارة الصحة", "ORG") in spans(demo_path)
    [(_, title, message, _)] = dialogs
    assert title == "Import finished with warnings"
    lines = [line.strip("\u2068\u2069") for line in message.splitlines()]  # each line isolated, as shown
    assert f"{source}:1: span 2 ({s}-{s + 11} ORG) is listed twice; kept once" in lines
    assert re.search(r"\. 1 warnings?\.\u2069?$", window.message_label.text())  # the plural once the catalogue has it
