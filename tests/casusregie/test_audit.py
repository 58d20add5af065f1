"""Audit: every read, change, export and print is logged; the log is append-only in the
model, the manager and the database; it outlives the purged case without personal data."""

from __future__ import annotations

import datetime
from io import StringIO

from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from casusregie import services
from casusregie.constants import AuditAction, AuditChannel
from casusregie.models import AccessLogEntry, AppendOnlyError, Case, CaseEvent

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


READS = [
    ("casusregie:case_detail", AuditAction.CASE_VIEW, AuditChannel.WEB),
    ("casusregie:api_case_detail", AuditAction.CASE_VIEW, AuditChannel.API),
    ("casusregie:case_print", AuditAction.CASE_PRINT, AuditChannel.PRINT),
    ("casusregie:case_export_json", AuditAction.CASE_EXPORT_JSON, AuditChannel.EXPORT),
    ("casusregie:case_export_pdf", AuditAction.CASE_EXPORT_PDF, AuditChannel.EXPORT),
]


class AuditCompletenessTests:
    @pytest.mark.parametrize(("name", "action", "channel"), READS)
    def test_every_read_endpoint_logs_who_for_whom_what(
        self, case_a, cast, name, action, channel
    ):
        before = AccessLogEntry.objects.count()
        response = client_for(cast.worker_a).get(reverse(name, args=[case_a.uuid]))
        assert response.status_code == 200
        entry = AccessLogEntry.objects.order_by("-id").first()
        assert AccessLogEntry.objects.count() == before + 1
        assert (entry.action, entry.channel) == (action, channel)
        assert entry.case_uuid == case_a.uuid
        assert entry.actor_id == cast.worker_a.pk
        assert entry.organisation_id == cast.partner_a.pk
        assert "Casusbehandelaar" in entry.role_label

    def test_access_log_page_and_lists_are_logged(self, case_a, cast):
        client = client_for(cast.coordinator_a)
        client.get(reverse("casusregie:case_access_log", args=[case_a.uuid]))
        assert (
            AccessLogEntry.objects.filter(action=AuditAction.ACCESS_LOG_VIEW).count()
            == 1
        )
        client.get(reverse("casusregie:dashboard"))
        client.get(reverse("casusregie:api_case_list"))
        lists = AccessLogEntry.objects.filter(action=AuditAction.CASE_LIST)
        assert {e.channel for e in lists} == {AuditChannel.WEB, AuditChannel.API}

    def test_handover_note_view_is_logged_for_the_receiver(
        self, case_a, consent_b, cast
    ):
        handover = services.handover_propose(
            case=case_a,
            actor=cast.worker_a,
            to_organisation=cast.partner_b,
            priorities="Rust",
        )
        client_for(cast.worker_b).get(
            reverse("casusregie:handover_detail", args=[handover.uuid])
        )
        entry = AccessLogEntry.objects.filter(action=AuditAction.HANDOVER_VIEW).get()
        assert entry.actor_id == cast.worker_b.pk and entry.object_uuid == handover.uuid

    def test_every_change_is_logged_with_the_timeline(self, case_a, cast):
        changes = AccessLogEntry.objects.filter(
            case_uuid=case_a.uuid, action=AuditAction.CASE_CHANGE
        )
        before = changes.count()
        services.note_add(
            case=case_a, actor=cast.worker_a, text="Gebeld, afspraak gemaakt"
        )
        services.goal_add(case=case_a, actor=cast.worker_a, text="Een baan vinden")
        assert changes.count() == before + 2
        assert CaseEvent.objects.filter(case=case_a).count() == changes.count()

    def test_break_glass_reads_are_marked_with_the_reason(self, case_a, cast):
        services.break_glass_open(
            actor=cast.pact_admin,
            reference=case_a.reference,
            reason="klacht",
            explanation="Klacht over de afhandeling via de ombudsman",
        )
        client_for(cast.pact_admin).get(
            reverse("casusregie:case_detail", args=[case_a.uuid])
        )
        entry = AccessLogEntry.objects.filter(action=AuditAction.CASE_VIEW).get()
        assert entry.is_break_glass and entry.reason_code == "klacht"

    def test_resident_gets_who_looked_without_employee_names(self, case_a, cast):
        client_for(cast.worker_a).get(
            reverse("casusregie:case_detail", args=[case_a.uuid])
        )
        data = (
            client_for(cast.worker_a)
            .get(reverse("casusregie:case_export_json", args=[case_a.uuid]))
            .json()
        )
        rows = data["wie_heeft_de_casus_ingezien"]
        assert any(row["organisation"] == "Attenta" for row in rows)
        assert "worker_a" not in str(rows)


class AppendOnlyTests:
    def test_model_and_manager_refuse_update_and_delete(self, case_a):
        entry = AccessLogEntry.objects.filter(case_uuid=case_a.uuid).first()
        entry.actor_label = "iemand anders"
        with pytest.raises(AppendOnlyError):
            entry.save()
        with pytest.raises(AppendOnlyError):
            entry.delete()
        with pytest.raises(AppendOnlyError):
            AccessLogEntry.objects.filter(pk=entry.pk).update(actor_label="x")
        with pytest.raises(AppendOnlyError):
            AccessLogEntry.objects.filter(pk=entry.pk).delete()
        with pytest.raises(AppendOnlyError):
            CaseEvent.objects.filter(case=case_a).delete()

    def test_database_triggers_refuse_raw_update_and_delete(self, case_a):
        entry = AccessLogEntry.objects.filter(case_uuid=case_a.uuid).first()
        for sql in (
            "UPDATE casusregie_accesslogentry SET actor_label = 'x' WHERE id = %s",
            "DELETE FROM casusregie_accesslogentry WHERE id = %s",
        ):
            with (
                pytest.raises(DatabaseError, match="append-only"),
                transaction.atomic(),
                connection.cursor() as cursor,
            ):
                cursor.execute(sql, [entry.pk])
        assert AccessLogEntry.objects.get(pk=entry.pk).actor_label == entry.actor_label


class PurgeTests:
    def test_purge_deletes_closed_cases_after_retention_and_keeps_an_anonymous_log(
        self, cast, settings
    ):
        from tests.factories.casusregie import CaseFactory

        settings.PACT_CASE_RETENTION_DAYS = 30
        long_ago = timezone.now() - datetime.timedelta(days=60)
        old = CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
            label="Fam. Oud",
            at=long_ago,
            closed=True,
        )
        recent = CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
            closed=True,
        )
        out = StringIO()
        call_command("purge_closed_cases", "--dry-run", stdout=out)
        assert (
            old.reference in out.getvalue() and Case.objects.filter(pk=old.pk).exists()
        )
        call_command("purge_closed_cases", stdout=StringIO())
        assert not Case.objects.filter(pk=old.pk).exists()
        assert Case.objects.filter(pk=recent.pk).exists()
        rows = AccessLogEntry.objects.filter(case_uuid=old.uuid)
        assert rows.filter(action=AuditAction.CASE_PURGE).exists()
        assert rows.count() > 1
        assert not any("Oud" in str(row.detail) + row.actor_label for row in rows)


class ExpireCommandTests:
    def test_expire_handovers_command(self, case_a, cast):
        handover = services.handover_propose(
            case=case_a,
            actor=cast.worker_a,
            to_organisation=cast.partner_b,
            priorities="Rust",
            legal_ground="wgs",
            at=timezone.now() - datetime.timedelta(days=30),
        )
        out = StringIO()
        call_command("expire_handovers", stdout=out)
        handover.refresh_from_db()
        assert handover.status == "verlopen"
        assert "1 overdrachtsvoorstel" in out.getvalue()
