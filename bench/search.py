"""Benchmark: the window's document search in a large project (issue 10 item 10).

    QT_QPA_PLATFORM=offscreen python bench/search.py [--docs 20000] [--chars 2000]

Builds a project of --docs generated articles (bench/generate.py, ~--chars code points each),
opens the real MainWindow on it, types a query the texts hold (not the titles) and measures:

  first keystroke -> list filtered   until the search box's query has its final answer, the texts
                                     keyed in steps between events (the index being built);
  longest event-loop step            the longest time between two event-loop ticks meanwhile:
                                     how long a key press or a repaint could wait (the window
                                     froze for the whole keying before: that is the floor below);
  later query                        another query once the texts are keyed;
  floor: key every text at once      search_key over every text in one go, what the first
                                     keystroke used to block the window for.
Results as a table and bench/out/search.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for entry in (str(BENCH), str(ROOT)):
    if entry not in sys.path:
        sys.path.insert(0 if entry == str(BENCH) else len(sys.path), entry)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import write_corpus
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from annotator import RESOURCES, SEEDS
from annotator.core.arabic import search_key
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.ui.fonts import load_bundled_fonts
from annotator.ui.main_window import MainWindow


def shown(window) -> int:
    return window.doc_filter.rowCount()


def until(app, done, cap: float = 300.0) -> tuple[float, float]:
    """Run the event loop until done(); (seconds taken, longest gap between two ticks)."""
    gaps, last = [], time.perf_counter()

    def tick():
        nonlocal last
        now = time.perf_counter()
        gaps.append(now - last)
        last = now

    timer = QTimer(interval=0)
    timer.timeout.connect(tick)
    timer.start()
    t0 = time.perf_counter()
    while not done() and time.perf_counter() - t0 < cap:
        app.processEvents()
    timer.stop()
    return time.perf_counter() - t0, max(gaps, default=0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--chars", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=BENCH / "out")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    load_bundled_fonts()
    schema = load_schema(RESOURCES / "schemas" / "news.toml")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus.jsonl"
        write_corpus(corpus, args.docs, SEEDS, [label.name for label in schema.layer("entity").labels],
                     chars=args.chars, spans=5)
        path = tmp / "big.annotator"
        with Project.create(path, schema) as project:
            import_paths(project, [corpus])
            texts = [text for _, text in project.document_texts()]  # (generated texts may repeat: fewer)
        # A word of the texts, searched with its letters folded differently (ي/ى, ة/ه).
        query = "الاقتصاديه"
        t0 = time.perf_counter()
        keys = [search_key(text) for text in texts]
        floor = time.perf_counter() - t0
        expected = sum(search_key(query) in key for key in keys)
        settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Project.open(path), "bench", settings)
        window.resize(1280, 800)
        window.show()
        until(app, lambda: False, cap=0.5)
        window.search.setText(query)
        first, longest = until(app, lambda: not window.doc_filter.searching() and window.doc_filter.query_key
                               and shown(window) == expected)
        later = []
        for other in ("روسيا", "موسكو", "الاقتصاديه"):
            window.search.setText(other)
            taken, _ = until(app, lambda: window.doc_filter.query_key == search_key(other)
                             and not window.doc_filter.searching())
            later.append(taken)
        window.close()
    result = {"documents": len(texts), "matches": expected,
              "first_search_s": round(first, 3), "longest_step_ms": round(longest * 1000, 1),
              "later_query_ms_median": round(statistics.median(later) * 1000, 1),
              "floor_key_all_at_once_s": round(floor, 3)}
    print(f"{len(texts)} documents, query matches {expected}")
    print(f"first keystroke -> list filtered     {first:8.2f} s   (the window live throughout)")
    print(f"longest event-loop step meanwhile    {longest * 1000:8.1f} ms")
    print(f"later query (incl. 200 ms debounce)  {statistics.median(later) * 1000:8.1f} ms")
    print(f"floor: key every text at once        {floor:8.2f} s   (what the first keystroke froze for)")
    (args.out / "search.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
