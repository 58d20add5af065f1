"""Reads for the content rules (``socialekaart.content_rules``): a page as
``PageContent``, its problems, and every page with problems (the editors' report)."""

from __future__ import annotations

from socialekaart.constants import ServiceStatus
from socialekaart.content_rules import (
    ORGANISATION,
    SERVICE,
    PageContent,
    Problem,
    RuleFacts,
    check_content,
    plain_text,
)
from socialekaart.models import OrganisationPage, ServicePage


def rule_facts(rules) -> list[RuleFacts]:
    return [
        RuleFacts(
            number=number,
            income_limit_percent=rule.income_limit_percent,
            household_types=tuple(rule.household_types or ()),
            age_subject=rule.age_subject or "",
            min_age=rule.min_age,
            max_age=rule.max_age,
            min_low_income_years=rule.min_low_income_years,
            benefit=rule.benefit or "",
            municipalities=frozenset(m.slug for m in rule.municipalities.all()),
        )
        for number, rule in enumerate(rules, start=1)
    ]


def page_content(page, organisation_page=None) -> PageContent:
    """``page`` (a service or organisation page, as saved) as ``PageContent``."""
    if isinstance(page, ServicePage):
        if organisation_page is None:
            parent = page.get_parent()
            organisation_page = parent.specific if parent else None
        rules = list(page.eligibility_rules.all().order_by("sort_order"))
        return PageContent(
            kind=SERVICE,
            title=page.title,
            texts={
                "summary": page.summary,
                "description": plain_text(page.description),
                "benefit": page.benefit,
                "application_steps": plain_text(page.application_steps),
                "required_documents": plain_text(page.required_documents),
                "cost_description": page.cost_description,
            },
            phone=page.phone,
            email=page.email,
            website=page.website,
            has_walk_in=bool(page.walk_in_hours),
            has_locations=bool(list(page.locations.all())) if page.pk else False,
            is_at_home=page.is_at_home,
            organisation_phone=getattr(organisation_page, "phone", ""),
            organisation_email=getattr(organisation_page, "email", ""),
            organisation_website=getattr(organisation_page, "website", ""),
            organisation_has_walk_in=bool(
                getattr(organisation_page, "walk_in_hours", None)
            ),
            has_steps=bool(page.application_steps),
            eligibility_note=page.eligibility_note,
            rules=rule_facts(rules),
        )
    return PageContent(
        kind=ORGANISATION,
        title=page.title,
        texts={
            "summary": page.summary,
            "description": plain_text(page.description),
        },
        phone=page.phone,
        email=page.email,
        website=page.website,
        has_walk_in=bool(page.walk_in_hours),
        has_locations=bool(list(page.locations.all())) if page.pk else False,
    )


def page_problems(page) -> list[Problem]:
    """The content problems of a saved service or organisation page."""
    return check_content(page_content(page.specific))


def pages_with_problems(*, organisations=None) -> list[dict]:
    """Live organisation pages and (not ended) services with content problems, errors
    first, then by title. ``organisations``: only the pages of these organisations.

    Each entry: ``page``, ``organisation_page``, ``problems``. Reads every page in
    scope (a few queries per page): an admin report, not a public page.
    """
    organisation_pages = OrganisationPage.objects.live().prefetch_related("locations")
    if organisations is not None:
        organisation_pages = organisation_pages.filter(organisation__in=organisations)
    entries = []
    for organisation_page in organisation_pages:
        problems = check_content(page_content(organisation_page))
        if problems:
            entries.append(
                {
                    "page": organisation_page,
                    "organisation_page": organisation_page,
                    "problems": problems,
                }
            )
        services = (
            ServicePage.objects.live()
            .child_of(organisation_page)
            .exclude(status=ServiceStatus.ENDED)
            .prefetch_related("eligibility_rules__municipalities")
        )
        for service in services:
            problems = check_content(page_content(service, organisation_page))
            if problems:
                entries.append(
                    {
                        "page": service,
                        "organisation_page": organisation_page,
                        "problems": problems,
                    }
                )
    return sorted(
        entries,
        key=lambda e: (
            not any(p.is_error for p in e["problems"]),
            e["organisation_page"].title,
            e["page"].title,
        ),
    )
