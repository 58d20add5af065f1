"""Shared data and helpers of the HSDS tests (test_hsds_*.py).

``hsds_kaart(cast)`` builds, through the sociale kaart's services, a small kaart that
exercises every part of the mapping: locations with opening hours, exceptions and
accessibility, walk-in hours, rules per municipality with every kind of condition,
costs, steps, documents, professional-only notes (which must never appear), and the
pages that must stay out of HSDS: an ended service, a draft, a private section and an
unpublished change.
"""

from __future__ import annotations

import contextlib
import datetime
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings

import pytest

from socialekaart.constants import AgeSubject, HouseholdType, ServiceStatus
from tests.factories import socialekaart as f

SECRET_MARKERS = ("GEHEIM", "0592-999999", "CONCEPT-WIJZIGING")
EXAMPLES = Path(settings.PACT_HSDS_SCHEMA_DIR) / "examples"


def require_schema_dir() -> Path:
    """The official schemas; fails (on CI, where they must be) or skips locally with a
    message saying where they were looked for."""
    folder = Path(settings.PACT_HSDS_SCHEMA_DIR) / "schema"
    if not (folder / "openapi.json").is_file():
        message = (
            f"The official HSDS 3.0 schemas are not in {folder} "
            "(settings.PACT_HSDS_SCHEMA_DIR); the HSDS schema tests need them."
        )
        import os

        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return folder


@dataclass
class HsdsKaart:
    org_a: object
    org_b: object
    service_a: object
    service_b: object
    ended: object
    draft: object
    private: object | None
    categories: dict
    target_group: object


def _hours(days, opens, closes, note=""):
    return (
        "period",
        {
            "days": days,
            "opens": datetime.time(*opens),
            "closes": datetime.time(*closes),
            "note": note,
        },
    )


