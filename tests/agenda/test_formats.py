"""Dutch numbers and dates in the agenda (38,00 and 5 december 2026), English ones when
the interface is English; chart labels that fit; the council PDF keeps rows whole."""

from __future__ import annotations

import re
from decimal import Decimal

from django.urls import reverse
from django.utils import translation

import pytest

from agenda import charts, services
from agenda.models import IndicatorValue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", ["7,5", "1.250", "12"]), ("en", ["7.5", "1,250", "12"])],
)
def test_chart_numbers_follow_the_interface_language(language, expected, settings):
    settings.USE_THOUSAND_SEPARATOR = True
    with translation.override(language):
        assert [charts._fmt(v) for v in (7.5, 1250, 12)] == expected


def test_long_bar_labels_wrap_instead_of_being_cut():
    label = "2. Samen aan de slag om armoede te beperken / voorkomen"
    svg = str(charts.status_bars([(label, {"on_track": 1})], title="Status"))
    lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    assert " ".join(lines) == label
    assert all(len(line) <= charts.LABEL_CHARS_PER_LINE for line in lines)


def test_line_chart_thins_round_labels_and_keeps_the_target_label_apart():
    points = [
        (f"{q}e kwartaal {y}", float(q)) for y in range(2025, 2029) for q in range(1, 5)
    ]
    svg = str(charts.line_chart(points, title="t", target=3))
    round_labels = re.findall(r'font-size="10">([^<]*)<', svg)
    assert 2 <= len(round_labels) < len(points)
    assert re.search(r'<text x="56\d(\.\d)?" [^>]*>doel 3<', svg)


def test_long_round_labels_take_two_lines_instead_of_being_cut():
    """The council report's third round read "Mei–augustus 2" (cut at 14 characters)."""
    points = [
        ("Januari–april 2026", 40.0),
        ("Mei–augustus 2026", 55.0),
        ("September–december 2026", 61.0),
    ]
    svg = str(charts.line_chart(points, title="t", unit="%"))
    lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    assert "Mei–augustus" in lines and "2026" in lines
    assert "September–december" in " ".join(lines)
    assert "Mei–augustus 2<" not in svg


@pytest.mark.parametrize(
    ("values", "unit", "top"),
    [
        ([95.0, 98.0], "%", "100"),  # a percentage below 100 never gets a 0-200 axis
        ([40.0, 50.0], "%", "60"),
        ([95.0, 104.0], "bezoekers", "120"),
        ([3.0], "", "4"),
    ],
)
def test_the_axis_top_is_close_to_the_highest_value(values, unit, top):
    points = [(f"{n}e kw 2026", value) for n, value in enumerate(values, 1)]
    svg = str(charts.line_chart(points, title="t", unit=unit))
    assert re.search(rf'text-anchor="end" font-size="11">{top}<', svg), svg


def test_update_form_shows_and_accepts_dutch_decimals(
    client, cast, world, time_machine
):
    time_machine.move_to("2020-03-20 10:00 +01:00")
    action = world.attenta_action
    indicator = services.indicator_upsert(
        action=action, name="bezoekers", unit="bezoekers"
    )
    round_ = world.round("2020-Q1")
    services.update_save(
        action=action,
        round=round_,
        actor=cast.coordinator_a,
        status="on_track",
        story="Begonnen.",
        values={(indicator.pk, cast.partner_a.pk): Decimal("38")},
    )
    client.force_login(cast.coordinator_a)
    url = reverse("agenda:update_edit", args=[action.uuid, round_.uuid])
    page = client.get(url).content.decode()
    assert 'value="38,00"' in page and 'inputmode="decimal"' in page
    name = f"value_{indicator.pk}_{cast.partner_a.pk}"
    client.post(
        url, {"status": "on_track", "story": "Begonnen.", name: "12,5", "save": "1"}
    )
    assert IndicatorValue.objects.get(indicator=indicator).value == Decimal("12.5")


def test_rounds_page_writes_dates_in_words(client, cast, world):
    client.force_login(cast.pact_admin)
    url = reverse(
        "agenda:rounds", kwargs={"pact": world.plan.pact.slug, "plan": world.plan.slug}
    )
    page = client.get(url).content.decode()
    assert "1 januari 2020" in page and "1-1-2020" not in page


def test_council_report_keeps_rows_headings_and_charts_whole(client, world):
    from agenda.report import council_report_html

    html = council_report_html(world.round("2020-Q1"))
    assert re.search(
        r"tr, svg, \.story, \.indicator-head[^}]*break-inside: avoid", html
    )
    assert re.search(r"h1, h2, h3 \{ break-after: avoid", html)
    assert '<html lang="nl">' in html
