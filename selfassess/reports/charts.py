"""Indicator charts: a bar per group (or per year) with the threshold as a dashed line, as PNG."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selfassess.data.indicator_model import IndicatorResult

UNITS = {"percent": "%", "m2": "м²", "number": "", "ratio": "", "score": ""}


def value_text(value: float | None, unit: str) -> str:
    """Return a value with its unit sign, or a dash when there is none."""
    return "—" if value is None else f"{value:g} {UNITS[unit]}".strip()


def chart(result: IndicatorResult, lang: str, target: Path) -> bool:
    """Draw the indicator by its first dimension (or its trend) with the threshold as a line."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    first = result.indicator.by[0] if result.indicator.by else None
    values = [v for v in result.values if first and list(v.dims) == [first] and v.value is not None]
    labels = [v.dims[first] for v in values] if first else []
    numbers = [v.value for v in values]
    if not values and result.trend:
        known = {year: value for year, value in result.trend.items() if value is not None}  # no bar for no data
        labels, numbers = list(known), list(known.values())
    if not numbers:
        return False
    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9, "svg.hashsalt": "selfassess"})
    figure, axes = plt.subplots(figsize=(6.3, 0.35 * len(labels) + 1.2), dpi=150)
    threshold = result.indicator.threshold
    colours = [
        "#b23b3b"
        if threshold
        and ((threshold.min is not None and n < threshold.min) or (threshold.max is not None and n > threshold.max))
        else "#3b6fb2"
        for n in numbers
    ]
    axes.barh([label[:45] for label in labels], numbers, color=colours)
    axes.invert_yaxis()
    if threshold and threshold.min is not None:
        axes.axvline(threshold.min, color="#444444", linestyle="--", linewidth=1)
    if threshold and threshold.max is not None:
        axes.axvline(threshold.max, color="#444444", linestyle="--", linewidth=1)
    axes.set_xlabel(UNITS[result.indicator.unit] or result.indicator.title.get(lang)[:40])
    for spine in ("top", "right"):
        axes.spines[spine].set_visible(False)
    figure.tight_layout()
    # No date or software version in the file: the same data gives the same bytes.
    figure.savefig(target, format="png", metadata={"Software": None})
    plt.close(figure)
    return True
