"""Review mode on the real window (issue 12, adjudication): three annotators' sets of a seed
article, entered through View > Review, decided with the real keys, checked in the database
(the gold set, the rejections, the gold set's status), then exported as the gold set."""

import json
import sqlite3
import time
from pathlib import Path

from click.testing import CliRunner
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from annotator import SEEDS
from annotator.cli import cli
from annotator.core.model import Span, new_id
from annotator.store import Project
from annotator.store.documents import SpanFilter
from tests.ui.conftest import make_project

SHOTS = Path("/tmp/shots")
SEED = SEEDS / "000_2b33112958e51758.txt"
ANNOTATORS = ("amal", "badr", "carim")


def phrase_span(text, phrase, label, who, after=0):
    start = text.index(phrase, after)
    return Span(new_id(), start, start + len(phrase), phrase, "entity", label, None, {}, who)


def build(tmp_path):
    """A project of the seed article with three annotators' sets (replace_set): two agreed
    spans, a label conflict, a boundary conflict (crossing spans) and a lone span."""
    path = make_project(tmp_path / "review.annotator", [SEED])
    with Project.open(path) as project:
        doc_id, _ = next(iter(project.document_texts()))
        text = project.get_document(doc_id).text
        line = text.index("في خطوة هامة")
        plan = {  # (phrase, label) per annotator
            "amal": [("أندريه بيلوسوف", "PERSON"), ("كوريا الشمالية", "GPE"), ("وكالات الأنباء الروسية", "ORG"),
                     ("تعزيز التعاون العسكري", "EVENT")],
            "badr": [("أندريه بيلوسوف", "PERSON"), ("كوريا الشمالية", "GPE"), ("وكالات الأنباء الروسية", "NORP"),
                     ("العسكري بين البلدين", "EVENT")],
            "carim": [("أندريه بيلوسوف", "PERSON"), ("كوريا الشمالية", "GPE"), ("وكالات الأنباء الروسية", "ORG"),
                      ("اليوم الجمعة", "DATE")],
        }
        for who, marks in plan.items():
            spans = [phrase_span(text, phrase, label, who, line) for phrase, label in marks]
            project.replace_set(doc_id, who, spans, [], "done")
    return path, doc_id, text, line


def gold_rows(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT text, label FROM spans WHERE annotator = 'gold' ORDER BY start, label").fetchall()
    finally:
        conn.close()


def rejected_rows(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute('SELECT start, "end", label FROM rejections ORDER BY start, label').fetchall()
    finally:
        conn.close()


def gold_status(path, doc_id):
    with Project.open(path, readonly=True) as project:
        return project.document_sets([doc_id])[doc_id].get("gold")


def outlined(window):
    focused = window.view.focused_suggestion()
    return (window.view.text()[focused.start:focused.end], focused.label) if focused else None


def shot(widget, name):
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"review_{name}.png"))


def enter_review(qtbot, window):
    window.registry.actions["review"].trigger()
    qtbot.waitUntil(lambda: window.review.result is not None, timeout=5000)
    QApplication.processEvents()


