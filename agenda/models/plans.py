"""Plans and their building blocks (bouwstenen): the goals an action sits under."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from agenda.constants import (
    RoundCadence,
)
from agenda.timing import Period


class Plan(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    pact = models.ForeignKey(
        "pact.Pact",
        verbose_name=_("pact"),
        on_delete=models.PROTECT,
        related_name="agenda_plans",
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("korte naam in adressen"), max_length=100)
    description = models.TextField(_("omschrijving"), blank=True)
    starts_on = models.DateField(_("begint op"))
    ends_on = models.DateField(_("eindigt op"))
    cadence = models.CharField(
        _("rapportageritme"),
        max_length=20,
        choices=RoundCadence.choices,
        default=RoundCadence.QUARTERLY,
    )
    is_published = models.BooleanField(
        _("openbaar"),
        default=False,
        help_text=_(
            "Raadsleden en inwoners zien het plan en de gepubliceerde acties zonder in te loggen."
        ),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["pact__name", "-starts_on"]
        verbose_name = _("actieplan")
        verbose_name_plural = _("actieplannen")
        constraints = [
            models.UniqueConstraint(fields=["pact", "slug"], name="agenda_plan_slug"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="agenda_plan_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def period(self) -> Period:
        return Period.from_dates(self.starts_on, self.ends_on)


class BuildingBlock(models.Model):
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("actieplan"),
        on_delete=models.CASCADE,
        related_name="building_blocks",
    )
    number = models.PositiveSmallIntegerField(
        _("nummer"), help_text=_("Het nummer van de bouwsteen in het plan.")
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    is_main_goal = models.BooleanField(
        _("hoofddoel"),
        default=False,
        help_text=_(
            "Hoofddoelen staan vooraan in overzichten en rapportages; de andere "
            "bouwstenen zijn bijzaken (nevendoelen)."
        ),
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    needs_title = models.BooleanField(
        _("titel ontbreekt"),
        default=False,
        help_text=_(
            "Gemaakt bij het inlezen van een tabel zonder titel; staat op de pagina "
            "datakwaliteit tot iemand een titel geeft."
        ),
    )

    class Meta:
        ordering = ["position", "number"]
        verbose_name = _("bouwsteen")
        verbose_name_plural = _("bouwstenen")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="agenda_building_block_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"
