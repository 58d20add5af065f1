"""The second login step (decision 0061): who must pass it, and whether he has, on
HTTP requests and on websockets."""

from __future__ import annotations

from django.conf import settings

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

from pact.constants import Role
from pact.roles.checks import can

# Roles that open case data (through an involvement of their organisation). Pact admins
# and superusers never hold one (decision 0060): their only way in is break-glass.
CASE_ROLES = frozenset({Role.CASE_WORKER, Role.COORDINATOR, Role.REGISSEUR})

# Who reaches case data or the Wagtail admin, and so must pass the second login step
# (decision 0061). With today's matrix that is every role, and superusers.
SECOND_FACTOR_CAPABILITIES = (
    "admin.access",
    "cases.work",
    "cases.view_organisation",
    "cases.regie",
    "cases.break_glass",
    "signals.work",
    "signals.plan",
    "signals.regie",
)


def needs_second_factor(user) -> bool:
    """Must ``user`` pass the second step (TOTP) before anything but logging in?

    Only when ``PACT_REQUIRE_2FA`` is on; then everyone who can reach case data or the
    Wagtail admin: every role of the matrix, superusers and staff, and anyone given the
    admin permission directly.
    """
    if not settings.PACT_REQUIRE_2FA:
        return False
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    if any(can(user, capability) for capability in SECOND_FACTOR_CAPABILITIES):
        return True
    return user.has_perm("wagtailadmin.access_admin")


def second_factor_verified(user, session=None) -> bool:
    """Has ``user`` passed the second step in this session?

    On HTTP requests django-otp's middleware answers (``user.is_verified``). Websockets
    have no such middleware: pass the ``session`` and the device it names is checked
    (it must exist, be confirmed and belong to ``user``).
    """
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and session is None:
        return bool(is_verified())
    if session is None:
        return False
    device_id = session.get(DEVICE_ID_SESSION_KEY)
    if not device_id:
        return False
    device = Device.from_persistent_id(device_id)
    return device is not None and device.user_id == user.pk and device.confirmed


def second_factor_satisfied(user, session=None) -> bool:
    """True unless ``user`` needs the second step and has not passed it."""
    return not needs_second_factor(user) or second_factor_verified(user, session)
