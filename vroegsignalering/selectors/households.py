"""Reads of one partner's work: the queue, a household, its letter, the rules and
capacity as configured. Lists take the viewing user."""

from __future__ import annotations

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from pact.models import Municipality
from socialekaart import selectors as kaart_selectors
from socialekaart.models import Category
from vroegsignalering import permissions
from vroegsignalering.constants import ArrearsKind
from vroegsignalering.models import (
    Attempt,
    Household,
    PartnerCapacity,
    RoutingRule,
    Signal,
)
from vroegsignalering.triage import REASON_LABELS

QUEUE_FILTERS = {
    "open": {"closed_at__isnull": True},
    "vandaag": {"closed_at__isnull": True},
    "afgesloten": {"closed_at__isnull": False},
}


def household_queue_for_user(
    user, *, view: str = "open", organisation=None, today: datetime.date | None = None
) -> QuerySet[Household]:
    """The households ``user`` works on, most urgent first: open ones by due date and
    score; ``view="vandaag"`` only those due today or earlier; ``"afgesloten"`` the
    closed ones, newest first. Fixed number of queries (signals prefetched)."""
    today = today or timezone.localdate()
    households = permissions.households_visible_to(user).select_related(
        "municipality", "organisation"
    )
    if organisation is not None:
        households = households.filter(organisation=organisation)
    households = households.filter(**QUEUE_FILTERS.get(view, QUEUE_FILTERS["open"]))
    if view == "vandaag":
        households = households.filter(due_on__lte=today)
    if view == "afgesloten":
        households = households.order_by("-closed_at", "-id")
    else:
        households = households.order_by("due_on", "-score", "first_signal_on", "id")
    return households.prefetch_related(
        Prefetch("signals", queryset=Signal.objects.order_by("-amount", "id"))
    )


def queue_counts_for_user(user, *, organisation=None, today=None) -> dict[str, int]:
    today = today or timezone.localdate()
    households = permissions.households_visible_to(user)
    if organisation is not None:
        households = households.filter(organisation=organisation)
    # One pass, not one count each (make bench, vroeg_regisseur_queue).
    return households.filter(closed_at__isnull=True).aggregate(
        open=Count("id"),
        vandaag=Count("id", filter=Q(due_on__lte=today)),
        te_laat=Count("id", filter=Q(due_on__lt=today)),
    )


def household_detail(household: Household) -> dict:
    """Everything the household page shows (the caller has authorised)."""
    return {
        "signals": list(household.signals.order_by("-amount", "id")),
        "attempts": list(
            Attempt.objects.filter(household=household)
            .select_related("organisation", "made_by")
            .order_by("made_at", "id")
        ),
        "reasons": score_reasons(household),
    }


def score_reasons(household: Household) -> list[tuple[str, int]]:
    return [
        (str(REASON_LABELS.get(code, code)), points)
        for code, points in household.score_reasons
    ]


LETTER_CATEGORIES: dict[str, str] = {
    ArrearsKind.RENT: "wonen-en-energie",
    ArrearsKind.ENERGY: "wonen-en-energie",
    ArrearsKind.WATER: "wonen-en-energie",
}


def letter_offerings(household: Household, *, limit: int = 6) -> list:
    """Offerings of the sociale kaart for the letter: help with money and debts in the
    household's municipality, plus housing and energy when those are in arrears, plus
    children's offerings when children are known. Live services only, A to Z."""
    slugs = ["geld-en-schulden"]
    kinds = set(household.signals.values_list("kind", flat=True))
    slugs += sorted({LETTER_CATEGORIES[k] for k in kinds if k in LETTER_CATEGORIES})
    if household.has_children:
        slugs.append("kinderen-en-jongeren")
    pages = []
    seen = set()
    for category in Category.objects.filter(slug__in=slugs):
        for page in kaart_selectors.service_list(
            category=category, municipality=household.municipality
        )[:limit]:
            if page.pk not in seen:
                seen.add(page.pk)
                pages.append(page)
    return kaart_selectors.attach_organisation_pages(pages[: limit * 2])


def routing_rules_of(municipality: Municipality) -> QuerySet[RoutingRule]:
    return RoutingRule.objects.filter(municipality=municipality).select_related(
        "organisation"
    )


def capacity_of(organisation) -> PartnerCapacity | None:
    return PartnerCapacity.objects.filter(organisation=organisation).first()
