"""Sections other apps contribute to the council report (decision 0135).

The agenda does not know who contributes: the project package registers providers at
start-up (``config/apps.py``), and the report asks them for the round's period. A
provider that returns nothing adds nothing, so the report of a pact without, say,
vroegsignalering is unchanged.
"""

from __future__ import annotations

import datetime

from agenda.models import Round
from agenda.types import ReportSection, ReportSectionProvider

_providers: list[ReportSectionProvider] = []


def report_section_provider_register(provider: ReportSectionProvider) -> None:
    """Add ``provider`` to every council report (once, however often it is called)."""
    if provider not in _providers:
        _providers.append(provider)


def report_sections_for_round(round_: Round) -> list[ReportSection]:
    """The contributed sections for the round's pact and reporting period, in the
    order the providers were registered."""
    pact = round_.plan.pact
    starts_on: datetime.date = round_.period_starts_on
    ends_on: datetime.date = round_.period_ends_on
    return [
        section
        for provider in _providers
        for section in provider(pact, starts_on=starts_on, ends_on=ends_on)
    ]
