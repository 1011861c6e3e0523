"""Saved HTML pages: the article text, title and provenance, with the stdlib parser only.

Nothing is fetched or executed: scripts, styles and other non-prose elements are dropped. Block
elements become line breaks (paragraph-like ones a blank line), other whitespace collapses as a
browser would, lines are stripped and runs of blank lines become one. This is extraction, done
before canonicalisation, so normalising the page's whitespace here is fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from annotator.io.records import MAX_DOCUMENT, Draft, Rejection
from annotator.io.txt import read_text

SUFFIXES = ("html", "htm")

_SKIP = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "select"}
_HEAD_TAGS = {"title", "meta", "link", "base", "style", "script", "noscript", "template"}
_PARAGRAPH = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table",
    "figure", "figcaption", "article", "section", "header", "footer", "aside", "nav", "main",
    "hr", "form", "fieldset", "address", "details", "caption", "hgroup",
}
_LINE = {"br", "div", "li", "tr", "dt", "dd", "summary", "legend", "option"}
_CELL = {"td", "th"}
_BREAKS = {1: " ", 2: "\n", 3: "\n\n"}
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace; NBSP is content
_BLANK_RUNS = re.compile(r"\n{3,}")
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
# What ends the constructs that html.parser scans ahead for (see _defuse).
_COMMENT_END = re.compile(r"--!?\s*>")
_SECTION_END = re.compile(r"\]\s*>")
# Marked sections _markupbase knows; any other "<![" makes it raise AssertionError.
_BAD_SECTION = re.compile(r"<!\[(?!(?:cdata|temp|ignore|include|rcdata|if|else|endif)(?![-_.a-z0-9]))", re.IGNORECASE)
# Bytes a saved page may have: its text is at most MAX_DOCUMENT, and markup often doubles it.
MAX_PAGE_BYTES = 2 * MAX_DOCUMENT


def _declared_charset(data: bytes) -> str | None:
    declared = _CHARSET.search(data[:4096])
    return declared.group(1).decode("ascii") if declared else None


def read(path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    name = str(path)
    page = read_text(path, encoding, hint=_declared_charset, limit=MAX_PAGE_BYTES)
    if isinstance(page, Rejection):
        yield page
        return
    parser = _Extractor()
    try:
        parser.feed(_defuse(page))
        parser.close()
    except AssertionError as exc:  # _markupbase's way of refusing a declaration it cannot parse
        yield Rejection(name, parser.getpos()[0], f"HTML the parser cannot read: {exc}")
        return
    text = parser.text()
    if not text:
        yield Rejection(name, None, "no text in HTML")
        return
    if len(text) > MAX_DOCUMENT:
        yield Rejection(name, None, f"text of {len(text):,} characters is longer than the {MAX_DOCUMENT:,} "
                                    "characters one document may have; skipped")
        return
    meta = {
        "title": _one_line(parser.title) or _one_line(parser.h1),
        "source": parser.site_name,
        "url": parser.canonical or parser.og_url,
        "file": Path(path).name,
    }
    yield Draft(text, path=name, line=1, meta=meta)


def _defuse(page: str) -> str:
    """The page with every "<" that cannot open a complete construct written as "&lt;".

    html.parser scans ahead from a "<" for the end of its tag ('>'), comment ('-->') or marked
    section (']]>'); when there is none, it shows the "<" up to the next ">" (or "<") as text
    and scans again from there, so 100,000 unclosed tags cost 100,000 scans to the end of the
    page: quadratic, a minute for a few MB. Escaping exactly what it would show as text gives
    the same text in one linear pass."""
    page = _BAD_SECTION.sub("&lt;![", page)  # text to a browser too (a bogus comment at worst)
    last_gt = page.rfind(">")
    if last_gt == -1:
        return page.replace("<", "&lt;")
    head = page[: last_gt + 1]
    for opener, end in (("<!--", _COMMENT_END), ("<![", _SECTION_END)):
        head = _unclosed_as_text(head, opener, end)
    return head + page[last_gt + 1 :].replace("<", "&lt;")


def _unclosed_as_text(page: str, opener: str, end: re.Pattern) -> str:
    """Openers after the last end of their kind, each up to the next '>' escaped as text."""
    first = page.find(opener)
    if first == -1:
        return page
    last_end = None
    for last_end in end.finditer(page, first + len(opener)):
        pass
    i = last_end.end() if last_end else first
    parts = [page[:i]]
    while (j := page.find(opener, i)) != -1:
        k = page.find(">", j + 1) + 1 or len(page)
        parts += [page[i:j], page[j:k].replace("<", "&lt;")]
        i = k
    parts.append(page[i:])
    return "".join(parts)


def _one_line(parts: list[str] | None) -> str | None:
    return (" ".join("".join(parts).split()) or None) if parts else None


class _Extractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []  # open elements whose content is dropped
        self.skip_open: dict[str, int] = {}  # how many of each are in `skip` (linear, not a scan per tag)
        self.pre = 0
        self.pending = 0  # strongest boundary since the last text: 1 space, 2 line, 3 paragraph
        self.title: list[str] | None = None
        self.in_title = False
        self.h1: list[str] | None = None
        self.in_h1 = False
        self.canonical = self.og_url = self.site_name = None

    def text(self) -> str:
        lines = (line.strip() for line in "".join(self.parts).split("\n"))
        return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")

    def handle_starttag(self, tag, attrs):
        if self.in_title:  # <title> is raw text to a browser: markup inside it is its text
            self.title.append(self.get_starttag_text())
            return
        attr = {k: (v or "").strip() for k, v in attrs}
        if tag == "meta":
            prop = (attr.get("property") or attr.get("name") or "").lower()
            if prop == "og:url" and attr.get("content"):
                self.og_url = self.og_url or attr["content"]
            elif prop == "og:site_name" and attr.get("content"):
                self.site_name = self.site_name or attr["content"]
            return
        if tag == "link":
            if "canonical" in attr.get("rel", "").lower().split() and attr.get("href"):
                self.canonical = self.canonical or attr["href"]
            return
        if self.skip == ["head"] and tag not in _HEAD_TAGS:
            self._pop_skip()  # body content closes an unclosed <head>, as in browsers
        if tag == "title" and self.title is None and len(self.skip) == self.skip_open.get("head", 0):
            self.title, self.in_title = [], True
            return
        if tag in _SKIP:
            self.skip.append(tag)
            self.skip_open[tag] = self.skip_open.get(tag, 0) + 1
            return
        if self.skip:
            return
        if tag == "h1" and self.h1 is None:
            self.h1, self.in_h1 = [], True
        if tag == "pre":
            self.pre += 1
        self._break(tag)

    def handle_startendtag(self, tag, attrs):
        # <br/> and <p/> are start tags in HTML; the default would also send an end tag.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.in_title:
            if tag == "title":
                self.in_title = False
            else:
                self.title.append(f"</{tag}>")
            return
        if tag in _SKIP:
            if self.skip_open.get(tag):  # close it and everything opened inside it
                while self._pop_skip() != tag:
                    pass
            return
        if self.skip:
            return
        if tag == "h1":
            self.in_h1 = False
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        self._break(tag)

    def _pop_skip(self) -> str:
        tag = self.skip.pop()
        self.skip_open[tag] -= 1
        return tag

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
            return
        if self.skip:
            return
        if not self.pre:
            data = _SPACES.sub(" ", data)
        if self.pending:
            if data.isspace():
                return  # whitespace next to a block boundary is not content
            self.parts.append(_BREAKS[self.pending])
            self.pending = 0
        self.parts.append(data)
        if self.in_h1:
            self.h1.append(data)

    def _break(self, tag):
        # Boundaries wait for the next text and merge with their neighbours, so nested blocks
        # and </li><li> give one break, not a pile of them.
        if tag == "br" and self.pending >= 2:
            self.pending = 3  # <br><br> is a visible blank line
            return
        level = 3 if tag in _PARAGRAPH else 2 if tag in _LINE else 1 if tag in _CELL else 0
        self.pending = max(self.pending, level)
