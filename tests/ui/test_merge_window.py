"""File > Merge packages… brings the analysts' package files back (annotator.team.merge, all or
nothing) and says what each brought; the window follows sets changed beneath it, from a merge
or from an import of another analyst's native export."""

import json
import re
import sqlite3

from PySide6.QtWidgets import QFileDialog

from annotator import SEEDS
from annotator.core.model import Span
from annotator.store import Project, ProjectError
from annotator.team.assign import assign
from tests.ui.conftest import make_project
from tests.ui.test_annotating import drag


def package_files(project_path, out, names=("bob", "carol")):
    with Project.open(project_path) as project:
        assign(project, list(names), out, overlap=1.0)
    return [out / f"{name}.annotator" for name in names]


def first_word(text: str) -> tuple[int, int]:
    found = re.search(r"[\u0621-\u064a]{3,}", text)
    return found.start(), found.end()


def work(package, name, label="GPE", status="done"):
    """The analyst's work in their package: the first Arabic word of every document labelled."""
    with Project.open(package) as project:
        for doc_id, *_ in project.document_rows():
            doc = project.get_document(doc_id)
            start, end = first_word(doc.text)
            span = Span(f"{name}-{doc_id}", start, end, doc.text[start:end], "entity", label, annotator=name)
            project.replace_set(doc_id, name, [span], [])
            project.set_status(doc_id, status, name)  # as their window marks it: the document and the set


def sets(path):
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT doc_id, name, status FROM sets"))


def spans_of(path, name):
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT doc_id, start, label FROM spans WHERE annotator = ?", [name]))


def merge_with(window, monkeypatch, paths):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([str(p) for p in paths], ""))
    window.registry.actions["merge_packages"].trigger()


def test_merging_two_packages_stores_both_sets_and_says_what_each_brought(qtbot, tmp_path, demo_path, open_window,
                                                                         monkeypatch, dialogs):
    bob, carol = package_files(demo_path, tmp_path / "pk")
    work(bob, "bob")
    work(carol, "carol", "LOC", status="in_progress")
    window = open_window(demo_path)
    documents = len(window.doc_model.rows)
    merge_with(window, monkeypatch, [bob, carol])
    assert dialogs == []
    stored = sets(demo_path)
    assert {(name, status) for _, name, status in stored} == {("bob", "done"), ("carol", "in_progress")}
    assert len(stored) == 2 * documents
    assert {label for _, _, label in spans_of(demo_path, "carol")} == {"LOC"}
    said = window.message_label.text()
    assert f"Merged 2 packages: {2 * documents} document sets changed." in said
    assert f"bob: {documents} documents, {documents} changed; carol: {documents} documents, {documents} changed" \
        in said
    with Project.open(demo_path, readonly=True) as project:
        assert project.packages() and [p["annotator"] for p in project.packages()] == ["bob", "carol"]
    open_id = window.workspace.document.id  # its row counts the window's own set (_count_spans)
    listed = [tuple(row) for row in window.doc_model.rows if row[0] != open_id]
    # The list is the window's own set's: bob's and carol's statuses and spans are theirs.
    assert listed == [row for row in window.project.document_rows(window.annotator) if row[0] != open_id]
    assert all(row[2:] == ("new", 0) for row in listed)
    assert all(row[3] == 2 for row in window.project.document_rows())  # the merged spans are stored

    merge_with(window, monkeypatch, [bob, carol])  # again: nothing changes, and it says so
    assert sets(demo_path) == stored
    assert "Merged 2 packages: 0 document sets changed." in window.message_label.text()


def test_an_older_package_merged_after_a_newer_one_keeps_the_newer_work_and_says_so(qtbot, tmp_path, demo_path,
                                                                                   open_window, monkeypatch, dialogs):
    older, carol = package_files(demo_path, tmp_path / "round1", ("bob", "carol"))
    [newer] = package_files(demo_path, tmp_path / "round2", ("bob",))
    work(older, "bob", "GPE")
    work(carol, "carol", "GPE")
    work(newer, "bob", "LOC")
    window = open_window(demo_path)
    documents = len(window.doc_model.rows)
    merge_with(window, monkeypatch, [newer])
    merge_with(window, monkeypatch, [older, carol])
    assert dialogs == []
    assert {label for _, _, label in spans_of(demo_path, "bob")} == {"LOC"}
    assert {label for _, _, label in spans_of(demo_path, "carol")} == {"GPE"}
    assert (f"Merged 2 packages: {documents} document sets changed. bob: {documents} documents, 0 changed, "
            f"{documents} kept from a newer package; carol: {documents} documents, {documents} changed"
            ) in window.message_label.text()


