"""The council report renders as PDF and holds the published actions, stories and figures."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from agenda import services
from agenda.constants import Status
from agenda.report import council_report_context, council_report_pdf
from tests.agenda.conftest import at
from tests.factories.agenda import submitted_update

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


class CouncilReportTests:
    def test_pdf_contains_actions_stories_changes_and_data_quality(self, cast, world):
        indicator = services.indicator_upsert(
            action=world.gkb_action, name="mensen in bewind", unit="mensen", target=6
        )
        submitted_update(
            world.gkb_action,
            world.round("2020-Q1"),
            world.coordinator_b,
            progress=10,
            story="Pilot gestart.",
            values={(indicator.pk, cast.partner_b.pk): 10},
            at=at("2020-03-20"),
        )
        submitted_update(
            world.gkb_action,
            world.round("2020-Q2"),
            world.coordinator_b,
            status=Status.AT_RISK,
            status_explanation="Te weinig deelnemers.",
            progress=20,
            story="Werving loopt.",
            signal="Bewindvoerders verwijzen niet door.",
            values={(indicator.pk, cast.partner_b.pk): 9},
            at=at("2020-06-20"),
        )
        data = council_report_pdf(world.round("2020-Q2"))
        assert data.startswith(b"%PDF")
        text = pdf_text(data)
        for expected in [
            "Raadsrapportage",
            "Terugdringen kosten bewindvoering",
            "Opstellen sociale kaart",
            "Conferentie armoede",
            "Werving loopt.",
            "Bewindvoerders verwijzen niet door.",
            "Te weinig deelnemers.",
            "mensen in bewind",
            "Datakwaliteit",
        ]:
            assert expected in text, expected
        assert "Intern overleg" not in text  # unpublished

    def test_main_goals_first_and_changes_since_previous_round(self, cast, world):
        submitted_update(
            world.gkb_action,
            world.round("2020-Q1"),
            world.coordinator_b,
            at=at("2020-03-20"),
        )
        submitted_update(
            world.gkb_action,
            world.round("2020-Q2"),
            world.coordinator_b,
            status=Status.DELAYED,
            status_explanation="x",
            at=at("2020-06-20"),
        )
        context = council_report_context(world.round("2020-Q2"))
        assert context["blocks"][0].block == world.main_block
        assert [
            (a.title, before, after) for a, before, after in context["changes"]
        ] == [("Terugdringen kosten bewindvoering", "Op schema", "Vertraagd")]
        assert context["coverage"].expected == 3


class CouncilReportCacheTests:
    def test_pdf_is_built_again_only_when_the_report_content_changes(
        self, cast, world, monkeypatch
    ):
        from agenda import report

        built = []
        monkeypatch.setattr(report, "_pdf", lambda html: built.append(html) or b"%PDF")
        round_ = world.round("2020-Q2")
        assert report.council_report_pdf_cached(round_) == b"%PDF"
        assert report.council_report_pdf_cached(round_) == b"%PDF"
        assert len(built) == 1
        # A draft and a change to an unpublished action are not in the report.
        services.update_save(
            action=world.gkb_action,
            round=round_,
            actor=world.coordinator_b,
            status=Status.ON_TRACK,
            story="Nog een concept.",
            at=at("2020-06-10"),
        )
        services.action_update(
            action=world.hidden_action, actor=cast.pact_admin, title="Intern beraad"
        )
        report.council_report_pdf_cached(round_)
        assert len(built) == 1
        # A submitted update of this round is.
        submitted_update(
            world.shared_action,
            round_,
            cast.coordinator_a,
            story="Aanpak staat.",
            at=at("2020-06-20"),
        )
        report.council_report_pdf_cached(round_)
        assert len(built) == 2 and "Aanpak staat." in built[1]
        assert report.GENERATED_AT_MARKER not in built[1]
