"""Re-importing a revised plan table: new building blocks, matched actions updated, new
ones added, a preview that writes nothing, all or nothing (decision 0120)."""

from __future__ import annotations

import pytest

from agenda import selectors, services
from agenda.constants import OwnerRole
from agenda.models import Action, BuildingBlock
from agenda.services import ImportFailed

pytestmark = pytest.mark.django_db


def table(*rows: str, header: str = "bouwsteen,actie,uitvoering,planning") -> bytes:
    return (header + "\n" + "\n".join(rows) + "\n").encode()


def owners(action: Action) -> list[tuple[str, str]]:
    return [(o.organisation.slug, o.role) for o in action.owners.all()]


@pytest.fixture
def imported(aa_plan):
    services.actions_import(
        plan=aa_plan,
        filename="plan.csv",
        data=table(
            "3,Onderzoeken verstevigen Adviesloket,Impuls,Q2",
            "4,Plan van aanpak vroegsignalering,GKB,Q1",
            "9,Project sociale activering,Impuls,Doorlopend",
        ),
    )
    return aa_plan


class NewBuildingBlockTests:
    def test_blocks_the_table_names_are_created_with_or_without_a_title(self, aa_plan):
        result = services.actions_import(
            plan=aa_plan,
            filename="plan.csv",
            data=table(
                "10,Energiecoaches,Impuls,Q1 2021,Sociale energie",
                "10,Energiefonds,GKB,Q2 2021,",
                "11. Wonen,Huurachterstanden voorkomen,GKB,2021,",
                "12,Schulden en werk,GKB,2021,",
                header="bouwsteen,actie,uitvoering,planning,bouwsteen titel",
            ),
        )
        assert [str(b) for b in result.new_blocks][:2] == [
            "10. Sociale energie",
            "11. Wonen",
        ]
        blocks = {b.number: b for b in aa_plan.building_blocks.all()}
        assert blocks[10].title == "Sociale energie" and not blocks[10].needs_title
        assert blocks[11].title == "Wonen"
        assert blocks[12].title == "Bouwsteen 12" and blocks[12].needs_title
        assert aa_plan.actions.get(title="Energiefonds").building_block == blocks[10]
        assert [
            b.number for b in selectors.data_quality(aa_plan)["untitled_blocks"]
        ] == [12]

    def test_giving_the_block_a_title_clears_the_flag(self, aa_plan, cast):
        services.actions_import(
            plan=aa_plan,
            filename="plan.csv",
            data=table("12,Schulden en werk,GKB,2021"),
        )
        block = aa_plan.building_blocks.get(number=12)
        services.building_block_update(
            block=block,
            actor=cast.pact_admin,
            number=12,
            title="Schulden en werk",
            is_main_goal=False,
        )
        block.refresh_from_db()
        assert not block.needs_title

    def test_one_number_with_two_titles_is_refused(self, aa_plan):
        with pytest.raises(ImportFailed) as failure:
            services.actions_import(
                plan=aa_plan,
                filename="plan.csv",
                data=table("10. Energie,A,GKB,2021", "10. Wonen,B,GKB,2021"),
            )
        assert [str(p) for p in failure.value.problems] == [
            "regel 3: bouwsteen 10 heeft op regel 2 een andere titel"
        ]
        assert not BuildingBlock.objects.filter(plan=aa_plan, number=10).exists()


