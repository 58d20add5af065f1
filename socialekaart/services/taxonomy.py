"""Categories and target groups of the pact's taxonomy."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from socialekaart.models import Category, TargetGroup
from socialekaart.permissions import NotAllowed, can_manage_taxonomy


def _upsert(model, *, slug, name, description, sort_order, actor, uuid=None):
    if actor is not None and not can_manage_taxonomy(actor):
        raise NotAllowed(_("Alleen pactbeheerders beheren de indeling."))
    term = model.objects.filter(slug=slug).first() or model(slug=slug)
    if term.pk is None and uuid is not None:
        term.uuid = uuid  # a new term keeps the id it has elsewhere (HSDS term id)
    wanted = {"name": name, "description": description, "sort_order": sort_order}
    if term.pk is None or any(
        getattr(term, key) != value for key, value in wanted.items()
    ):
        for key, value in wanted.items():
            setattr(term, key, value)
        term.full_clean()
        term.save()
    return term


@transaction.atomic
def category_upsert(
    *,
    slug: str,
    name: str,
    description: str = "",
    sort_order: int = 100,
    actor=None,
    uuid: str | None = None,
):
    """Create or update the category ``slug``; idempotent. ``uuid``: the id a new
    category gets (its HSDS taxonomy term id elsewhere). Raises ``NotAllowed``."""
    return _upsert(
        Category,
        uuid=uuid,
        slug=slug,
        name=name,
        description=description,
        sort_order=sort_order,
        actor=actor,
    )


@transaction.atomic
def target_group_upsert(
    *,
    slug: str,
    name: str,
    description: str = "",
    sort_order: int = 100,
    actor=None,
    uuid: str | None = None,
):
    """Create or update the target group ``slug``; idempotent. Raises ``NotAllowed``."""
    return _upsert(
        TargetGroup,
        uuid=uuid,
        slug=slug,
        name=name,
        description=description,
        sort_order=sort_order,
        actor=actor,
    )
