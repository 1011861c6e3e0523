import pytest

from annotator.core.model import Span
from annotator.core.overlap import conflicts


def span(start, end, label="A"):
    return Span(f"{start}-{end}-{label}", start, end, "x" * (end - start), "entity", label)


@pytest.mark.parametrize(
    "mode, spans, ok",
    [
        ("none", [span(0, 3), span(3, 5)], True),
        ("none", [span(0, 3), span(2, 5)], False),
        ("none", [span(0, 5), span(1, 2)], False),
        ("nested", [span(0, 5), span(1, 2, "B"), span(2, 4)], True),
        ("nested", [span(0, 3), span(2, 5)], False),
        ("any", [span(0, 3), span(2, 5), span(1, 9)], True),
        ("any", [span(0, 3), span(0, 3)], False),
        ("any", [span(0, 3), span(0, 3, "B")], True),
    ],
)
def test_modes(mode, spans, ok):
    assert (conflicts(spans, mode) is None) == ok
