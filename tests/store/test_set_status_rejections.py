"""Status and rejections belong to an annotation set (issue 12, file version 7): what one analyst
marks done or rejects is theirs; another analyst opening the document sees their own status and
still gets the suggestion, and so does an analyst after the curator rejected it in review."""

import sqlite3

import pytest

from annotator import RESOURCES
from annotator.core.model import Entity
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project, migrations
from annotator.store.sets import GOLD
from annotator.store.workspace import Workspace

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "قال شويغو إن روسيا ستدعم بيونغ يانغ. وأكد شويجو أن وفد روسيا زار بيونج يانج."
OTHER = "التقى شويغو بوزير الدفاع في موسكو ثم عاد إلى روسيا."


def at(word, text=TEXT, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def rows(path, sql, params=()):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def project(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "b.txt").write_text(OTHER, "utf-8")
    made = Project.create(tmp_path / "p.annotator", NEWS)
    import_paths(made, [tmp_path / "a.txt", tmp_path / "b.txt"])
    yield made
    if not made.closed:
        made.close()


def first_doc(project):
    return project.document_rows()[0][0]


def test_one_analysts_done_is_not_anothers_and_undo_gives_each_status_back(project):
    doc = first_doc(project)
    amal = Workspace(project, "amal")
    amal.open_document(doc)
    amal.add_span(*at("شويغو"), "PERSON")
    amal.set_status("done")
    badr = Workspace(project, "badr")
    assert badr.open_document(doc).status == "new"  # amal's done is hers
    assert [s.annotator for s in badr.spans] == []
    change = badr.add_span(*at("روسيا"), "GPE")  # badr's first action puts his set in progress
    assert change.status == "in_progress" and badr.document.status == "in_progress"
    assert project.document_sets([doc]) == {doc: {"amal": "done", "badr": "in_progress"}}
    assert project.document_rows("amal")[0][2:] == ("done", 1) and project.document_rows("badr")[0][2:] == (
        "in_progress", 1)
    badr.undo()  # his set new again, and the document's own status back to amal's done
    assert badr.document.status == "new" and project.document_status(doc) == "done"
    assert project.set_status_of(doc, "amal") == "done" and project.set_status_of(doc, "badr") == "new"
    badr.set_status("skipped")
    badr.undo()
    assert project.document_status(doc) == "done" and project.set_status_of(doc, "badr") == "new"
    badr.redo()
    assert project.set_status_of(doc, "badr") == "skipped" and project.set_status_of(doc, "amal") == "done"
    # Shown read-only, a set shows its own status; back to one's own, one's own.
    badr.view_set("amal")
    assert badr.open_document(doc).status == "done"
    badr.view_set(None)
    assert badr.open_document(doc).status == "skipped"
    assert amal.open_document(doc).status == "done"


def test_an_imported_status_and_unattributed_work_hold_for_everyone(project):
    doc = first_doc(project)
    project.set_status(doc, "done")  # as an import or a project from before sets leaves it
    for name in ("amal", "badr"):
        assert Workspace(project, name).open_document(doc).status == "done"
    # Gold is nobody's unattributed work: the curator starts it.
    assert Workspace(project, GOLD).open_document(doc).status == "done"
    unattributed = Workspace(project, "")
    unattributed.open_document(doc)
    unattributed.add_span(*at("شويغو"), "PERSON")  # done: stays done, no status change
    assert Workspace(project, "badr").open_document(doc).status == "done"
    assert Workspace(project, GOLD).open_document(doc).status == "new"


def mentions(ws):
    """The known-entity mentions of روسيا the workspace suggests in its open document."""
    return [(s.start, s.end) for s in ws.document_suggestions() if s.label == "GPE"]


def test_a_rejection_hides_the_suggestion_from_its_own_set_only(project, tmp_path):
    doc, other = (row[0] for row in project.document_rows())
    project.insert_entity(Entity("e1", "GPE", "روسيا"))
    amal, badr = Workspace(project, "amal"), Workspace(project, "badr")
    amal.open_document(doc)
    badr.open_document(doc)
    both = [at("روسيا"), at("روسيا", nth=1)]
    assert mentions(amal) == mentions(badr) == both
    first = next(s for s in badr.document_suggestions() if (s.start, s.end) == both[0])
    badr.reject_suggestions([first])
    assert mentions(badr) == both[1:] and mentions(amal) == both  # amal still gets it
    assert rows(project.path, "SELECT set_name, start FROM rejections") == [("badr", both[0][0])]
    # A find's matches across the corpus leave out only the finder's own rejections.
    elsewhere = badr.matches_elsewhere("روسيا", "GPE")
    assert [(s.start, s.end) for s in elsewhere[other]] == [at("روسيا", OTHER)]
    badr.open_document(other)
    badr.reject_suggestions([s for s in badr.document_suggestions() if s.label == "GPE"])
    badr.open_document(doc)
    assert badr.matches_elsewhere("روسيا", "GPE") == {}
    assert [(s.start, s.end) for s in amal.matches_elsewhere("روسيا", "GPE")[other]] == [at("روسيا", OTHER)]
    # The curator's rejection in review is gold's: every analyst still gets the suggestion.
    curator = Workspace(project, GOLD)
    curator.open_document(doc)
    curator.take_spans([], reject=[s for s in curator.document_suggestions() if s.label == "GPE"])
    assert mentions(curator) == [] and mentions(amal) == both and mentions(badr) == both[1:]
    curator.undo()
    assert mentions(curator) == both and mentions(badr) == both[1:]
    # It lasts: a new session of amal and of badr.
    project.close()
    with Project.open(tmp_path / "p.annotator") as again:
        amal, badr = Workspace(again, "amal"), Workspace(again, "badr")
        amal.open_document(doc)
        badr.open_document(doc)
        assert mentions(amal) == both and mentions(badr) == both[1:]
        assert again.check().problems == []


# The table as versions 4 to 6 made it (before sets): the migration's own definition.
V6_REJECTIONS = migrations._V4


def test_a_version_6_file_keeps_its_rejections_for_everyone(project, tmp_path):
    doc, other = (row[0] for row in project.document_rows())
    path = project.path
    project.close()
    conn = sqlite3.connect(path)  # the rejections table and indexes exactly as version 6 had them
    conn.execute("DROP TABLE rejections")
    conn.execute("DROP INDEX spans_doc_annotator")
    conn.execute(V6_REJECTIONS)
    made = [(doc, *at("روسيا"), "entity", "GPE", "t1"), (other, *at("موسكو", OTHER), "entity", "GPE", "t2")]
    conn.executemany('INSERT INTO rejections (doc_id, start, "end", layer, label, created) VALUES (?, ?, ?, ?, ?, ?)',
                     made)
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    with Project.open(path) as opened:
        assert opened.backup == path.with_name("p.annotator.v6.bak")
        assert opened.db.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version() == 7
        for name in ("amal", "badr", GOLD, None):  # made before sets: they hold for every set
            assert opened.rejections(doc, name) == {(*at("روسيا"), "entity", "GPE")}
        assert opened.check().problems == []
        opened.insert_entity(Entity("e1", "GPE", "روسيا"))
        amal = Workspace(opened, "amal")
        amal.open_document(doc)
        assert mentions(amal) == [at("روسيا", nth=1)]
    assert rows(path, 'SELECT doc_id, set_name, start, "end", layer, label, created FROM rejections ORDER BY created') \
        == [(d, "", *rest) for d, *rest in made]
    assert rows(path, "SELECT name FROM sqlite_master WHERE name = 'spans_doc_annotator'") == [("spans_doc_annotator",)]
    assert rows(path, "PRAGMA foreign_key_check") == []
    assert rows(path.with_name("p.annotator.v6.bak"), "PRAGMA user_version") == [(6,)]
