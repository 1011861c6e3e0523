"""Benchmark: import, native export and Prodigy export against their raw sqlite3 + json floors.

    python bench/run.py [--docs N] [--out DIR] [--runs R] [--profile]

Generates N deterministic articles (~2,000 Arabic code points, 20 entity spans each) from the
seed articles as native JSONL, then times annotator against plain sqlite3/json doing the same
work. Goal (issue): each of ours within 2x of its floor. See bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for entry in (str(BENCH), str(ROOT)):  # sibling modules; annotator itself when not installed
    if entry not in sys.path:
        sys.path.insert(0 if entry == str(BENCH) else len(sys.path), entry)

import floors  # noqa: E402
from generate import write_corpus  # noqa: E402

from annotator.core.schema import load_schema  # noqa: E402
from annotator.io import exporter  # noqa: E402
from annotator.io.importing import import_paths  # noqa: E402
from annotator.store import Project  # noqa: E402

SCHEMA = ROOT / "resources" / "schemas" / "news.toml"
SEEDS = ROOT / "seeds"
GOAL = 2.0


# -- measuring ------------------------------------------------------------------------------

def _status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _trim() -> None:
    """Give freed heap back to the OS (glibc), so a phase's growth is not hidden in memory an
    earlier phase freed but the allocator kept."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (VmHWM) to the current RSS (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


class Measure:
    """Wall time and peak RSS growth (MB above the RSS at the start) of one block."""

    seconds: float
    peak_mb: float | None

    @contextmanager
    def __call__(self):
        gc.collect()
        _trim()
        exact = _reset_peak()
        base = _status_kb("VmRSS") if exact else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        try:
            yield self
        finally:
            self.seconds = time.perf_counter() - t0
            peak = _status_kb("VmHWM") if exact else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            # Without clear_refs this is growth of the process-lifetime peak: a lower bound.
            self.peak_mb = None if peak is None or base is None else max(peak - base, 0) / 1024


def timed(fn, *args):
    m = Measure()
    with m():
        result = fn(*args)
    return m.seconds, m.peak_mb, result


def best(samples: list[tuple[float, float | None]]) -> tuple[float, float | None]:
    """Fastest time; the largest peak seen (memory should not depend on luck)."""
    peaks = [p for _, p in samples if p is not None]
    return min(s for s, _ in samples), (max(peaks) if peaks else None)


# -- the phases -----------------------------------------------------------------------------

def ours_import(jsonl: Path, db: Path, schema) -> tuple[float, float | None, object]:
    project = Project.create(db, schema)
    try:
        seconds, peak, report = timed(import_paths, project, [jsonl], "jsonl")
    finally:
        project.close()
    return seconds, peak, report


def ours_export(fmt: str, db: Path, out: Path) -> tuple[float, float | None, list]:
    module = exporter(fmt)
    with Project.open(db, readonly=True) as project:
        schema = project.schema
        return timed(lambda: module.export(project.iter_documents(), out, schema))


def floor_insert(rows: floors.Rows, db: Path, schema) -> tuple[float, float | None]:
    conn = floors.create_database(db, schema)
    try:
        seconds, peak, _ = timed(floors.insert, conn, rows)
    finally:
        conn.close()
    return seconds, peak


def count_lines(path: Path) -> int:
    with open(path, "rb") as fh:
        return sum(1 for _ in fh)


def tokenize_all(db: Path) -> tuple[float, int]:
    """Time annotator.core.tokenize.tokenize alone over every document, span offsets as cuts
    (the part of the Prodigy export that the floor does not do)."""
    from annotator.core.tokenize import tokenize

    conn = floors.connect(db, readonly=True)
    try:
        docs = conn.execute("SELECT id, text FROM documents ORDER BY seq").fetchall()
        cuts: dict[str, tuple[list, list]] = {}
        for doc_id, start, end in conn.execute('SELECT doc_id, start, "end" FROM spans'):
            pair = cuts.setdefault(doc_id, ([], []))
            pair[0].append(start)
            pair[1].append(end)
    finally:
        conn.close()
    t0 = time.perf_counter()
    tokens = 0
    for doc_id, text in docs:
        starts, ends = cuts.get(doc_id, ((), ()))
        tokens += len(tokenize(text, starts, ends))
    return time.perf_counter() - t0, tokens


