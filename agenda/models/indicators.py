"""Indicators of an action and the values partners report for them in an update."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from agenda.constants import (
    Aggregation,
    Direction,
)
from agenda.models.actions import Action
from agenda.models.rounds import Update


class Indicator(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    action = models.ForeignKey(
        Action,
        verbose_name=_("actie"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    name = models.CharField(_("naam"), max_length=200)
    unit = models.CharField(
        _("eenheid"),
        max_length=40,
        blank=True,
        help_text=_("Bijvoorbeeld gesprekken, %, huishoudens."),
    )
    baseline = models.DecimalField(
        _("nulmeting"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_label = models.CharField(
        _("nulmeting: wanneer"),
        max_length=40,
        blank=True,
        help_text=_("Bijvoorbeeld 2019."),
    )
    target = models.DecimalField(
        _("doel"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target_label = models.CharField(_("doel: wanneer"), max_length=40, blank=True)
    direction = models.CharField(
        _("richting"), max_length=10, choices=Direction.choices, default=Direction.UP
    )
    aggregation = models.CharField(
        _("partners samen"),
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
        help_text=_("Aantallen tel je op; percentages middel je."),
    )
    description = models.TextField(_("omschrijving"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "name"], name="agenda_indicator_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="values",
    )
    update = models.ForeignKey(
        Update,
        verbose_name=_("update"),
        on_delete=models.CASCADE,
        related_name="values",
    )
    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="agenda_indicator_values",
    )
    value = models.DecimalField(_("waarde"), max_digits=12, decimal_places=2)
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("waarde van een indicator")
        verbose_name_plural = _("waarden van indicatoren")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "update", "organisation"],
                name="agenda_indicator_value_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"
