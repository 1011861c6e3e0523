"""Prodigy ner.teach output: many tasks of one text (one span asked at a time, answered accept,
reject or ignore) become one document per text; a rejected span is kept as a rejected suggestion
of it, so the window never proposes it again; ignored tasks are counted and skipped."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io import importing
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.workspace import Workspace

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEACH = Path(__file__).parent / "data" / "prodigy" / "ner_teach_ar.jsonl"
TASKS = [json.loads(line) for line in TEACH.read_text("utf-8").splitlines()]
T1, T2 = TASKS[0]["text"], TASKS[1]["text"]
ANNOTATOR = Path(sys.executable).with_name("annotator")


def at(text: str, sub: str, n: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(n):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def stored(project) -> dict[str, tuple]:
    """text -> (sorted (start, end, label) of its spans, its rejected keys)"""
    return {d.text: (sorted((s.start, s.end, s.label) for s in d.spans), project.rejections(d.id))
            for d in project.iter_documents()}


EXPECTED = {
    T1: (sorted([(*at(T1, "سيرغي لافروف"), "PERSON"), (*at(T1, "موسكو"), "GPE")]),
         {(*at(T1, "موسكو", 2), "entity", "GPE"), (*at(T1, "وزير"), "entity", "PERSON")}),
    T2: (sorted([(*at(T2, "الأمم المتحدة"), "ORG"), (*at(T2, "جنيف"), "GPE")]),
         {(*at(T2, "جنيف"), "entity", "PERSON")}),
}


@pytest.mark.parametrize("batch", [500, 1, 2, 3])
def test_tasks_of_one_text_become_one_document(tmp_path, monkeypatch, batch):
    # batch 1: every task is stored in its own transaction, so the later tasks of a text join a
    # document stored by an earlier batch (read back, joined, written in the next one)
    monkeypatch.setattr(importing, "BATCH_DOCS", batch)
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [TEACH])
        assert stored(project) == EXPECTED
    assert (report.documents, report.spans, report.formats) == (2, 4, {"jsonl": 2})
    assert report.prodigy_answers == {"reject": 3, "ignore": 1}
    assert report.joined == 2  # the accepted tasks after the first of each text
    assert not report.duplicates and not report.rejected and not report.warnings


def test_a_rejected_span_is_never_suggested_again(tmp_path):
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        import_paths(project, [TEACH])
        [doc_id] = [d.id for d in project.iter_documents() if d.text == T1]
        ws = Workspace(project, "amal")
        ws.open_document(doc_id)
        [moscow] = [s for s in ws.spans if s.text == "موسكو"]
        second = (*at(T1, "موسكو", 2), "entity", "GPE")
        assert [s.key() for s in ws.variant_suggestions(moscow.id)] == []
        # a known entity would propose the second «موسكو» as its mention: rejected, it is not
        ws.link_new_entity(moscow.id)
        assert second not in [s.key() for s in ws.document_suggestions()]
        # what the rejection held back: without it both ways propose the span
        project.unreject_suggestions(doc_id, [second])
        assert [s.key() for s in ws.variant_suggestions(moscow.id)] == [second]
        assert second in [s.key() for s in ws.document_suggestions()]


def test_cli_counts_answers_and_a_reimport_is_all_duplicates(tmp_path):
    path = tmp_path / "p.annotator"
    env = {**os.environ, "ANNOTATOR_NAME": "amal"}

    def run(*args):
        return subprocess.run([str(ANNOTATOR), *map(str, args)], capture_output=True, text=True, env=env)

    assert run("init", path).returncode == 0
    first = run("import", path, TEACH)
    assert first.returncode == 0, first.stderr
    assert "imported 2 documents (4 spans, 0 relations) from 1 files; 0 duplicates skipped" in first.stdout
    assert "3 Prodigy tasks answered reject (kept as rejected suggestions), 1 ignore (skipped)" in first.stdout
    assert "2 accepted Prodigy tasks joined the document of their text" in first.stdout
    with Project.open(path) as project:
        before = stored(project)
    again = run("import", path, TEACH)
    assert again.returncode == 0, again.stderr
    # every task but the ignored one is a duplicate: its text was in the project before
    assert "imported 0 documents (0 spans, 0 relations) from 1 files; 7 duplicates skipped" in again.stdout
    assert again.stderr.count("already in the project (duplicate, skipped)") == 7
    assert "0 Prodigy tasks answered reject (kept as rejected suggestions), 1 ignore (skipped)" in again.stdout
    with Project.open(path) as project:
        assert stored(project) == before == EXPECTED


def test_a_text_in_the_project_before_stays_a_duplicate(tmp_path):
    plain = tmp_path / "t1.jsonl"
    plain.write_text(json.dumps({"text": T1}, ensure_ascii=False) + "\n", "utf-8")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        import_paths(project, [plain])
        report = import_paths(project, [TEACH])
        docs = stored(project)
    assert docs[T1] == ([], set()) and docs[T2] == EXPECTED[T2]
    assert sorted(int(line.split(":")[-2]) for line in report.duplicates) == [1, 3, 4, 8]
    assert report.prodigy_answers == {"reject": 1, "ignore": 1} and report.joined == 1


def test_with_as_suggestions_reject_and_ignore_are_counted_and_skipped(tmp_path):
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [TEACH], as_suggestions=True)
        docs = list(project.iter_documents())
        suggested = {d.text: sorted((s.start, s.end, s.label) for s in project.suggestions(d.id)) for d in docs}
        rejections = [project.rejections(d.id) for d in docs]
    assert report.prodigy_answers == {"reject": 3, "ignore": 1}
    assert suggested == {text: spans for text, (spans, _) in EXPECTED.items()}
    assert rejections == [set(), set()]


def write(path: Path, tasks) -> Path:
    path.write_text("".join(json.dumps({**t, "_input_hash": 7, "answer": t.get("answer", "accept")},
                                       ensure_ascii=False) + "\n" for t in tasks), "utf-8")
    return path


def test_a_joining_task_keeps_what_the_rules_allow_and_says_what_not(tmp_path):
    text = "قال وزير الخارجية سيرغي لافروف"
    said, minister, ministry, lavrov = (dict(zip(("start", "end"), at(text, sub))) for sub in
                                        ("قال", "وزير الخارجية", "الخارجية سيرغي", "سيرغي لافروف"))
    source = write(tmp_path / "rel.jsonl", [
        {"text": text, "spans": [{**lavrov, "label": "PERSON"}]},
        # the same PERSON again (kept once), with a relation that then ends on the kept span
        {"text": text, "spans": [{**lavrov, "label": "PERSON"}, {**minister, "label": "ORG"}],
         "relations": [{"head_span": {**lavrov, "label": "PERSON"}, "child_span": {**minister, "label": "ORG"},
                        "label": "member_of"}]},
        # crosses both earlier spans (the entity layer only nests): not kept, nor its relation
        {"text": text, "spans": [{**said, "label": "EVENT"}, {**ministry, "label": "ORG"}],
         "relations": [{"head_span": {**said, "label": "EVENT"}, "child_span": {**ministry, "label": "ORG"},
                        "label": "at"}]},
    ])
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
        [doc] = list(project.iter_documents())
    assert report.documents == 1 and report.joined == 2 and not report.rejected
    by_id = {s.id: s for s in doc.spans}
    assert sorted((s.text, s.label) for s in doc.spans) == [
        ("سيرغي لافروف", "PERSON"), ("قال", "EVENT"), ("وزير الخارجية", "ORG")]
    assert [(by_id[r.head].text, by_id[r.child].text, r.label) for r in doc.relations] == [
        ("سيرغي لافروف", "وزير الخارجية", "member_of")]
    assert [(w.line, w.code) for w in report.warnings] == [
        (2, "task_duplicate_span"), (3, "task_overlap"), (3, "task_relation")]
    assert report.warnings[1].reason == (
        f"span {ministry['start']}-{ministry['end']} ORG is not kept: it crosses ORG "
        f"{minister['start']}-{minister['end']} of an earlier task of this text, which layer entity does not allow")


def test_records_of_one_text_without_prodigy_hashes_stay_duplicates(tmp_path):
    # hand-written spaCy-style records (no _input_hash) are not Prodigy's tasks of one input
    source = tmp_path / "two.jsonl"
    source.write_text("".join(json.dumps({"text": T1, "spans": [{**dict(zip(("start", "end"), at(T1, sub))),
                                                                 "label": "GPE"}], "answer": "accept"},
                                         ensure_ascii=False) + "\n" for sub in ("موسكو", "لافروف")), "utf-8")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
    assert report.documents == 1 and report.joined == 0
    assert report.duplicates == [f"{source}:2: same text as {source}:1"]
