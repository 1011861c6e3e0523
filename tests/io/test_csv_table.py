import pytest

from annotator.io import csv_table
from annotator.io.records import Draft, Rejection


def read_all(tmp_path, content, name="t.csv", file_encoding="utf-8", **kw):
    path = tmp_path / name
    path.write_bytes(content.encode(file_encoding) if isinstance(content, str) else content)
    return path, list(csv_table.read(path, **kw))


def test_quoted_multiline_cells_keep_their_start_lines(tmp_path):
    content = (
        "id,title,text,source,url,status,author,lang\r\n"
        '1,عنوان,"سطر أول\r\nسطر ثان",الجزيرة,https://a/1,done,كاتب,ar\r\n'
        '2,,"نص ""مقتبس""\n\nبعد فراغ",,,,,\r\n'
        "3,ثالث,نص قصير,,,,,\r\n"
    )
    path, out = read_all(tmp_path, content)
    assert [d.line for d in out] == [2, 4, 7]
    first, second, third = out
    assert isinstance(first, Draft) and not first.text_is_file
    assert first.text == "سطر أول\r\nسطر ثان"
    assert (first.id, first.status, first.path) == ("1", "done", str(path))
    assert first.meta == {
        "title": "عنوان", "source": "الجزيرة", "url": "https://a/1", "file": "t.csv",
        "author": "كاتب", "lang": "ar",
    }
    assert list(first.meta) == ["title", "source", "url", "file", "author", "lang"]
    assert second.text == 'نص "مقتبس"\n\nبعد فراغ'
    assert second.meta["title"] is None and second.status is None and second.id == "2"
    assert second.meta["author"] == ""  # extra columns keep their cell as is
    assert third.meta["title"] == "ثالث"


@pytest.mark.parametrize("delimiter", [";", "\t", "|", ","])
def test_delimiter_is_sniffed_from_the_header(tmp_path, delimiter):
    content = f'ID{delimiter}Text\n7{delimiter}"نص، فيه فاصلة; و|خط"\n'
    _, [draft] = read_all(tmp_path, content)
    assert (draft.id, draft.text) == ("7", "نص، فيه فاصلة; و|خط")


def test_tsv_suffix_means_tab(tmp_path):
    _, [draft] = read_all(tmp_path, "text\tnote\nنص, مع; فواصل\tx\n", name="t.tsv")
    assert draft.text == "نص, مع; فواصل" and draft.meta["note"] == "x"


def test_bom_and_legacy_encodings(tmp_path):
    _, [a] = read_all(tmp_path, "Text,title\nنص,عنوان\n", file_encoding="utf-8-sig")
    assert a.text == "نص" and a.meta["title"] == "عنوان"
    _, [b] = read_all(tmp_path, "text;title\nنص المقال الأول;عنوان\n", file_encoding="cp1256")
    assert b.text == "نص المقال الأول"
    # An explicit encoding keeps the BOM through decoding; it must not hide the header.
    _, [c] = read_all(tmp_path, "text\nنص\n", file_encoding="utf-8-sig", encoding="utf-8")
    assert c.text == "نص"


def test_text_column_alternatives_in_order(tmp_path):
    _, [a] = read_all(tmp_path, "Body,CONTENT\nb,c\n")
    assert a.text == "c" and a.meta["Body"] == "b"
    _, [b] = read_all(tmp_path, "article,x\nمقال,1\n")
    assert b.text == "مقال"


def test_missing_text_column_is_one_rejection_naming_the_columns(tmp_path):
    path, out = read_all(tmp_path, "id,headline,summary\n1,a,b\n2,c,d\n")
    assert out == [
        Rejection(str(path), None,
                  "no text column (text, content, body or article); columns: id, headline, summary")
    ]


def test_bad_rows_are_reported_and_the_rest_imports(tmp_path):
    content = (
        "id,text\n"
        "1,جيد\n"
        "2,نص,زائد\n"        # line 3: too many fields
        "3,   \n"            # line 4: empty text
        "\n"                 # line 5: blank, ignored
        '4,"متعدد\nالأسطر"\n'  # lines 6-7
        "5\n"                # line 8: too few fields
        '6,"x"y\n'           # line 9: broken quoting
        "7,أخير\n"
    )
    path, out = read_all(tmp_path, content)
    assert [(type(r).__name__, r.line) for r in out] == [
        ("Draft", 2), ("Rejection", 3), ("Rejection", 4), ("Draft", 6),
        ("Rejection", 8), ("Rejection", 9), ("Draft", 10),
    ]
    assert out[1].reason == "3 fields, the header has 2"
    assert out[2].reason == "empty text cell"
    assert out[4].reason == "1 fields, the header has 2"
    assert out[5].reason.startswith("bad CSV row")
    assert [d.id for d in out if isinstance(d, Draft)] == ["1", "4", "7"]
    assert str(out[1]) == f"{path}:3: 3 fields, the header has 2"


def test_unterminated_quote_is_reported_at_its_row(tmp_path):
    _, out = read_all(tmp_path, 'id,text\n1,ok\n2,"never closed\n3,x\n')
    assert [type(r).__name__ for r in out] == ["Draft", "Rejection"]
    assert (out[1].line, out[1].reason) == (3, "unterminated quoted field")


def test_decode_errors_and_empty_files(tmp_path):
    path, [rej] = read_all(tmp_path, b"text\n\x00\x00\x01")
    assert rej.reason.startswith("binary file")
    path, [rej] = read_all(tmp_path, "\n\n")
    assert rej == Rejection(str(path), None, "empty table (no header row)")


def test_duplicate_columns_are_refused(tmp_path):
    _, [rej] = read_all(tmp_path, "text,Title,title\na,b,c\n")
    assert rej.reason == "duplicate columns: Title, title"


def test_ten_megabyte_cell(tmp_path):
    big = ("كلمة " * 2_100_000)[:10_000_000]
    _, [draft, small] = read_all(tmp_path, 'id,text\n1,"' + big + '"\n2,small\n')
    assert draft.text == big and small.line == 3