class ReimportTests:
    def test_revised_table_updates_matched_actions_and_adds_new_ones(
        self, imported, cast
    ):
        before = {a.title: a.pk for a in imported.actions.all()}
        result = services.actions_import(
            plan=imported,
            filename="herzien.csv",
            data=table(
                # timing and owners changed; title in other case and spacing
                '3,onderzoeken  verstevigen adviesloket,"Impuls (trekker), Humanitas",Q3',
                # moved to another building block
                "5,Plan van aanpak vroegsignalering,GKB,Q1",
                # unchanged
                "9,Project sociale activering,Impuls,Doorlopend",
                "9,Maatjesproject,Humanitas,2021",
            ),
        )
        assert [c.title for c in result.created] == ["Maatjesproject"]
        assert len(result.updated) == 2 and len(result.unchanged) == 1
        assert imported.actions.count() == 4
        loket = imported.actions.get(pk=before["Onderzoeken verstevigen Adviesloket"])
        assert loket.timing_text == "Q3"
        assert owners(loket) == [
            ("impuls", OwnerRole.LEAD),
            ("humanitas", OwnerRole.EXECUTING),
        ]
        moved = imported.actions.get(pk=before["Plan van aanpak vroegsignalering"])
        assert moved.building_block.number == 5
        differences = " ".join(result.updated[0].differences)
        assert "planning: “Q2” wordt “Q3”" in differences

    def test_a_lead_appointed_in_the_agenda_survives_a_table_without_markers(
        self, imported, cast
    ):
        services.actions_import(
            plan=imported,
            filename="a.csv",
            data=table('9,Project sociale activering,"Impuls, Humanitas",Doorlopend'),
        )
        action = imported.actions.get(title="Project sociale activering")
        assert owners(action) == [
            ("impuls", OwnerRole.LEAD),
            ("humanitas", OwnerRole.EXECUTING),
        ]

    def test_update_by_id_renames_the_action(self, imported):
        action = imported.actions.get(title="Project sociale activering")
        services.actions_import(
            plan=imported,
            filename="export.csv",
            data=table(
                f"9,Sociale activering in elk dorp,Impuls,Doorlopend,{action.uuid}",
                header="bouwsteen,actie,uitvoering,planning,id",
            ),
        )
        action.refresh_from_db()
        assert action.title == "Sociale activering in elk dorp"
        assert imported.actions.count() == 3

    def test_an_export_imports_again_without_changes(self, imported):
        from agenda.exporting import plan_export

        data = plan_export(imported, "csv")
        result = services.actions_import(
            plan=imported, filename="export.csv", data=data, dry_run=True
        )
        assert not result.created and not result.updated
        assert len(result.unchanged) == 3

    def test_actions_the_table_does_not_name_stay(self, imported):
        result = services.actions_import(
            plan=imported,
            filename="a.csv",
            data=table("9,Project sociale activering,Impuls,Doorlopend"),
        )
        assert sorted(result.untouched) == [
            "Onderzoeken verstevigen Adviesloket",
            "Plan van aanpak vroegsignalering",
        ]
        assert imported.actions.count() == 3

    def test_one_bad_row_and_nothing_changes(self, imported):
        with pytest.raises(ImportFailed) as failure:
            services.actions_import(
                plan=imported,
                filename="a.csv",
                data=table(
                    "3,Onderzoeken verstevigen Adviesloket,Impuls,Q4",
                    "12,Nieuw,Stichting Nergens,Q1",
                    "4,Plan van aanpak vroegsignalering,GKB,Q5",
                ),
            )
        assert sorted({p.line for p in failure.value.problems}) == [3, 4]
        assert (
            imported.actions.get(
                title="Onderzoeken verstevigen Adviesloket"
            ).timing_text
            == "Q2"
        )
        assert not imported.building_blocks.filter(number=12).exists()


class PreviewTests:
    def test_dry_run_says_what_would_change_and_writes_nothing(self, imported):
        count = imported.actions.count()
        result = services.actions_import(
            plan=imported,
            filename="a.csv",
            data=table(
                "3,Onderzoeken verstevigen Adviesloket,Impuls,Q4",
                "12,Nieuwe actie,GKB,Q1",
            ),
            dry_run=True,
        )
        assert result.dry_run and result.has_changes
        assert [c.title for c in result.created] == ["Nieuwe actie"]
        assert [c.title for c in result.updated] == [
            "Onderzoeken verstevigen Adviesloket"
        ]
        assert [b.number for b in result.new_blocks] == [12]
        assert imported.actions.count() == count
        assert not imported.building_blocks.filter(number=12).exists()
        assert (
            imported.actions.get(
                title="Onderzoeken verstevigen Adviesloket"
            ).timing_text
            == "Q2"
        )

    def test_only_plan_admins_preview(self, imported, cast):
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            services.actions_import(
                plan=imported,
                filename="a.csv",
                data=table("3,X,Impuls,Q4"),
                actor=cast.coordinator_a,
                dry_run=True,
            )
