"""Benchmark: `annotator check` (annotator.store.check.check) on two shapes of project.

    python bench/check_bench.py                          # 40k spans / 1 doc, and 10k docs x 20 spans
    python bench/check_bench.py --long-spans 4000 --docs 500   # smoke test, about a second
    python bench/check_bench.py --impl OLD_CHECK.py      # time another version of check.py
                                                         # (e.g. `git show HEAD~1:annotator/store/check.py`)

long:  one article of about 500,000 code points (seed sentences, deterministic) with 40,000
       non-overlapping PERSON spans on words. Quadratic checks (SQLite substr() per span walks
       the UTF-8 text from its start) show here.
many:  10,000 articles of about 2,000 code points with 20 spans each: the per-document cost.

Times are the best of --runs calls of check(conn) on a read-only connection of a finished
project (time.perf_counter); the SQL statements issued are counted with a trace callback. Exit
status 1 if check reports a problem on these sound projects.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from annotator import RESOURCES, SEEDS  # noqa: E402
from annotator.core.model import Document, Span  # noqa: E402
from annotator.core.schema import load_schema  # noqa: E402
from annotator.core.text import canonicalise, content_hash  # noqa: E402
from annotator.store import Project  # noqa: E402

WORD = re.compile(r"(?:[^\W\d_]|[\u064b-\u065f\u0670]){2,}")  # letters with their marks
STAMP = "2026-01-01T00:00:00.000Z"


def seed_text() -> str:
    parts = [canonicalise(p.read_text(encoding="utf-8")).strip() for p in sorted(SEEDS.glob("*.txt"))]
    return "\n".join(parts)


def article(base: str, chars: int, n_spans: int, tag: str) -> Document:
    text = (base * (chars // len(base) + 1))[:chars]
    words = list(WORD.finditer(text))
    step = max(len(words) // max(n_spans, 1), 1)
    spans = [Span(f"{tag}s{n}", m.start(), m.end(), m.group(), "entity", "PERSON", None, {}, "bench", STAMP, STAMP)
             for n, m in enumerate(words[::step][:n_spans])]
    # A tag line first keeps every text distinct (content hashes are unique).
    text = f"{tag}\n{text}"
    shift = len(tag) + 1
    for span in spans:
        span.start += shift
        span.end += shift
    return Document(tag, text, {"title": tag}, "done", spans, [], content_hash(text))


def build(path: Path, docs: list[Document]) -> None:
    schema = load_schema(RESOURCES / "schemas" / "news.toml")
    with Project.create(path, schema) as project:
        for start in range(0, len(docs), 1000):
            project.add_documents(docs[start:start + 1000])


def load_check(impl: str | None):
    if impl is None:
        from annotator.store.check import check
        return check
    spec = importlib.util.spec_from_file_location("check_impl", impl)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module.check


def measure(path: Path, check, runs: int) -> tuple[float, int, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    statements = []
    best = float("inf")
    problems = []
    for _ in range(runs):
        statements.clear()
        conn.set_trace_callback(statements.append)
        t = time.perf_counter()
        problems = check(conn)
        best = min(best, time.perf_counter() - t)
        conn.set_trace_callback(None)
    conn.close()
    for problem in problems[:5]:
        print(f"  unexpected: {problem}")
    return best, len(statements), len(problems)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--long-chars", type=int, default=500_000)
    ap.add_argument("--long-spans", type=int, default=40_000)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--doc-chars", type=int, default=2_000)
    ap.add_argument("--doc-spans", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--impl", help="a check.py to time instead of annotator.store.check")
    ap.add_argument("--tmp", help="folder for the projects (default: a temporary one)")
    args = ap.parse_args()

    check = load_check(args.impl)
    base = seed_text()
    failed = False
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        shapes = [
            ("long", f"1 doc x {args.long_spans} spans ({args.long_chars} chars)",
             lambda: [article(base, args.long_chars, args.long_spans, "long")]),
            ("many", f"{args.docs} docs x {args.doc_spans} spans ({args.doc_chars} chars)",
             lambda: [article(base[n % 997:], args.doc_chars, args.doc_spans, f"d{n:06d}") for n in range(args.docs)]),
        ]
        print(f"{'project':<42} {'spans':>8} {'check s':>9} {'SQL':>6} {'problems':>9}")
        for name, label, make in shapes:
            docs = make()
            path = Path(tmp) / f"{name}.annotator"
            build(path, docs)
            seconds, statements, problems = measure(path, check, args.runs)
            failed |= problems > 0
            print(f"{label:<42} {sum(len(d.spans) for d in docs):>8} {seconds:>9.3f} {statements:>6} {problems:>9}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
