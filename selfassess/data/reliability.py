"""Scale reliability of a survey block: Cronbach's α and each item's correlation with the rest.

An agency reading "students rate teaching 3.9" may ask whether the block's items measure one
thing at all; α (with the n it rests on) and the item–rest correlations answer that, and show
which item does not belong.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Reliability:
    """Cronbach's α of a block over the respondents who answered all its items (n)."""

    items: tuple[str, ...]
    n: int
    alpha: float | None = None
    item_rest: dict[str, float | None] = field(default_factory=dict)  # item → r(item, sum of the others)


def cronbach(answers: Any, items: list[str]) -> Reliability:
    """Return α and item–rest correlations of `items` (columns of the frame `answers`).

    Only complete answers count (listwise deletion, as SPSS and R's psych::alpha do by
    default); with fewer than 3 such respondents, or no variance, there is nothing to report.
    """
    complete = answers[items].dropna()
    result = Reliability(tuple(items), len(complete))
    if len(items) < 2 or len(complete) < 3:
        return result
    variances = complete.var(ddof=1)
    total = complete.sum(axis=1)
    total_variance = float(total.var(ddof=1))
    if total_variance > 0:
        k = len(items)
        result.alpha = round(k / (k - 1) * (1 - float(variances.sum()) / total_variance), 3)
    for item in items:
        rest = total - complete[item]
        r = _pearson(complete[item], rest)
        result.item_rest[item] = round(r, 3) if r is not None else None
    return result


def _pearson(x: Any, y: Any) -> float | None:
    """Return Pearson's r, or None when either side does not vary."""
    if float(x.std(ddof=1)) == 0 or float(y.std(ddof=1)) == 0:
        return None
    r = float(x.corr(y))
    return None if math.isnan(r) else r
