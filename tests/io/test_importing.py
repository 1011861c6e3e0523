"""Import runs: batches, duplicates, ids, labels learnt from the data."""

import json

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io import importing
from annotator.io.importing import import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")


def write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_new_label_first_seen_in_a_rejected_line_is_still_added(tmp_path):
    source = write(tmp_path / "in.jsonl", [
        {"text": "صاروخ", "label": [[0, 5, "WEAPON"], [0, 9, "WEAPON"]]},  # rejected: out of range
        {"text": "دبابة", "label": [[0, 5, "WEAPON"]]},
    ])
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
        assert len(report.rejected) == 1 and report.documents == 1
        assert report.added_labels == ["entity/WEAPON"]
        assert project.schema.label("WEAPON").layer == "entity"


def test_batches_and_duplicates_within_and_across_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_DOCS", 3)
    records = [{"text": f"مقال رقم {n}"} for n in range(10)] + [{"text": "مقال رقم 4"}]
    source = write(tmp_path / "in.jsonl", records)
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
        assert report.documents == 10 and len(report.duplicates) == 1
        assert report.duplicates[0].startswith(f"{source}:11: same text as {source}:5")
        again = import_paths(project, [source])
        assert again.documents == 0 and len(again.duplicates) == 11
        titles = [d.meta["title"] for d in project.iter_documents()]
        assert titles == [f"مقال رقم {n}" for n in range(10)]  # import order kept


def test_given_ids_are_kept_and_clashes_replaced(tmp_path):
    first = write(tmp_path / "a.jsonl", [{"id": 7, "text": "أول", "label": [[0, 3, "GPE"]]}])
    second = write(tmp_path / "b.jsonl", [{"id": "7", "text": "ثاني"}])
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        import_paths(project, [first])
        report = import_paths(project, [second])
        assert report.renamed_ids == 1
        ids = [d.id for d in project.iter_documents()]
        assert ids[0] == "7" and ids[1] != "7" and len(ids[1]) == 16


def test_span_id_clash_is_renamed_and_relations_follow(tmp_path):
    def record(text):
        return {"text": text, "status": "new", "schema_version": 1,
                "spans": [{"id": "c", "start": 0, "end": 3, "label": "CLAIM"},
                          {"id": "p", "start": 4, "end": 9, "label": "PERSON"}],
                "relations": [{"id": "r", "head": "c", "child": "p", "label": "claimant"}]}

    source = write(tmp_path / "in.jsonl", [record("قال بوتين"), record("قيل بوتين")])
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
        assert report.documents == 2 and not report.rejected
        second = list(project.iter_documents())[1]
        ids = {s.label: s.id for s in second.spans}
        assert ids["CLAIM"] != "c" and ids["PERSON"] != "p"
        assert (second.relations[0].head, second.relations[0].child) == (ids["CLAIM"], ids["PERSON"])


def test_folder_import_skips_hidden_and_unknown_files(tmp_path):
    folder = tmp_path / "in"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "x.txt").write_text("مخفي", "utf-8")
    (folder / "a.txt").write_text("ظاهر", "utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [folder, tmp_path / "missing"])
        assert report.documents == 1
        assert report.skipped_files == [str(folder / "photo.png")]
        assert [str(r) for r in report.rejected] == [f"{tmp_path / 'missing'}: no such file or folder"]
