"""Municipalities, organisations and pacts."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction

from pact.models import Municipality, Organisation, Pact, PactMembership

# --- Municipalities, organisations, pacts ---------------------------------------------------


def municipality_upsert(
    *, slug: str, name: str, cbs_code: str, province: str = ""
) -> Municipality:
    """Create or update the municipality with ``slug``; returns it. Idempotent."""
    municipality = Municipality.objects.filter(slug=slug).first() or Municipality(
        slug=slug
    )
    municipality.name, municipality.cbs_code, municipality.province = (
        name,
        cbs_code,
        province,
    )
    municipality.full_clean()
    municipality.save()
    return municipality


@transaction.atomic
def organisation_upsert(
    *,
    slug: str,
    name: str,
    kind: str,
    municipalities: Iterable[Municipality] = (),
    short_name: str = "",
    website: str = "",
    email: str = "",
    phone: str = "",
    aliases: str = "",
) -> Organisation:
    """Create or update the organisation with ``slug`` and the municipalities it serves."""
    organisation = Organisation.objects.filter(slug=slug).first() or Organisation(
        slug=slug
    )
    for field, value in {
        "name": name,
        "kind": kind,
        "short_name": short_name,
        "website": website,
        "email": email,
        "phone": phone,
        "aliases": aliases,
    }.items():
        setattr(organisation, field, value)
    organisation.full_clean()
    organisation.save()
    organisation.municipalities.set(municipalities)
    return organisation


@transaction.atomic
def pact_upsert(
    *,
    slug: str,
    name: str,
    kind: str,
    municipalities: Iterable[Municipality],
    started_on: datetime.date | None = None,
    description: str = "",
    organisation: Organisation | None = None,
) -> Pact:
    """Create or update the pact with ``slug``."""
    pact = Pact.objects.filter(slug=slug).first() or Pact(slug=slug)
    pact.name, pact.kind, pact.started_on = name, kind, started_on
    pact.description, pact.organisation = description, organisation
    pact.full_clean()
    pact.save()
    pact.municipalities.set(municipalities)
    return pact


def pact_member_set(
    *, pact: Pact, organisation: Organisation, joined_on: datetime.date, left_on=None
) -> PactMembership:
    """Record that ``organisation`` is (or was) a member of ``pact``."""
    membership, _created = PactMembership.objects.update_or_create(
        pact=pact,
        organisation=organisation,
        defaults={"joined_on": joined_on, "left_on": left_on},
    )
    return membership
