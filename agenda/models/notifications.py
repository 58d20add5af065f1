"""In-app notifications: reminders and returned updates."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.constants import (
    NotificationKind,
)
from agenda.models.rounds import Round


class Notification(models.Model):
    """An in-app message (reminders, returned updates). ``key`` makes sending idempotent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voor"),
        on_delete=models.CASCADE,
        related_name="agenda_notifications",
    )
    kind = models.CharField(_("soort"), max_length=30, choices=NotificationKind.choices)
    key = models.CharField(_("sleutel"), max_length=200)
    round = models.ForeignKey(
        Round,
        verbose_name=_("ronde"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    message = models.TextField(_("bericht"))
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], name="agenda_notification_once"
            )
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.message[:60]
