"""What importers produce: raw documents (Draft) and reasons for refusing input (Rejection).

Readers only parse; canonicalisation, offset conversion and validation happen once, for every
format, in ``annotator.io.pipeline``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The largest document an import accepts, in characters of text (and in bytes for a file that is
# read whole, .txt or .html). News articles are kilobytes and long books a few megabytes; 50 M
# leaves room for whole book dumps while one document's copies during import (bytes, decoded
# text, canonical text, SQLite's) stay in the hundreds of megabytes, far below SQLite's
# 1,000,000,000-byte string limit (beyond it an insert fails), and the window can lay it out.
MAX_DOCUMENT = 50_000_000
# The longest JSONL line: a document's text as UTF-8 JSON plus its annotations. Longer lines are
# refused before they are parsed (json.loads of a huge line costs many times its size).
MAX_RECORD_BYTES = 2 * MAX_DOCUMENT


def megabytes(size: int) -> str:
    return f"{size / 1e6:.0f} MB" if size >= 10e6 else f"{size / 1e6:.1f} MB"


@dataclass(slots=True)
class Rejection:
    """A refused file or line. `reason` is the English sentence the CLI prints; `code` and
    `params` let the window translate it (rule codes from annotator.core.rules, "text" for a
    text that cannot be stored, "status", "unstorable"; "rejected" with the reason itself as the
    only param where no finer code exists yet)."""

    path: str
    line: int | None  # 1-based line in the file, or None for the file as a whole
    reason: str
    code: str = "rejected"
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}" if self.line else f"{self.path}: {self.reason}"


@dataclass(slots=True)
class Draft:
    """One document as read from its file, before canonicalisation and validation."""

    text: str  # decoded, not yet canonical
    path: str  # the file, for messages
    line: int  # 1-based line where the record starts (1 for a whole file)
    meta: dict = field(default_factory=dict)  # title/source/url/file/...; title None = first line
    id: str | None = None
    status: str | None = None
    # Span dicts as found in the input: start, end (in the input's offset unit, on `text`), label,
    # optionally id, text, layer, entity, attrs, annotator, created, updated, token_start/end.
    spans: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)  # id, head, child, label
    # A model's output carried with the document (Label Studio predictions): span dicts as in
    # `spans`, stored as suggestions of the new document.
    suggestions: list[dict] = field(default_factory=list)
    shape: str = "plain"  # plain | native | doccano | prodigy
    text_is_file: bool = False  # True when text line N is file line N (plain text files)
    # Attributes the source defines (brat: its annotation.conf and binary or valued A/M lines):
    # name -> (kind "flag" or "choice", values). A span's attribute its layer lacks is added to
    # the schema, like an unknown label, only when defined here; otherwise it is refused.
    attributes: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    # What the reader took with a change (a repeat kept once): said with the stored document,
    # in the shape of a Rejection (path, line, reason, code, params) but refusing nothing.
    warnings: list[Rejection] = field(default_factory=list)
    # Prodigy's answer: "accept" (an annotation), "reject" (its spans are wrong: kept as rejected
    # suggestions of the document) or "ignore" (skipped, counted). Other formats only accept.
    answer: str = "accept"
    # A later record of a text read before in this import joins that text's document instead of
    # being a duplicate: Prodigy writes many tasks of one text (ner.teach asks about one span at
    # a time), each its own line with the same _input_hash.
    joins: bool = False

    def warn(self, reason: str, code: str, params: dict | None = None) -> None:
        self.warnings.append(Rejection(self.path, None if self.text_is_file else self.line, reason, code,
                                       dict(params or {})))

    def reject(self, reason: str, text_line: int | None = None, code: str = "rejected",
               params: dict | None = None) -> Rejection:
        params = dict(params or {})
        if self.text_is_file and text_line:
            return Rejection(self.path, text_line, reason, code, params)
        if text_line and not self.text_is_file:
            reason = f"text line {text_line}: {reason}"
            params["text_line"] = text_line
        return Rejection(self.path, self.line, reason, code, params)
