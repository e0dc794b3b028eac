"""Small server-rendered SVG charts: no script, no style attributes (the CSP forbids both)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from search.results import FacetCount

WIDTH, HEIGHT = 320, 150
TOP, BOTTOM, SIDE = 20, 24, 4  # room for the counts above the bars and the years below
BAR_FILL, TEXT_FILL, AXIS_STROKE = "#1d70b8", "#0b0c0c", "#505a5f"
MAX_LABELS = 8  # years labelled under the axis; more would overlap


@dataclass(frozen=True)
class YearCount:
    """One bar: a year and how many matches it has (0 for a year between others)."""

    year: int
    count: int


def years(counts: Iterable[FacetCount]) -> list[YearCount]:
    """Return one count a year, oldest first, with the years in between at 0."""
    found = {int(c.value): c.count for c in counts if c.value.isdigit()}
    if not found:
        return []
    return [YearCount(y, found.get(y, 0)) for y in range(min(found), max(found) + 1)]


def year_chart(bars: list[YearCount], title: str, chart_id: str = "year-chart") -> Markup:
    """Return an SVG bar chart of counts per year, titled for assistive technology."""
    if not bars:
        return Markup("")
    peak = max(b.count for b in bars) or 1
    slot = (WIDTH - 2 * SIDE) / len(bars)
    label_every = -(-len(bars) // MAX_LABELS)
    baseline = HEIGHT - BOTTOM
    parts = [
        Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {w} {h}" '
            'width="{w}" height="{h}" role="img" aria-labelledby="{id}-title">'
            '<title id="{id}-title">{title}</title>'
        ).format(w=WIDTH, h=HEIGHT, id=chart_id, title=title),
        Markup(
            '<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{stroke}" stroke-width="1"/>'
        ).format(x1=SIDE, x2=WIDTH - SIDE, y=baseline, stroke=AXIS_STROKE),
    ]
    for index, bar in enumerate(bars):
        parts.append(_bar(bar, SIDE + index * slot, slot, peak, index % label_every == 0))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _bar(bar: YearCount, left: float, slot: float, peak: int, labelled: bool) -> Markup:
    """Return one bar with its count above it and, when ``labelled``, its year below."""
    baseline = HEIGHT - BOTTOM
    height = round((baseline - TOP) * bar.count / peak, 1)
    width = round(slot * 0.7, 1)
    x = round(left + (slot - width) / 2, 1)
    middle = round(left + slot / 2, 1)
    noun = "match" if bar.count == 1 else "matches"
    shape = Markup(
        '<g><title>{year}: {count} {noun}</title>'
        '<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{fill}"/>'
    ).format(year=bar.year, count=bar.count, noun=noun, x=x, y=round(baseline - height, 1),
             width=width, height=height, fill=BAR_FILL)  # fmt: skip
    if bar.count:
        shape += Markup(
            '<text x="{x}" y="{y}" text-anchor="middle" font-size="12" fill="{fill}">{count}</text>'
        ).format(x=middle, y=round(baseline - height - 6, 1), fill=TEXT_FILL, count=bar.count)
    if labelled:
        shape += Markup(
            '<text x="{x}" y="{y}" text-anchor="middle" font-size="12" fill="{fill}">{year}</text>'
        ).format(x=middle, y=HEIGHT - 8, fill=TEXT_FILL, year=bar.year)
    return shape + Markup("</g>")