def profile(label: str, fn, out_dir: Path, top: int = 30) -> list[dict]:
    """Run fn under cProfile; write the full listing and return the top functions by own time."""
    prof = cProfile.Profile()
    prof.enable()
    try:
        fn()
    finally:
        prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    (out_dir / f"profile_{label}.txt").write_text(buf.getvalue(), encoding="utf-8")
    rows = []
    for (file, line, func), (cc, nc, tt, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": f"{Path(file).name}:{line}({func})", "calls": nc,
                     "tottime": round(tt, 3), "cumtime": round(ct, 3)})
    rows.sort(key=lambda r: r["tottime"], reverse=True)
    return rows[:top]


# -- reporting ------------------------------------------------------------------------------

def _fmt(value, spec: str, dash: str = "-") -> str:
    return dash if value is None else format(value, spec)


def print_table(rows: list[dict]) -> str:
    head = (f"{'phase':<34}{'ours (s)':>10}{'floor (s)':>11}{'ratio':>8}{'docs/s':>10}{'spans/s':>11}"
            f"{'ours MB':>9}{'floor MB':>10}")
    lines = [head, "-" * len(head)]
    for r in rows:
        flag = "" if not r["goal"] or r["ratio"] <= GOAL else "  > 2x"
        lines.append(
            f"{r['phase']:<34}{_fmt(r['ours_s'], '.3f'):>10}{_fmt(r['floor_s'], '.3f'):>11}"
            f"{_fmt(r['ratio'], '.2f'):>8}{_fmt(r['docs_per_s'], ',.0f'):>10}{_fmt(r['spans_per_s'], ',.0f'):>11}"
            f"{_fmt(r['ours_peak_mb'], '.0f'):>9}{_fmt(r['floor_peak_mb'], '.0f'):>10}{flag}"
        )
    text = "\n".join(lines)
    print(text)
    return text


def row(phase: str, ours: tuple[float, float | None] | None, floor: tuple[float, float | None] | None,
        docs: int, spans: int, note: str = "", goal: bool = True) -> dict:
    ours_s, ours_mb = ours if ours else (None, None)
    floor_s, floor_mb = floor if floor else (None, None)
    basis = ours_s if ours_s is not None else floor_s
    return {
        "phase": phase,
        "ours_s": None if ours_s is None else round(ours_s, 4),
        "floor_s": None if floor_s is None else round(floor_s, 4),
        "ratio": round(ours_s / floor_s, 3) if ours_s and floor_s else None,
        "docs_per_s": docs / basis if basis else None,
        "spans_per_s": spans / basis if basis else None,
        "ours_peak_mb": None if ours_mb is None else round(ours_mb, 1),
        "floor_peak_mb": None if floor_mb is None else round(floor_mb, 1),
        "note": note,
        "goal": goal and ours_s is not None and floor_s is not None,  # counts toward the 2x goal
    }