def test_merging_the_windows_own_set_shows_it_and_drops_the_undo_history(qtbot, tmp_path, demo_path, open_window,
                                                                         monkeypatch, dialogs):
    [bob] = package_files(demo_path, tmp_path / "pk", ("bob",))
    work(bob, "bob")
    window = open_window(demo_path, annotator="bob")
    doc = window.workspace.document
    start, end = first_word(doc.text)
    other = next(m for m in re.finditer(r"[\u0621-\u064a]{3,}", doc.text) if m.start() > end)
    drag(qtbot, window.view, other.start(), other.end())  # work here that the package replaces
    qtbot.keyClick(window.view, "p")
    assert spans_of(demo_path, "bob") == [(doc.id, other.start(), "PERSON")]
    assert window.workspace.history.undo_text() is not None
    merge_with(window, monkeypatch, [bob])
    assert dialogs == []
    shown = [(s.start, s.end, s.label) for s in window.workspace.spans]
    assert shown == [(start, end, "GPE")]  # the package's set, read again from the store
    assert window.span_model.rowCount() == 1
    assert [row for row in spans_of(demo_path, "bob") if row[0] == doc.id] == [(doc.id, start, "GPE")]
    assert window.workspace.history.undo_text() is None  # undo would replay on replaced spans


def test_a_package_of_another_project_is_refused_and_nothing_is_merged(qtbot, tmp_path, demo_path, open_window,
                                                                       monkeypatch, dialogs):
    [mine] = package_files(demo_path, tmp_path / "mine", ("bob",))
    work(mine, "bob")
    other = make_project(tmp_path / "other.annotator", [SEEDS])
    [theirs] = package_files(other, tmp_path / "theirs", ("carol",))
    work(theirs, "carol")
    window = open_window(demo_path)
    before = sets(demo_path), spans_of(demo_path, "bob")
    merge_with(window, monkeypatch, [mine, theirs])
    [(_, title, text, _)] = dialogs
    assert title == "Merge refused" and f"{theirs} is a package of another project" in text
    assert "Merge refused: nothing was changed" in window.message_label.text()
    assert (sets(demo_path), spans_of(demo_path, "bob")) == before == ([], [])  # not even the good one
    with Project.open(demo_path, readonly=True) as project:
        assert project.packages() == []

    dialogs.clear()
    merge_with(window, monkeypatch, [other])  # a project, not a package
    [(_, title, text, _)] = dialogs
    assert title == "Merge refused" and "is a project, not a package" in text
    assert sets(demo_path) == []


def test_a_write_failing_midway_stores_nothing_and_says_not_saved(qtbot, tmp_path, demo_path, open_window,
                                                                  monkeypatch, dialogs):
    bob, carol = package_files(demo_path, tmp_path / "pk")
    work(bob, "bob")
    work(carol, "carol")
    window = open_window(demo_path)
    project = window.project
    calls = []

    def full_disk(*args):  # the second package's record: after the first package's sets were written
        calls.append(args)
        if len(calls) == 2:
            raise ProjectError(f"the disk holding {project.path} is full: free some space and try again",
                               "disk_full", path=project.path)

    monkeypatch.setattr(project, "record_package", full_disk)
    merge_with(window, monkeypatch, [bob, carol])
    assert len(calls) == 2 and sets(demo_path) == [] and spans_of(demo_path, "bob") == []
    [(_, title, text, _)] = dialogs
    assert title == "Not saved" and "is full" in text
    assert "Not saved:" in window.message_label.text()


def test_merge_is_disabled_read_only_and_inside_a_package(qtbot, tmp_path, demo_path, open_window, monkeypatch):
    [bob] = package_files(demo_path, tmp_path / "pk", ("bob",))
    window = open_window(demo_path)
    action = window.registry.actions["merge_packages"]
    assert action.isEnabled() and action in window.menuBar().actions()[0].menu().actions()
    window.show_new_project(Project.open(demo_path, readonly=True))
    assert not action.isEnabled()
    window.show_new_project(Project.open(bob))  # an analyst's package: it goes back, it takes nothing in
    assert window.annotator == "bob" and not action.isEnabled()
    called = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: called.append(args) or ([], ""))
    action.trigger()
    assert called == []
    window.show_new_project(Project.open(demo_path))
    assert action.isEnabled()


def test_importing_another_analysts_export_adds_their_set_and_says_so(qtbot, tmp_path, demo_path, open_window,
                                                                      dialogs):
    window = open_window(demo_path, annotator="amal")
    doc = window.workspace.document
    start, end = first_word(doc.text)
    record = {"text": doc.text, "status": "done", "schema_version": 1,
              "spans": [{"start": start, "end": end, "label": "ORG", "layer": "entity", "annotator": who}
                        for who in ("bob", "amal")]}
    source = tmp_path / "team.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    report = window.import_paths([source])
    assert (report.sets_added, report.duplicates) == (2, [])
    assert "Annotators' sets of documents already in the project: 2 added, 0 replaced, 0 unchanged." in \
        window.message_label.text()
    assert dialogs == []
    # amal's own set changed beneath the window: the open document shows it at once
    assert [(s.start, s.end, s.label, s.annotator) for s in window.workspace.spans] == [(start, end, "ORG", "amal")]
    assert {(d, n) for d, n, _ in sets(demo_path)} == {(doc.id, "bob"), (doc.id, "amal")}
    again = window.import_paths([source])
    assert again.sets_unchanged == 2 and "0 added, 0 replaced, 2 unchanged." in window.message_label.text()

