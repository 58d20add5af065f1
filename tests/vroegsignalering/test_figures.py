"""Figures without personal data: capacity used as a share, the charts of the figures
page, and vroegsignalering's section in the agenda's council report (decision 0135)."""

from __future__ import annotations

import datetime
import io

from django.test import Client
from django.urls import reverse

import pytest
from pypdf import PdfReader
from time_machine import travel

from agenda import selectors as agenda_selectors
from agenda import services as agenda_services
from agenda.report import council_report_html, council_report_pdf
from tests.factories.agenda import PlanFactory
from vroegsignalering import selectors

from .conftest import TODAY, import_rows, row

pytestmark = pytest.mark.django_db

AFTER_WEEK = datetime.date(2026, 11, 23)  # the Monday after the import's week
NOW = datetime.datetime(2026, 11, 23, 12)
ROWS = (
    row(postcode="9461 AB", number="1", amount="1.200,00"),
    row(postcode="9461 AB", number="2", kind="energie", creditor="Enexis"),
    row(postcode="9461 AB", number="3", kind="water", creditor="WMD"),
)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _round(cast, starts: str, ends: str):
    plan = PlanFactory(pact=cast.pact, slug="plan", title="Plan")
    return agenda_services.round_create(
        plan=plan,
        title="Vierde kwartaal 2026",
        period_starts_on=datetime.date.fromisoformat(starts),
        period_ends_on=datetime.date.fromisoformat(ends),
        opens_on=datetime.date.fromisoformat(ends),
        closes_on=datetime.date.fromisoformat(ends),
    )


class CapacityUseTests:
    def test_planned_visits_and_calls_are_a_share_of_the_weeks_capacity(self, routed):
        import_rows(routed, *ROWS)  # capacity 1 visit + 1 call a week
        uses = selectors.capacity_use_by_month(
            routed.municipality, months=[datetime.date(2026, 11, 1)], today=AFTER_WEEK
        )
        [use] = uses
        # The weeks of Monday 2, 9 and 16 November were over by the 23rd: 3 weeks of
        # 1 + 1; the import planned into the third.
        assert use["weeks"] == 3
        assert (use["visits_planned"], use["visits_capacity"]) == (1, 3)
        assert (use["calls_planned"], use["calls_capacity"]) == (1, 3)
        assert use["share"] == 33

    def test_a_week_under_way_does_not_count_yet(self, routed):
        import_rows(routed, *ROWS)
        [use] = selectors.capacity_use_by_month(
            routed.municipality, months=[datetime.date(2026, 11, 1)], today=TODAY
        )
        assert (use["weeks"], use["visits_planned"], use["share"]) == (2, 0, 0)

    def test_no_capacity_and_nothing_planned_is_no_row(self, routed):
        assert (
            selectors.capacity_use_by_month(
                routed.municipality, months=[datetime.date(2026, 11, 1)], today=TODAY
            )
            == []
        )


class CouncilReportSectionTests:
    def test_section_tells_the_periods_figures_without_personal_data(self, routed):
        import_rows(routed, *ROWS)
        round_ = _round(routed, "2026-10-01", "2026-12-31")
        with travel(NOW, tick=False):
            [section] = agenda_selectors.report_sections_for_round(round_)
            html = council_report_html(round_)
        assert section.title == "Vroegsignalering in Aa en Hunze"
        assert "3 signalen" in section.paragraphs[0]
        assert "over 3 huishoudens" in section.paragraphs[0]
        assert "35%" in section.paragraphs[1]
        # Every chart carries its figures as a table (the text alternative).
        assert [c.table.caption for c in section.charts] == [
            "Signalen per maand, naar soort achterstand",
            "Bereikt en hulp aanvaard per maand (landelijk aanvaardt 35%)",
            "Gebruikte capaciteit: ingeplande huisbezoeken en gesprekken",
        ]
        assert section.charts[2].table.rows[0][-1] == "33%"
        assert ["Actium", "1"] in section.tables[0].rows
        assert 'id="vroegsignalering-' in html
        assert html.count('role="img"') >= 3
        for personal in ("9461", "H-1", "1.200"):
            assert personal not in html

    def test_no_section_without_signals_in_the_period(self, routed):
        import_rows(routed, *ROWS)
        round_ = _round(routed, "2026-01-01", "2026-03-31")
        assert agenda_selectors.report_sections_for_round(round_) == []
        assert "Vroegsignalering in" not in council_report_html(round_)

    def test_pdf_holds_the_section(self, routed):
        import_rows(routed, *ROWS)
        round_ = _round(routed, "2026-10-01", "2026-12-31")
        with travel(NOW, tick=False):
            data = council_report_pdf(round_)
        text = " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO(data)).pages
        )
        assert "Vroegsignalering in Aa en Hunze" in text
        assert "Signalen per schuldeiser" in text

    def test_cached_pdf_follows_new_signals(self, routed, settings):
        import_rows(routed, *ROWS[:1])
        round_ = _round(routed, "2026-10-01", "2026-12-31")
        url = reverse(
            "agenda:round_report",
            kwargs={
                "pact": round_.plan.pact.slug,
                "plan": round_.plan.slug,
                "round_uuid": round_.uuid,
            },
        )
        client = _client(routed.pact_admin)
        with travel(NOW, tick=False):
            first = client.get(url)
            import_rows(routed, *ROWS[1:])
            second = client.get(url)
        assert first.status_code == second.status_code == 200
        texts = [
            " ".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
            for r in (first, second)
        ]
        assert "1 signalen" in texts[0]
        assert "3 signalen" in texts[1]


class FiguresPageTests:
    def test_figures_page_shows_charts_with_tables(self, routed):
        import_rows(routed, *ROWS)
        with travel(NOW, tick=False):
            response = _client(routed.regisseur).get(
                reverse("vroegsignalering:figures")
            )
        content = response.content.decode()
        assert response.status_code == 200
        assert content.count('<svg class="pact-chart"') == 3
        assert "landelijk aanvaard 35%" in content
        assert "Gebruikt" in content and "33%" in content
        assert "9461" not in content
