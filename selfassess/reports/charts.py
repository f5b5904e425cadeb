"""Indicator charts: a bar per group (or per year) with the threshold as a dashed line, as PNG."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from selfassess import i18n

if TYPE_CHECKING:
    from selfassess.data.indicator_model import IndicatorResult

UNITS = {"percent": "%", "m2": "м²", "number": "", "ratio": "", "score": ""}


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
    # The document's font (Times New Roman, or Liberation Serif with its metrics), not a sans
    # beside serif text; long group names wrap instead of being cut.
    plt.rcParams.update(
        {
            "font.family": "serif",
            "font.serif": ["Times New Roman", "Liberation Serif", "DejaVu Serif"],
            "font.size": 10,
            "svg.hashsalt": "selfassess",
        }
    )
    wrapped = ["\n".join(textwrap.wrap(str(label), 32)) or " " for label in labels]
    lines = sum(label.count("\n") + 1 for label in wrapped)
    figure, axes = plt.subplots(figsize=(6.3, 0.3 * lines + 0.12 * len(labels) + 1.0), dpi=150)
    threshold = result.indicator.threshold
    colours = [
        "#b23b3b"
        if threshold
        and ((threshold.min is not None and n < threshold.min) or (threshold.max is not None and n > threshold.max))
        else "#3b6fb2"
        for n in numbers
    ]
    bars = axes.barh(range(len(numbers)), numbers, color=colours)
    axes.set_yticks(range(len(numbers)), wrapped)
    axes.invert_yaxis()
    # Each bar says its value (a 0 % bar has no length to see), in the document's number style.
    axes.bar_label(bars, [i18n.format_value(n, result.indicator.unit, lang) for n in numbers], padding=3, fontsize=9)
    axes.margins(x=0.15)
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
