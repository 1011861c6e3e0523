"""A .txt whose text merely contains a tag ("<meta>" in prose, a quoted snippet) stays text; only a
real HTML page saved as .txt is read as HTML (tests/io/test_fuzz_importers.py::test_txt found
b"<meta>" refused as "no text in HTML")."""

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io.detect import detect
from annotator.io.importing import import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")


@pytest.mark.parametrize("content, expected", [
    ("<meta>", "txt"),
    ("<title>عاجل</title> قال بوتين إن موسكو ترحّب", "txt"),
    ("\ufeff  <meta charset=utf-8> وسم في نص", "txt"),
    ("<!DOCTYPE html><p>خبر</p>", "html"),
    ("  <!-- saved --> <html><p>خبر</p></html>", "html"),
    ("<meta charset=utf-8><title>خبر</title>\n<body><p>قال بوتين</p></body>", "html"),
])
def test_a_txt_is_html_only_when_it_is_a_page(tmp_path, content, expected):
    path = tmp_path / "a.txt"
    path.write_text(content, "utf-8")
    assert detect(path)[0] == expected


def test_markup_without_a_suffix_that_claims_text_is_still_html(tmp_path):
    path = tmp_path / "saved-page"
    path.write_text("<meta charset=utf-8><title>خبر</title><p>قال بوتين</p>", "utf-8")
    assert detect(path)[0] == "html"


def test_the_text_file_is_imported_as_written(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"<meta>")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [path])
        texts = [d.text for d in project.iter_documents()]
    assert not report.rejected and texts == ["<meta>"] and report.formats == {"txt": 1}
