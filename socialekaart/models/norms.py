"""The norm table: the statutory social minimum (Wsm) per household type.

Income limits of offerings are percentages of the Wsm ("tot 120% van het sociaal
minimum"). Residents understand euros, so every percentage is shown as euros per month
for their household, from the period valid on the day of the question. The amounts
change on 1 January and 1 July; pact admins add a period each time. A period is valid
from ``valid_from`` until the day before the next period starts (or ``valid_until``).

Amounts are net per month, without holiday pay, at 100%. See docs/decisions/0012-*.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from socialekaart.constants import HouseholdType
from socialekaart.forms_admin import NormPeriodForm


class NormPeriod(ClusterableModel):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    valid_from = models.DateField(
        _("geldig vanaf"),
        unique=True,
        help_text=_("De normbedragen veranderen op 1 januari en 1 juli."),
    )
    valid_until = models.DateField(
        _("geldig tot en met"),
        null=True,
        blank=True,
        help_text=_("Leeg: tot de volgende periode begint."),
    )
    source = models.CharField(
        _("bron"),
        max_length=300,
        blank=True,
        help_text=_("Waar komen de bedragen vandaan? Bijvoorbeeld de normenbrief."),
    )

    panels = [
        FieldPanel("valid_from"),
        FieldPanel("valid_until"),
        FieldPanel("source"),
        InlinePanel("amounts", label=_("Bedragen per huishouden"), min_num=1),
    ]
    base_form_class = NormPeriodForm

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("normbedragen (sociaal minimum)")
        verbose_name_plural = _("normbedragen (sociaal minimum)")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="norm_period_until_after_from",
            )
        ]

    def __str__(self) -> str:
        return str(_("Sociaal minimum vanaf %(date)s")) % {
            "date": self.valid_from.strftime("%d-%m-%Y")
        }

    def clean(self) -> None:
        if self.valid_from and (self.valid_from.day, self.valid_from.month) not in {
            (1, 1),
            (1, 7),
        }:
            raise ValidationError(
                {
                    "valid_from": _(
                        "Een periode begint op 1 januari of 1 juli, zoals de wettelijke "
                        "bedragen."
                    )
                }
            )
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("De einddatum ligt voor de begindatum.")}
            )


class NormAmount(Orderable):
    period = ParentalKey(
        NormPeriod,
        verbose_name=_("periode"),
        on_delete=models.CASCADE,
        related_name="amounts",
    )
    household_type = models.CharField(
        _("huishouden"), max_length=30, choices=HouseholdType.choices
    )
    amount = models.DecimalField(
        _("bedrag per maand (100%)"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("Netto per maand, zonder vakantiegeld."),
    )

    panels = [FieldPanel("household_type"), FieldPanel("amount")]

    class Meta(Orderable.Meta):
        verbose_name = _("normbedrag")
        verbose_name_plural = _("normbedragen")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "household_type"], name="norm_amount_unique_household"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_household_type_display()}: € {self.amount}"
