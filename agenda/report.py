"""The council report of a round, as PDF (WeasyPrint).

What the audit office asked for (Assen rekenkamer 2025): main goals before side goals,
numbers *and* the story behind them, each partner's contribution, and honesty about the
data itself. The report holds only what the pact publishes: published actions and
submitted updates. Sections: status per building block (main goals first, with the
roll-up and its rule), changes since the previous round, the actions per building block
with owners and timing, indicator charts, sections other apps contribute (such as
vroegsignalering's figures per municipality; decision 0135), the stories and signals,
and data quality.

**Speed.** The context is read with a fixed number of queries whatever the number of
actions and indicators. Laying out the PDF costs WeasyPrint a few seconds for a plan of
200 actions, roughly in proportion to the amount of text and boxes, so the template keeps
the markup lean (fixed-layout tables, one table per building block) and
``council_report_pdf_cached`` builds a PDF only when the report's content changed:
a saved draft or a change to an unpublished action does not cost a new PDF.
See ``docs/decisions/0044-fast-pages-on-large-plans.md``.
"""

from __future__ import annotations

import gc
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agenda import caching, charts, selectors
from agenda.constants import OwnerRole, UpdateState
from agenda.models import Action, ActionOwner, Indicator, Round, Update
from agenda.types import ReportSection

# Stands in for the time of making in the HTML whose hash keys the PDF cache.
GENERATED_AT_MARKER = "@@generated-at@@"


@dataclass
class ReportRow:
    action: Action
    update: Update | None
    owners: list[ActionOwner]


@dataclass
class ReportBlock:
    summary: selectors.BlockSummary
    rows: list[ReportRow]


def council_report_context(
    round_: Round,
    *,
    generated_at: str | None = None,
    sections: list[ReportSection] | None = None,
) -> dict:
    """Everything the report shows; a fixed number of queries (plus what the
    contributing apps run for their ``sections``, read now when not given)."""
    plan = round_.plan
    blocks = selectors.block_summaries(plan, round_, internal=False)
    actions = selectors.actions_with_owners(
        plan.actions.filter(is_published=True).order_by(*selectors.ACTION_ORDER)
    )
    updates = {
        u.action_id: u
        for u in Update.objects.filter(
            round=round_, state=UpdateState.SUBMITTED, action__is_published=True
        )
    }
    per_block: dict[int | None, list[ReportRow]] = {}
    for action in actions:
        per_block.setdefault(action.building_block_id, []).append(
            ReportRow(action, updates.get(action.pk), action.owner_list)
        )
    # block_summaries lists main goals first, then side goals, then plan-wide actions.
    report_blocks = [
        ReportBlock(summary, per_block[summary.block.pk if summary.block else None])
        for summary in blocks
        if per_block.get(summary.block.pk if summary.block else None)
    ]
    ordered = [row for block in report_blocks for row in block.rows]
    rounds = [
        r
        for r in selectors.round_list(plan)
        if r.period_starts_on <= round_.period_starts_on
    ]
    published_indicators = list(
        Indicator.objects.filter(action__plan=plan, action__is_published=True)
        .select_related("action")
        .order_by("action__position", "position", "pk")
    )
    indicators = [
        (
            indicator,
            series,
            charts.line_chart(
                series.points,
                title=indicator.name,
                target=float(indicator.target)
                if indicator.target is not None
                else None,
                unit=indicator.unit,
            ),
        )
        for indicator, series in zip(
            published_indicators,
            selectors.indicator_series_many(published_indicators, rounds=rounds),
            strict=True,
        )
        if series.points
    ]
    published = plan.actions.filter(is_published=True)
    return {
        "plan": plan,
        "round": round_,
        "generated_at": generated_at or date_format(timezone.localtime(), "j F Y H:i"),
        "blocks": blocks,
        "status_chart": charts.status_bars(
            [(b.title, b.statuses) for b in blocks],
            title=_("Status van de acties per bouwsteen"),
        ),
        "action_blocks": report_blocks,
        "stories": [
            row
            for row in ordered
            if row.update and (row.update.story or row.update.signal)
        ],
        "changes": selectors.changes_since_previous(plan, round_),
        "previous": selectors.round_previous(round_),
        "indicators": indicators,
        "sections": (
            sections
            if sections is not None
            else selectors.report_sections_for_round(round_)
        ),
        "coverage": selectors.round_coverage(plan, round_, published_only=True),
        "without_lead": published.exclude(owners__role=OwnerRole.LEAD).count(),
        "to_review": published.filter(timing_needs_review=True).count(),
        "overdue": selectors.overdue_occurrences(
            plan, today=round_.closes_on, published_only=True
        ).count(),
        "LEAD": OwnerRole.LEAD,
    }


def council_report_html(
    round_: Round,
    *,
    generated_at: str | None = None,
    sections: list[ReportSection] | None = None,
) -> str:
    return render_to_string(
        "agenda/report/council_report.html",
        council_report_context(round_, generated_at=generated_at, sections=sections),
    )


def sections_digest(sections: list[ReportSection]) -> str:
    """A short hash of the contributed sections: part of the key of the cached PDF,
    since they change without the plan changing (new signals, say)."""
    return hashlib.sha256(repr(sections).encode()).hexdigest()[:16]


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector while WeasyPrint builds a PDF.

    WeasyPrint allocates hundreds of thousands of boxes; each allocation burst starts
    a collection that walks the whole heap of the process (Django and Wagtail hold a
    few hundred thousand objects), which cost a third of the time of a large report.
    The boxes are freed at the end anyway. Reference counting still frees memory;
    the pause is process-wide but lasts only as long as one PDF.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _pdf(html: str) -> bytes:
    # Imported here: weasyprint adds more than a second to every start of the site.
    from weasyprint import HTML

    with _collector_paused():
        return HTML(string=html).write_pdf()


def council_report_pdf(round_: Round) -> bytes:
    """Build the PDF now (seconds on a large plan; see the module docstring)."""
    return _pdf(council_report_html(round_))


def council_report_pdf_cached(
    round_: Round, *, sections: list[ReportSection] | None = None
) -> bytes:
    """The PDF from the cache when a report with the same content was built before;
    else built now and cached. The content is the report's HTML without its time of
    making, so only changes the report shows cost a new PDF."""
    html = council_report_html(
        round_, generated_at=GENERATED_AT_MARKER, sections=sections
    )
    digest = hashlib.sha256(html.encode()).hexdigest()
    stamp = date_format(timezone.localtime(), "j F Y H:i")
    return caching.cached_content(
        ("council-report", round_.uuid, digest),
        lambda: _pdf(html.replace(GENERATED_AT_MARKER, stamp)),
    )
