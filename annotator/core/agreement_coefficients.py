"""Chance-corrected agreement coefficients computed from counts, not from item lists.

Token agreement over 10,000 documents means millions of coded units, nearly all of them a handful
of distinct tag combinations (everyone says O). So callers count each combination once
(``Counter(zip(*tags))``) and these functions take those counts: the work is proportional to the
distinct combinations, never to the units.

Every coefficient is undefined, and returns None, when there is nothing to compare (no units, a
single coder) or when chance agreement is already total (every coder used one and the same value
everywhere: 0/0). A None is never a NaN: callers print it as "n/a" and JSON carries null.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping


def f1(matched: int, size_a: int, size_b: int) -> float | None:
    """Span F1 between two annotators: 2·matched / (|A| + |B|), the harmonic mean of precision
    and recall whichever annotator is taken as the reference. None when neither has a span."""
    total = size_a + size_b
    return 2 * matched / total if total else None


def percent_agreement(pairs: Mapping[tuple[Hashable, Hashable], int]) -> float | None:
    """Share of items whose two values are equal; `pairs` counts (value_a, value_b)."""
    total = sum(pairs.values())
    if not total:
        return None
    return sum(n for (a, b), n in pairs.items() if a == b) / total


def cohen_kappa(pairs: Mapping[tuple[Hashable, Hashable], int]) -> float | None:
    """Cohen's kappa of two coders from counts of (value_a, value_b) per item (a confusion table
    flattened): (p_o - p_e) / (1 - p_e) with p_e from each coder's own marginals."""
    total = sum(pairs.values())
    if not total:
        return None
    row: Counter = Counter()
    col: Counter = Counter()
    same = 0
    for (a, b), n in pairs.items():
        row[a] += n
        col[b] += n
        if a == b:
            same += n
    observed = same / total
    expected = sum(n * col[value] for value, n in row.items()) / (total * total)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def fleiss_kappa(units: Mapping[tuple, int]) -> float | None:
    """Fleiss' kappa from counts of units: each key is one unit's values, one per coder, every
    unit coded by the same number of coders (at least two)."""
    total_units = 0
    agreeing = 0.0
    value_totals: Counter = Counter()
    coders = None
    for values, weight in units.items():
        if coders is None:
            coders = len(values)
        elif len(values) != coders:
            raise ValueError("Fleiss' kappa needs every unit coded by the same number of coders")
        counts = Counter(values)
        value_totals.update({value: n * weight for value, n in counts.items()})
        agreeing += weight * sum(n * n for n in counts.values())
        total_units += weight
    if not total_units or coders is None or coders < 2:
        return None
    mean_agreement = (agreeing - total_units * coders) / (total_units * coders * (coders - 1))
    ratings = total_units * coders
    expected = sum((n / ratings) ** 2 for n in value_totals.values())
    if expected == 1:
        return None
    return (mean_agreement - expected) / (1 - expected)


def krippendorff_alpha_nominal(units: Iterable[tuple[tuple, int]] | Mapping[tuple, int]) -> float | None:
    """Krippendorff's alpha for nominal data from counts of units; a unit's key holds the values
    of the coders who coded it (any number: missing coders are simply absent). Units with fewer
    than two values are not pairable and drop out, as in Krippendorff's definition.

    With the coincidence matrix o, n_c = sum_k o_ck and n = sum_c n_c:
    alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k.
    """
    items = units.items() if isinstance(units, Mapping) else units
    disagreement = 0.0
    value_totals: Counter = Counter()
    for values, weight in items:
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        # Pairs of differing values in the unit, each pair weighted 1/(m-1).
        disagreement += weight * (m * m - sum(n * n for n in counts.values())) / (m - 1)
        value_totals.update({value: n * weight for value, n in counts.items()})
    n = sum(value_totals.values())
    if n < 2:
        return None
    expected = n * n - sum(c * c for c in value_totals.values())
    if expected == 0:
        return None
    return 1 - (n - 1) * disagreement / expected