def build(cast) -> HsdsKaart:
    from socialekaart import services

    services.kaart_structure_ensure()
    f.norm_period()
    money = f.CategoryFactory(
        name="Geld en schulden", slug="geld-en-schulden", sort_order=1
    )
    children = f.CategoryFactory(
        name="Kinderen en jongeren", slug="kinderen-en-jongeren", sort_order=4
    )
    parents = f.TargetGroupFactory(
        name="Ouders", slug="ouders", description="Voor vaders en moeders."
    )
    aah, assen = cast.municipality, cast.other_municipality
    org_a = f.organisation_page(
        cast.partner_a,
        summary="Welzijnswerk in Aa en Hunze.",
        description="<p>Wij luisteren.</p><ul><li>Thuis</li><li>Op kantoor</li></ul>",
        phone="0592-000 600",
        email="info@attenta.example",
        website="https://attenta.example/",
        languages=["nl", "en"],
        walk_in_hours=[_hours(["2", "4"], (9, 0), (11, 0), "inloop")],
        professional_phone="0592-999999",
        professional_notes="GEHEIM organisatie",
        locations=[
            {
                "name": "Kantoor",
                "street_address": "Voorbeeldstraat 1",
                "postal_code": "9461 AA",
                "city": "Gieten",
                "municipality": aah,
                "latitude": Decimal("53.004500"),
                "longitude": Decimal("6.763100"),
                "opening_hours": [_hours(["1", "2", "3"], (9, 0), (12, 30))],
                "opening_exceptions": [
                    (
                        "exception",
                        {
                            "date_from": datetime.date(2026, 12, 24),
                            "date_until": datetime.date(2027, 1, 1),
                            "is_closed": True,
                            "opens": None,
                            "closes": None,
                            "note": "Kerstvakantie",
                        },
                    ),
                    (
                        "exception",
                        {
                            "date_from": datetime.date(2026, 4, 27),
                            "date_until": None,
                            "is_closed": False,
                            "opens": datetime.time(10, 0),
                            "closes": datetime.time(12, 0),
                            "note": "Koningsdag",
                        },
                    ),
                ],
                "is_wheelchair_accessible": True,
                "has_hearing_loop": False,
                "accessibility_note": "Bel aan bij de zijingang.",
                "public_transport": "Bus 24, halte Gieten Centrum.",
            },
            {"name": "Steunpunt", "city": "Rolde", "municipality": aah},
        ],
    )
    org_b = f.organisation_page(
        cast.partner_b, summary="Hulp bij schulden en budgetbeheer."
    )
    service_a = f.service_page(
        org_a,
        title="Kindpakket",
        slug="kindpakket",
        summary="Spullen en activiteiten voor uw kind.",
        description="<p>Voor schoolspullen, een fiets of <b>sport</b>.</p>",
        benefit="Een pakket met spullen.",
        categories=[children, money],
        target_groups=[parents],
        municipalities=[aah, assen],
        service_area_note="Ook voor kinderen die in Assen naar school gaan.",
        rules=[
            {
                "municipalities": [aah],
                "income_limit_percent": 130,
                "age_subject": AgeSubject.CHILD,
                "min_age": 4,
                "max_age": 17,
                "household_types": [
                    HouseholdType.SINGLE_PARENT,
                    HouseholdType.COUPLE_WITH_CHILDREN,
                ],
                "benefit": "€ 350 per kind",
            },
            {
                "municipalities": [assen],
                "income_limit_percent": 120,
                "age_subject": AgeSubject.APPLICANT,
                "min_age": 18,
                "min_low_income_years": 3,
            },
        ],
        eligibility_note="U heeft weinig spaargeld.",
        is_free=False,
        cost_amount=Decimal("5.00"),
        cost_description="€ 5 eigen bijdrage per jaar",
        application_steps=[
            ("step", {"text": "Bel ons."}),
            ("step", {"text": "Neem uw papieren mee."}),
        ],
        required_documents=[
            ("document", {"document": "Uw bankafschriften", "note": "3 maanden"}),
            ("document", {"document": "Uw identiteitsbewijs", "note": ""}),
        ],
        location_names=["Kantoor"],
        phone="0592-000 601",
        email="kindpakket@attenta.example",
        walk_in_hours=[_hours(["5"], (13, 0), (15, 30))],
        languages=["nl", "ar"],
        is_at_home=True,
        keywords="schoolspullen, fiets",
        status=ServiceStatus.TEMPORARILY_CLOSED,
        status_note="Gesloten tot 1 maart.",
        professional_notes="GEHEIM-NOTITIE",
        professional_phone="0592-999999",
        professional_handover="GEHEIM-OVERDRACHT",
    )
    service_b = f.service_page(
        org_b,
        title="Schuldhulpverlening",
        summary="Hulp als u schulden heeft.",
        categories=[money],
        description="<p>Wij maken een plan.</p>",
        is_free=True,
    )
    ended = f.service_page(
        org_b,
        title="Oude regeling",
        summary="Bestaat niet meer.",
        categories=[money],
        status=ServiceStatus.ENDED,
    )
    draft = f.service_page(
        org_b, title="Nieuwe regeling", summary="Nog niet klaar.", publish=False
    )
    # An unpublished change of a live page must not leak.
    latest = service_b.get_latest_revision_as_object()
    latest.summary = "CONCEPT-WIJZIGING"
    latest.save_revision()
    return HsdsKaart(
        org_a=org_a,
        org_b=org_b,
        service_a=service_a,
        service_b=service_b,
        ended=ended,
        draft=draft,
        private=None,
        categories={"money": money, "children": children},
        target_group=parents,
    )


def make_private(page) -> None:
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False)


@contextlib.contextmanager
def shared_data(django_db_blocker, builder):
    """Build data once for a test module, inside a transaction rolled back at the end
    (each test still runs in its own nested transaction)."""
    from django.db import transaction

    from tests.conftest import ensure_wagtail_tree
    from tests.personas import build_cast

    with django_db_blocker.unblock(), transaction.atomic():
        ensure_wagtail_tree()
        cast = build_cast()
        yield cast, builder(cast)
        transaction.set_rollback(True)
