"""What the network's services share."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class NotAllowed(PermissionDenied):
    """The acting person may not do this."""


def _forget_cached_roles(user) -> None:
    user.__dict__.pop("_pact_roles", None)
