"""The demo holds the Aa en Hunze action table exactly (DOMAIN.md), with rounds of updates,
and a plan that runs now: its current round is open, with work for coordinator.impuls."""

from __future__ import annotations

import datetime
import io

import pytest

from agenda import selectors
from agenda.models import Plan, Round, Update
from demo import agenda as demo
from demo.agenda import Quarter
from demo.network import seed_network

# DOMAIN.md, "The action table of Aa en Hunze": bouwsteen, action, executed by, timing (the
# plan's own Dutch words; DOMAIN.md renders "Jaarlijks Q3" as "every year, Q3" and
# "Doorlopend" as "continuous").
TABLE = [
    (2, "Conferentie armoede", ["pact-aa-en-hunze"], "Jaarlijks Q3"),
    (2, "Plan van aanpak voorzieningenwijzer", ["wpda", "attenta", "impuls"], "Q1"),
    (
        3,
        "Onderzoeken verstevigen Adviesloket",
        ["impuls", "attenta", "gkb", "humanitas"],
        "Q2",
    ),
    (
        3,
        "Begrijpelijke taal in aanvraagformulieren en brieven",
        ["pact-aa-en-hunze"],
        "Q2, Q3",
    ),
    (4, "Plan van aanpak vroegsignalering", ["pact-aa-en-hunze"], "Q1"),
    (5, "Opstellen communicatieplan", ["pact-aa-en-hunze"], "Q1, Q2"),
    (5, "Opstellen sociale kaart", ["attenta"], "Q1, Q2"),
    (5, "Inventarisatie gebruik preventietrainingen", ["gemeente-aa-en-hunze"], ""),
    (
        6,
        "Terugdringen kosten bewindvoering",
        ["gkb", "gemeente-aa-en-hunze"],
        "2020 - 2021",
    ),
    (
        6,
        "Onderzoeken tussentijds op- en afschalen dienstverlening GKB",
        ["gkb", "gemeente-aa-en-hunze"],
        "",
    ),
    (
        7,
        "Onverminderd inzetten op kindpakket",
        [
            "jeugdfonds-sport-cultuur",
            "leergeld-noord-drenthe",
            "nationaal-fonds-kinderhulp",
            "jarige-job",
            "gemeente-aa-en-hunze",
        ],
        "Doorlopend",
    ),
    (7, "Overgang 18- 18+", ["gemeente-aa-en-hunze"], ""),
    (
        7,
        "Onderzoeken integratie IMC basis",
        ["onderwijs-aa-en-hunze", "gemeente-aa-en-hunze"],
        "",
    ),
    (8, "Vaststellen project sociale energie", ["gemeente-aa-en-hunze"], "2020 - 2021"),
    (9, "Prestatieovereenkomst vaststellen", ["gemeente-aa-en-hunze", "wpda"], "Q1"),
    (9, "Project sociale activering", ["impuls"], "Doorlopend"),
    (
        None,
        "Evaluatie huidige instrumenten",
        ["gemeente-aa-en-hunze", "pact-aa-en-hunze"],
        "2020",
    ),
]


@pytest.mark.slow
@pytest.mark.django_db
class DemoTests:
    def test_aa_en_hunze_table_exactly_and_updates_over_several_rounds(
        self, wagtail_site
    ):
        seed_network(stdout=io.StringIO())
        demo.seed(stdout=io.StringIO())
        plan = Plan.objects.get(
            pact__slug="aa-en-hunze", slug="zelf-weer-aan-het-stuur"
        )
        rows = [
            (
                a.building_block.number if a.building_block else None,
                a.title,
                [o.organisation.slug for o in a.owners.all()],
                a.timing_text,
            )
            for a in plan.actions.order_by("source_line")
        ]
        assert rows == TABLE
        assert plan.building_blocks.count() == 9
        rounds_with_updates = (
            Round.objects.filter(plan=plan, updates__state="submitted")
            .distinct()
            .count()
        )
        assert rounds_with_updates >= 4
        for slug in ("coevorden", "midden-drenthe", "assen"):
            assert Update.objects.filter(
                action__plan__pact__slug=slug, state="submitted"
            ).exists(), slug
        assert (
            Update.objects.filter(state="returned").exists()
            and Update.objects.filter(state="draft").exists()
        )
        before = Update.objects.count()
        demo.seed(stdout=io.StringIO())
        assert Update.objects.count() == before

    @pytest.mark.parametrize(
        "now",
        [
            "2026-12-07 11:00 +01:00",
            "2027-01-10 11:00 +01:00",
            "2029-08-20 11:00 +02:00",
        ],
    )
    def test_current_plan_has_an_open_round_with_work_for_impuls(
        self, wagtail_site, time_machine, django_user_model, now
    ):
        time_machine.move_to(now)
        today = datetime.date.fromisoformat(now[:10])
        seed_network(stdout=io.StringIO())
        demo.seed(stdout=io.StringIO())
        plan = Plan.objects.get(slug="zelf-weer-aan-het-stuur-2")
        assert plan.starts_on <= today <= plan.ends_on
        current = plan.rounds.get(period_starts_on=Quarter.from_date(today).starts_on)
        assert current.is_open(today)
        impuls = django_user_model.objects.get(username="coordinator.impuls")
        drafts = Update.objects.filter(round=current, state="draft", created_by=impuls)
        assert drafts.exists()
        assert Update.objects.filter(
            action__plan=plan,
            state="returned",
            action__owners__organisation__slug="impuls",
        ).exists()
        owed = plan.actions.filter(
            pk__in=selectors.expected_action_ids(plan, current),
            owners__organisation__slug="impuls",
        )
        assert owed.exclude(updates__round=current).exists()
        # Nothing is dated in the future, and the timing words moved with the period.
        assert not Update.objects.filter(
            updated_at__gt=datetime.datetime.now(datetime.UTC)
        ).exists()
        assert not plan.actions.filter(timing_needs_review=True).exists()
