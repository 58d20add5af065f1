"""Casusregie at scale: a worker's case list, a case page, the API list and the
coordinator's "who looked" page, first with 10,000 cases and 100,000 access-log rows,
then with 100,000 cases and 1,000,000 rows. The worker sees the same few dozen cases in
both: the cost should follow what he may see, not the total.

Rows are bulk-inserted (``bulk_create`` in batches of 5,000, inside transactions) with
the same shape the services write: a lead involvement and django-guardian group grants
per case, ten access-log rows per case. After each bulk load the planner statistics are
refreshed (``ANALYZE``), as autovacuum does in production: PostgreSQL on the CI machine
runs with autovacuum off, and without statistics it chose a plan that read every active
involvement of every organisation for the case list (20-30 ms at 100,000 cases).
"""

from __future__ import annotations

import datetime
import time
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from casusregie.constants import (
    AuditAction,
    AuditChannel,
    Basis,
    CaseStatus,
    InvolvementRole,
    LegalGround,
)
from casusregie.models import (
    AccessLogEntry,
    Case,
    CaseGroupObjectPermission,
    Goal,
    Involvement,
)
from pact.constants import Role
from pact.models import Municipality, Organisation
from pact.roles import organisation_group

BATCH = 5_000
VISIBLE = 50
LOG_ROWS_PER_CASE = 10
WORKER = "casus.attenta"
COORDINATOR = "coordinator.attenta"


def _permissions() -> dict[str, Permission]:
    return {
        p.codename: p
        for p in Permission.objects.filter(content_type__app_label="casusregie")
    }


class Filler:
    """Adds bulk cases with grants and access-log rows, like the services would."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.permissions = _permissions()
        self.municipality = Municipality.objects.get(slug="aa-en-hunze")
        self.attenta = Organisation.objects.get(slug="attenta")
        self.others = list(
            Organisation.objects.filter(
                slug__in=["gkb", "wpda", "impuls", "humanitas", "stichting-helper"]
            )
        )
        self.groups = {
            org.pk: (
                organisation_group(org, Role.CASE_WORKER).pk,
                organisation_group(org, Role.COORDINATOR).pk,
            )
            for org in [self.attenta, *self.others]
        }
        self.worker = get_user_model().objects.get(username=WORKER)
        self.next_number = 0

    def add_cases(self, count: int, *, visible: bool = False) -> None:
        started = time.monotonic()
        now = timezone.now()
        done = 0
        while done < count:
            size = min(BATCH, count - done)
            with transaction.atomic():
                self._batch(size, visible=visible, now=now)
            done += size
            if done % 20_000 == 0 or done == count:
                self.ctx.progress(
                    f"casusregie: {done:,}/{count:,} cases "
                    f"({time.monotonic() - started:.0f} s)"
                )

    def _batch(self, size: int, *, visible: bool, now) -> None:
        cases = []
        for _ in range(size):
            self.next_number += 1
            n = self.next_number
            lead = self.attenta if visible else self.others[n % len(self.others)]
            moment = now - datetime.timedelta(
                minutes=(0 if visible else 10_000) + n % 50_000
            )
            cases.append(
                Case(
                    uuid=uuid.uuid4(),
                    reference=f"BN-{n:08d}",
                    label=f"Bench {n}",
                    municipality=self.municipality,
                    status=CaseStatus.ACTIVE,
                    lead_organisation=lead,
                    lead_worker=self.worker if visible else None,
                    created_at=moment,
                    updated_at=moment,
                )
            )
        Case.objects.bulk_create(cases, batch_size=BATCH)
        # SQLite and PostgreSQL both return primary keys from bulk_create.
        involvements, grants, goals, logs = [], [], [], []
        view, edit, hand_over, view_log = (
            self.permissions["view_case"],
            self.permissions["edit_case"],
            self.permissions["hand_over_case"],
            self.permissions["view_case_log"],
        )
        for case in cases:
            involvements.append(
                Involvement(
                    case=case,
                    organisation_id=case.lead_organisation_id,
                    role=InvolvementRole.LEAD,
                    basis=Basis.LEGAL_TASK,
                    legal_ground=LegalGround.WMO,
                    started_at=case.created_at,
                )
            )
            workers, coordinators = self.groups[case.lead_organisation_id]
            for group_id, permission in (
                (workers, view),
                (workers, edit),
                (workers, hand_over),
                (coordinators, view),
                (coordinators, view_log),
            ):
                grants.append(
                    CaseGroupObjectPermission(
                        content_object=case, group_id=group_id, permission=permission
                    )
                )
            if visible:
                goals.append(
                    Goal(case=case, text="Rust over de rekeningen", position=1)
                )
            for i in range(LOG_ROWS_PER_CASE):
                logs.append(
                    AccessLogEntry(
                        at=case.created_at + datetime.timedelta(hours=i),
                        actor_id=self.worker.pk,
                        actor_label=WORKER,
                        organisation_id=case.lead_organisation_id,
                        organisation_label="bench",
                        action=AuditAction.CASE_VIEW,
                        channel=AuditChannel.WEB,
                        case_uuid=case.uuid,
                    )
                )
        Involvement.objects.bulk_create(involvements, batch_size=BATCH)
        CaseGroupObjectPermission.objects.bulk_create(grants, batch_size=BATCH)
        Goal.objects.bulk_create(goals, batch_size=BATCH)
        AccessLogEntry.objects.bulk_create(logs, batch_size=BATCH)


def _analyse(ctx) -> None:
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    ctx.progress(
        f"casusregie: statistics refreshed ({time.monotonic() - started:.0f} s)"
    )


def _client(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _measure_all(ctx, label: str, visible_case: Case) -> None:
    worker, coordinator = _client(WORKER), _client(COORDINATOR)
    from casusregie.permissions import cases_visible_to

    user = get_user_model().objects.get(username=WORKER)
    figures = {
        "total_cases": Case.objects.count(),
        "access_log_rows": AccessLogEntry.objects.count(),
        "guardian_rows": CaseGroupObjectPermission.objects.count(),
        "visible_to_worker": cases_visible_to(user).count(),
    }
    n = 60 if ctx.quick else 200
    ctx.measure(
        f"casusregie_worker_case_list_{label}",
        ctx.get("/casusregie/", client=worker),
        n=n,
        **figures,
    )
    ctx.measure(
        f"casusregie_case_page_{label}",
        ctx.get(f"/casusregie/casussen/{visible_case.uuid}/", client=worker),
        n=n,
        **figures,
    )
    ctx.measure(
        f"casusregie_api_case_list_{label}",
        ctx.get("/api/casusregie/cases/", client=worker),
        n=n,
        **figures,
    )
    ctx.measure(
        f"casusregie_who_looked_{label}",
        ctx.get(
            f"/casusregie/casussen/{visible_case.uuid}/inzage/", client=coordinator
        ),
        n=n,
        **figures,
    )


def run(ctx) -> None:
    filler = Filler(ctx)
    small, large = (2_000, 20_000) if ctx.quick else (10_000, 100_000)
    ctx.progress(f"casusregie: {VISIBLE} cases the worker sees")
    filler.add_cases(VISIBLE, visible=True)
    filler.add_cases(small - Case.objects.count())
    visible_case = Case.objects.filter(
        reference__startswith="BN-", lead_organisation=filler.attenta
    ).first()
    _analyse(ctx)
    _measure_all(ctx, f"{small // 1000}k", visible_case)
    filler.add_cases(large - Case.objects.count())
    _analyse(ctx)
    _measure_all(ctx, f"{large // 1000}k", visible_case)
