"""Small server-rendered SVG charts (no JavaScript, also inside the PDF).

Each chart is an ``<svg role="img">`` with a ``<title>`` and ``<desc>`` saying in words
what it shows; pages put the same figures in a table next to it, so nobody depends on
the picture. Labels are escaped. Colours follow the status colours of ``agenda.css`` and
differ in lightness as well as hue, and every segment is also labelled with its number.

Labels fit: long bar labels wrap onto two lines (widths measured for DejaVu Sans, the
font of the PDF, with room to spare), line charts keep their value labels off the axis
and thin out the round labels when rounds are many. Numbers are written the way the
interface language writes them (``7,5`` in Dutch, ``7.5`` in English).
"""

from __future__ import annotations

import math
import textwrap

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from agenda.constants import Status

STATUS_COLOURS = {
    Status.NOT_STARTED: "#8a8f94",
    Status.ON_TRACK: "#1e6b35",
    Status.AT_RISK: "#b25e00",
    Status.DELAYED: "#a4001e",
    Status.DONE: "#00536b",
    Status.STOPPED: "#3d3d3d",
}


def status_bars(rows: list[tuple[str, dict[str, int]]], *, title: str) -> SafeString:
    """Horizontal stacked bars: one per label, segments per status."""
    width, label_w, bar_h, gap = 720, 300, 22, 10
    height = len(rows) * (bar_h + gap) + 40
    parts = []
    max_total = max((sum(c.values()) for _l, c in rows), default=0) or 1
    for i, (label, counts) in enumerate(rows):
        y = 10 + i * (bar_h + gap)
        parts.append(_bar_label(label, x=label_w - 8, y=y, row_h=bar_h + gap))
        x = float(label_w)
        for status in Status:
            n = counts.get(status.value, 0)
            if not n:
                continue
            w = (width - label_w - 10) * n / max_total
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{STATUS_COLOURS[status]}">'
                f"<title>{escape(status.label)}: {n}</title></rect>"
            )
            if w > 16:
                parts.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + bar_h * 0.7}" text-anchor="middle" font-size="12" fill="#fff">{n}</text>'
                )
            x += w
    legend_y = height - 18
    x = 10.0
    for status in Status:
        parts.append(
            f'<rect x="{x}" y="{legend_y}" width="12" height="12" fill="{STATUS_COLOURS[status]}"/>'
        )
        parts.append(
            f'<text x="{x + 16}" y="{legend_y + 11}" font-size="12">{escape(status.label)}</text>'
        )
        x += 16 + LEGEND_CHAR_W * len(str(status.label)) + 14
    desc = "; ".join(
        f"{label}: "
        + ", ".join(f"{Status(s).label} {n}" for s, n in counts.items() if n)
        for label, counts in rows
    )
    return _svg(width, height, title, desc, parts)


def percent_bars(rows: list[tuple[str, int | None]], *, title: str) -> SafeString:
    """Horizontal bars of percentages (coverage per round, roll-up per block)."""
    width, label_w, bar_h, gap = 720, 300, 20, 8
    height = len(rows) * (bar_h + gap) + 12
    parts = []
    for i, (label, value) in enumerate(rows):
        y = 6 + i * (bar_h + gap)
        parts.append(_bar_label(label, x=label_w - 8, y=y, row_h=bar_h + gap))
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{width - label_w - 60}" height="{bar_h}" fill="#e6ebef"/>'
        )
        if value is None:
            parts.append(
                f'<text x="{label_w + 6}" y="{y + bar_h * 0.72}" font-size="12">{escape(_("geen cijfer"))}</text>'
            )
            continue
        w = (width - label_w - 60) * max(0, min(value, 100)) / 100
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#00536b"/>'
        )
        parts.append(
            f'<text x="{width - 52}" y="{y + bar_h * 0.72}" font-size="13">{value}%</text>'
        )
    desc = "; ".join(f"{label}: {'-' if v is None else f'{v}%'}" for label, v in rows)
    return _svg(width, height, title, desc, parts)


def line_chart(
    points: list[tuple[str, float]],
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
    # The target's label sits in a right margin of its own, clear of the points.
    margin = 84 if target is not None else 10
    plot_left, plot_right = left + inset, width - margin - inset
    step = (plot_right - plot_left) / max(len(points) - 1, 1)
    # Round labels are about 60 px wide: show every n-th so they never overlap.
    every = max(1, math.ceil(64 / step)) if len(points) > 1 else 1

    def y_of(v: float) -> float:
        return top + (height - top - bottom) * (1 - v / high)

    parts = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="#4a4a4a"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#4a4a4a"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="11">{_fmt(high)}</text>',
        f'<text x="{left - 6}" y="{height - bottom}" text-anchor="end" font-size="11">0</text>',
    ]
    if target is not None:
        ty = y_of(target)
        parts.append(
            f'<line x1="{left}" y1="{ty:.1f}" x2="{width - margin + 4}" y2="{ty:.1f}" stroke="#b25e00" stroke-dasharray="6 4"/>'
            f'<text x="{width - margin + 8}" y="{ty + 4:.1f}" font-size="11" fill="#7a4100">'
            f"{escape(_('doel'))} {_fmt(target)}</text>"
        )
    coords = [(plot_left + i * step, y_of(v)) for i, (_l, v) in enumerate(points)]
    parts.append(
        '<polyline fill="none" stroke="#00536b" stroke-width="2.5" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        + '"/>'
    )
    last = len(points) - 1
    for i, ((label, value), (x, y)) in enumerate(zip(points, coords, strict=True)):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#00536b"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{max(y - 8, 10):.1f}" text-anchor="middle" font-size="11">{_fmt(value)}</text>'
        )
        if i % every == 0 or (i == last and last % every >= every / 2):
            parts.append(
                f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="10">{escape(_short(label))}</text>'
            )
    desc = "; ".join(f"{label}: {_fmt(v)} {unit}".strip() for label, v in points)
    if target is not None:
        desc += "; " + _("doel") + f": {_fmt(target)} {unit}".rstrip()
    return _svg(width, height, title, desc, parts)


# Widths for DejaVu Sans (the PDF's font; browsers' sans-serif is narrower): about
# 0.6 em per character on average, so 12 px labels get 7.2 px a character.
LABEL_CHARS_PER_LINE = 36  # 36 x 7.2 px = 259 px, inside the 292 px label column
LEGEND_CHAR_W = 7.6


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


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^k that is at least ``value`` (axis tops)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= value:
            return factor * power
    return 10 * power


def _short(label: str) -> str:
    return label.replace("kwartaal ", "kw ").replace("e kw", "e kw")[:14]


def _fmt(value: float) -> str:
    """A number as the interface language writes it: 7,5 (Dutch) or 7.5 (English)."""
    decimals = 0 if float(value).is_integer() or abs(value) >= 100 else 1
    return number_format(round(float(value), decimals), decimal_pos=decimals)


def _svg(
    width: int, height: int, title: str, desc: str, parts: list[str]
) -> SafeString:
    return mark_safe(  # noqa: S308  (every text part above is escaped)
        f'<svg class="agenda-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>{''.join(parts)}</svg>"
    )
