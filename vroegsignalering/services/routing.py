"""Routing: which partner approaches a household.

The municipality's rules (``RoutingRule``), in order; the first that fits wins:
"known to GKB" sends a household the credit bank already helps to the credit bank,
"alle andere huishoudens" sends the rest to the neighbourhood team. Whether a partner
knows an address is a keyed hash lookup (``KnownClient``): one yes or no, no reason.
"""

from __future__ import annotations

from django.utils.crypto import salted_hmac

from pact.models import Municipality, Organisation
from vroegsignalering.constants import RoutingCondition, RoutingReason
from vroegsignalering.models import KnownClient, RoutingRule

KEY_SALT = "vroegsignalering.known-client"


def address_key(postcode: str, house_number: str) -> str:
    """The keyed hash of an address (derived from ``SECRET_KEY``: when that key is
    replaced, the partners deliver their lists again)."""
    value = (
        f"{postcode.replace(' ', '').upper()}|{house_number.replace(' ', '').upper()}"
    )
    return salted_hmac(KEY_SALT, value, algorithm="sha256").hexdigest()


def is_known_to(organisation: Organisation, postcode: str, house_number: str) -> bool:
    return KnownClient.objects.filter(
        organisation=organisation, key=address_key(postcode, house_number)
    ).exists()


def routing_is_complete(municipality: Municipality) -> bool:
    return RoutingRule.objects.filter(
        municipality=municipality, condition=RoutingCondition.EVERYONE
    ).exists()


def route(
    municipality: Municipality, postcode: str, house_number: str
) -> tuple[Organisation, str]:
    """The partner for this address and why (a ``RoutingReason``). The caller made sure
    an "everyone else" rule exists (``routing_is_complete``)."""
    rules = RoutingRule.objects.filter(municipality=municipality).select_related(
        "organisation"
    )
    for rule in rules:
        if rule.condition == RoutingCondition.EVERYONE:
            return rule.organisation, RoutingReason.RULE
        if is_known_to(rule.organisation, postcode, house_number):
            return rule.organisation, RoutingReason.KNOWN_CLIENT
    raise LookupError(f"No 'everyone else' routing rule in {municipality}")
