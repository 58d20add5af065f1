"""Recovery codes (herstelcodes) for the second login step.

People with a case role log in with a code from an authenticator app (TOTP). When the
phone is lost, broken or at home, a recovery code takes its place once. The codes:

* are made when the app is linked (``RECOVERY_CODE_COUNT`` of them) and again whenever
  the person asks; making new codes deletes every old one;
* live in django-otp's static device (one per person, ``RECOVERY_DEVICE_NAME``); a code
  is deleted when it is used, so it works once;
* are shown once, on the page that makes them (to print or download), and never logged.
  The access log records only *that* codes were made, replaced, used or wrongly entered,
  and how many are left: no codes, no case, nothing about a resident.

Wrong codes count towards django-otp's throttling of the static device
(``OTP_STATIC_THROTTLE_FACTOR``): each failure doubles the wait before the next try.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from casusregie.constants import RECOVERY_CODE_COUNT, AuditAction
from casusregie.services.audit import audit_record
from casusregie.services.errors import NotAllowed

RECOVERY_DEVICE_NAME = "Herstelcodes"


def format_code(code: str) -> str:
    """``abcdefgh`` as ``abcd-efgh``: easier to read aloud and to type over."""
    return f"{code[:4]}-{code[4:]}" if len(code) > 4 else code


def normalise_code(typed: str) -> str:
    """What the person typed, as stored: lower case, without spaces and hyphens."""
    return "".join(typed.split()).replace("-", "").lower()


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).first()


def recovery_codes_left(user) -> int:
    """How many unused recovery codes ``user`` has (0 without any)."""
    return StaticToken.objects.filter(
        device__user=user, device__name=RECOVERY_DEVICE_NAME
    ).count()


@transaction.atomic
def recovery_codes_replace(*, actor, request=None) -> list[str]:
    """Make ``RECOVERY_CODE_COUNT`` new recovery codes for ``actor``; old ones stop
    working. Returns the codes (formatted) to show once; they are not kept anywhere
    else in plain sight.

    Only for a person with a linked app (confirmed TOTP device): the codes back up the
    app. Raises ``NotAllowed`` otherwise. Logs ``RECOVERY_CODES_CREATED`` the first time
    and ``RECOVERY_CODES_REPLACED`` after that.
    """
    if not TOTPDevice.objects.filter(user=actor, confirmed=True).exists():
        raise NotAllowed(_("Koppel eerst een app voor de tweede stap."))
    device, created = StaticDevice.objects.select_for_update().get_or_create(
        user=actor, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes: set[str] = set()
    while len(codes) < RECOVERY_CODE_COUNT:
        codes.add(StaticToken.random_token())
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in sorted(codes)
    )
    device.throttle_reset()
    audit_record(
        actor=actor,
        action=AuditAction.RECOVERY_CODES_CREATED
        if created
        else AuditAction.RECOVERY_CODES_REPLACED,
        request=request,
        detail={"codes": RECOVERY_CODE_COUNT},
    )
    return [format_code(code) for code in sorted(codes)]


@transaction.atomic
def recovery_code_use(*, actor, code: str, request=None) -> StaticDevice | None:
    """Check a recovery code ``actor`` typed and use it up.

    Returns the static device (for ``django_otp.login``) when the code was right, and
    ``None`` when it was wrong, unknown, already used, or when django-otp's throttling
    asks to wait. A right code is deleted in the same transaction, so two requests with
    one code cannot both pass. Logs ``RECOVERY_CODE_USED`` or
    ``RECOVERY_CODE_REJECTED`` with the number of codes left.
    """
    device = (
        StaticDevice.objects.select_for_update()
        .filter(user=actor, name=RECOVERY_DEVICE_NAME, confirmed=True)
        .first()
    )
    if device is None:
        audit_record(
            actor=actor,
            action=AuditAction.RECOVERY_CODE_REJECTED,
            request=request,
            detail={"left": 0},
        )
        return None
    allowed, _throttled = device.verify_is_allowed()
    typed = normalise_code(code)
    used = False
    if allowed and typed:
        deleted, _per_model = device.token_set.filter(token=typed).delete()
        used = deleted > 0
    if used:
        device.throttle_reset()
    elif allowed:
        device.throttle_increment()
    left = device.token_set.count()
    audit_record(
        actor=actor,
        action=AuditAction.RECOVERY_CODE_USED
        if used
        else AuditAction.RECOVERY_CODE_REJECTED,
        request=request,
        detail={"left": left},
    )
    return device if used else None
