"""Format detection goes by content: a file named with a wrong or no suffix is read by the reader
its content calls for, the same whether named or found in a folder; what is not text is refused
with what it is."""

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io.detect import detect
from annotator.io.importing import import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
DATA = Path(__file__).parent / "data"
TEXT = "قال بوتين 🙂 إن موسكو"

# doccano's CoNLL export: token TAB tag, a blank line between sentences.
DOCCANO_CONLL = "قال\tO\nبوتين\tB-PERSON\n\nفي\tO\nموسكو\tB-LOCATION\n"
# WikiFANE/NewsFANE: BOM, CRLF, U+200E before each token, tab-only sentence breaks, BIOES.
FANE_CONLL = "\ufeff\u200eقال O\r\n\u200eفلاديمير B-PER\r\n\u200eبوتين E-PER\r\n\t\r\n\u200eأمس O\r\n"
# CoNLL-2003 with -DOCSTART- and extra columns.
CONLL_2003 = "-DOCSTART- -X- -X- O\n\nقال VBD B-VP O\nبوتين NNP B-NP B-PER\n"


def write(path: Path, content) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8", newline="")
    return path


@pytest.mark.parametrize("name, content, expected", [
    ("doccano.txt", DOCCANO_CONLL, "conll"),  # a doccano .conll named .txt
    ("fane", FANE_CONLL, "conll"),
    ("conll2003.dat", CONLL_2003, "conll"),
    ("train.out", json.dumps({"text": TEXT, "status": "done", "spans": []}, ensure_ascii=False) + "\n"
     + json.dumps({"text": "ب", "label": [[0, 1, "PERSON"]]}, ensure_ascii=False) + "\n", "jsonl"),
    ("export.json", json.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": []}], indent=2), "labelstudio"),
    ("export.jsonl", json.dumps({"data": {"text": TEXT}, "predictions": []}) + "\n", "labelstudio"),
    ("min.json", json.dumps([{"text": TEXT, "id": 3, "label": [{"start": 4, "end": 9, "text": "بوتين",
                                                              "labels": ["PERSON"]}]}]), "labelstudio"),
    ("doccano.json", json.dumps([{"text": TEXT, "label": [[4, 9, "PERSON"]]}], indent=1), "jsonl"),
    ("one.record", json.dumps({"text": TEXT, "spans": []}, indent=2), "jsonl"),
    ("x.ann", "T1\tPERSON 4 9\tبوتين\nR1\tclaimant Arg1:T1 Arg2:T1\n#1\tAnnotatorNotes T1\tملاحظة\n", "brat"),
    ("tagged.txt", "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|label\n\n", "webanno"),
    ("page.txt", "<!DOCTYPE html>\n<html><body><p>خبر</p></body></html>", "html"),
    ("tweets.dat", "tweet_id\ttext\tclass_label\n1\tقال بوتين\tyes\n", "csv"),
    ("article.md", TEXT + "\n\nفقرة ثانية، وفيها فاصلة.\n", "txt"),
    ("brackets.txt", "[عاجل] " + TEXT + "\n", "txt"),  # a bracket in prose is not JSON
    ("titled.txt", "Putin, Xi meet\nA paragraph, with commas, and more.\n", "txt"),
])
def test_each_shape_is_detected_from_its_content(tmp_path, name, content, expected):
    found, reason = detect(write(tmp_path / name, content))
    assert found == expected, reason


@pytest.mark.parametrize("name, content, what", [
    ("photo", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    ("scan.dat", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    ("zeros", b"\0" * 5000, "NUL byte"),
    ("noise", bytes(range(256)) * 8, "not text"),
])
def test_binary_files_are_rejected_with_what_they_are(tmp_path, name, content, what):
    found, reason = detect(write(tmp_path / name, content))
    assert found is None and what in reason


def test_zip_and_sqlite_files_named_on_the_command_line_are_rejected(tmp_path):
    archive = tmp_path / "corpus.bin"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", "نص")
    db = tmp_path / "old.db"
    sqlite3.connect(db).execute("create table t (x)").connection.commit()
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [archive, db])
        assert report.documents == 0
        reasons = {Path(r.path).name: r.reason for r in report.rejected}
        assert "zip archive" in reasons["corpus.bin"] and "SQLite database" in reasons["old.db"]


def test_a_pretty_json_array_imports_as_its_records(tmp_path):
    records = [{"text": f"{TEXT} {n}", "label": [[4, 9, "PERSON"]]} for n in range(5)]
    source = write(tmp_path / "export.json", json.dumps(records, ensure_ascii=False, indent=2))
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
        assert not report.rejected, [str(r) for r in report.rejected]
        assert report.documents == 5 and report.spans == 5 and report.formats == {"jsonl": 5}
        assert [d.spans[0].text for d in project.iter_documents()] == ["بوتين"] * 5


def test_a_jsonl_named_train_out_imports_as_records_not_as_text(tmp_path):
    lines = [{"text": TEXT, "label": [[4, 9, "PERSON"]]}, {"text": "قال لافروف", "label": [[4, 10, "PERSON"]]}]
    source = write(tmp_path / "train.out", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines))
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
        assert (report.documents, report.spans, report.formats) == (2, 2, {"jsonl": 2})
        assert sorted(d.text for d in project.iter_documents()) == sorted(r["text"] for r in lines)


def test_a_folder_and_the_named_files_give_the_same_documents(tmp_path):
    folder = tmp_path / "in"
    write(folder / "train.out", json.dumps({"text": TEXT, "label": [[4, 9, "PERSON"]]}, ensure_ascii=False) + "\n")
    write(folder / "tasks.json", json.dumps([{"data": {"text": "قال لافروف"}, "annotations": []}],
                                            ensure_ascii=False))
    write(folder / "plain.txt", "خبر قصير\n")
    write(folder / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    results = []
    for n, paths in enumerate([[folder], sorted(folder.iterdir())]):
        with Project.create(tmp_path / f"p{n}.annotator", NEWS) as project:
            report = import_paths(project, paths)
            results.append((sorted((d.text, len(d.spans)) for d in project.iter_documents()), report.formats))
            if n == 0:  # in a folder an image is skipped, with its reason; named, it is refused
                assert report.skipped_reasons == {str(folder / "photo.png"): "a PNG image, not a text file: not imported"}
            else:
                assert [r.reason for r in report.rejected] == ["a PNG image, not a text file: not imported"]
    assert results[0] == results[1]
    assert results[0][1] == {"jsonl": 1, "labelstudio": 1, "txt": 1}


def test_a_txt_with_an_ann_beside_it_is_one_brat_document(tmp_path):
    folder = tmp_path / "brat"
    write(folder / "a.txt", TEXT)
    write(folder / "a.ann", "T1\tPERSON 4 9\tبوتين\n")
    write(folder / "annotation.conf", "[entities]\nPERSON\n")
    for n, paths in enumerate([[folder], [folder / "a.txt"], [folder / "a.txt", folder / "a.ann"]]):
        with Project.create(tmp_path / f"p{n}.annotator", NEWS) as project:
            report = import_paths(project, paths)
            assert not report.rejected and not report.skipped_files, paths
            [doc] = project.iter_documents()
            assert doc.text == TEXT and [(s.label, s.text) for s in doc.spans] == [("PERSON", "بوتين")]
            assert report.formats == {"brat": 1}


def test_plain_text_under_an_unknown_suffix_is_imported_when_named_and_listed_in_a_folder(tmp_path):
    notes = write(tmp_path / "in" / "README.md", "اقرأني\n")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [tmp_path / "in"])
        assert report.documents == 0 and report.skipped_files == [str(notes)]
        report = import_paths(project, [notes])
        assert report.documents == 1 and report.formats == {"txt": 1}


def test_format_option_overrides_detection(tmp_path):
    source = write(tmp_path / "doccano.txt", DOCCANO_CONLL)
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source], "txt")
        [doc] = project.iter_documents()
        assert report.formats == {"txt": 1} and doc.text.startswith("قال\tO")


