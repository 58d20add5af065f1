"""What the network sets: routing rules (regisseur), capacity (coordinator), the
partners' lists of known clients (the partner, by command)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pact.models import Municipality, Organisation
from vroegsignalering import permissions
from vroegsignalering.constants import RoutingCondition
from vroegsignalering.models import KnownClient, PartnerCapacity, RoutingRule
from vroegsignalering.services.common import NotAllowed, log_change
from vroegsignalering.services.routing import address_key


def routing_rule_add(
    *,
    municipality: Municipality,
    actor,
    organisation: Organisation,
    condition: str,
    position: int,
) -> RoutingRule:
    """Add a rule for ``municipality`` (its regisseur). The partner must work there."""
    if actor is not None and not permissions.may_edit_rules(actor, municipality):
        raise NotAllowed(_("U stelt de regels voor deze gemeente niet in."))
    if condition not in RoutingCondition.values:
        raise ValidationError(_("Kies een voorwaarde uit de lijst."))
    if not organisation.municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError(
            _("%(organisation)s werkt niet in %(municipality)s.")
            % {"organisation": organisation, "municipality": municipality}
        )
    with transaction.atomic():
        rule = RoutingRule(
            municipality=municipality,
            organisation=organisation,
            condition=condition,
            position=position,
            changed_by=actor,
            changed_at=timezone.now(),
        )
        rule.full_clean()
        rule.save()
        log_change(actor=actor, household=None, step="rule.add")
    return rule


def routing_rule_remove(*, rule: RoutingRule, actor) -> None:
    if actor is not None and not permissions.may_edit_rules(actor, rule.municipality):
        raise NotAllowed(_("U stelt de regels voor deze gemeente niet in."))
    with transaction.atomic():
        rule.delete()
        log_change(actor=actor, household=None, step="rule.remove")


def capacity_set(
    *, organisation: Organisation, actor, visits_per_week: int, calls_per_week: int
) -> PartnerCapacity:
    """Set the partner's weekly capacity (its coordinator). Applies to the next
    planning; what is already planned stays."""
    if actor is not None and not permissions.may_set_capacity(actor, organisation):
        raise NotAllowed(_("U stelt de capaciteit van deze organisatie niet in."))
    for value in (visits_per_week, calls_per_week):
        if value < 0 or value > 1000:
            raise ValidationError(_("Vul een aantal tussen 0 en 1000 in."))
    with transaction.atomic():
        capacity, _created = PartnerCapacity.objects.update_or_create(
            organisation=organisation,
            defaults={
                "visits_per_week": visits_per_week,
                "calls_per_week": calls_per_week,
                "changed_by": actor,
                "changed_at": timezone.now(),
            },
        )
        log_change(actor=actor, household=None, step="capacity")
    return capacity


def known_clients_replace(
    *, organisation: Organisation, addresses: Iterable[tuple[str, str]]
) -> int:
    """Replace the partner's list of known addresses (postcode, house number) by their
    keyed hashes. Run by the partner's own delivery (``manage.py
    signals_known_clients``); the addresses themselves are not stored."""
    keys = {address_key(postcode, number) for postcode, number in addresses}
    with transaction.atomic():
        KnownClient.objects.filter(organisation=organisation).delete()
        KnownClient.objects.bulk_create(
            [KnownClient(organisation=organisation, key=key) for key in sorted(keys)]
        )
    return len(keys)
