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

from annotator.io.records import Draft, Rejection
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


def _declared_charset(data: bytes) -> str | None:
    declared = _CHARSET.search(data[:4096])
    return declared.group(1).decode("ascii") if declared else None


def read(path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    name = str(path)
    page = read_text(path, encoding, hint=_declared_charset)
    if isinstance(page, Rejection):
        yield page
        return
    parser = _Extractor()
    parser.feed(page)
    parser.close()
    text = parser.text()
    if not text:
        yield Rejection(name, None, "no text in HTML")
        return
    meta = {
        "title": _one_line(parser.title) or _one_line(parser.h1),
        "source": parser.site_name,
        "url": parser.canonical or parser.og_url,
        "file": Path(path).name,
    }
    yield Draft(text, path=name, line=1, meta=meta)


def _one_line(parts: list[str] | None) -> str | None:
    return (" ".join("".join(parts).split()) or None) if parts else None


class _Extractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []  # open elements whose content is dropped
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
            self.skip.pop()  # body content closes an unclosed <head>, as in browsers
        if tag == "title" and self.title is None and set(self.skip) <= {"head"}:
            self.title, self.in_title = [], True
            return
        if tag in _SKIP:
            self.skip.append(tag)
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
            if tag in self.skip:
                del self.skip[len(self.skip) - 1 - self.skip[::-1].index(tag):]
            return
        if self.skip:
            return
        if tag == "h1":
            self.in_h1 = False
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        self._break(tag)

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
