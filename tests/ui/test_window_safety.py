"""The window never destroys, spoofs or blocks (issue 8): guarded exports, imports off the GUI
thread with a working Cancel, neutralised untrusted names, documents edited behind annotator's
back opened read-only, and read-only / full-disk projects reported once, in one sentence.

Every test drives the real window on a real project file and checks the file with plain sqlite3.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton

from annotator.core.display import neutralised
from annotator.io import importing
from annotator.store import Project
from annotator.ui import errors
from annotator.ui.export_dialog import ExportDialog
from tests.ui.conftest import make_project

RLO_TITLE = "تقرير\u202eexe.txt"


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def spans_of(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute('SELECT id, doc_id, start, "end", text, label FROM spans ORDER BY id').fetchall()


def jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def labelled_project(tmp_path: Path, docs: int = 2) -> Path:
    """`docs` documents, each with one PERSON span on its first word."""
    records = [{"id": f"d{i}", "text": f"شويغو{i} قال إن الوضع مستقر {'ونص ' * i}",
                "label": [[0, len(f"شويغو{i}"), "PERSON"]]} for i in range(docs)]
    return make_project(tmp_path / "p.annotator", [jsonl(tmp_path / "in.jsonl", records)])


def status_text(window) -> str:
    return " ".join(label.text() for label in (window.message_label, window.saved_label))


# -- 1. exports and imports that would destroy the project -------------------------------------


def test_brat_export_onto_the_project_folder_is_refused_and_deletes_nothing(tmp_path, demo_path, open_window,
                                                                            dialogs):
    window = open_window(demo_path)
    before, listing = spans_of(demo_path), sorted(p.name for p in tmp_path.iterdir())
    for fmt, target in (("brat", tmp_path), ("brat", tmp_path.parent), ("native", demo_path)):
        dialogs.clear()
        assert window.export_to(fmt, target) is None
        assert [d[1] for d in dialogs] == ["Export refused"]
        assert "choose another output" in dialogs[0][2] and str(demo_path) in dialogs[0][2]
        shown = window.message_label.text()
        assert "refused" in shown and "xported" not in shown and "saved" not in shown
    assert spans_of(demo_path) == before and sorted(p.name for p in tmp_path.iterdir()) == listing


def test_export_dialog_proposes_a_new_folder_beside_the_project_and_refuses_in_place(qtbot, demo_path,
                                                                                     open_window):
    window = open_window(demo_path)
    dialog = ExportDialog(demo_path, window, check=window._export_problem)
    qtbot.addWidget(dialog)
    assert Path(dialog.path.text()) == demo_path.parent / "demo-native.jsonl"
    dialog.format.setCurrentIndex(dialog.format.findData("brat"))
    proposed = Path(dialog.path.text())
    assert proposed == demo_path.parent / "demo-brat" and proposed != demo_path.parent
    dialog.path.setText(str(demo_path.parent))  # the user picks the project's folder
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0  # stays open, says why
    assert "contains the project" in dialog.problem.text() and dialog.problem.isVisibleTo(dialog)
    dialog.path.setText(str(proposed))
    dialog.accept()
    assert not dialog.isVisible() and dialog.result() == 1
    assert window.export_to(*dialog.chosen()[:2], dialog.chosen()[2]) is not None
    assert (proposed / ".annotator-export.json").is_file() and demo_path.is_file()


def test_import_refuses_the_project_file_and_its_backups_as_inputs(tmp_path, demo_path, open_window, dialogs):
    window = open_window(demo_path)
    docs = count(demo_path, "documents")
    link = tmp_path / "elsewhere.txt"
    link.symlink_to(demo_path)
    report = window.import_paths([demo_path, link])
    assert report.documents == 0 and len(report.rejected) == 2
    assert all("cannot be imported into it" in str(r) for r in report.rejected)
    assert dialogs[-1][1] == "Import finished with problems" and str(demo_path) in dialogs[-1][2]
    assert count(demo_path, "documents") == docs


# -- 2. long imports run off the GUI thread, with a Cancel -------------------------------------


def many_documents(tmp_path: Path, n: int) -> Path:
    return jsonl(tmp_path / "many.jsonl", [{"text": f"مقال رقم {i} عن شويغو", "label": [[len(f"مقال رقم {i} عن "),
                                                                                          len(f"مقال رقم {i} عن شويغو"),
                                                                                          "PERSON"]]}
                                           for i in range(n)])


def test_import_runs_in_a_worker_while_the_event_loop_runs_and_the_window_is_blocked(
        qtbot, tmp_path, demo_path, open_window, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_DOCS", 20)
    window = open_window(demo_path)
    source = many_documents(tmp_path, 200)
    threads, ticks, blocked = [], [], []
    real_flush = importing.Importer.flush

    def flush(self):
        threads.append(threading.current_thread())
        real_flush(self)
        time.sleep(0.005)  # a slower disk: the import lasts long enough to watch the GUI meanwhile

    monkeypatch.setattr(importing.Importer, "flush", flush)
    timer = QTimer(window, interval=1)

    def tick():
        task = window.import_task
        if task is not None and task.isRunning():
            ticks.append(1)  # the GUI thread ran while the worker was importing
            blocked.append((window.busy, window.centralWidget().isEnabled(), window.import_action.isEnabled(),
                            window.doc_table.isEnabled()))

    timer.timeout.connect(tick)
    timer.start()
    report = window.import_paths([source])
    timer.stop()
    assert report.documents == 200 and not report.rejected
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert ticks, "the event loop did not run during the import"
    assert set(blocked) == {(True, False, False, False)}
    assert not window.busy and window.centralWidget().isEnabled() and window.import_action.isEnabled()
    assert window.doc_model.rowCount() == count(demo_path, "documents") == 205  # the list was refreshed
    assert "Imported 200 documents" in window.message_label.text()


def test_cancel_stops_between_batches_and_leaves_only_whole_documents(qtbot, tmp_path, demo_path, open_window,
                                                                      monkeypatch):
    monkeypatch.setattr(importing, "BATCH_DOCS", 10)
    window = open_window(demo_path)
    source = many_documents(tmp_path, 300)
    held, pressed = threading.Event(), threading.Event()
    real_flush = importing.Importer.flush

    def flush(self):
        real_flush(self)
        # After its third stored batch the worker waits until the user has pressed Cancel in
        # the (live) GUI thread: the test is not a race against a fast worker.
        if self.report.documents >= 30 and not pressed.is_set():
            held.set()
            assert pressed.wait(10)

    monkeypatch.setattr(importing.Importer, "flush", flush)

    def press_cancel_when_held():
        if not held.is_set():
            QTimer.singleShot(1, press_cancel_when_held)
            return
        dialog = window.findChild(QProgressDialog)
        dialog.findChild(QPushButton).click()  # its Cancel button
        assert dialog.labelText().startswith("Stopping")
        pressed.set()

    QTimer.singleShot(0, press_cancel_when_held)
    report = window.import_paths([source])
    assert pressed.is_set() and report.cancelled
    stored = count(demo_path, "documents") - 5
    assert stored == report.documents and 0 < stored < 300 and stored % 10 == 0  # whole batches only
    with sqlite3.connect(demo_path) as conn:  # every stored document has its span
        assert conn.execute("SELECT count(*) FROM documents d WHERE d.seq > 5 AND NOT EXISTS "
                            "(SELECT 1 FROM spans s WHERE s.doc_id = d.id)").fetchone()[0] == 0
    assert window.doc_model.rowCount() == stored + 5
    assert "cancelled" in window.message_label.text()


def test_closing_during_an_import_waits_for_the_batch_then_closes(qtbot, tmp_path, demo_path, open_window,
                                                                  monkeypatch):
    monkeypatch.setattr(importing, "BATCH_DOCS", 10)
    window = open_window(demo_path)
    closed, held = [], threading.Event()
    real_flush = importing.Importer.flush

    def flush(self):
        real_flush(self)
        if self.report.documents and not closed:  # the worker is mid-import until the close
            held.set()
            time.sleep(0.01)

    monkeypatch.setattr(importing.Importer, "flush", flush)

    def close_now():
        if held.is_set():
            closed.append(window.close())  # refused while the worker holds the connection
        else:
            QTimer.singleShot(1, close_now)

    QTimer.singleShot(0, close_now)
    report = window.import_paths([many_documents(tmp_path, 300)])
    assert closed == [False] and report.cancelled
    qtbot.waitUntil(lambda: window.project.closed)  # closed once the import had stopped
    assert count(demo_path, "documents") == 5 + report.documents


# -- 3. untrusted names are shown neutralised --------------------------------------------------


def test_a_right_to_left_override_in_a_title_is_shown_not_obeyed(qtbot, tmp_path, open_window):
    source = jsonl(tmp_path / "t.jsonl", [{"text": "نص المقال", "meta": {"title": RLO_TITLE}}])
    window = open_window(make_project(tmp_path / "p.annotator", [source]))
    shown = window.doc_model.index(0, 0).data()
    assert shown == neutralised(RLO_TITLE) and "\u202e" not in shown and "⟦RLO⟧" in shown
    assert window.windowTitle().startswith(neutralised(RLO_TITLE) + " — ")
    assert "\u202e" not in window.windowTitle()
    window.grab().save(str(tmp_path / "hostile-title.png"))
    assert (tmp_path / "hostile-title.png").stat().st_size > 1000


def test_label_names_with_bidi_controls_never_pass_for_another_label(qtbot, tmp_path, open_window):
    path = labelled_project(tmp_path, docs=1)
    with sqlite3.connect(path) as conn:  # a label name that import rules would refuse, put in by hand
        conn.execute("INSERT INTO labels (name, layer, color, key, guideline, position) "
                     "VALUES (?, 'entity', '#ff0000', NULL, '', 99)", ["\u202eNOSREP"])
        conn.execute("UPDATE spans SET label = ?", ["\u202eNOSREP"])
    window = open_window(path)
    button = window.palette.buttons["\u202eNOSREP"]
    assert button.text().startswith(neutralised("\u202eNOSREP")) and "⟦RLO⟧" in button.text()
    assert window.palette.buttons["PERSON"].text() != button.text()
    assert window.span_model.index(0, 0).data() == neutralised("\u202eNOSREP")


# -- 4. text edited behind annotator's back ----------------------------------------------------


def test_a_document_whose_spans_no_longer_match_opens_read_only(qtbot, tmp_path, open_window):
    path = labelled_project(tmp_path)
    with sqlite3.connect(path) as conn:  # another tool edits the stored span text of d0
        # (same length: the table's CHECK wants length(text) = end - start)
        conn.execute("UPDATE spans SET text = substr('xxxxxxxxxxxxxxxx', 1, length(text)) WHERE doc_id = 'd0'")
    before = spans_of(path)
    window = open_window(path)
    window.open_document("d0")
    assert window.doc_readonly and window.banner.isVisibleTo(window)
    assert "changed outside annotator" in window.banner.text()
    window.view.select_range(7, 10)
    window.apply_label("ORG")
    window.view.select_span(next(iter(window.workspace.spans)).id)
    window.delete_selected()
    window.mark_done()
    assert spans_of(path) == before
    assert "read-only" in window.message_label.text() and "changed outside annotator" in window.message_label.text()
    window.open_document("d1")  # other documents stay editable
    assert window.doc_readonly is None and not window.banner.isVisibleTo(window)
    window.view.select_range(7, 10)
    window.apply_label("ORG")
    assert count(path, "spans") == len(before) + 1


def test_a_mismatch_past_the_first_screen_is_found_after_loading(qtbot, tmp_path, open_window):
    text = "كلمة " * 3000  # 15,000 characters: spans past 8,000 load after the first paint
    records = [{"id": "long", "text": text, "label": [[0, 4, "PERSON"], [14000, 14004, "PERSON"]]}]
    path = make_project(tmp_path / "p.annotator", [jsonl(tmp_path / "in.jsonl", records)])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE spans SET text = 'xxxx' WHERE start = 14000")  # was "كلمة"
    window = open_window(path)
    qtbot.waitUntil(lambda: not window.workspace.loading)
    assert window.doc_readonly and "characters 14000-14004" in window.doc_readonly


# -- 5. read-only by itself, and a full disk ---------------------------------------------------


def test_a_project_read_only_by_itself_says_why_in_one_sentence(qtbot, tmp_path, open_window):
    from PySide6.QtCore import QSettings

    from annotator.ui.main_window import MainWindow

    path = labelled_project(tmp_path)
    project = Project.open(path, readonly=True)
    reason = project.readonly_reason
    assert reason
    window = MainWindow(project, "amal", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert "[read-only]" in window.windowTitle()
    assert window.message_label.text() == errors.visible(reason)
    assert window.saved_label.text() == "read-only"
    window.close()


@pytest.mark.qt_no_exception_capture
def test_a_full_disk_is_said_once_and_loses_no_acknowledged_span(qtbot, tmp_path, open_window, dialogs):
    text = "كلمة " * 4000  # a span over all of it needs new pages (its text is 40 kB)
    path = make_project(tmp_path / "p.annotator", [jsonl(tmp_path / "in.jsonl", [{"id": "big", "text": text}])])
    window = open_window(path)
    conn = window.project.db.conn
    # Cap the file at its size and use up its free pages: SQLite then answers SQLITE_FULL to any
    # growth, exactly as on a full disk.
    conn.execute("CREATE TABLE filler (x BLOB)")
    conn.commit()
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(sqlite3.OperationalError, match="full"):
        while True:
            conn.execute("INSERT INTO filler VALUES (zeroblob(500))")
            conn.commit()
    conn.rollback()
    stored = count(path, "spans")
    for start in (0, 5, 0, 10):  # key presses, each fails
        window.view.select_range(start, len(text) - 1)
        shown = len(window.workspace.spans)
        window.apply_label("CLAIM")
        assert len(window.workspace.spans) == shown  # nothing shown as done that was not stored
    failures = [d for d in dialogs if d[1] == "Not saved"]
    assert len(failures) == 1 and "full" in failures[0][2]  # once, not on every key press
    assert not [d for d in dialogs if d[1] == "Unexpected error"]
    assert "Not saved" in window.message_label.text() and window.saved_label.text() == "NOT SAVED"
    assert count(path, "spans") == stored
    conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    window.view.select_range(0, len(text) - 1)
    window.apply_label("CLAIM")
    assert count(path, "spans") == stored + 1
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("saved"))