def test_text_column_names_the_column_of_a_checkthat_tsv(tmp_path):
    source = write(tmp_path / "dev.tsv", "topic\ttweet_id\ttweet_url\ttweet_text\tclass_label\n"
                                         "covid\t1\thttp://t.co/x\tقال بوتين إن اللقاح جاهز\t1\n")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
        assert report.documents == 0 and "no text column" in report.rejected[0].reason
        report = import_paths(project, [source], text_column="tweet_text")
        [doc] = project.iter_documents()
        assert doc.text == "قال بوتين إن اللقاح جاهز" and doc.meta["class_label"] == "1"
        assert report.formats == {"csv": 1}
        missing = import_paths(project, [source], text_column="body_text")
        assert "no column 'body_text'" in missing.rejected[0].reason


def test_cli_import_detects_takes_a_text_column_and_prints_counts_per_format(tmp_path):
    from click.testing import CliRunner

    from annotator.cli import cli

    Project.create(tmp_path / "p.annotator", NEWS).close()
    train = write(tmp_path / "train.out", json.dumps({"text": TEXT, "label": [[4, 9, "PERSON"]]},
                                                     ensure_ascii=False) + "\n")
    tweets = write(tmp_path / "dev.tsv", "tweet_id\ttweet_text\n1\tقال لافروف إن الاتفاق قريب\n")
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "p.annotator"), str(train), str(tweets),
                                      "--text-column", "tweet_text"])
    assert result.exit_code == 0, result.output
    assert "imported 2 documents (1 spans" in result.output and "by format: csv 1, jsonl 1" in result.output
