"""Demo content of the sociale kaart, built through the app's services and Wagtail's
page API. Called by ``seed_demo`` after the network and people exist.

Idempotent: what exists is left alone (no new revisions on a second run), so running it
twice changes no table. The content itself is in ``demo.socialekaart_data``.
"""

from __future__ import annotations

import datetime
import zlib
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from demo.socialekaart_data import (
    CATEGORIES,
    DEMO_REPORTS,
    NATIONAL_ORGANISATION_PAGES,
    NATIONAL_SERVICES,
    NORM_PERIODS,
    ORGANISATION_PAGES,
    SERVICES,
    STALE_DEMO,
    TARGET_GROUPS,
)
from pact.models import Municipality, Organisation
from socialekaart import services
from socialekaart.models import (
    Category,
    MistakeReport,
    OrganisationPage,
    ServicePage,
    TargetGroup,
)

__all__ = ["seed"]

PENDING_CHANGE = (
    "gkb",
    "schuldhulpverlening",
    "Hulp als u schulden heeft en er zelf niet meer uitkomt. Gratis, en u mag iemand meenemen.",
)


def _editor(organisation_slug: str):
    return (
        get_user_model()
        .objects.filter(username=f"redacteur.{organisation_slug}")
        .first()
    )


def _checked_on(key: tuple[str, str | None]) -> datetime.date:
    """A fixed-looking recent check date, or an old one for the stale demo pages."""
    today = timezone.localdate()
    if key in STALE_DEMO:
        return today - datetime.timedelta(days=STALE_DEMO[key])
    return today - datetime.timedelta(
        days=zlib.crc32("/".join(filter(None, key)).encode()) % 60
    )


def _service_fields(spec: dict, municipalities, categories, groups) -> dict:
    fields = {
        key: value
        for key, value in spec.items()
        if key
        not in {
            "organisation",
            "categories",
            "area",
            "rules",
            "steps",
            "documents",
            "target_groups",
            "slug",
        }
    }
    fields["slug"] = spec.get("slug") or slugify(spec["title"])
    fields["categories"] = [categories[slug] for slug in spec["categories"]]
    fields["target_groups"] = [groups[slug] for slug in spec.get("target_groups", [])]
    fields["municipalities"] = [municipalities[slug] for slug in spec["area"]]
    fields["rules"] = [
        {
            **rule,
            "municipalities": [municipalities[slug] for slug in rule["municipalities"]],
        }
        for rule in spec.get("rules", [])
    ]
    fields["application_steps"] = [
        ("step", {"text": text}) for text in spec.get("steps", [])
    ]
    fields["required_documents"] = [
        ("document", {"document": text, "note": ""})
        for text in spec.get("documents", [])
    ]
    return fields


@transaction.atomic
def seed(*, stdout) -> None:
    index = services.kaart_structure_ensure()
    for order, (slug, name, description) in enumerate(CATEGORIES, 1):
        services.category_upsert(
            slug=slug, name=name, description=description, sort_order=order
        )
    for order, (slug, name, description) in enumerate(TARGET_GROUPS, 1):
        services.target_group_upsert(
            slug=slug, name=name, description=description, sort_order=order
        )
    for valid_from, valid_until, source, amounts in NORM_PERIODS:
        services.norm_period_upsert(
            valid_from=valid_from,
            valid_until=valid_until,
            source=source,
            amounts={str(kind): amount for kind, amount in amounts.items()},
        )
    municipalities = {m.slug: m for m in Municipality.objects.all()}
    organisations = {o.slug: o for o in Organisation.objects.all()}
    categories = {c.slug: c for c in Category.objects.all()}
    groups = {g.slug: g for g in TargetGroup.objects.all()}

    organisation_pages = {
        page.slug: page for page in OrganisationPage.objects.child_of(index)
    }
    created_pages = 0
    for slug, spec in ORGANISATION_PAGES.items():
        if slug in organisation_pages or slug not in organisations:
            continue
        fields: dict[str, Any] = dict(spec)
        locations = [
            {**location, "municipality": municipalities.get(location["municipality"])}
            for location in fields.pop("locations", [])
        ]
        page = services.organisation_page_create(
            parent=index,
            organisation=organisations[slug],
            locations=locations,
            **fields,
        )
        services.record_check(
            page=page, user=_editor(slug), on=_checked_on((slug, None))
        )
        organisation_pages[slug] = page
        created_pages += 1

    for slug, national_spec in NATIONAL_ORGANISATION_PAGES.items():
        if slug in organisation_pages:
            continue
        national: dict[str, Any] = dict(national_spec)
        page = services.organisation_page_create(
            parent=index, organisation=None, slug=slug, is_national=True, **national
        )
        services.record_check(page=page, user=None)
        organisation_pages[slug] = page
        created_pages += 1

    for spec in [*SERVICES, *NATIONAL_SERVICES]:
        organisation_page = organisation_pages.get(spec["organisation"])
        if organisation_page is None:
            continue
        fields = _service_fields(spec, municipalities, categories, groups)
        if (
            ServicePage.objects.child_of(organisation_page)
            .filter(slug=fields["slug"])
            .exists()
        ):
            continue
        page = services.service_page_create(
            organisation_page=organisation_page, **fields
        )
        services.record_check(
            page=page,
            user=_editor(spec["organisation"]),
            on=_checked_on((spec["organisation"], fields["slug"])),
        )
        created_pages += 1

    _seed_reports(organisation_pages)
    _seed_pending_change(organisation_pages)
    stdout.write(
        f"  sociale kaart: {OrganisationPage.objects.count()} organisaties, "
        f"{ServicePage.objects.count()} keer hulpaanbod ({created_pages} nieuw), "
        f"{MistakeReport.objects.count()} foutmeldingen"
    )


def _service(organisation_pages, organisation_slug, service_slug):
    parent = organisation_pages.get(organisation_slug)
    if parent is None:
        return None
    return ServicePage.objects.child_of(parent).filter(slug=service_slug).first()


def _seed_reports(organisation_pages) -> None:
    for organisation_slug, service_slug, kind, message in DEMO_REPORTS:
        page = _service(organisation_pages, organisation_slug, service_slug)
        if page is None or MistakeReport.objects.filter(page=page, kind=kind).exists():
            continue
        services.mistake_report_submit(
            page=page,
            kind=kind,
            message=message,
            client_address=None,  # not from the web: no rate limit
        )


def _seed_pending_change(organisation_pages) -> None:
    """One change waiting for approval, so pact admins see the moderation workflow."""
    organisation_slug, service_slug, new_summary = PENDING_CHANGE
    page = _service(organisation_pages, organisation_slug, service_slug)
    editor = _editor(organisation_slug)
    if page is None or editor is None or page.workflow_states.exists():
        return
    page.summary = new_summary
    page.save_revision(user=editor, log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, editor)
