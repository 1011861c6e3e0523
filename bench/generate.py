"""Deterministic synthetic corpus for the benchmark: Arabic news-like articles built from the
sentences of the seed articles, each with a fixed number of entity spans on whole words.

Written as native JSONL (DESIGN.md §6, ``annotator.io.native.to_record``) so that importing it
and exporting it again must give back the same bytes (all timestamps are given).
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

from annotator.core.model import Document, EntityRef, Span
from annotator.io.native import to_record

STAMP = "2024-01-01T00:00:00.000Z"
ANNOTATOR = "bench"
STATUSES = ("done", "done", "in_progress", "new")  # mostly done, as training data would be
ENTITY_LINK_RATE = 0.25  # share of spans linked to a canonical entity
ENTITIES_PER_LABEL = 25

# A whole word: letters (any script) with their combining marks, nothing else. Digits and
# punctuation (، ؟ . « ») are left out, so a span never swallows a comma or a clitic-free
# boundary is never cut through.
_WORD = re.compile(r"(?:[^\W\d_]|[\u064b-\u065f\u0670])+")
_SENTENCE = re.compile(r"[^.!?\u061f\u2026]+[.!?\u061f\u2026]*[\"\u201d\u00bb)]*\s*")


def seed_sentences(seed_dir: Path) -> tuple[list[str], list[str]]:
    """(titles, sentences) of all seed articles: a title is a file's first line."""
    titles, sentences = [], []
    for path in sorted(seed_dir.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if not lines:
            continue
        titles.append(lines[0])
        for para in lines[1:]:
            for match in _SENTENCE.finditer(para):
                sentence = match.group().strip()
                if len(_WORD.findall(sentence)) >= 3:
                    sentences.append(sentence)
    if not sentences:
        raise SystemExit(f"no seed sentences found in {seed_dir}")
    return titles, sentences


class Generator:
    def __init__(self, seed_dir: Path, labels: list[str], *, seed: int = 20240101,
                 chars: int = 2000, spans: int = 20):
        self.rng = random.Random(seed)
        self.titles, self.sentences = seed_sentences(seed_dir)
        self.labels = labels
        self.chars = chars
        self.spans = spans
        words = sorted({w for s in self.sentences for w in _WORD.findall(s) if len(w) >= 3})
        self.entities = {
            label: [EntityRef(f"ent-{label.lower()}-{k:03d}", self.rng.choice(words), label)
                    for k in range(ENTITIES_PER_LABEL)]
            for label in labels
        }
        self._hashes: set[str] = set()

    def text(self) -> str:
        rng = self.rng
        target = self.chars + rng.randint(-100, 100)
        # The title comes first (importers take the first line as title when meta has none).
        parts = [rng.choice(self.titles)]
        length = len(parts[0])
        paragraph: list[str] = []
        want = rng.randint(2, 4)
        while length < target:
            sentence = rng.choice(self.sentences)
            paragraph.append(sentence)
            length += len(sentence) + 1
            if len(paragraph) >= want:
                parts.append(" ".join(paragraph))
                paragraph, want = [], rng.randint(2, 4)
        if paragraph:
            parts.append(" ".join(paragraph))
        return "\n".join(parts)

    def document(self, n: int) -> Document:
        rng = self.rng
        while True:  # texts must be unique: the importer skips duplicates by content hash
            text = self.text()
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if digest not in self._hashes:
                self._hashes.add(digest)
                break
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        if len(words) < self.spans * 2:
            raise SystemExit(f"article {n} has only {len(words)} words for {self.spans} spans")
        # Every other word at most, so a span may grow over the next word (two-word names such
        # as كوريا الشمالية) without ever touching the next span: spans never overlap.
        picks = sorted(rng.sample(range(0, len(words) - 1, 2), self.spans))
        doc_id = f"bench-{n:06d}"
        spans = []
        for k, i in enumerate(picks):
            start, end = words[i]
            nxt_start, nxt_end = words[i + 1]
            if rng.random() < 0.3 and text[end:nxt_start] == " ":
                end = nxt_end
            label = rng.choice(self.labels)
            entity = rng.choice(self.entities[label]) if rng.random() < ENTITY_LINK_RATE else None
            spans.append(Span(f"{doc_id}-s{k:02d}", start, end, text[start:end], "entity", label, entity, {},
                              ANNOTATOR, STAMP, STAMP))
        meta = {"title": text.split("\n", 1)[0], "source": "bench", "url": f"https://example.org/bench/{n}",
                "file": None}
        return Document(doc_id, text, meta, rng.choice(STATUSES), spans, [])


def write_corpus(out: Path, count: int, seed_dir: Path, labels: list[str], *, seed: int = 20240101,
                 chars: int = 2000, spans: int = 20) -> dict:
    """Write `count` native JSONL records to `out`; return a summary of what was written."""
    import json

    gen = Generator(seed_dir, labels, seed=seed, chars=chars, spans=spans)
    total_chars = total_spans = 0
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for n in range(1, count + 1):
            doc = gen.document(n)
            total_chars += len(doc.text)
            total_spans += len(doc.spans)
            fh.write(json.dumps(to_record(doc), ensure_ascii=False))
            fh.write("\n")
    return {"documents": count, "spans": total_spans, "chars": total_chars,
            "mean_chars": round(total_chars / max(count, 1)), "bytes": out.stat().st_size,
            "seed_sentences": len(gen.sentences)}
