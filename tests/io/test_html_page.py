from annotator.io import html_page
from annotator.io.records import Draft, Rejection

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>  <b>x</b> &amp; عنوان
  الخبر </title>
<link rel="stylesheet" href="s.css"><link rel="Canonical" href="https://example.com/a/1">
<meta property="og:url" content="https://example.com/og">
<meta property="og:site_name" content="صدى الخبر">
<style>p { color: red }</style>
<script>document.write("<p>لا</p>"); if (a < b && c > d) {}</script>
</head>
<body>
<noscript><p>فعّل جافاسكربت</p></noscript>
<nav><ul><li>الرئيسية</li>
    <li>سياسة</li></ul></nav>
<article><h1>   زيارة   وزير </h1>
  <div><div><section>
    <p>وصل الوزير &amp; الوفد   المرافق
       إلى بيونغ يانغ &#1587;&#x633; &quot;اليوم&quot;.</p>



    <p>سطر<br>تحت سطر<br/><br/>بعد فراغ</p>
    <blockquote><p>قال: <b>نعم</b> <i>للتعاون</i></p></blockquote>
  </section></div></div>
  <table><tr><td>أ</td><td>ب</td></tr><tr><th>ج</th><td>د</td></tr></table>
  <template><p>مخفي</p></template>
</article>
</body></html>
"""


def read_all(tmp_path, content, name="page.html", **kw):
    path = tmp_path / name
    path.write_bytes(content.encode(kw.pop("file_encoding", "utf-8")) if isinstance(content, str) else content)
    return path, list(html_page.read(path, **kw))


def test_article_text_and_meta(tmp_path):
    path, [draft] = read_all(tmp_path, PAGE)
    assert isinstance(draft, Draft)
    assert draft.text == (
        "الرئيسية\n"
        "سياسة\n\n"
        "زيارة وزير\n\n"
        'وصل الوزير & الوفد المرافق إلى بيونغ يانغ سس "اليوم".\n\n'
        "سطر\nتحت سطر\n\nبعد فراغ\n\n"
        "قال: نعم للتعاون\n\n"
        "أ ب\nج د"
    )
    # A browser shows a <title> as raw text: markup inside it is part of the title.
    assert draft.meta == {
        "title": "<b>x</b> & عنوان الخبر",
        "source": "صدى الخبر",
        "url": "https://example.com/a/1",
        "file": "page.html",
    }
    assert (draft.path, draft.line, draft.text_is_file) == (str(path), 1, False)


def test_first_h1_is_the_title_without_a_title_element(tmp_path):
    page = '<meta property="og:url" content="https://e.com/x"><h1>عنوان <em>مهم</em></h1><p>نص</p><h1>ثان</h1>'
    _, [draft] = read_all(tmp_path, page)
    assert draft.meta["title"] == "عنوان مهم"
    assert draft.meta["url"] == "https://e.com/x"
    assert draft.meta["source"] is None
    assert draft.text == "عنوان مهم\n\nنص\n\nثان"


def test_no_title_at_all(tmp_path):
    _, [draft] = read_all(tmp_path, "<p>نص فقط</p>")
    assert draft.meta["title"] is None and draft.text == "نص فقط"


def test_unclosed_head_ends_at_body_content(tmp_path):
    _, [draft] = read_all(tmp_path, "<html><head><title>t</title><p>نص</p>")
    assert draft.text == "نص" and draft.meta["title"] == "t"


def test_svg_title_is_not_the_page_title(tmp_path):
    _, [draft] = read_all(tmp_path, "<body><svg><title>icon</title></svg><p>نص</p></body>")
    assert draft.meta["title"] is None and draft.text == "نص"


def test_pre_keeps_its_line_breaks(tmp_path):
    _, [draft] = read_all(tmp_path, "<pre>سطر  أ\n  سطر ب</pre>")
    assert draft.text == "سطر  أ\nسطر ب"


def test_legacy_encoding_with_declared_charset(tmp_path):
    page = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6"><p>ما إذا كان</p>'
    _, [draft] = read_all(tmp_path, page, file_encoding="iso8859_6")
    assert draft.text == "ما إذا كان"
    page = "<html><head><title>خبر</title></head><body><p>نص المقال عن الزيارة</p></body></html>"
    _, [draft] = read_all(tmp_path, page, file_encoding="cp1256")
    assert draft.meta["title"] == "خبر" and draft.text == "نص المقال عن الزيارة"


def test_empty_page_is_rejected(tmp_path):
    path, out = read_all(tmp_path, "<html><head><title>فارغ</title><script>x()</script></head><body> <br> </body></html>")
    assert out == [Rejection(str(path), None, "no text in HTML")]


def test_binary_page_is_rejected(tmp_path):
    _, [rej] = read_all(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="x.htm")
    assert isinstance(rej, Rejection) and rej.reason.startswith("binary file")


# -- hostile markup: linear time, same text ------------------------------------------------

import time  # noqa: E402

import pytest  # noqa: E402


@pytest.mark.parametrize("tail", [
    "<div a" * 100_000,  # tags that never close: html.parser rescanned to the end for each
    "<!--" * 100_000,  # comments that never end
    "<!--x>" * 100_000,  # ... with a '>' after each, but no '-->'
    "a<" * 100_000,
    "<![x>" * 100_000,  # marked sections that never end
], ids=["tag", "comment", "comment-gt", "lt", "section"])
def test_unclosed_constructs_parse_in_linear_time(tmp_path, tail):
    began = time.perf_counter()
    _, [draft] = read_all(tmp_path, "<p>نص</p>" + tail)
    elapsed = time.perf_counter() - began
    assert elapsed < 10, f"{elapsed:.1f} s"  # was about 30 minutes for the first, 30 s for the second
    assert draft.text.startswith("نص")


def test_deep_nesting_of_dropped_elements_is_linear(tmp_path):
    n = 100_000
    began = time.perf_counter()
    _, [draft] = read_all(tmp_path, "<svg>" * n + "x" + "</svg>" * n + "<p>نص</p><script>" * 3 + "</script>" * 3)
    assert time.perf_counter() - began < 10  # was 12 s (a reversed copy of the open stack per end tag)
    assert draft.text == "نص"


@pytest.mark.parametrize("page", [
    "<p>أ < ب</p><p>ج <!-- د <![CDATA[x]]> <div a",
    "<p>أ<!-- مخفي -->ب</p><!-- لا ينتهي <p>ج</p>",
    "<p>أ</p><!--x><p>ب</p>",
    "<p>أ</p><![CDATA[ب</p>",
    "<p>أ <b title='x>y'>ب</b> <i",
    "<p>أ</p>" + "<!--" * 50 + "<p>ب",
    "<title>ع</title><p>أ</p><div a<div b<span",
])
def test_defusing_keeps_the_text_the_parser_gave(tmp_path, page):
    # A "<" after the last possible end of its construct is text to html.parser anyway (it
    # gets there by rescanning, which is the quadratic part): the defused page reads the same.
    plain = html_page._Extractor()
    plain.feed(page)
    plain.close()
    _, [draft] = read_all(tmp_path, page)
    assert draft.text == plain.text()
    assert draft.meta["title"] == html_page._one_line(plain.title)


def test_unknown_marked_section_is_no_traceback(tmp_path):
    # _markupbase raises AssertionError for "<![x]>" and "<![ ]>": that ended the whole import.
    _, [draft] = read_all(tmp_path, "<p>نص</p><![x]><![ ]><p>بعد<![CDATA[y]]></p>")
    assert draft.text.startswith("نص") and "بعد" in draft.text


def test_page_whose_text_is_beyond_the_document_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(html_page, "MAX_DOCUMENT", 10)
    path, [rej] = read_all(tmp_path, "<p>" + "ن" * 11 + "</p>")
    assert str(rej) == f"{path}: text of 11 characters is longer than the 10 characters one document may have; skipped"
    _, [draft] = read_all(tmp_path, "<p>" + "ن" * 10 + "</p>")
    assert draft.text == "ن" * 10
