"""import_actions, export_actions and send_round_reminders."""

from __future__ import annotations

import datetime
import io
import json

from django.core.management import CommandError, call_command

import pytest

from agenda.constants import NotificationKind
from agenda.models import Notification
from tests.agenda.conftest import at
from tests.factories.agenda import submitted_update

pytestmark = pytest.mark.django_db


class ImportCommandTests:
    def test_imports_a_file_and_fails_whole_on_a_bad_row(self, world, tmp_path):
        good = tmp_path / "good.csv"
        good.write_text(
            "bouwsteen,actie,uitvoering,planning\n4,Nieuw,Attenta,Q3 2020\n",
            encoding="utf-8",
        )
        out = io.StringIO()
        call_command("import_actions", str(good), "--pact", "aa-en-hunze", stdout=out)
        assert "1 new, 0 updated" in out.getvalue()
        bad = tmp_path / "bad.csv"
        bad.write_text(
            "bouwsteen,actie,uitvoering,planning\n4,Nog een,Attenta,Q1\n4,Fout,Niemand,Q1\n",
            encoding="utf-8",
        )
        err = io.StringIO()
        with pytest.raises(CommandError, match="Nothing imported"):
            call_command(
                "import_actions", str(bad), "--pact", "aa-en-hunze", stderr=err
            )
        assert "regel 3" in err.getvalue()

    def test_dry_run_shows_the_changes_and_writes_nothing(self, world, tmp_path):
        table = tmp_path / "herzien.csv"
        action = world.plan.actions.first()
        table.write_text(
            "bouwsteen,actie,uitvoering,planning\n"
            f"12,{action.title},Attenta,Q4 2021\n4,Nieuw,Attenta,Q3 2020\n",
            encoding="utf-8",
        )
        before = world.plan.actions.count()
        out = io.StringIO()
        call_command(
            "import_actions",
            str(table),
            "--pact",
            "aa-en-hunze",
            "--dry-run",
            stdout=out,
        )
        text = out.getvalue()
        assert "new building block: 12" in text
        assert "line 3: new action: Nieuw" in text
        assert f"line 2: update {action.title}" in text and "wordt" in text
        assert "Dry run: nothing was written." in text
        assert world.plan.actions.count() == before
        assert not world.plan.building_blocks.filter(number=12).exists()
        assert not world.plan.actions.filter(title="Nog een").exists()


class ExportCommandTests:
    def test_json_lists_owners_roles_timing_schedule_status_progress(self, cast, world):
        submitted_update(
            world.gkb_action,
            world.round("2020-Q1"),
            world.coordinator_b,
            progress=15,
            at=at("2020-03-20"),
        )
        out = io.StringIO()
        call_command(
            "export_actions", "--pact", "aa-en-hunze", "--format", "json", stdout=out
        )
        data = json.loads(out.getvalue())
        gkb = next(
            a
            for a in data["actions"]
            if a["title"] == "Terugdringen kosten bewindvoering"
        )
        assert gkb["building_block"] == 4
        assert gkb["owners"] == [
            {"organisation": "gkb", "name": cast.partner_b.name, "role": "lead"}
        ]
        assert gkb["timing"] == "2020 - 2021" and gkb["schedule"]["kind"] == "eenmalig"
        assert (gkb["status"], gkb["progress"]) == ("on_track", 15)
        yearly = next(a for a in data["actions"] if a["title"] == "Conferentie armoede")
        assert [o["year"] for o in yearly["schedule"]["occurrences"]] == [2020, 2021]

    def test_csv_and_xlsx(self, world, tmp_path):
        out = io.StringIO()
        call_command(
            "export_actions", "--pact", "aa-en-hunze", "--format", "csv", stdout=out
        )
        assert (
            out.getvalue()
            .splitlines()[0]
            .startswith("bouwsteen,actie,uitvoering,planning")
        )
        target = tmp_path / "plan.xlsx"
        call_command(
            "export_actions",
            "--pact",
            "aa-en-hunze",
            "--format",
            "xlsx",
            "--output",
            str(target),
            stdout=io.StringIO(),
        )
        from openpyxl import load_workbook

        assert load_workbook(target).active.max_row == 6


class ReminderTests:
    def test_before_closing_and_after_once_each(
        self, cast, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        submitted_update(
            world.attenta_action,
            world.round("2020-Q1"),
            cast.coordinator_a,
            at=at("2020-03-20"),
        )
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "send_round_reminders", "--today", "2020-04-15", stdout=io.StringIO()
            )
            call_command(
                "send_round_reminders", "--today", "2020-04-16", stdout=io.StringIO()
            )
        closing = Notification.objects.filter(kind=NotificationKind.ROUND_CLOSING)
        # Coordinator A: the shared action and the unpublished continuous one; B: GKB's two.
        assert set(closing.values_list("user__username", flat=True)) == {
            "coordinator_a",
            "coordinator_b",
        }
        assert closing.count() == 2
        assert (
            "Plan van aanpak vroegsignalering"
            in closing.get(user=cast.coordinator_a).message
        )
        assert (
            "Opstellen sociale kaart"
            not in closing.get(user=cast.coordinator_a).message
        )
        assert len(mailoutbox) == 2
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "send_round_reminders",
                "--today",
                str(datetime.date(2020, 4, 23)),
                stdout=io.StringIO(),
            )
        assert Notification.objects.filter(
            kind=NotificationKind.UPDATE_MISSING, user=cast.pact_admin
        ).exists()