def test_adjudicating_a_seed_article_into_gold_with_the_keys(qtbot, tmp_path, open_window):
    path, doc_id, text, line = build(tmp_path)
    window = open_window(path)
    window.open_document(doc_id)
    view = window.view
    enter_review(qtbot, window)
    assert window.annotator == "gold" and window.registry.actions["review"].isChecked()
    # What all three marked alike went into gold at once, as one undoable action.
    qtbot.waitUntil(lambda: len(gold_rows(path)) == 2, timeout=3000)
    assert gold_rows(path) == [("أندريه بيلوسوف", "PERSON"), ("كوريا الشمالية", "GPE")]
    assert window.workspace.history.undo_text()
    panel = window.review.panel
    assert window.review.result.annotators == ANNOTATORS
    # Open: the two labels of the agency, the two crossing events, carim's date.
    assert sorted((c.text, c.label, c.annotators) for c in window.review.rows) == sorted([
        ("وكالات الأنباء الروسية", "ORG", ("amal", "carim")), ("وكالات الأنباء الروسية", "NORP", ("badr",)),
        ("تعزيز التعاون العسكري", "EVENT", ("amal",)), ("العسكري بين البلدين", "EVENT", ("badr",)),
        ("اليوم الجمعة", "DATE", ("carim",))])
    assert panel.model.rowCount() == 5 and "2/3" in [panel.model.index(r, 3).data() for r in range(5)]
    view.setFocus()
    shot(window, "window")
    shot(panel, "panel")

    # Alt+Down: the first disagreement in reading order (carim's date comes first in the text).
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert outlined(window) == ("اليوم الجمعة", "DATE")
    assert panel.selected_row() == window.review.rows.index(window.review.current())
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    first_agency = outlined(window)
    assert first_agency[0] == "وكالات الأنباء الروسية"
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert outlined(window) == ("اليوم الجمعة", "DATE")

    # Delete rejects the outlined candidate (kept in the rejections), and the next is outlined.
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    date = text.index("اليوم الجمعة", line)
    assert rejected_rows(path) == [(date, date + len("اليوم الجمعة"), "DATE")]
    assert outlined(window)[0] == "وكالات الأنباء الروسية"

    # 2: badr's version of the agency conflict: NORP into gold, amal's and carim's ORG rejected.
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert ("وكالات الأنباء الروسية", "NORP") in gold_rows(path)
    assert ("وكالات الأنباء الروسية", "ORG") not in gold_rows(path)
    assert {r[2] for r in rejected_rows(path)} == {"DATE", "ORG"}
    assert outlined(window)[0] == "تعزيز التعاون العسكري"

    # Enter accepts amal's event; badr's crosses it (entities nest, never cross): rejected with it.
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert ("تعزيز التعاون العسكري", "EVENT") in gold_rows(path)
    assert {r[2] for r in rejected_rows(path)} == {"DATE", "ORG", "EVENT"}
    assert window.review.rows == [] and panel.model.rowCount() == 0
    shot(panel, "decided")

    # Ctrl+Z undoes the last decision only: the two events are open again, nothing else changed.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ("تعزيز التعاون العسكري", "EVENT") not in gold_rows(path)
    assert {r[2] for r in rejected_rows(path)} == {"DATE", "ORG"}
    assert sorted(c.text for c in window.review.rows) == ["العسكري بين البلدين", "تعزيز التعاون العسكري"]
    # Esc rejects the outlined one; the other is then taken with Enter.
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    rejected_event = outlined(window)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert len(window.review.rows) == 1
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    kept_event = outlined(window)
    assert kept_event != rejected_event
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert kept_event in gold_rows(path) and rejected_event not in gold_rows(path)

    # Ctrl+Enter: the gold set of this document is done.
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert gold_status(path, doc_id) == "done"

    # Leaving review returns to amal's own set.
    window.registry.actions["review"].trigger()
    assert window.annotator == "amal" and not window.review.active
    assert not window.registry.actions["next_disagreement"].isEnabled()
    window.close()

    expected = sorted([("أندريه بيلوسوف", "PERSON"), ("كوريا الشمالية", "GPE"), ("وكالات الأنباء الروسية", "NORP"),
                       kept_event])
    with Project.open(path, readonly=True) as project:
        exported = [s for d in project.iter_documents(spans=SpanFilter(set_name="gold")) for s in d.spans]
    assert sorted((s.text, s.label) for s in exported) == expected
    assert {s.annotator for s in exported} == {"gold"}
    # The command line's export of the gold set gives exactly the same spans.
    out = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(cli, ["export", str(path), "--set", "gold", "-o", str(out)],
                                env={"ANNOTATOR_NAME": "amal"})
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines() if line.strip()]
    assert sorted((s["text"], s["label"]) for r in records for s in r["spans"]) == expected
    assert {s["annotator"] for r in records for s in r["spans"]} == {"gold"}


def test_pre_accept_can_be_turned_off_and_is_remembered(qtbot, tmp_path, open_window):
    path, doc_id, _, _ = build(tmp_path)
    window = open_window(path)
    window.open_document(doc_id)
    enter_review(qtbot, window)
    qtbot.waitUntil(lambda: len(gold_rows(path)) == 2, timeout=3000)
    # Undone, the pre-accepted spans stay out of gold (reviewing the document again does not redo it).
    window.undo()
    assert gold_rows(path) == []
    window.review.panel.preaccept.setChecked(False)
    window.registry.actions["review"].trigger()  # leave
    window.close()

    window = open_window(path)
    window.open_document(doc_id)
    enter_review(qtbot, window)
    assert not window.review.panel.preaccept.isChecked()
    QApplication.processEvents()
    assert gold_rows(path) == []
    agreed = [c for c in window.review.rows if c.agreed]
    assert len(agreed) == 2 and len(window.review.rows) == 7
    # A (accept all) takes the agreed ones only, as one action.
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert gold_rows(path) == [("أندريه بيلوسوف", "PERSON"), ("كوريا الشمالية", "GPE")]
    window.undo()
    assert gold_rows(path) == []


