"""Writing one JSON object per line, as every JSONL exporter does."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

# ensure_ascii=False: Arabic stays readable (and half the size); check_circular off: records
# are fresh trees of dicts and lists, and the check costs time on every export.
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def write_jsonl(out: Path, records: Iterable[dict]) -> int:
    count = 0
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for record in records:
            fh.write(_encode(record))
            fh.write("\n")
            count += 1
    return count
