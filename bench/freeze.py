"""Benchmark: the article view on hostile documents (issue 8, "Freezes").

    QT_QPA_PLATFORM=offscreen python bench/freeze.py [--word 5000000] [--dense 10000]
        [--spans 1000000] [--runs 3] [--keys 5] [--cap 120]

Three documents, each shown in a DocumentView (1000x700, bundled font) as the window shows it:
  word     one word of --word Arabic letters, no space or line break, one span in it;
  dense    one paragraph of --dense one-word entity spans;
  million  --spans one-word entity spans in paragraphs of ~100 words.
For each, medians over --runs runs of:
  open     show_document(text, spans) + a synchronous repaint: the first screen painted;
  done     from the start of the open until every span is highlighted, letting the event loop
           run (stops at --cap seconds: "never finishes");
  key      a label key on a selected word with no span (the view's labelKeyPressed, a new Span,
           apply_change, the repaint), --keys keys per run;
  longest  the longest single event-loop step while highlighting went on (how long a key press
           could wait);
  relayout blocks Qt was asked to re-format per key (each re-lays its whole block out): 0 for
           a block the view paints itself (above PAINTED_BLOCK_CHARS or PAINTED_BLOCK_SPANS).
Results as a table and bench/out/freeze.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractEventDispatcher, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import annotator
from annotator.core.model import Span
from annotator.core.schema import load_schema
from annotator.ui.document_view import DocumentView
from annotator.ui.fonts import load_bundled_fonts

SCHEMA = ROOT / "resources" / "schemas" / "news.toml"
WORD = "بيلوسوف"  # seven letters, joined: shaping is exercised
LABEL, KEY = "PERSON", "p"


def word_doc(letters: int) -> tuple[str, list[Span]]:
    text = (WORD * (letters // len(WORD) + 1))[:letters]
    return text, [Span("w0", 7, 14, text[7:14], "entity", "ORG")]


def words_doc(n_spans: int, per_paragraph: int | None) -> tuple[str, list[Span]]:
    """Words of WORD separated by spaces, every other one labelled (so free words remain for
    keys), `per_paragraph` words per line (None: one paragraph)."""
    parts, spans, pos = [], [], 0
    n_words = n_spans * 2
    for i in range(n_words):
        if i and per_paragraph and i % per_paragraph == 0:
            parts.append("\n")
            pos += 1
        elif i:
            parts.append(" ")
            pos += 1
        parts.append(WORD)
        if i % 2 == 0:
            spans.append(Span(f"s{i}", pos, pos + len(WORD), WORD, "entity", "GPE"))
        pos += len(WORD)
    return "".join(parts), spans


def free_words(text: str, spans: list[Span], count: int) -> list[tuple[int, int]]:
    """Word ranges with no span, near the top (on the first screen)."""
    taken = {s.start for s in spans}
    found, pos = [], 0
    while len(found) < count:
        start = text.index(WORD, pos)
        if start not in taken:
            found.append((start, start + len(WORD)))
        pos = start + len(WORD)
    return found


class StepWatch:
    """The longest gap between two event-loop wake-ups while work is pending."""

    def __init__(self, app):
        self.app = app

    def run_until(self, done, cap: float) -> tuple[float, float]:
        t0 = time.perf_counter()
        longest, last = 0.0, t0
        while not done():
            self.app.processEvents()
            now = time.perf_counter()
            longest, last = max(longest, now - last), now
            if now - t0 > cap:
                return float("inf"), longest
        return time.perf_counter() - t0, longest


def measure(app, schema, name: str, text: str, spans: list[Span], keys: int, cap: float) -> dict:
    view = DocumentView(schema)
    view.resize(1000, 700)
    view.show()
    for _ in range(3):
        app.processEvents()
    done = getattr(view, "highlighting_done", lambda: True)
    t0 = time.perf_counter()
    view.show_document(text, spans)
    view.viewport().repaint()
    t_open = time.perf_counter() - t0
    t_rest, longest = StepWatch(app).run_until(done, cap)
    t_done = t_open + t_rest
    added: list[Span] = []

    def on_label(label: str) -> None:
        start, end = view.selected_range()
        span = Span(f"k{len(added)}", start, end, text[start:end], "entity", label)
        added.append(span)
        view.apply_change([span], [])

    view.labelKeyPressed.connect(on_label)
    reformatted = []
    rehighlight = view.highlighter.rehighlightBlock
    view.highlighter.rehighlightBlock = lambda block: (reformatted.append(block.blockNumber()), rehighlight(block))
    key_times = []
    for start, end in free_words(text, spans, keys):
        view.select_range(start, end)
        app.processEvents()
        t = time.perf_counter()
        QTest.keyClick(view, KEY)
        view.viewport().repaint()
        key_times.append(time.perf_counter() - t)
    ok = len(added) == keys and all(text[s.start:s.end] == s.text for s in added)
    view.close()
    view.deleteLater()
    app.processEvents()
    return {"open": t_open, "done": t_done, "key": statistics.median(key_times), "longest_step": longest,
            "relayout": len(reformatted) / keys, "keys_ok": ok}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--word", type=int, default=5_000_000, help="letters of the one-word article")
    parser.add_argument("--dense", type=int, default=10_000, help="spans in the one-paragraph article")
    parser.add_argument("--spans", type=int, default=1_000_000, help="spans of the million article")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys", type=int, default=5)
    parser.add_argument("--cap", type=float, default=120.0, help="seconds before giving up on one measure")
    parser.add_argument("--only", choices=("word", "dense", "million"), action="append")
    parser.add_argument("--out", type=Path, default=BENCH / "out" / "freeze.json")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    load_bundled_fonts()
    schema = load_schema(SCHEMA)
    docs = {
        "word": lambda: word_doc(args.word),
        "dense": lambda: words_doc(args.dense, None),
        "million": lambda: words_doc(args.spans, 100),
    }
    results = {}
    print(f"annotator from {Path(annotator.__file__).parent}")
    print(f"{'document':<10}{'open s':>9}{'done s':>9}{'key ms':>9}{'step ms':>9}{'relayout':>9}  ok")
    for name in args.only or docs:
        text, spans = docs[name]()
        runs = [measure(app, schema, name, text, spans, args.keys, args.cap) for _ in range(args.runs)]
        row = {k: statistics.median(r[k] for r in runs) for k in ("open", "done", "key", "longest_step", "relayout")}
        row["keys_ok"] = all(r["keys_ok"] for r in runs)
        row["chars"], row["spans"], row["runs"] = len(text), len(spans), runs
        results[name] = row
        print(f"{name:<10}{row['open']:>9.3f}{row['done']:>9.3f}{row['key'] * 1000:>9.1f}"
              f"{row['longest_step'] * 1000:>9.1f}{row['relayout']:>9.1f}  {row['keys_ok']}", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0 if all(r["keys_ok"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