# -- main -----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="articles to generate (default 10,000)")
    ap.add_argument("--spans", type=int, default=20, help="entity spans per article (default 20)")
    ap.add_argument("--chars", type=int, default=2000, help="code points per article, about (default 2,000)")
    ap.add_argument("--seed", type=int, default=20240101, help="random seed of the generator")
    ap.add_argument("--runs", type=int, default=3, help="runs per export, best taken (default 3)")
    ap.add_argument("--import-runs", type=int, default=2, help="imports into fresh projects, best taken (default 2)")
    ap.add_argument("--out", type=Path, default=BENCH / "out", help="results folder (default bench/out)")
    ap.add_argument("--tmp", type=Path, default=None, help="where the temporary databases go (default: system temp)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    ap.add_argument("--profile", action="store_true",
                    help="also run each of our phases once under cProfile (bench/out/profile_*.txt)")
    args = ap.parse_args(argv)
    if args.docs < 1 or args.runs < 1 or args.import_runs < 1:
        ap.error("--docs, --runs and --import-runs must be at least 1")

    args.out.mkdir(parents=True, exist_ok=True)
    schema = load_schema(SCHEMA)
    labels = [lab.name for lab in schema.layer("entity").labels]
    tmp = Path(tempfile.mkdtemp(prefix="annotator-bench-", dir=args.tmp))
    print(f"temporary folder {tmp}", file=sys.stderr)
    try:
        return run(args, schema, labels, tmp)
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def run(args, schema, labels: list[str], tmp: Path) -> int:
    say = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    jsonl = tmp / "corpus.jsonl"
    t0 = time.perf_counter()
    corpus = write_corpus(jsonl, args.docs, SEEDS, labels, seed=args.seed, chars=args.chars, spans=args.spans)
    say(f"generated {corpus['documents']:,} articles, {corpus['spans']:,} spans, mean {corpus['mean_chars']} "
        f"code points, {corpus['bytes'] / 1e6:.1f} MB in {time.perf_counter() - t0:.1f}s")
    n_docs, n_spans = corpus["documents"], corpus["spans"]
    checks: dict[str, object] = {}

    # 1. import: ours, into fresh projects
    samples = []
    project_db = None
    for i in range(args.import_runs):
        db = tmp / f"ours-{i}.annotator"
        seconds, peak, report = ours_import(jsonl, db, schema)
        say(f"import run {i + 1}: {seconds:.3f}s")
        samples.append((seconds, peak))
        if report.rejected or report.documents != n_docs or report.spans != n_spans:
            say(f"IMPORT INCOMPLETE: {report.documents} documents, {report.spans} spans, "
                f"{len(report.rejected)} rejected, first: {report.rejected[:3]}")
            checks["import_complete"] = False
        else:
            checks.setdefault("import_complete", True)
        if project_db is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{project_db}{suffix}").unlink(missing_ok=True)
        project_db = db
    ours_imp = best(samples)

    # 1'. the floor: parse the file into rows, then insert them in one transaction
    parse_samples, insert_samples = [], []
    for i in range(args.import_runs):
        seconds, peak, rows = timed(floors.parse, jsonl)
        parse_samples.append((seconds, peak))
        db = tmp / f"floor-{i}.sqlite"
        insert_samples.append(floor_insert(rows, db, schema))
        say(f"floor run {i + 1}: parse {seconds:.3f}s, insert {insert_samples[-1][0]:.3f}s")
        del rows
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    floor_parse, floor_ins = best(parse_samples), best(insert_samples)
    floor_both = (floor_parse[0] + floor_ins[0], max(filter(None, (floor_parse[1], floor_ins[1])), default=None))

    # 2. exports: ours native, ours prodigy and the raw read floors, interleaved, best of runs
    try:
        exporter("prodigy")
        have_prodigy = True
    except ImportError as exc:
        say(f"no Prodigy exporter yet ({exc}); its row is left out")
        have_prodigy = False
    got: dict[str, list] = {"native": [], "prodigy": [], **{f"floor-{k}": [] for k in floors.READERS}}
    outputs = {"native": tmp / "ours-native.jsonl", "prodigy": tmp / "ours-prodigy.jsonl",
               **{f"floor-{k}": tmp / f"floor-{k}.jsonl" for k in floors.READERS},
               "ref-prodigy": tmp / "ref-prodigy.jsonl"}
    if have_prodigy:
        got["ref-prodigy"] = []
    for i in range(args.runs):
        for name, fn in floors.READERS.items():
            seconds, peak, n = timed(fn, project_db, outputs[f"floor-{name}"])
            got[f"floor-{name}"].append((seconds, peak))
        seconds, peak, _ = ours_export("native", project_db, outputs["native"])
        got["native"].append((seconds, peak))
        if have_prodigy:
            seconds, peak, _ = ours_export("prodigy", project_db, outputs["prodigy"])
            got["prodigy"].append((seconds, peak))
            seconds, peak, _ = timed(floors.read_prodigy_same_output, project_db, outputs["ref-prodigy"])
            got["ref-prodigy"].append((seconds, peak))
        say(f"export run {i + 1}: " + ", ".join(f"{k} {v[-1][0]:.3f}s" for k, v in got.items() if v))
    floor_reads = {k: best(v) for k, v in got.items() if k.startswith("floor-")}
    floor_name = min(floor_reads, key=lambda k: floor_reads[k][0])
    floor_read = floor_reads[floor_name]

    # correctness: the round trip is exact and the floor wrote what we write
    original = jsonl.read_bytes()
    checks["native_roundtrip_identical"] = outputs["native"].read_bytes() == original
    checks["floor_output_identical_to_native"] = all(
        outputs[k].read_bytes() == outputs["native"].read_bytes() for k in floor_reads)
    if have_prodigy:
        checks["prodigy_lines"] = count_lines(outputs["prodigy"])
        checks["prodigy_reference_identical"] = outputs["ref-prodigy"].read_bytes() == outputs["prodigy"].read_bytes()

    # tokenisation alone: the work a Prodigy export does beyond the floor
    tok_s, tok_n = tokenize_all(project_db)

    rows_out = [
        row("import (vs parse+insert floor)", ours_imp, floor_both, n_docs, n_spans),
        row("  import (vs insert-only floor)", ours_imp, floor_ins, n_docs, n_spans, goal=False),
        row("  floor part: parse JSONL to rows", None, floor_parse, n_docs, n_spans),
        row("native export", best(got["native"]), floor_read, n_docs, n_spans, f"floor: {floor_name}"),
    ]
    for k, v in floor_reads.items():
        rows_out.append(row(f"  floor read {k.removeprefix('floor-')}", None, v, n_docs, n_spans))
    if have_prodigy:
        rows_out.append(row("prodigy export", best(got["prodigy"]), floor_read, n_docs, n_spans,
                            f"floor: {floor_name}"))
        rows_out.append(row("  prodigy vs raw read+tokenize ref", best(got["prodigy"]), best(got["ref-prodigy"]),
                            n_docs, n_spans, "same output; reference, not the goal", goal=False))
    rows_out.append(row("  tokenize() alone (in prodigy)", (tok_s, None), None, n_docs, n_spans,
                        f"{tok_n:,} tokens"))

    print(f"\n{n_docs:,} articles, {n_spans:,} spans, mean {corpus['mean_chars']} code points; "
          f"best of {args.import_runs} imports / {args.runs} exports; MB = peak RSS growth in the phase")
    table = print_table(rows_out)
    failing = [r["phase"].strip() for r in rows_out if r["goal"] and r["ratio"] > GOAL]
    print("checks: " + ", ".join(f"{k}={v}" for k, v in checks.items()))
    print(f"goal (ours within {GOAL:g}x of floor): " + ("met" if not failing else "NOT met for " + "; ".join(failing)))

    profiles = {}
    if args.profile:
        say("profiling ...")
        db = tmp / "profile.annotator"
        project = Project.create(db, schema)
        try:
            profiles["import"] = profile("import", lambda: import_paths(project, [jsonl], "jsonl"), args.out)
        finally:
            project.close()
        for fmt in ("native", "prodigy") if have_prodigy else ("native",):
            with Project.open(project_db, readonly=True) as proj:
                profiles[fmt] = profile(
                    fmt, lambda: exporter(fmt).export(proj.iter_documents(), tmp / "p.jsonl", proj.schema), args.out)
        print(f"profiles written to {args.out}/profile_*.txt")

    results = {
        "corpus": corpus,
        "runs": {"imports": args.import_runs, "exports": args.runs},
        "environment": {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                        "platform": platform.platform(), "cpus": os.cpu_count(), "tmp": str(tmp)},
        "goal_ratio": GOAL,
        "rows": rows_out,
        "checks": checks,
        "goal_met": not failing,
        "table": table,
        "profiles": profiles,
    }
    (args.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"results written to {args.out / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
