"""Importing a plan table: the real Aa en Hunze table, every bad row reported, all or nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from agenda import services
from agenda.constants import OwnerRole, ScheduleKind
from agenda.services import ImportFailed
from pact.constants import OrganisationKind
from tests.factories.pact import OrganisationFactory, PactFactory

pytestmark = pytest.mark.django_db

REAL_TABLE = (
    Path(__file__).resolve().parents[2]
    / "demo"
    / "data"
    / "agenda"
    / "aa-en-hunze-2020-2021"
    / "acties.csv"
)


def csv_bytes(*rows: str) -> bytes:
    return ("bouwsteen,actie,uitvoering,planning\n" + "\n".join(rows) + "\n").encode()


class RealTableTests:
    def test_every_row_of_the_real_table_is_imported_as_written(self, aa_plan, cast):
        result = services.actions_import(
            plan=aa_plan, filename=REAL_TABLE.name, data=REAL_TABLE.read_bytes()
        )
        assert len(result.actions) == 17
        actions = {a.title: a for a in aa_plan.actions.all()}
        conference = actions["Conferentie armoede"]
        assert (
            conference.timing_text == "Jaarlijks Q3"
            and conference.schedule_kind == ScheduleKind.YEARLY
        )
        assert [(o.organisation, o.role) for o in conference.owners.all()] == [
            (cast.pact.organisation, OwnerRole.LEAD)
        ]
        kindpakket = actions["Onverminderd inzetten op kindpakket"]
        assert [o.organisation.slug for o in kindpakket.owners.all()] == [
            "jeugdfonds-sport-cultuur",
            "leergeld-noord-drenthe",
            "nationaal-fonds-kinderhulp",
            "jarige-job",
            "gemeente-aa-en-hunze",
        ]
        assert kindpakket.schedule_kind == ScheduleKind.CONTINUOUS
        assert not kindpakket.owners.filter(
            role=OwnerRole.LEAD
        ).exists()  # several owners, none marked: flagged
        assert [
            o.organisation.slug
            for o in actions["Prestatieovereenkomst vaststellen"].owners.all()
        ] == ["gemeente-aa-en-hunze", "wpda"]
        assert [
            o.organisation.slug
            for o in actions["Onderzoeken integratie IMC basis"].owners.all()
        ] == ["onderwijs-aa-en-hunze", "gemeente-aa-en-hunze"]
        evaluation = actions["Evaluatie huidige instrumenten"]
        assert evaluation.building_block is None
        assert [o.organisation for o in evaluation.owners.all()] == [
            cast.gemeente,
            cast.pact.organisation,
        ]
        assert actions["Overgang 18- 18+"].schedule_kind == ScheduleKind.UNKNOWN
        assert actions["Overgang 18- 18+"].timing_needs_review
        assert actions[
            "Plan van aanpak voorzieningenwijzer"
        ].timing_needs_review  # Q1: year assumed
        assert not actions["Terugdringen kosten bewindvoering"].timing_needs_review
        assert all(a.source_line for a in actions.values())

    def test_the_same_table_as_xlsx(self, aa_plan):
        import csv

        workbook = Workbook()
        sheet = workbook.active
        for row in csv.reader(io.StringIO(REAL_TABLE.read_text())):
            sheet.append([int(row[0]) if row[0].isdigit() else row[0], *row[1:]])
        buffer = io.BytesIO()
        workbook.save(buffer)
        result = services.actions_import(
            plan=aa_plan, filename="tabel.xlsx", data=buffer.getvalue()
        )
        assert len(result.actions) == 17


class ErrorTests:
    def test_every_bad_row_is_reported_with_line_and_reason_and_nothing_is_written(
        self, aa_plan
    ):
        data = csv_bytes(
            "4,Goede actie,GKB,Q1",
            "Wonen,Bouwsteen bestaat niet,GKB,Q1",
            ",,GKB,Q2",
            "5,Onbekende partner,Stichting Nergens,Q2",
            "5,Onmogelijk kwartaal,GKB,Q5",
            "5,Goede actie 2,GKB,Q3 2021 - Q1 2020",
        )
        with pytest.raises(ImportFailed) as failure:
            services.actions_import(plan=aa_plan, filename="plan.csv", data=data)
        problems = {(p.line, p.message.split(" ")[0]) for p in failure.value.problems}
        lines = sorted({p.line for p in failure.value.problems})
        assert lines == [3, 4, 5, 6, 7]
        assert any("Stichting Nergens" in p.message for p in failure.value.problems)
        assert any("vier kwartalen" in p.message for p in failure.value.problems)
        assert problems
        assert aa_plan.actions.count() == 0

    def test_missing_columns(self, aa_plan):
        with pytest.raises(ImportFailed, match="ontbreken: planning"):
            services.actions_import(
                plan=aa_plan,
                filename="plan.csv",
                data=b"bouwsteen,actie,uitvoering\n4,X,GKB\n",
            )

    def test_duplicates_in_the_file(self, aa_plan):
        services.actions_import(
            plan=aa_plan, filename="a.csv", data=csv_bytes("4,Bestaand,GKB,Q1")
        )
        with pytest.raises(ImportFailed) as failure:
            services.actions_import(
                plan=aa_plan,
                filename="b.csv",
                data=csv_bytes(
                    "4,Bestaand,GKB,Q1",
                    "4,Nieuw,GKB,Q1",
                    "4,Nieuw,GKB,Q2",
                    "5,bestaand,GKB,Q3",
                ),
            )
        messages = [str(p) for p in failure.value.problems]
        assert any("regel 4" in m and "regel 3" in m for m in messages)
        assert any("regel 5" in m and "regel 2" in m for m in messages)
        assert aa_plan.actions.count() == 1

    def test_gemeente_is_ambiguous_in_a_pact_of_several_municipalities(self, cast):
        other = OrganisationFactory(
            slug="gemeente-assen",
            name="Gemeente Assen",
            kind=OrganisationKind.GEMEENTE,
            aliases="Gemeente",
        )
        cast.gemeente.aliases = "Gemeente"
        cast.gemeente.save()
        regional = PactFactory(
            slug="drentsche-aa", members=[cast.gemeente, other, cast.partner_b]
        )
        from tests.factories.agenda import PlanFactory

        plan = PlanFactory(pact=regional, slug="regio")
        with pytest.raises(ImportFailed, match="meerdere organisaties"):
            services.actions_import(
                plan=plan, filename="r.csv", data=csv_bytes("-,Samen,Gemeente,2020")
            )
        result = services.actions_import(
            plan=plan,
            filename="r.csv",
            data=csv_bytes("-,Samen,Gemeente Assen en GKB,2020"),
        )
        assert [o.organisation.slug for o in result.actions[0].owners.all()] == [
            "gemeente-assen",
            "gkb",
        ]

    def test_unknown_timing_words_are_kept_as_a_warning(self, aa_plan):
        result = services.actions_import(
            plan=aa_plan, filename="a.csv", data=csv_bytes("4,Later,GKB,na de zomer")
        )
        assert "na de zomer" in str(result.warnings[0])
        assert (
            result.actions[0].timing_text == "na de zomer"
            and result.actions[0].timing_needs_review
        )


class OwnerRoleMarkerTests:
    def test_roles_in_brackets(self, aa_plan):
        result = services.actions_import(
            plan=aa_plan,
            filename="a.csv",
            data=csv_bytes(
                '4,Samen,"WPDA (trekker), Attenta, Gemeente (financier)",Q1'
            ),
        )
        assert [
            (o.organisation.slug, o.role) for o in result.actions[0].owners.all()
        ] == [
            ("wpda", "lead"),
            ("attenta", "executing"),
            ("gemeente-aa-en-hunze", "funding"),
        ]

    def test_en_inside_a_name_is_not_a_separator(self, aa_plan):
        result = services.actions_import(
            plan=aa_plan,
            filename="a.csv",
            data=csv_bytes("7,Sport,Jeugdfonds Sport en Cultuur en Leergeld,Q1"),
        )
        assert [o.organisation.slug for o in result.actions[0].owners.all()] == [
            "jeugdfonds-sport-cultuur",
            "leergeld-noord-drenthe",
        ]

    def test_only_plan_admins_import(self, aa_plan, cast):
        from agenda.permissions import AgendaPermissionDenied

        with pytest.raises(AgendaPermissionDenied):
            services.actions_import(
                plan=aa_plan,
                filename="a.csv",
                data=csv_bytes("4,X,GKB,Q1"),
                actor=cast.coordinator_a,
            )
