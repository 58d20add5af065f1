"""Writing the checked plans through Wagtail's page API, in one transaction."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from socialekaart import services
from socialekaart.hsds.importing.reading import (
    ImportReport,
    OrganisationRecord,
    Problem,
    ServiceRecord,
)
from socialekaart.models import EligibilityRule, Location

# --- Writing --------------------------------------------------------------------------


def _location_rows(plan: dict) -> list[dict]:
    rows = []
    for location in plan["locations"]:
        row = dict(location)
        if not row["uuid"]:
            row["uuid"] = str(uuid.uuid4())
        rows.append(row)
    return rows


ORGANISATION_FIELDS = ("phone", "email", "website", "languages", "walk_in_hours")


def write_organisation(record: OrganisationRecord, index, report: ImportReport):
    plan = record.plan
    page = plan.get("page")
    if plan.get("keep"):
        assert page is not None  # noqa: S101  (the checks keep only existing pages)
        return page.specific
    fields = {name: plan[name] for name in ORGANISATION_FIELDS}
    if page is None:
        slug = _free_slug(
            index, plan["slug"] or slugify(plan["title"]) or "organisatie"
        )
        page = services.organisation_page_create(
            parent=index,
            organisation=plan["organisation"],
            summary=plan["summary"],
            title=plan["title"],
            slug=slug,
            description=plan["description"],
            locations=_location_rows(plan),
            uuid=record.data.get("id") or uuid.uuid4(),
            is_national=plan.get("is_national", False),
            **fields,
        )
        report.created["organisaties"] += 1
        return page
    page = page.specific.get_latest_revision_as_object()
    page.title = plan["title"]
    page.summary = plan["summary"]
    page.description = plan["description"]
    for name, value in fields.items():
        setattr(page, name, value)
    existing = {str(location.uuid): location for location in page.locations.all()}
    kept = []
    for row in _location_rows(plan):
        location = existing.get(row["uuid"]) or Location()
        for name, value in row.items():
            setattr(location, name, value)
        location.full_clean(exclude=["page"])
        kept.append(location)
    page.locations = kept
    page.full_clean()
    revision = page.save_revision(log_action=True)
    revision.publish()
    report.updated["organisaties"] += 1
    return type(page).objects.get(pk=page.pk)


def _free_slug(parent, wanted: str) -> str:
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = wanted[:80], 2
    while slug in taken:
        slug = f"{wanted[:76]}-{number}"
        number += 1
    return slug


SERVICE_FIELDS = (
    "website",
    "email",
    "phone",
    "status",
    "status_note",
    "is_free",
    "cost_amount",
    "cost_description",
    "benefit",
    "keywords",
    "is_at_home",
    "is_automatic",
    "eligibility_note",
    "service_area_note",
    "languages",
    "walk_in_hours",
    "application_steps",
    "required_documents",
)


def write_service(record: ServiceRecord, organisation_page, report: ImportReport):
    plan = record.plan
    locations = list(
        Location.objects.filter(page=organisation_page, uuid__in=plan["location_ids"])
    )
    order = {key: number for number, key in enumerate(plan["location_ids"])}
    locations.sort(key=lambda location: order.get(str(location.uuid), 0))
    fields = {name: plan[name] for name in SERVICE_FIELDS}
    page = plan.get("page")
    if page is None:
        page = services.service_page_create(
            organisation_page=organisation_page,
            title=plan["title"],
            summary=plan["summary"],
            description=plan["description"],
            categories=plan["categories"],
            municipalities=plan["municipalities"],
            target_groups=plan["target_groups"],
            slug=_free_slug(organisation_page, plan["slug"]),
            rules=plan["rules"],
            uuid=record.data.get("id") or uuid.uuid4(),
            locations=locations,
            **fields,
        )
        report.created["diensten"] += 1
    else:
        page = page.specific.get_latest_revision_as_object()
        page.title, page.summary = plan["title"], plan["summary"]
        page.description = plan["description"]
        for name, value in fields.items():
            setattr(page, name, value)
        page.categories.set(plan["categories"])
        page.target_groups.set(plan["target_groups"])
        page.municipalities.set(plan["municipalities"])
        page.locations.set(locations)
        rules = []
        for spec in plan["rules"]:
            spec = dict(spec)
            municipalities = spec.pop("municipalities")
            rule = EligibilityRule(**spec)
            rule.municipalities.set(municipalities)
            rule.full_clean(exclude=["page"])
            rules.append(rule)
        page.eligibility_rules = rules
        page.full_clean()
        revision = page.save_revision(log_action=True)
        revision.publish()
        report.updated["diensten"] += 1
    if plan.get("checked_on"):
        services.page_mark_checked(page=page, actor=None, on=plan["checked_on"])
    return page


def _validation_message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        if hasattr(error, "message_dict"):
            return "; ".join(
                f"{name}: {' '.join(messages)}"
                for name, messages in error.message_dict.items()
            )
        return " ".join(error.messages)
    return str(error)


def apply(records: list[OrganisationRecord], report: ImportReport) -> None:
    """Write every plan in one transaction; any failure rolls all of it back."""
    with transaction.atomic():
        index = services.kaart_structure_ensure()
        for record in records:
            try:
                with transaction.atomic():
                    organisation_page = write_organisation(record, index, report)
            except (ValidationError, ValueError, TypeError) as error:
                report.problems.append(
                    Problem(record.where, _validation_message(error))
                )
                continue
            for service in record.services:
                try:
                    with transaction.atomic():
                        write_service(service, organisation_page, report)
                except (ValidationError, ValueError, TypeError) as error:
                    report.problems.append(
                        Problem(service.where, _validation_message(error))
                    )
        if report.errors or report.dry_run:
            transaction.set_rollback(True)
        else:
            report.applied = True
