"""Where households go: routing rules, the partners' known clients (a keyed hash) and
each partner's weekly capacity."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroegsignalering.constants import RoutingCondition


class RoutingRule(models.Model):
    """Per municipality, in order: the first rule that fits a household routes it."""

    municipality = models.ForeignKey(
        "pact.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    condition = models.CharField(
        _("voorwaarde"), max_length=20, choices=RoutingCondition.choices
    )
    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("naar partner"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewijzigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    class Meta:
        ordering = ["municipality", "position", "id"]
        verbose_name = _("routeringsregel")
        verbose_name_plural = _("routeringsregels")

    def __str__(self) -> str:
        return f"{self.municipality} {self.position}: {self.organisation}"


class KnownClient(models.Model):
    """ "This address is a client of ``organisation``", as a keyed hash of the address.

    Delivered by the partner itself (GKB, WPDA); replaced as a whole on every delivery.
    The platform can answer "known to us" for an address it already has, and nothing
    else: not who, not why, and it cannot list the addresses.
    """

    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    key = models.CharField(_("sleutel"), max_length=64)

    class Meta:
        verbose_name = _("bekend huishouden")
        verbose_name_plural = _("bekende huishoudens")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"], name="known_client_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.key[:8]}"


class PartnerCapacity(models.Model):
    """How many home visits and calls a partner can do per week for signals."""

    organisation = models.OneToOneField(
        "pact.Organisation",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    visits_per_week = models.PositiveSmallIntegerField(
        _("huisbezoeken per week"), default=0
    )
    calls_per_week = models.PositiveSmallIntegerField(
        _("telefoongesprekken per week"), default=0
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewijzigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("capaciteit")
        verbose_name_plural = _("capaciteit")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.visits_per_week} / {self.calls_per_week}"
