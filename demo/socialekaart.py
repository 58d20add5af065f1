"""Demo content of the sociale kaart, loaded from the data files in ``demo/data/kaart/``
(see ``demo.kaart_files``) through the product's own importer and services. Called by
``seed_demo`` after the network and people exist.

1. categories, target groups and the norm table through the kaart's services;
2. the organisations and offerings through ``import_hsds``, all or nothing; pages that
   exist already (by their HSDS id) are left alone, so a second run adds no revision;
3. for the pages just made, what HSDS does not carry (``aanvulling.json``): the fields
   only professionals see, the check dates (counted back from today), the open mistake
   reports and one change waiting for approval.

Idempotent: running it twice changes no table.
"""

from __future__ import annotations

import datetime
import json
import tempfile
from decimal import Decimal
from io import StringIO
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from demo import kaart_files
from socialekaart import services
from socialekaart.models import (
    MistakeReport,
    OrganisationPage,
    ServicePage,
)

__all__ = ["seed"]


def _editor(organisation_slug: str):
    return (
        get_user_model()
        .objects.filter(username=f"redacteur.{organisation_slug}")
        .first()
    )


def _seed_taxonomy() -> None:
    data = kaart_files.read_json(kaart_files.TAXONOMY)
    for order, term in enumerate(data["categories"], 1):
        services.category_upsert(sort_order=order, **term)
    for order, term in enumerate(data["target_groups"], 1):
        services.target_group_upsert(sort_order=order, **term)
    for period in data["norm_periods"]:
        until = period["valid_until"]
        services.norm_period_upsert(
            valid_from=datetime.date.fromisoformat(period["valid_from"]),
            valid_until=datetime.date.fromisoformat(until) if until else None,
            source=period["source"],
            amounts={
                kind: Decimal(amount) for kind, amount in period["amounts"].items()
            },
        )


def _import_new_organisations() -> set[str]:
    """Import the organisations of the package that are not in the kaart yet; their
    slugs."""
    package = kaart_files.read_package()
    existing = {
        str(uuid) for uuid in OrganisationPage.objects.values_list("uuid", flat=True)
    }
    new = [item for item in package if item["id"] not in existing]
    if not new:
        return set()
    out = StringIO()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kaart.hsds.json"
        path.write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
        try:
            call_command(
                "import_hsds",
                str(path),
                source_base_url=[kaart_files.DEMO_BASE_URL],
                without_schemas=True,
                stdout=out,
            )
        except CommandError as error:
            raise CommandError(
                f"The demo kaart does not import ({error}):\n{out.getvalue()}"
            ) from error
    return {kaart_files.organisation_slug(item) for item in new}


def _complete(created: set[str], supplement: dict) -> None:
    """What HSDS does not carry, for the pages of the organisations just imported."""

    def new_pages(entries: dict):
        for key, value in entries.items():
            organisation_slug = key.partition("/")[0]
            if organisation_slug in created and (page := _page(key)) is not None:
                yield organisation_slug, page, value

    for _slug, page, fields in new_pages(supplement["professional_fields"]):
        services.page_professional_fields_set(page=page, actor=None, **fields)
    today = timezone.localdate()
    for slug, page, days in new_pages(supplement["checked_days_ago"]):
        # Checked by the organisation's editor (none for the national organisations).
        services.record_check(
            page=page, user=_editor(slug), on=today - datetime.timedelta(days=days)
        )


def _page(key: str):
    organisation_slug, _sep, service_slug = key.partition("/")
    parent = OrganisationPage.objects.filter(slug=organisation_slug).first()
    if parent is None:
        return None
    if not service_slug:
        return parent
    return ServicePage.objects.child_of(parent).filter(slug=service_slug).first()


def _seed_reports(supplement: dict) -> None:
    for item in supplement["mistake_reports"]:
        page = _page(item["page"])
        if (
            page is None
            or MistakeReport.objects.filter(page=page, kind=item["kind"]).exists()
        ):
            continue
        services.mistake_report_submit(
            page=page,
            kind=item["kind"],
            message=item["message"],
            client_address=None,  # not from the web: no rate limit
        )


def _seed_changes_waiting(supplement: dict) -> None:
    """Changes waiting for approval, so pact admins see the moderation workflow."""
    for item in supplement["changes_waiting_for_approval"]:
        page = _page(item["page"])
        editor = get_user_model().objects.filter(username=item["by"]).first()
        if page is None or editor is None or page.workflow_states.exists():
            continue
        page = page.get_latest_revision_as_object()
        page.summary = item["summary"]
        page.save_revision(user=editor, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, editor)


@transaction.atomic
def seed(*, stdout) -> None:
    services.kaart_structure_ensure()
    _seed_taxonomy()
    created = _import_new_organisations()
    supplement = kaart_files.read_json(kaart_files.SUPPLEMENT)
    _complete(created, supplement)
    _seed_reports(supplement)
    _seed_changes_waiting(supplement)
    stdout.write(
        f"  sociale kaart: {OrganisationPage.objects.count()} organisaties, "
        f"{ServicePage.objects.count()} keer hulpaanbod "
        f"({len(created)} organisaties nieuw), "
        f"{MistakeReport.objects.count()} foutmeldingen"
    )
