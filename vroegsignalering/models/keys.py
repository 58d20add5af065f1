"""API keys with which creditors deliver signals."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CreditorKey(models.Model):
    """An API key with which one creditor delivers signals for one municipality.

    Only a SHA-256 hash of the key is stored (the key is 32 random bytes, shown once
    when made); ``prefix`` finds the row. The creditor's name comes from the key, so a
    key cannot deliver signals in another creditor's name.
    """

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    municipality = models.ForeignKey(
        "pact.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    creditor = models.CharField(_("schuldeiser"), max_length=100)
    prefix = models.CharField(_("begin van de sleutel"), max_length=12, unique=True)
    key_hash = models.CharField(_("hash van de sleutel"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)

    class Meta:
        ordering = ["municipality", "creditor", "-created_at"]
        verbose_name = _("API-sleutel van een schuldeiser")
        verbose_name_plural = _("API-sleutels van schuldeisers")

    def __str__(self) -> str:
        return f"{self.creditor} · {self.municipality} · {self.prefix}"
