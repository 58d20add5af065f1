"""What is left of purged households: anonymous counts."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PurgedTally(models.Model):
    """What is left of purged households: anonymous counts per municipality and month."""

    municipality = models.ForeignKey(
        "pact.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    month = models.DateField(_("maand"), help_text=_("De eerste dag van de maand."))
    households = models.PositiveIntegerField(_("huishoudens"), default=0)
    signals = models.PositiveIntegerField(_("signalen"), default=0)
    reached = models.PositiveIntegerField(_("contact gehad"), default=0)
    accepted = models.PositiveIntegerField(_("hulp aanvaard"), default=0)
    letters_only = models.PositiveIntegerField(_("alleen een brief"), default=0)
    by_kind = models.JSONField(_("signalen per soort"), default=dict)
    by_creditor = models.JSONField(_("signalen per schuldeiser"), default=dict)
    days_to_first_contact = models.JSONField(
        _("dagen tot eerste contact"), default=list
    )
    purged_at = models.DateTimeField(_("verwijderd op"), default=timezone.now)

    class Meta:
        ordering = ["municipality", "month", "id"]
        verbose_name = _("telling na verwijderen")
        verbose_name_plural = _("tellingen na verwijderen")

    def __str__(self) -> str:
        return f"{self.municipality} {self.month:%Y-%m}"
