"""Bulk editing with a CSV file: export, all-or-nothing import with every bad row
reported by line and reason, revisions published or submitted for approval, and
editors only editing their own organisation's pages."""

from __future__ import annotations

import csv
import io
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from socialekaart.hsds import kaart_csv
from tests.socialekaart.hsds_support import build, shared_data

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    with shared_data(django_db_blocker, build) as data:
        yield data


@pytest.fixture
def kaart(shared, db):
    return shared[1]


@pytest.fixture
def cast(shared, db):
    return shared[0]


def export_text(actor=None) -> str:
    handle = StringIO()
    kaart_csv.export_csv(handle, actor)
    return handle.getvalue()


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def to_text(rows: list[dict]) -> str:
    handle = StringIO()
    writer = csv.DictWriter(handle, fieldnames=kaart_csv.COLUMNS, delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return handle.getvalue()


def state():
    from wagtail.models import Page, Revision

    return (
        list(Page.objects.order_by("pk").values_list("pk", "title", "live")),
        Revision.objects.count(),
    )


class KaartCsvExportTests:
    def test_one_row_per_service_without_professional_fields(self, kaart):
        text = export_text()
        rows = rows_of(text)
        assert text.startswith("\ufeff")
        assert {row["titel"] for row in rows} == {
            "Kindpakket",
            "Schuldhulpverlening",
            "Oude regeling",
            "Nieuwe regeling",
        }
        assert "GEHEIM" not in text and "0592-999999" not in text
        kind = next(row for row in rows if row["titel"] == "Kindpakket")
        assert kind["kosten_euro"] == "5,00" and kind["gratis"] == "nee"
        assert kind["categorieen"] == "geld-en-schulden; kinderen-en-jongeren"

    def test_an_editor_gets_only_his_organisations_services(self, kaart, cast):
        rows = rows_of(export_text(cast.editor_a))
        assert [row["titel"] for row in rows] == ["Kindpakket"]


class KaartCsvImportTests:
    def test_unchanged_file_changes_nothing(self, kaart):
        before = state()
        report = kaart_csv.import_csv(export_text())
        assert report.ok, [str(p) for p in report.problems]
        assert report.unchanged == 4 and report.published == 0
        assert state() == before

    def test_changes_are_published_as_revisions(self, kaart):
        from socialekaart.models import ServicePage

        rows = [
            r
            for r in rows_of(export_text())
            if r["titel"] in ("Kindpakket", "Oude regeling")
        ]
        rows[0]["samenvatting"] = "Nieuwe korte uitleg."
        rows[0]["werkgebied"] = "aa-en-hunze"
        rows[0]["laatst_gecontroleerd"] = "2026-01-15"
        report = kaart_csv.import_csv(to_text(rows))
        assert report.ok, [str(p) for p in report.problems]
        assert (report.published, report.unchanged, report.checked) == (1, 1, 1)
        page = ServicePage.objects.get(pk=kaart.service_a.pk)
        assert page.summary == "Nieuwe korte uitleg." and page.live
        assert [m.slug for m in page.municipalities.all()] == ["aa-en-hunze"]
        assert page.kaart_check.checked_on.isoformat() == "2026-01-15"

    def test_every_bad_row_is_reported_and_nothing_changes(self, kaart):
        rows = [
            r
            for r in rows_of(export_text())
            if r["titel"] in ("Kindpakket", "Oude regeling")
        ]
        good, bad = rows
        good["samenvatting"] = "Dit zou een wijziging zijn."
        bad["status"] = "open"
        bad["kosten_euro"] = "veel"
        extra = dict(good, id="3f7b145d-84af-42d7-8fae-eaca714b02b2")
        before = state()
        report = kaart_csv.import_csv(to_text([good, bad, extra]))
        assert not report.ok
        lines = {(p.line, p.message.split(":")[0]) for p in report.problems}
        assert (3, "status") in lines and (3, "kosten_euro") in lines
        assert any(p.line == 4 and "Onbekende id" in p.message for p in report.problems)
        assert not any(p.line == 2 for p in report.problems)
        assert state() == before

    def test_pending_changes_are_not_overwritten(self, kaart):
        row = next(
            r for r in rows_of(export_text()) if r["titel"] == "Schuldhulpverlening"
        )
        row["titel"] = "Schuldhulp"
        report = kaart_csv.import_csv(to_text([row]))
        assert report.problems and "nog niet gepubliceerd" in report.problems[0].message

    def test_editor_of_another_organisation_is_refused(self, kaart, cast):
        row = next(r for r in rows_of(export_text()) if r["titel"] == "Oude regeling")
        row["titel"] = "Gewijzigd door een ander"
        report = kaart_csv.import_csv(to_text([row]), actor=cast.editor_a)
        assert "niet bewerken" in report.problems[0].message

    def test_editor_changes_go_to_moderation(self, kaart, cast):
        from socialekaart.models import ServicePage

        row = next(r for r in rows_of(export_text()) if r["titel"] == "Kindpakket")
        row["titel"] = "Kindpakket 2027"
        report = kaart_csv.import_csv(to_text([row]), actor=cast.editor_a)
        assert report.ok, [str(p) for p in report.problems]
        assert report.submitted == 1 and report.published == 0
        page = ServicePage.objects.get(pk=kaart.service_a.pk)
        assert page.title == "Kindpakket"
        assert page.workflow_in_progress

    def test_multiline_cell_keeps_line_numbers_right(self, kaart):
        rows = [
            r
            for r in rows_of(export_text())
            if r["titel"] in ("Kindpakket", "Oude regeling")
        ]
        rows[0]["status_toelichting"] = "Eerste regel\ntweede regel"
        rows[1]["gratis"] = "misschien"
        report = kaart_csv.import_csv(to_text(rows))
        assert [p.line for p in report.problems] == [4]

    def test_wrong_columns(self, kaart):
        report = kaart_csv.import_csv("naam;prijs\nx;1\n")
        assert report.problems[0].line == 1

    def test_commands_dry_run_and_errors(self, kaart, tmp_path):
        path = tmp_path / "kaart.csv"
        call_command("export_kaart_csv", "-o", str(path), stdout=StringIO())
        rows = [
            r for r in rows_of(path.read_text("utf-8")) if r["titel"] == "Kindpakket"
        ]
        rows[0]["titel"] = "Proef"
        path.write_text(to_text(rows), encoding="utf-8")
        before = state()
        out = StringIO()
        call_command("import_kaart_csv", str(path), "--dry-run", stdout=out)
        assert "teruggedraaid" in out.getvalue()
        assert state() == before
        rows[0]["gratis"] = "soms"
        path.write_text(to_text(rows), encoding="utf-8")
        out = StringIO()
        with pytest.raises(CommandError):
            call_command("import_kaart_csv", str(path), stdout=out)
        assert "regel 2: gratis" in out.getvalue()
