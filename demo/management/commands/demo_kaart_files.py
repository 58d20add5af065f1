"""``manage.py demo_kaart_files``: write this database's kaart as the demo's data files.

For whoever keeps the demo: change the demo kaart in the admin, then write it back to
``demo/data/kaart/`` (see ``demo.kaart_files``). Run it with ``PACT_BASE_URL`` set to
``demo.kaart_files.DEMO_BASE_URL`` so the page addresses in the package are the ones the
demo's import recognises; the command refuses otherwise.
"""

from __future__ import annotations

import tempfile
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from demo import kaart_files
from socialekaart.constants import PROFESSIONAL_FIELDS, ReportStatus
from socialekaart.models import (
    Category,
    MistakeReport,
    NormPeriod,
    OrganisationPage,
    ServicePage,
    TargetGroup,
)


class Command(BaseCommand):
    help = (
        "Write the kaart of this database as the demo's data files (demo/data/kaart)."
    )

    def handle(self, *args, **options):
        if settings.WAGTAILADMIN_BASE_URL.rstrip("/") != kaart_files.DEMO_BASE_URL:
            raise CommandError(
                f"Run with PACT_BASE_URL={kaart_files.DEMO_BASE_URL}: the demo's import "
                "keeps the page addresses made there."
            )
        package = kaart_files.compact(package_of_this_kaart())
        kaart_files.write_package(package)
        kaart_files.write_json(kaart_files.TAXONOMY, _taxonomy())
        kaart_files.write_json(kaart_files.SUPPLEMENT, _supplement())
        services = sum(len(item.get("services", [])) for item in package)
        self.stdout.write(
            f"Geschreven naar {kaart_files.DATA}: {len(package)} organisaties, "
            f"{services} keer hulpaanbod."
        )


def package_of_this_kaart() -> list[dict]:
    """The kaart's HSDS export (``export_hsds``), ended offerings included."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kaart.json"
        call_command(
            "export_hsds", output=str(path), include_ended=True, stdout=StringIO()
        )
        return kaart_files.read_json(path)


def _terms(model) -> list[dict]:
    return [
        {
            "uuid": str(term.uuid),
            "slug": term.slug,
            "name": term.name,
            "description": term.description,
        }
        for term in model.objects.order_by("sort_order", "name")
    ]


def _taxonomy() -> dict:
    return {
        "categories": _terms(Category),
        "target_groups": _terms(TargetGroup),
        "norm_periods": [
            {
                "valid_from": period.valid_from.isoformat(),
                "valid_until": period.valid_until.isoformat()
                if period.valid_until
                else None,
                "source": period.source,
                "amounts": {
                    row.household_type: str(row.amount)
                    for row in period.amounts.order_by("sort_order")
                },
            }
            for period in NormPeriod.objects.order_by("valid_from")
        ],
    }


def _key(page) -> str:
    if isinstance(page, ServicePage):
        return kaart_files.page_key(page.get_parent().slug, page.slug)
    return kaart_files.page_key(page.slug)


def _supplement() -> dict:
    today = timezone.localdate()
    professional: dict[str, dict] = {}
    checked: dict[str, int] = {}
    pages: list[OrganisationPage | ServicePage] = [
        *OrganisationPage.objects.select_related("kaart_check"),
        *ServicePage.objects.select_related("kaart_check"),
    ]
    for page in pages:
        values = {
            name: getattr(page, name)
            for name in PROFESSIONAL_FIELDS
            if getattr(page, name)
        }
        if values:
            professional[_key(page)] = values
        check = getattr(page, "kaart_check", None)
        if check is not None:
            checked[_key(page)] = (today - check.checked_on).days
    reports = [
        {
            "page": _key(report.page.specific),
            "kind": report.kind,
            "message": report.message,
        }
        for report in MistakeReport.objects.filter(status=ReportStatus.OPEN)
        .select_related("page")
        .order_by("created_at", "pk")
    ]
    pending = []
    for page in ServicePage.objects.filter(has_unpublished_changes=True):
        if not page.workflow_in_progress:
            continue
        latest = page.get_latest_revision_as_object()
        pending.append(
            {
                "page": _key(page),
                "by": page.get_latest_revision().user.get_username(),
                "summary": latest.summary,
            }
        )
    return {
        "professional_fields": dict(sorted(professional.items())),
        "checked_days_ago": dict(sorted(checked.items())),
        "mistake_reports": reports,
        "changes_waiting_for_approval": pending,
    }
