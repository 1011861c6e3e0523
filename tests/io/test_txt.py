from pathlib import Path

from annotator.io import txt
from annotator.io.records import Draft, Rejection

SEED = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))[0]


def read_all(path, **kw):
    return list(txt.read(path, **kw))


def test_seed_is_one_whole_file_draft(tmp_path):
    text = SEED.read_bytes().decode("utf-8")
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8-sig"))
    [draft] = read_all(path)
    assert isinstance(draft, Draft)
    assert draft.text == text
    assert (draft.path, draft.line, draft.text_is_file) == (str(path), 1, True)
    assert draft.meta == {"title": None, "source": None, "url": None, "file": "article.txt"}
    assert draft.id is None and draft.status is None


def test_legacy_code_page(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("خبر عاجل\r\nنص المقال".encode("cp1256"))
    [draft] = read_all(path)
    assert draft.text == "خبر عاجل\r\nنص المقال"  # line endings are the pipeline's business


def test_explicit_encoding(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("نص".encode("utf-16-le"))
    [draft] = read_all(path, encoding="utf-16-le")
    assert draft.text == "نص"


def test_binary_file_is_rejected_as_a_whole(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [rej] = read_all(path)
    assert rej == Rejection(str(path), None, "binary file (NUL byte at line 3)")


def test_truncated_utf8_is_rejected_with_its_line(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes("سطر أول\nسطر ثان".encode()[:-1])
    [rej] = read_all(path)
    assert isinstance(rej, Rejection)
    assert (rej.line, rej.reason) == (2, "truncated UTF-8 at end of file")
    assert str(rej) == f"{path}:2: truncated UTF-8 at end of file"


def test_unreadable_file(tmp_path):
    [rej] = read_all(tmp_path / "missing.txt")
    assert rej.line is None and rej.reason.startswith("cannot read file")