def test_a_5000_span_article_by_three_annotators_enters_review_and_accepts_without_lag(qtbot, tmp_path,
                                                                                    open_window, capsys):
    words = ["وزير", "الدفاع", "الروسي", "أندريه", "بيلوسوف", "كوريا", "الشمالية", "بيونغ", "يانغ", "موسكو"]
    text = "".join(words[n % len(words)] + ("\n" if n % 25 == 24 else " ") for n in range(10000))
    source = tmp_path / "long.txt"
    source.write_text(text, "utf-8")
    path = make_project(tmp_path / "long.annotator", [source])
    starts = []
    position = 0
    for n in range(10000):
        starts.append(position)
        position += len(words[n % len(words)]) + 1
    with Project.open(path) as project:
        doc_id, _ = next(iter(project.document_texts()))
        for k, who in enumerate(ANNOTATORS):
            spans = []
            for m in range(5000):
                n = 2 * m
                end = starts[n] + len(words[n % len(words)])
                label = "ORG" if (m + k) % 7 == 0 else "PERSON"  # a label conflict every few spans
                spans.append(Span(new_id(), starts[n], end, text[starts[n]:end], "entity", label, None, {}, who))
            project.replace_set(doc_id, who, spans, [], "done")
    window = open_window(path)
    window.open_document(doc_id)
    QApplication.processEvents()
    began = time.perf_counter()
    enter_review(qtbot, window)
    qtbot.waitUntil(lambda: len(window.workspace.spans) > 0, timeout=10000)
    entered = time.perf_counter() - began
    rows = len(window.review.rows)
    assert rows > 1000 and window.review.result.conflicts
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    began = time.perf_counter()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    accepted = time.perf_counter() - began
    assert len(window.review.rows) < rows
    began = time.perf_counter()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = time.perf_counter() - began
    assert len(window.review.rows) == rows
    with capsys.disabled():
        print(f"\nreview of 5000 spans x 3: enter {entered * 1000:.0f} ms (with pre-accepting "
              f"{len(window.workspace.spans)} agreed), accept {accepted * 1000:.0f} ms, undo {undone * 1000:.0f} ms, "
              f"{rows} open candidates")
    assert accepted < 0.5 and undone < 0.5


def test_the_review_list_drives_the_same_decisions_by_keyboard(qtbot, tmp_path, open_window):
    path, doc_id, text, line = build(tmp_path)
    window = open_window(path)
    window.open_document(doc_id)
    enter_review(qtbot, window)
    qtbot.waitUntil(lambda: len(gold_rows(path)) == 2, timeout=3000)
    table = window.review.panel.table
    # A click on the first row outlines its candidate in the article; the arrows go on from it.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(window.review.panel.model.index(0, 0)).center())
    assert outlined(window) == ("اليوم الجمعة", "DATE")
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.review.panel.selected_row() == 1
    assert outlined(window) == ("وكالات الأنباء الروسية", "NORP")
    # 3 on badr's NORP row: carim's version of the agency (ORG, with amal) into gold, NORP rejected.
    qtbot.keyClick(table, Qt.Key.Key_3)
    assert ("وكالات الأنباء الروسية", "ORG") in gold_rows(path)
    assert [r[2] for r in rejected_rows(path)] == ["NORP"]
    # 4 on a document of three annotators: said, nothing stored.
    qtbot.keyClick(table, Qt.Key.Key_4)
    assert "3 annotators" in window.message_label.text()
    assert len(gold_rows(path)) == 3
    # Esc in the article with nothing outlined rejects nothing (it would reject every candidate).
    window.view.setFocus()
    window.view.set_suggestions(window.view.suggestions, focus=None)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert [r[2] for r in rejected_rows(path)] == ["NORP"]
    # The Accept button takes the outlined row.
    window.review._outline(0)
    first = outlined(window)
    qtbot.mouseClick(window.review.panel.findChild(QPushButton, "review_accept"), Qt.MouseButton.LeftButton)
    assert first in gold_rows(path)


def test_untrusted_annotator_names_show_neutralised(qtbot, tmp_path, open_window):
    path = make_project(tmp_path / "names.annotator", [SEED])
    hostile = "eve\u202eexe.txt"
    with Project.open(path) as project:
        doc_id, text = next(iter(project.document_texts()))
        for who in (hostile, "<b>bold</b>"):
            project.replace_set(doc_id, who, [phrase_span(text, "أندريه بيلوسوف", "PERSON", who),
                                              phrase_span(text, "اليوم الجمعة", "DATE", who)][: 1 + (who == hostile)],
                                [], "done")
    window = open_window(path)
    window.open_document(doc_id)
    enter_review(qtbot, window)
    panel = window.review.panel
    texts = [w.text() for w in panel.legend_box.findChildren(QLabel) if w.text()]
    assert any("⟦RLO⟧" in t for t in texts) and not any("\u202e" in t for t in texts)
    assert all(w.textFormat() == Qt.TextFormat.PlainText for w in panel.legend_box.findChildren(QLabel) if w.text())
    who = [panel.model.index(r, 2).data() for r in range(panel.model.rowCount())]
    assert who and all("\u202e" not in w for w in who) and any("⟦RLO⟧" in w for w in who)
