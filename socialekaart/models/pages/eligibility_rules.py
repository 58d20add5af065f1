"""Who qualifies for an offering: its rules, one per group of municipalities (the
matching is ``socialekaart.eligibility``)."""

from __future__ import annotations

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from socialekaart.constants import AgeSubject, BenefitPeriod, BenefitUnit, HouseholdType
from socialekaart.fields import ChoiceListField
from socialekaart.models.pages.service import ServicePage


class EligibilityRule(Orderable, ClusterableModel):
    """Who qualifies for a service in some municipalities.

    Every condition left empty does not count. A resident qualifies under a rule when
    all its conditions hold; for a service, when one of the rules for the resident's
    municipality holds (see ``socialekaart.eligibility``).
    """

    page = ParentalKey(
        ServicePage,
        verbose_name=_("hulpaanbod"),
        on_delete=models.CASCADE,
        related_name="eligibility_rules",
    )
    uuid = models.UUIDField(
        _("UUID"), default=uuid.uuid4, editable=False, db_index=True
    )
    municipalities = ParentalManyToManyField(
        "pact.Municipality",
        verbose_name=_("gemeenten"),
        related_name="+",
        blank=True,
        help_text=_("Leeg: in het hele werkgebied."),
    )
    income_limit_percent = models.PositiveSmallIntegerField(
        _("inkomensgrens (% van het sociaal minimum)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(400)],
        help_text=_("Bijvoorbeeld 120. Leeg: geen inkomensgrens."),
    )
    household_types = ChoiceListField(
        _("huishoudens"),
        choices=HouseholdType.choices,
        help_text=_("Leeg: alle huishoudens."),
    )
    age_subject = models.CharField(
        _("de leeftijd geldt voor"),
        max_length=20,
        choices=AgeSubject.choices,
        default=AgeSubject.APPLICANT,
    )
    min_age = models.PositiveSmallIntegerField(
        _("minimumleeftijd"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximumleeftijd (tot en met)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("Tot 18 jaar? Vul dan 17 in."),
    )
    min_low_income_years = models.PositiveSmallIntegerField(
        _("minstens zoveel jaar een laag inkomen"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(50)],
        help_text=_("Bijvoorbeeld 3 voor de individuele inkomenstoeslag."),
    )
    benefit = models.CharField(
        _("wat krijgt u onder deze regel?"),
        max_length=200,
        blank=True,
        help_text=_("Alleen als het per regel verschilt, bijv. € 350 per kind."),
    )

    benefit_amount = models.DecimalField(
        _("bedrag in euro"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Alleen als het bedrag vastligt, bijv. 350. Dan ziet de inwoner bij "
            '"Wat past bij mij?" wat hij ongeveer per jaar krijgt.'
        ),
    )
    benefit_period = models.CharField(
        _("hoe vaak"),
        max_length=20,
        choices=BenefitPeriod.choices,
        default=BenefitPeriod.YEAR,
    )
    benefit_unit = models.CharField(
        _("voor wie"),
        max_length=20,
        choices=BenefitUnit.choices,
        default=BenefitUnit.HOUSEHOLD,
        help_text=_("Per kind: voor elk kind binnen de leeftijdsgrenzen van de regel."),
    )

    panels = [
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("income_limit_percent"),
        FieldPanel("household_types"),
        FieldRowPanel(
            [FieldPanel("age_subject"), FieldPanel("min_age"), FieldPanel("max_age")]
        ),
        FieldPanel("min_low_income_years"),
        FieldPanel("benefit"),
        FieldRowPanel(
            [
                FieldPanel("benefit_amount"),
                FieldPanel("benefit_period"),
                FieldPanel("benefit_unit"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("regel")
        verbose_name_plural = _("regels")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(max_age__gte=models.F("min_age")),
                name="eligibility_rule_age_order",
            )
        ]

    def __str__(self) -> str:
        return str(_("Regel %(number)s")) % {"number": (self.sort_order or 0) + 1}

    def clean(self) -> None:
        if (
            self.min_age is not None
            and self.max_age is not None
            and self.max_age < self.min_age
        ):
            raise ValidationError(
                {"max_age": _("De maximumleeftijd is lager dan de minimumleeftijd.")}
            )
