"""Benchmark: a team round without a server on a large corpus (annotator/team).

    python bench/team.py [--docs 10000] [--annotators 3] [--overlap 0.2]

Builds a project of --docs generated articles (bench/generate.py, no spans of their own), then
times `assign` (one package per annotator, the overlap shared by two), the analysts' work (each
package's documents get the generated spans as that annotator's set, written straight into the
package file, the first annotator all of them, the others four in five: not timed), `merge` of every package, a second `merge` of the same packages (must
change nothing) and the agreement over the merged sets (annotator/team/agreement_data.py, the
store read included). Prints each time with the figures that show it did the right thing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from annotator import RESOURCES, SEEDS  # noqa: E402
from annotator.core.schema import load_schema  # noqa: E402
from annotator.core.text import content_hash  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.team.agreement_data import project_agreement  # noqa: E402
from annotator.team.assign import assign  # noqa: E402
from annotator.team.merge import merge  # noqa: E402
from bench.generate import Generator  # noqa: E402

LABELS = ["PERSON", "ORG", "GPE", "LOC", "DATE", "NORP"]


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    print(f"{label:<34}{time.perf_counter() - start:8.2f} s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--annotators", type=int, default=3)
    parser.add_argument("--overlap", type=float, default=0.2)
    args = parser.parse_args()
    names = [f"analyst{n}" for n in range(1, args.annotators + 1)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        gen = Generator(SEEDS, LABELS)
        generated = {}
        with Project.create(root / "main.annotator", load_schema(RESOURCES / "schemas" / "news.toml")) as project:
            docs = []
            for n in range(1, args.docs + 1):
                doc = gen.document(n)
                generated[doc.id] = doc.spans
                docs.append(replace(doc, spans=[], status="new", content_hash=content_hash(doc.text)))
                if len(docs) == 1000:
                    project.add_documents(docs)
                    docs = []
            project.add_documents(docs)
            print(f"{args.docs} documents, {sum(map(len, generated.values()))} generated spans, "
                  f"{args.annotators} annotators, overlap {args.overlap}")
            packages = timed("assign", lambda: assign(project, names, root / "pk", overlap=args.overlap))
            for package in packages:  # the analysts' work: not timed
                with Project.open(package.path) as mine:
                    for doc_id in package.documents:
                        spans = [replace(s, id=f"{package.annotator}-{s.id}", annotator=package.annotator, entity=None)
                                 for k, s in enumerate(generated[doc_id])
                                 if package.annotator == names[0] or (k + len(package.annotator)) % 5]
                        mine.replace_set(doc_id, package.annotator, spans, [], "done")
            paths = [p.path for p in packages]
            report = timed("merge", lambda: merge(project, paths))
            print(f"  {report.changed} document sets changed, "
                  f"{sum(p.spans for p in report.packages)} spans")
            again = timed("merge again (changes nothing)", lambda: merge(project, paths))
            assert again.changed == 0, again.changed
            figures = timed("agreement (store read + compute)", lambda: project_agreement(project))
            print(f"  {figures.documents} documents compared, alpha {figures.headline.krippendorff_alpha}")


if __name__ == "__main__":
    main()
