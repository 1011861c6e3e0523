"""Benchmark: inter-annotator agreement (annotator/core/agreement.py) on a large team corpus.

    python bench/agreement.py [--docs 10000] [--annotators 3] [--chars 2000] [--spans 20]

Generates --docs articles from the seed sentences (bench/generate.py, ~--chars code points and
--spans entity spans each, plus two claims with a stance), and one set per annotator: the first
annotator keeps the generated spans, each other one drops, relabels, re-bounds and adds spans at
rates like real disagreement (about one span in five differs). Then times compute_agreement over
everything (entity and claim layers, F1, token kappas, Fleiss, alpha, confusion, attributes) and
prints the time (wall and CPU) with a few of the figures, so a wrong-looking result is seen as well as a slow one.
Generation is not timed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from annotator.core.agreement import AnnotatedDocument, compute_agreement  # noqa: E402
from annotator.core.model import Span  # noqa: E402
from bench.generate import Generator  # noqa: E402

LABELS = ["PERSON", "ORG", "GPE", "LOC", "DATE", "NORP"]
NAMES = ["ali", "mona", "sara", "omar", "huda"]


def variant(rng: random.Random, text: str, spans: list[Span], name: str) -> list[Span]:
    """Another analyst's version of `spans`: ~5% dropped, ~7% relabelled, ~8% with other
    boundaries (a word more or a letter fewer, as with a clitic), ~5% more spans."""
    out = []
    for k, s in enumerate(spans):
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.12 and s.layer == "entity":
            s = replace(s, label=rng.choice(LABELS))
        elif roll < 0.20:
            end = min(len(text), s.end + rng.randint(-1, 8))
            start = min(s.start + (1 if rng.random() < 0.5 else 0), end - 1)
            s = replace(s, start=start, end=end, text=text[start:end])
        elif s.layer == "claim" and roll < 0.40:
            s = replace(s, attrs={**s.attrs, "stance": rng.choice(["affirm", "deny"])})
        out.append(replace(s, id=f"{s.id}-{name}"))
    for k in range(sum(rng.random() < 0.05 for _ in spans)):
        start = rng.randrange(0, len(text) - 12)
        end = start + rng.randint(3, 12)
        out.append(Span(f"extra-{name}-{k}", start, end, text[start:end], "entity", rng.choice(LABELS)))
    return out


def corpus(docs: int, annotators: int, chars: int, spans: int) -> list[AnnotatedDocument]:
    gen = Generator(BENCH.parent / "seeds", LABELS, chars=chars, spans=spans)
    rng = random.Random(12)
    out = []
    for n in range(1, docs + 1):
        doc = gen.document(n)
        base = list(doc.spans)
        for c in range(2):  # two claims: a sentence-sized stretch each, on word boundaries
            start = doc.text.find(" ", rng.randrange(0, len(doc.text) // 2)) + 1
            end = doc.text.rfind(" ", start, start + 160)
            if start > 0 and end > start:
                base.append(Span(f"{doc.id}-c{c}", start, end, doc.text[start:end], "claim", "CLAIM",
                                 attrs={"stance": "affirm", "checkworthy": rng.choice(["low", "high"])}))
        sets = {NAMES[0]: base}
        for name in NAMES[1:annotators]:
            sets[name] = variant(rng, doc.text, base, name)
        out.append(AnnotatedDocument(doc.id, doc.text, sets))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--annotators", type=int, default=3, choices=range(2, len(NAMES) + 1))
    parser.add_argument("--chars", type=int, default=2000)
    parser.add_argument("--spans", type=int, default=20)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    docs = corpus(args.docs, args.annotators, args.chars, args.spans)
    generated = time.perf_counter() - started
    total_spans = sum(len(s) for d in docs for s in d.sets.values())
    started, cpu = time.perf_counter(), time.process_time()
    report = compute_agreement(docs)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    head, claims = report.layers["entity"], report.layers["claim"]
    print(f"{args.docs} documents x {args.annotators} annotators, {total_spans} spans, "
          f"{head.tokens} tokens (generated in {generated:.1f} s)")
    # CPU time too: on a shared machine the wall time also measures the neighbours.
    print(f"agreement: {took:.2f} s ({cpu:.2f} s CPU)")
    for pair in head.pairs:
        print(f"  {pair.a}-{pair.b}: F1 exact {pair.f1_exact:.3f}, overlap {pair.f1_overlap:.3f}, "
              f"kappa {pair.kappa:.3f}")
    print(f"  entity Fleiss {head.fleiss_kappa:.3f}, alpha {head.krippendorff_alpha:.3f}; "
          f"claim F1 overlap {claims.f1_overlap:.3f}, stance agreement {claims.attributes['stance'].percent:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
