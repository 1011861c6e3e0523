"""Which import format a file is, by its content (the first SAMPLE bytes), not by its name.

``detect(path)`` returns (format name, reason) or (None, reason) for a file no reader takes.
Content that positively names a format wins over the suffix (a doccano CoNLL export saved as
``.txt``, a JSONL saved as ``train.out``); content that names nothing falls back to the suffix,
then to plain text if the bytes look like text. Binary files are refused with what they are.
Only the sample is read, so detection costs the same for a 1 KB and a 1 GB file.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from pathlib import Path

from annotator.io import format_for_path
from annotator.io.labelstudio import is_task, min_results
from annotator.io.csv_table import TEXT_COLUMNS, sniff_delimiter
from annotator.io.decode import DecodeError, detect as detect_codec, looks_binary
from annotator.io.spacy_docbin import looks_like_docbin
from annotator.io.txt import nonblocking, not_a_file

SAMPLE = 1 << 16

# Signatures of files that are never text, so the reason can say what the file is.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (also .docx, .xlsx, .odt)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls)"),
)
# Invisible marks some corpora put before each token (WikiFANE: U+200E) and the BOM.
_INVISIBLE = "\ufeff\u200e\u200f"
# A CoNLL tag: O, or a BIO/IOB1/BIOES/BILOU prefix and a type (doccano writes B-PER, some B_PER).
_TAG = re.compile(r"(?:O|[BIESLU][-_]\S+)")
_BRAT_LINE = re.compile(
    r"T\d+\t\S+ \d+ \d+(?:;\d+ \d+)*\t.*"  # text-bound: T1<tab>LABEL 0 5<tab>text
    r"|[RE]\d+\t\S+ .*"                  # relation, event
    r"|[AM]\d+\t\S+ \S+.*"               # attribute, modifier
    r"|#\d*\t\S+ \S+.*"                  # AnnotatorNotes
    r"|N\d+\t\S+ \S+ \S+.*"              # normalisation
    r"|\*\t\S+ .*"                       # equivalence
)
_HTML = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL)
# A whole page rather than markup that merely begins the text: what a .txt must show to be read
# as HTML (a .txt of prose quoting "<meta>" would otherwise be refused as "no text in HTML").
_PAGE_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"<body\b[^<>]*>", re.IGNORECASE)
_WEBANNO = "#FORMAT=WebAnno TSV 3"
# How JSON records start; a sample cut inside the first one still shows this.
_JSONISH = re.compile(r'[\[{]\s*[{\["]')


def detect(path, *, encoding: str | None = None, text_column: str | None = None) -> tuple[str | None, str]:
    """(format, reason): the reader for this file, or None and why none reads it."""
    path = Path(path)
    by_suffix = format_for_path(path)
    try:
        with open(path, "rb", opener=nonblocking) as fh:  # a FIFO swapped in must not block
            reason = not_a_file(os.fstat(fh.fileno()).st_mode)
            if reason:
                return None, reason
            sample = fh.read(SAMPLE)
            whole = len(sample) < SAMPLE  # the sample is the whole file
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"
    if not sample.strip():
        return by_suffix or "txt", "empty file"
    if looks_like_docbin(sample):  # zlib header and a DocBin map inside, whatever the name
        return "spacy", "a spaCy DocBin (zlib-compressed msgpack)"
    for magic, what in _MAGIC:
        if sample.startswith(magic) and by_suffix is None:  # else its reader says why
            return None, f"{what}, not a text file: not imported"
    # Bytes that are not text under a suffix a reader claims go to that reader, whose reason is
    # the precise one (a size limit, the line of a NUL, a bad byte of UTF-8).
    try:
        codec = detect_codec(sample, encoding)
    except DecodeError as err:
        return (by_suffix, err.reason) if by_suffix else (None, f"not text ({err.reason}): not imported")
    text = codecs.getincrementaldecoder(codec)(errors="replace").decode(sample, final=whole)
    text = text.lstrip("\ufeff")
    if looks_binary(text.encode("utf-8", "replace")):
        reason = "binary data (many control characters), not a text file"
        return (by_suffix, reason) if by_suffix else (None, f"{reason}: not imported")
    found = by_content(text, whole, text_column)
    if found is not None and found[0] == "html" and by_suffix == "txt" and not html_page(text):
        found = None  # a text file that mentions a tag ("<meta>" in prose) stays text
    if found is not None:
        return found
    if by_suffix is not None:
        return by_suffix, f"by its suffix ({path.suffix})"
    return "txt", "plain text"


def by_content(text: str, whole: bool, text_column: str | None = None) -> tuple[str, str] | None:
    """(format, reason) when the decoded sample is recognisably one format, else None."""
    lines = text.split("\n")
    if not whole and len(lines) > 1:
        lines = lines[:-1]  # the sample may end inside its last line
    lines = [line.rstrip("\r") for line in lines]
    head = text.lstrip()
    if lines[0].startswith(_WEBANNO):
        return "webanno", "WebAnno TSV 3 header"
    if head and head[0] in "[{":
        found = _json(head, lines, whole)
        if found is not None:
            return found
    if _HTML.match(text):
        return "html", "HTML markup"
    solid = [line for line in lines if line.strip()]
    if solid and all(_BRAT_LINE.fullmatch(line) for line in solid) and any(line[:1] == "T" for line in solid):
        return "brat", "brat standoff lines"
    if _conll(lines):
        return "conll", "one token per line with BIO tags"
    if _table(solid, text_column):
        return "csv", "a table with a text column"
    return None


def html_page(text: str) -> bool:
    """Whether the decoded sample is an HTML page: it opens with a doctype or <html>, or with
    head markup (<meta>, <title>, ...) and has a <body> tag."""
    return bool(_PAGE_START.match(text) or (_HTML.match(text) and _BODY.search(text)))


def _json(head: str, lines: list[str], whole: bool) -> tuple[str, str] | None:
    decoder = json.JSONDecoder()
    if head[0] == "[":
        first = head[1:].lstrip()
        if first[:1] == "]":
            return "jsonl", "an empty JSON array"
        obj = _first_value(decoder, first)
        if obj is not None and not isinstance(obj, dict):
            return None  # "[0" or "[1, 2]": not an array of records (the text reader decides)
        what = "a JSON array of "
    else:
        solid = next((line for line in lines if line.strip()), "")
        try:
            obj, what = json.loads(solid), "JSON lines of "
        except (ValueError, RecursionError):
            # A pretty-printed object: one record spread over many lines.
            obj, what = _first_value(decoder, head), "a JSON object: "
    if obj is None and not _JSONISH.match(head):
        return None  # "[عاجل] ..." or "{...}" in prose: not JSON at all
    return _record_kind(obj, what)


def _first_value(decoder: json.JSONDecoder, text: str):
    try:
        return decoder.raw_decode(text)[0]
    except (ValueError, RecursionError):
        return None  # cut off by the sample, or broken: the reader reports where


def _record_kind(obj, what: str) -> tuple[str, str]:
    if isinstance(obj, dict) and (is_task(obj) or min_results(obj)):
        return "labelstudio", f"{what}Label Studio tasks"
    return "jsonl", f"{what}records"


def _conll(lines: list[str]) -> bool:
    tokens = 0
    for line in lines:
        cells = line.strip(" \t" + _INVISIBLE).split()
        if not cells or cells[0] == "-DOCSTART-" or (cells[0].startswith("#") and tokens == 0):
            continue
        if len(cells) < 2 or len(cells) > 20 or not _TAG.fullmatch(cells[-1].strip(_INVISIBLE)):
            return False
        tokens += 1
    return tokens >= 2


def _table(solid: list[str], text_column: str | None) -> bool:
    if len(solid) < 2:
        return False
    header = solid[0]
    delimiter = sniff_delimiter(header)
    if delimiter not in header:
        return False
    names = {cell.strip().strip('"').casefold() for cell in header.split(delimiter)}
    wanted = {text_column.casefold()} if text_column else set(TEXT_COLUMNS)
    return bool(names & wanted)
