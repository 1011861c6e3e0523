"""The window's export filters and summary, the progress of its long tasks, folder import."""

import json
import sqlite3
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from annotator.core.display import neutralised
from annotator.io import importing
from annotator.ui.progress import STEPS

from annotator.store import Project
from annotator.store.documents import SpanFilter
from annotator.ui import window_io
from tests.ui.conftest import NEWS, make_project

T1 = "قال سيرغي شويغو إن روسيا قوية"
T2 = "أعلنت الحكومة خطة جديدة"
T3 = "توقع الخبراء ارتفاع الأسعار"


def span(span_id, text, word, label, layer="entity", **extra):
    start = text.index(word)
    return {"id": span_id, "start": start, "end": start + len(word), "text": word, "label": label, "layer": layer,
            "annotator": "amal", **extra}


RECORDS = [
    {"id": "d1", "text": T1, "status": "done", "meta": {"title": "عنوان", "source": "وكالة"},
     "schema_version": 1,
     "spans": [span("s1", T1, "سيرغي شويغو", "PERSON",
                    entity={"id": "E1", "name": "شويغو", "type": "PERSON"}),
               span("s4", T1, "شويغو", "PERSON", annotator="omar"),  # nested in s1: CoNLL leaves it out
               span("s2", T1, "روسيا", "GPE", entity={"id": "E2", "name": "روسيا", "type": "GPE"}),
               span("s3", T1, "إن روسيا قوية", "CLAIM", "claim",
                    attrs={"claimant": "AUTHOR", "stance": "affirm", "checkworthy": "high"})],
     "relations": [{"id": "r1", "head": "s3", "child": "s1", "label": "claimant"}]},
    {"id": "d2", "text": T2, "status": "done", "schema_version": 1,
     "spans": [span("s5", T2, "الحكومة", "ORG"), span("s6", T2, T2, "CLAIM", "claim", attrs={"stance": "deny"})],
     "relations": [{"id": "r2", "head": "s6", "child": "s5", "label": "claimant"}]},
    {"id": "d3", "text": T3, "status": "new", "schema_version": 1,
     "spans": [span("s7", T3, T3, "PREDICTION", "claim", attrs={"stance": "affirm"})]},
]


def claims_project(tmp_path) -> Path:
    source = tmp_path / "claims.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n", encoding="utf-8")
    return make_project(tmp_path / "claims.annotator", [source])


