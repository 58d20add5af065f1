"""The agenda's charts: status bars in the status colours of ``agenda.css``; the
percentage bars and line charts are the shared ones of ``pact.charts`` (no JavaScript,
also inside the PDF; each chart has a title and a description in words, and pages put
the same figures in a table next to it).
"""

from __future__ import annotations

from django.utils.safestring import SafeString

from agenda.constants import Status
from pact.charts import LABEL_CHARS_PER_LINE, line_chart, percent_bars, stacked_bars
from pact.charts import fmt as _fmt

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
    return stacked_bars(
        rows,
        series=[
            (status.value, str(status.label), STATUS_COLOURS[status])
            for status in Status
        ],
        title=title,
    )


__all__ = [
    "LABEL_CHARS_PER_LINE",
    "STATUS_COLOURS",
    "_fmt",
    "line_chart",
    "percent_bars",
    "status_bars",
]
