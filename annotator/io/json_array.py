"""A JSON array read element by element (Label Studio and pretty-printed record exports), so
each element is numbered by the line it starts on and a broken one is reported where it is."""

from __future__ import annotations

import json
from collections.abc import Iterator

from annotator.io.records import Rejection


def array_values(text: str, pos: int, name: str,
                 decoder: json.JSONDecoder | None = None) -> Iterator[tuple[int, object]]:
    """(line where it starts, value or Rejection) for each element of the JSON array opening at
    `pos`: element by element, so each is numbered by its own line (the line count advances
    incrementally, one pass over the text in all); a broken element ends the array, said."""
    decoder = decoder or json.JSONDecoder()
    line, counted = 1, 0
    pos += 1
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        line += text.count("\n", counted, pos)  # incrementally: one pass over the text in all
        counted = pos
        if pos >= len(text):
            yield line, Rejection(name, line, "invalid JSON: the array is not closed with ]")
            return
        if text[pos] == "]":
            if text[pos + 1:].strip():
                yield line, Rejection(name, line, "text after the closing ] of the JSON array; not read")
            return
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield exc.lineno, Rejection(name, exc.lineno, f"invalid JSON: {exc.msg} at column {exc.colno}; "
                                                          "the rest of the array is not read")
            return
        except (RecursionError, ValueError):
            yield line, Rejection(name, line, "invalid JSON (nested too deeply or a number too long); "
                                              "the rest of the array is not read")
            return
        yield line, obj


__all__ = ["array_values"]