def many_documents(folder: Path, n: int) -> Path:
    path = folder / "many.jsonl"
    path.write_text("".join(json.dumps({"text": f"نص المقال رقم {i} عن روسيا",
                                        "label": [[0, 2, "PERSON"]]}, ensure_ascii=False) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def progress_dialog(window) -> QProgressDialog | None:
    """The progress dialog up now (an earlier one may wait for its deleteLater)."""
    return next((d for d in window.findChildren(QProgressDialog) if d.isVisible()), None)


def pick(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_the_export_dialog_filters_and_says_what_the_format_loses(qtbot, tmp_path, open_window, monkeypatch):
    window = open_window(claims_project(tmp_path))
    dialog = window.make_export_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary.text() == "2 documents, 6 spans will be written."  # done only, by default
    # The summary is counted by the store: changing format or filters reads no document.
    monkeypatch.setattr(window.project, "iter_documents", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    counts = []
    real_tally = window_io.selection_tally
    monkeypatch.setattr(window_io, "selection_tally", lambda *a: counts.append(a[1:]) or real_tally(*a))
    pick(dialog.format, "doccano")
    claim, claimant = neutralised("claim"), neutralised("claimant")  # the project's names, shown inert
    assert dialog.summary.text() == ("2 documents, 6 spans will be written. This format cannot carry: "
                                     f"4 attributes of {claim} spans, 2 entity links.")  # doccano carries relations
    pick(dialog.format, "conll")
    assert dialog.summary.text().startswith("2 documents, 3 spans will be written. This format cannot carry: "
                                            f"2 spans of layer {claim}, 1 nested or overlapping span of layer "
                                            f"{neutralised('entity')}, 2 relations ({claimant}), 2 entity links")
    pick(dialog.format, "native")
    assert counts == []  # the same selection in another format: counted once, when the dialog opened
    pick(dialog.layer, "claim")
    assert counts == [(("done",), SpanFilter(layers=("claim",), prefer_gold=True))]
    assert [dialog.label.itemData(i) for i in range(dialog.label.count())] == [None, "CLAIM", "PREDICTION"]
    box = dialog.statuses["new"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on its indicator
    assert dialog.summary.text() == "3 documents, 3 spans will be written."
    pick(dialog.label, "PREDICTION")
    assert dialog.summary.text() == "3 documents, 1 span will be written."
    pick(dialog.layer, "entity")
    pick(dialog.annotator, "omar")
    assert dialog.summary.text().startswith("3 documents, 1 span")
    dialog.grab().save("/tmp/shots/export-dialog.png")
    monkeypatch.undo()

    fmt, path, statuses, spans = dialog.chosen()
    assert (statuses, spans.layers, spans.labels, spans.annotators) == (("new", "done"), ("entity",), (), ("omar",))
    assert window.export_to(fmt, path, statuses, spans) == []
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert [[s["id"] for s in r["spans"]] for r in records] == [["s4"], [], []]
    assert "Exported 3 documents" in window.message_label.text()


def test_the_export_dialog_gives_a_documents_gold_set_where_it_has_one(qtbot, tmp_path, open_window):
    path = claims_project(tmp_path)
    with Project.open(path) as project:  # a curator adjudicated d1: only شويغو's span went into gold
        from dataclasses import replace
        gold = [replace(s, id="g1", annotator="gold") for s in project.get_document("d1").spans if s.id == "s1"]
        project.replace_set("d1", "gold", gold, [], "done")
    window = open_window(path)
    dialog = window.make_export_dialog()
    fmt, out, statuses, spans = dialog.chosen()
    assert spans.prefer_gold and dialog.summary.text().startswith("2 documents, 3 spans will be written")
    assert window.export_to("native", tmp_path / "gold.jsonl", statuses, spans) == []
    records = {r["id"]: r for r in map(json.loads, (tmp_path / "gold.jsonl").read_text("utf-8").splitlines())}
    assert [s["id"] for s in records["d1"]["spans"]] == ["g1"]
    assert sorted(s["id"] for s in records["d2"]["spans"]) == ["s5", "s6"]  # no gold: every set
    pick(dialog.annotator, "omar")  # one annotator's spans, gold or not
    assert not dialog.span_filter().prefer_gold and dialog.span_filter().annotators == ("omar",)


def test_export_warnings_are_listed_one_by_one(qtbot, tmp_path, open_window, dialogs):
    window = open_window(claims_project(tmp_path))
    warnings = window.export_to("conll", tmp_path / "out.conll", ("done",))
    assert warnings
    title, text = dialogs[-1][1], dialogs[-1][2]
    assert title == "Export finished with warnings"
    assert "document d1: span s4 (PERSON 10-15) overlaps another and is left out of CoNLL" in text


def test_export_progress_is_up_at_once_moves_and_cancel_leaves_the_old_output(qtbot, tmp_path, open_window):
    path = make_project(tmp_path / "many.annotator", [many_documents(tmp_path, 60)])
    window = open_window(path)
    out = tmp_path / "out.jsonl"
    seen: list[tuple[bool, int, int]] = []

    def watch():
        dialog = progress_dialog(window)
        if dialog is not None and not dialog.wasCanceled():
            seen.append((dialog.isVisible(), dialog.value(), dialog.maximum()))

    timer = QTimer(window, interval=0)
    timer.timeout.connect(watch)
    timer.start()
    assert window.export_to("native", out) == []
    timer.stop()
    assert seen and all(visible and maximum == STEPS for visible, _, maximum in seen)
    values = [value for _, value, _ in seen]
    assert values == sorted(values) and values[0] < STEPS // 2 and len(set(values)) > 5  # it moves
    before = out.read_bytes()
    assert len(before.splitlines()) == 60

    def cancel_midway():
        dialog = progress_dialog(window)
        if dialog is not None and STEPS // 4 < dialog.value() < STEPS:
            dialog.findChild(QPushButton).click()

    timer = QTimer(window, interval=0)
    timer.timeout.connect(cancel_midway)
    timer.start()
    assert window.export_to("doccano", out) is None
    timer.stop()
    assert out.read_bytes() == before  # the earlier export is still whole
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    assert "cancelled" in window.message_label.text()
    assert not window.busy and window.centralWidget().isEnabled()


def test_import_progress_is_determinate_from_the_start(qtbot, tmp_path, demo_path, open_window, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_DOCS", 20)
    window = open_window(demo_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(4):
        many_documents(folder, 60).rename(folder / f"part{n}.jsonl")
    seen = []

    def watch():
        task = window.import_task
        dialog = window.findChild(QProgressDialog)
        if task is not None and dialog is not None:  # the first progress dialog of this window
            seen.append((dialog.isVisible(), dialog.value(), dialog.maximum()))

    timer = QTimer(window, interval=0)
    timer.timeout.connect(watch)
    timer.start()
    report = window.import_paths([folder])
    timer.stop()
    assert report.documents == 60  # the four files hold the same texts: the rest are duplicates
    assert seen and all(visible and maximum == STEPS for visible, _, maximum in seen)
    values = [value for _, value, _ in seen]
    assert values == sorted(values) and values[0] < STEPS and values[-1] == STEPS


def test_import_folder_reads_the_folder_like_the_cli(qtbot, tmp_path, demo_path, open_window, monkeypatch):
    window = open_window(demo_path)
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("مقال أول عن موسكو\n", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("مقال ثان عن بيونغ يانغ\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("مخفي\n", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.registry.actions["import_folder"].trigger()
    with sqlite3.connect(demo_path) as conn:
        texts = {row[0].strip() for row in conn.execute("SELECT text FROM documents")}
    assert {"مقال أول عن موسكو", "مقال ثان عن بيونغ يانغ"} <= texts and "مخفي" not in texts
    assert window.doc_model.rowCount() == 7
    assert "Imported 2 documents" in window.message_label.text()


def test_the_importer_reports_bytes_within_a_big_file_and_between_files(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_DOCS", 25)
    monkeypatch.setattr(importing, "_BIG_FILE", 0)  # count lines of every record file
    big = many_documents(tmp_path, 200)
    small = tmp_path / "one.txt"
    small.write_text("مقال قصير وحيد\n", encoding="utf-8")
    total = big.stat().st_size + small.stat().st_size
    seen: list[tuple[int, int]] = []
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        importer = importing.Importer(project, advanced=lambda done, all_: seen.append((done, all_)))
        report = importer.run([big, small])
    assert report.documents == 201
    assert {all_ for _, all_ in seen} == {total}  # the total is known from the first report on
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == total
    # Within the big file the bar moves batch by batch, not only when the file is finished.
    assert len([d for d in done if 0 < d < big.stat().st_size]) >= 6
