"""annotator.io.validation: every export format validates as written, a corrupted line is named
by file and line, empty files are notes, not problems, and nothing is stored."""

import json
import shutil
from pathlib import Path

import pytest

from annotator.io import EXPORT_FORMATS, export_to
from annotator.io.records import Rejection
from annotator.io.validation import Counts, Note, validate
from annotator.store import Project
from tests.io.mixed_project import FIRST, SECOND, make_project

OPTIONAL_DEPENDENCY = {"spacy": "spacy"}
# Spans each format writes of the mixed project (CoNLL: the entity layer only, not the claim).
SPANS = {"conll": 6}
ALL_SPANS = 7
# The format detection names for what each export writes (JSONL shapes are all "jsonl").
DETECTED = {"native": "jsonl", "doccano": "jsonl", "prodigy": "jsonl"}


def exported(tmp_path: Path, name: str) -> Path:
    if name in OPTIONAL_DEPENDENCY:
        pytest.importorskip(OPTIONAL_DEPENDENCY[name])
    out = tmp_path / f"out.{name}"
    with Project.open(make_project(tmp_path), readonly=True) as project:
        export_to(name, project.iter_documents(), out, project.schema)
    return out


def run(paths, **options) -> tuple[list, Counts]:
    counts = Counts()
    return list(validate(paths, counts=counts, **options)), counts


@pytest.mark.parametrize("name", list(EXPORT_FORMATS))
def test_every_export_format_validates_as_written(name, tmp_path):
    out = exported(tmp_path, name)
    items, counts = run([out])
    assert [i for i in items if isinstance(i, Rejection)] == []
    assert (counts.documents, counts.spans, counts.bad) == (2, SPANS.get(name, ALL_SPANS), 0)
    assert counts.formats == {DETECTED.get(name, name): 2}
    assert counts.summary().endswith("; all valid")


def _jsonl_second_text_cut(out: Path) -> tuple[Path, int]:
    lines = out.read_text("utf-8").splitlines()
    record = json.loads(lines[1])
    record["text"] = record["text"][:5]  # every span of the record now runs past the end
    lines[1] = json.dumps(record, ensure_ascii=False)
    out.write_text("\n".join(lines) + "\n", "utf-8")
    return out, 2


def _conll_bad_tag(out: Path) -> tuple[Path, int]:
    lines = out.read_text("utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if line == "Total B-ORG")
    lines[number] = "Total Q-ORG"
    out.write_text("\n".join(lines), "utf-8")
    return out, number + 1


def _brat_offset_moved(out: Path) -> tuple[Path, int]:
    ann = out / "d1.ann"
    lines = ann.read_text("utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if line.endswith("\tفرنسا"))
    start = FIRST.index("فرنسا")
    lines[number] = lines[number].replace(f" {start} ", f" {start + 1} ")
    ann.write_text("\n".join(lines), "utf-8")
    return ann, number + 1


def _labelstudio_second_text_cut(out: Path) -> tuple[Path, int]:
    tasks = json.loads(out.read_text("utf-8"))
    second = next(t for t in tasks if t["data"]["text"] == SECOND)
    second["data"]["text"] = SECOND[:5]
    text = "[\n" + ",\n".join(json.dumps(t, ensure_ascii=False) for t in tasks) + "\n]\n"
    out.write_text(text, "utf-8")
    return out, 2 + tasks.index(second)


CORRUPT = {"native": _jsonl_second_text_cut, "doccano": _jsonl_second_text_cut,
           "prodigy": _jsonl_second_text_cut, "conll": _conll_bad_tag, "brat": _brat_offset_moved,
           "labelstudio": _labelstudio_second_text_cut}


@pytest.mark.parametrize("name", list(CORRUPT))
def test_a_corrupted_export_names_its_file_and_line(name, tmp_path):
    path, line = CORRUPT[name](exported(tmp_path, name))
    items, counts = run([path.parent if name == "brat" else path])
    bad = [i for i in items if isinstance(i, Rejection)]
    assert bad and counts.bad == len(bad)
    assert (bad[0].path, bad[0].line) == (str(path), line), str(bad[0])
    assert counts.summary().endswith(f"; {len(bad)} bad lines")


@pytest.mark.parametrize("name, content", [("empty.jsonl", b""), ("blank.conll", b"  \n\t\n"),
                                           ("empty.json", b""), ("bom.tsv", b"\xef\xbb\xbf\r\n"),
                                           ("nothing", b"")])
def test_an_empty_file_is_valid_with_a_note(name, content, tmp_path):
    path = tmp_path / name
    path.write_bytes(content)
    items, counts = run([path])
    assert items == [Note(str(path), "empty: no documents")]
    assert (counts.documents, counts.bad) == (0, 0)
    assert counts.summary() == "0 documents, 0 spans checked; all valid"


def test_a_binary_file_is_a_bad_item_with_what_it_is_and_is_skipped_in_a_folder(tmp_path):
    image = tmp_path / "photo.dat"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    items, counts = run([image])
    assert [str(i) for i in items] == [f"{image}: a PNG image, not a text file: not imported"]
    assert counts.bad == 1
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.move(image, folder / image.name)
    items, counts = run([folder])
    assert [type(i) for i in items] == [Note] and "skipped" in str(items[0]) and counts.bad == 0


def test_repeated_documents_are_not_problems(tmp_path):
    out = exported(tmp_path, "native")
    copy = tmp_path / "copy.jsonl"
    shutil.copy(out, copy)
    items, counts = run([out, copy])
    assert items == [] and (counts.documents, counts.bad) == (4, 0)


def test_format_override_and_a_brat_folder_with_its_config(tmp_path):
    out = exported(tmp_path, "brat")
    assert (out / "annotation.conf").is_file()  # read by no one as a document
    items, counts = run([out])
    assert items == [] and counts.formats == {"brat": 2}
    conll = exported(tmp_path, "conll")
    renamed = conll.rename(tmp_path / "looks.txt")
    assert run([renamed])[1].formats == {"conll": 2}  # by content, as import detects it
    assert run([renamed], fmt="txt")[1].formats == {"txt": 1}
    with pytest.raises(ValueError):
        run([renamed], fmt="nope")


def test_mixed_formats_are_counted_per_format(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    native = exported(tmp_path / "a", "native")
    conll = exported(tmp_path / "b", "conll")
    items, counts = run([native, conll])
    assert items == []
    assert counts.summary() == "4 documents, 13 spans checked (conll 2, jsonl 2); all valid"
