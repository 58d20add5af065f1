"""API keys for creditors: made and revoked by the municipality's regisseur (or a
command), checked by the API. Only a hash is kept; the key is shown once."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pact.models import Municipality
from vroegsignalering import permissions
from vroegsignalering.models import CreditorKey
from vroegsignalering.services.common import NotAllowed, log_change

PREFIX_LENGTH = 8


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def creditor_key_create(
    *, municipality: Municipality, creditor: str, actor
) -> tuple[CreditorKey, str]:
    """Make a key for ``creditor`` in ``municipality``; returns the row and the key
    itself (show it once; it cannot be read back)."""
    if actor is not None and not permissions.may_import(actor, municipality):
        raise NotAllowed(_("U leest geen signalen in voor deze gemeente."))
    creditor = creditor.strip()[:100]
    key = "vs_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        row = CreditorKey.objects.create(
            municipality=municipality,
            creditor=creditor,
            prefix=key[3 : 3 + PREFIX_LENGTH],
            key_hash=_hash(key),
            created_by=actor,
        )
        log_change(actor=actor, household=None, step="creditor_key.create")
    return row, key


def creditor_key_revoke(*, key: CreditorKey, actor) -> CreditorKey:
    if actor is not None and not permissions.may_import(actor, key.municipality):
        raise NotAllowed(_("U leest geen signalen in voor deze gemeente."))
    with transaction.atomic():
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        log_change(actor=actor, household=None, step="creditor_key.revoke")
    return key


def creditor_key_check(key: str) -> CreditorKey | None:
    """The active key row for ``key``, or None (unknown, revoked or malformed look
    the same). Compares hashes in constant time; records the use."""
    if not key.startswith("vs_") or len(key) < 3 + PREFIX_LENGTH:
        return None
    row = (
        CreditorKey.objects.select_related("municipality")
        .filter(prefix=key[3 : 3 + PREFIX_LENGTH], revoked_at__isnull=True)
        .first()
    )
    if row is None or not secrets.compare_digest(row.key_hash, _hash(key)):
        return None
    CreditorKey.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
    return row
