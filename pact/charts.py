"""Small server-rendered SVG charts (no JavaScript, also inside a PDF), for every app.

Shared like ``pact.spreadsheets``: the agenda draws its dashboard and council report
with them, vroegsignalering its figures page and its section of the council report.

Each chart is an ``<svg role="img">`` with a ``<title>`` and ``<desc>`` saying in words
what it shows; pages put the same figures in a table next to it, so nobody depends on
the picture (WCAG 1.1.1). Labels are escaped. Colours differ in lightness as well as
hue, and every segment is also labelled with its number.

Labels fit: long bar labels wrap onto two lines (widths measured for DejaVu Sans, the
font of the PDF, with room to spare), legends wrap onto a next line when they would
leave the chart, line charts keep their value labels off the axis and thin out the
labels below when points are many. Numbers are written the way the interface language
writes them (``7,5`` in Dutch, ``7.5`` in English).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# Widths for DejaVu Sans (the PDF's font; browsers' sans-serif is narrower): about
# 0.6 em per character on average, so 12 px labels get 7.2 px a character.
LABEL_CHARS_PER_LINE = 36  # 36 x 7.2 px = 259 px, inside the 292 px label column
ROUND_CHARS_PER_LINE = 14  # a round's label under a line chart wraps after this
LEGEND_CHAR_W = 7.6

BAR_COLOUR = "#00536b"
REFERENCE_COLOUR = "#7a4100"

# A series of a stacked bar chart: (key in the counts, label, fill colour).
Series = tuple[str, str, str]


def stacked_bars(
    rows: Sequence[tuple[str, dict[str, int]]],
    *,
    series: Sequence[Series],
    title: str,
) -> SafeString:
    """Horizontal stacked bars: one per label, a segment per series, and a legend."""
    width, label_w, bar_h, gap = 720, 300, 22, 10
    places = _legend_places(series, width=width)
    legend_h = (max((line for _x, line in places), default=0) + 1) * 18
    height = len(rows) * (bar_h + gap) + 22 + legend_h
    parts = []
    max_total = max((sum(c.values()) for _l, c in rows), default=0) or 1
    for i, (label, counts) in enumerate(rows):
        y = 10 + i * (bar_h + gap)
        parts.append(_bar_label(label, x=label_w - 8, y=y, row_h=bar_h + gap))
        x = float(label_w)
        for key, name, colour in series:
            n = counts.get(key, 0)
            if not n:
                continue
            w = (width - label_w - 10) * n / max_total
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}">'
                f"<title>{escape(name)}: {n}</title></rect>"
            )
            if w > 16:
                parts.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + bar_h * 0.7}" text-anchor="middle" font-size="12" fill="#fff">{n}</text>'
                )
            x += w
    top = height - legend_h
    for (_key, name, colour), (x, line) in zip(series, places, strict=True):
        y = top + line * 18
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>')
        parts.append(
            f'<text x="{x + 16}" y="{y + 11}" font-size="12">{escape(name)}</text>'
        )
    names = {key: name for key, name, _c in series}
    desc = "; ".join(
        f"{label}: "
        + ", ".join(f"{names.get(k, k)} {n}" for k, n in counts.items() if n)
        for label, counts in rows
    )
    return svg(width, height, title, desc, parts)


def _legend_places(series: Sequence[Series], *, width: int) -> list[tuple[float, int]]:
    """Where each legend entry goes: its x and its line (a new line when the next
    entry would leave the chart)."""
    places = []
    x, line = 10.0, 0
    for _key, name, _colour in series:
        needed = 16 + LEGEND_CHAR_W * len(str(name)) + 14
        if x > 10 and x + needed - 14 > width:
            x, line = 10.0, line + 1
        places.append((x, line))
        x += needed
    return places


def percent_bars(
    rows: Sequence[tuple[str, int | None]],
    *,
    title: str,
    reference: tuple[int, str] | None = None,
) -> SafeString:
    """Horizontal bars of percentages (0 to 100); ``reference`` draws a dashed line at
    that percentage with its label (a national average, a target)."""
    width, label_w, bar_h, gap = 720, 300, 20, 8
    top = 20 if reference else 6
    height = len(rows) * (bar_h + gap) + top + 6
    span = width - label_w - 60
    parts = []
    for i, (label, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        parts.append(_bar_label(label, x=label_w - 8, y=y, row_h=bar_h + gap))
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{span}" height="{bar_h}" fill="#e6ebef"/>'
        )
        if value is None:
            parts.append(
                f'<text x="{label_w + 6}" y="{y + bar_h * 0.72}" font-size="12">{escape(_("geen cijfer"))}</text>'
            )
            continue
        w = span * max(0, min(value, 100)) / 100
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{BAR_COLOUR}"/>'
        )
        parts.append(
            f'<text x="{width - 52}" y="{y + bar_h * 0.72}" font-size="13">{value}%</text>'
        )
    desc = "; ".join(f"{label}: {'-' if v is None else f'{v}%'}" for label, v in rows)
    if reference:
        value, name = reference
        x = label_w + span * max(0, min(value, 100)) / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 4}" stroke="{REFERENCE_COLOUR}" stroke-width="2" stroke-dasharray="5 3"/>'
            f'<text x="{x:.1f}" y="{top - 7}" text-anchor="middle" font-size="11" fill="{REFERENCE_COLOUR}">{escape(name)} {value}%</text>'
        )
        desc += f"; {name}: {value}%"
    return svg(width, height, title, desc, parts)


def line_chart(
    points: Sequence[tuple[str, float]],
    *,
    title: str,
    target: float | None = None,
    unit: str = "",
) -> SafeString:
    """A line over rounds, with the target as a dashed line when there is one."""
    width, height, left, bottom, top, inset = 640, 240, 60, 50, 20, 28
    if not points:
        return mark_safe("")  # noqa: S308
    values = [v for _l, v in points] + ([target] if target is not None else [])
    high = _nice_ceiling(max(values) * 1.1)
    if unit.strip() == "%" and max(values) <= 100:
        high = min(high, 100)  # a share never needs an axis beyond 100%
    # The target's label sits in a right margin of its own, clear of the points.
    margin = 84 if target is not None else 10
    plot_left, plot_right = left + inset, width - margin - inset
    step = (plot_right - plot_left) / max(len(points) - 1, 1)
    # Show every n-th round label so they never overlap (about 5.6 px a character).
    widest = max(
        len(line) for label, _v in points for line in _round_lines(label) or [""]
    )
    label_px = widest * 5.6 + 8
    every = max(1, math.ceil(label_px / step)) if len(points) > 1 else 1
    last = len(points) - 1
    # The latest round is always labelled; the one shown before it gives way when the
    # two would touch.
    labelled = set(range(0, len(points), every))
    if last not in labelled:
        if (last % every) * step < label_px:
            labelled.discard(last - last % every)
        labelled.add(last)

    def y_of(v: float) -> float:
        return top + (height - top - bottom) * (1 - v / high)

    parts = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="#4a4a4a"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#4a4a4a"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="11">{fmt(high)}</text>',
        f'<text x="{left - 6}" y="{height - bottom}" text-anchor="end" font-size="11">0</text>',
    ]
    if target is not None:
        ty = y_of(target)
        parts.append(
            f'<line x1="{left}" y1="{ty:.1f}" x2="{width - margin + 4}" y2="{ty:.1f}" stroke="#b25e00" stroke-dasharray="6 4"/>'
            f'<text x="{width - margin + 8}" y="{ty + 4:.1f}" font-size="11" fill="{REFERENCE_COLOUR}">'
            f"{escape(_('doel'))} {fmt(target)}</text>"
        )
    coords = [(plot_left + i * step, y_of(v)) for i, (_l, v) in enumerate(points)]
    parts.append(
        f'<polyline fill="none" stroke="{BAR_COLOUR}" stroke-width="2.5" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        + '"/>'
    )
    for i, ((label, value), (x, y)) in enumerate(zip(points, coords, strict=True)):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{BAR_COLOUR}"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{max(y - 8, 10):.1f}" text-anchor="middle" font-size="11">{fmt(value)}</text>'
        )
        if i in labelled:
            parts.append(_round_label(label, x=x, y=height - bottom + 16))
    desc = "; ".join(f"{label}: {fmt(v)} {unit}".strip() for label, v in points)
    if target is not None:
        desc += "; " + _("doel") + f": {fmt(target)} {unit}".rstrip()
    return svg(width, height, title, desc, parts)


def _bar_label(label: str, *, x: int, y: float, row_h: int) -> str:
    """The label of a bar, on one or two lines (the second cut with an ellipsis)."""
    lines = textwrap.wrap(label, LABEL_CHARS_PER_LINE) or [""]
    if len(lines) > 2:
        lines = [
            lines[0],
            textwrap.shorten(
                " ".join(lines[1:]), LABEL_CHARS_PER_LINE, placeholder=" …"
            ),
        ]
    if len(lines) == 1:
        return (
            f'<text x="{x}" y="{y + row_h * 0.5:.1f}" text-anchor="end" font-size="12">'
            f"{escape(lines[0])}</text>"
        )
    return (
        f'<text x="{x}" y="{y + row_h * 0.32:.1f}" text-anchor="end" font-size="12">'
        + "".join(
            f'<tspan x="{x}" dy="{0 if i == 0 else 13}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        + "</text>"
    )


def _round_label(label: str, *, x: float, y: int) -> str:
    """A round's label under the axis: one line, or two when it is long ("Mei–augustus"
    over "2026"), never cut in the middle of a word or year."""
    lines = _round_lines(label) or [""]
    start = f'<text x="{x:.1f}" y="{y}" text-anchor="middle" font-size="10">'
    if len(lines) == 1:
        return f"{start}{escape(lines[0])}</text>"
    return (
        start
        + "".join(
            f'<tspan x="{x:.1f}" dy="{0 if i == 0 else 12}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        + "</text>"
    )


def _round_lines(label: str) -> list[str]:
    lines = textwrap.wrap(_short(label), ROUND_CHARS_PER_LINE, break_long_words=False)
    if len(lines) > 2:
        rest = " ".join(lines[1:])
        lines = [
            lines[0],
            textwrap.shorten(rest, ROUND_CHARS_PER_LINE, placeholder=" …"),
        ]
    return lines


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k that is at least
    ``value`` (axis tops close to the highest value)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for factor in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * power >= value:
            return factor * power
    return 10 * power


def _short(label: str) -> str:
    return label.replace("kwartaal ", "kw ")


def fmt(value: float) -> str:
    """A number as the interface language writes it: 7,5 (Dutch) or 7.5 (English)."""
    decimals = 0 if float(value).is_integer() or abs(value) >= 100 else 1
    return number_format(round(float(value), decimals), decimal_pos=decimals)


def svg(width: int, height: int, title: str, desc: str, parts: list[str]) -> SafeString:
    return mark_safe(  # noqa: S308  (every text part above is escaped)
        f'<svg class="pact-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>{''.join(parts)}</svg>"
    )
