"""Households and their signals: the delivered file, the household at one address,
each creditor's signal and every attempt to make contact."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vroegsignalering.constants import (
    ArrearsKind,
    AttemptKind,
    DeclineReason,
    HouseholdStatus,
    ImportSource,
    NextStep,
    RoutingReason,
)


class ImportBatch(models.Model):
    """One delivered file: counts only, no rows (those are the signals)."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    municipality = models.ForeignKey(
        "pact.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    source = models.CharField(_("bron"), max_length=20, choices=ImportSource.choices)
    file_name = models.CharField(_("bestandsnaam"), max_length=200, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingelezen door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("ingelezen op"), default=timezone.now)
    rows = models.PositiveIntegerField(_("regels"), default=0)
    signals_new = models.PositiveIntegerField(_("nieuwe signalen"), default=0)
    signals_merged = models.PositiveIntegerField(_("samengevoegde signalen"), default=0)
    households_new = models.PositiveIntegerField(_("nieuwe huishoudens"), default=0)

    class Meta:
        ordering = ["-imported_at", "-id"]
        verbose_name = _("ingelezen bestand")
        verbose_name_plural = _("ingelezen bestanden")

    def __str__(self) -> str:
        return f"{self.municipality} {self.imported_at:%Y-%m-%d %H:%M}"


class Household(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    municipality = models.ForeignKey(
        "pact.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    postcode = models.CharField(_("postcode"), max_length=6)
    house_number = models.CharField(
        _("huisnummer"), max_length=12, help_text=_("Met toevoeging, bijvoorbeeld 12A.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=HouseholdStatus.choices,
        default=HouseholdStatus.NEW,
    )
    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("De partner die dit huishouden benadert."),
    )
    routing_reason = models.CharField(
        _("waarom deze partner"), max_length=20, choices=RoutingReason.choices
    )
    total_amount = models.DecimalField(
        _("totale achterstand"), max_digits=10, decimal_places=2, default=0
    )
    score = models.PositiveIntegerField(_("urgentie"), default=0)
    score_reasons = models.JSONField(
        _("redenen van de urgentie"),
        default=list,
        blank=True,
        help_text=_("Lijst van [code, punten]; de teksten staan in triage.py."),
    )
    has_children = models.BooleanField(
        _("minderjarige kinderen"),
        null=True,
        blank=True,
        help_text=_("Alleen als het bekend is (bijvoorbeeld na een huisbezoek)."),
    )
    earlier_households = models.PositiveIntegerField(
        _("eerdere signalen op dit adres"), default=0
    )
    next_step = models.CharField(
        _("volgende stap"), max_length=20, choices=NextStep.choices
    )
    due_on = models.DateField(_("uiterlijk op"), null=True, blank=True)
    planned_week = models.DateField(
        _("ingepland in de week van"), null=True, blank=True
    )
    planned_step = models.CharField(
        _("ingepland als"),
        max_length=20,
        choices=NextStep.choices,
        blank=True,
        help_text=_(
            "Huisbezoek, bellen of brief: wat de planning binnen de capaciteit gaf."
        ),
    )
    first_signal_on = models.DateField(_("eerste signaal op"))
    last_signal_on = models.DateField(_("laatste signaal op"))
    received_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    first_contact_at = models.DateTimeField(
        _("eerste contact op"), null=True, blank=True
    )
    first_contact_on = models.DateField(
        _("dag van het eerste contact"),
        null=True,
        blank=True,
        help_text=_(
            "De dag van het eerste contact in Nederlandse tijd, voor de cijfers."
        ),
    )
    decline_reason = models.CharField(
        _("reden van afwijzen"),
        max_length=30,
        choices=DeclineReason.choices,
        blank=True,
    )
    case = models.ForeignKey(
        "casusregie.Case",
        verbose_name=_("casus"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), default=timezone.now)

    class Meta:
        ordering = ["-score", "first_signal_on", "id"]
        verbose_name = _("huishouden met signalen")
        verbose_name_plural = _("huishoudens met signalen")
        constraints = [
            # One open household per address: new signals join it.
            models.UniqueConstraint(
                fields=["municipality", "postcode", "house_number"],
                condition=Q(closed_at__isnull=True),
                name="household_one_open_per_address",
            ),
            # Nothing silently dropped: open means a next step with a due date.
            models.CheckConstraint(
                condition=(
                    Q(closed_at__isnull=True)
                    & ~Q(next_step=NextStep.NONE)
                    & Q(due_on__isnull=False)
                )
                | (Q(closed_at__isnull=False) & Q(next_step=NextStep.NONE)),
                name="household_open_has_next_step_and_due_date",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "closed_at", "score"]),
            models.Index(fields=["municipality", "first_signal_on"]),
            # The queue: open households by due date, of a partner or a municipality.
            models.Index(
                fields=["organisation", "due_on"],
                condition=Q(closed_at__isnull=True),
                name="household_open_by_partner",
            ),
            models.Index(
                fields=["municipality", "due_on"],
                condition=Q(closed_at__isnull=True),
                name="household_open_by_municipality",
            ),
            # Earlier households at an address (the importer, for every new one).
            models.Index(
                fields=["municipality", "postcode", "house_number"],
                name="household_address",
            ),
            # The partners of a municipality (figures, capacity used).
            models.Index(
                fields=["municipality", "organisation"],
                name="household_partners",
            ),
            # Capacity used: what a partner planned per week.
            models.Index(
                fields=["organisation", "planned_week", "planned_step"],
                name="household_planned_weeks",
            ),
            # The figures page reads only the index (make bench, vroeg_figures_page).
            models.Index(
                fields=[
                    "municipality",
                    "first_signal_on",
                    "first_contact_on",
                    "status",
                    "planned_step",
                ],
                name="household_figures",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.postcode} {self.house_number}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def address_label(self) -> str:
        return f"{self.postcode[:4]} {self.postcode[4:]} {self.house_number}"


class Signal(models.Model):
    """One creditor's report about one household (merged with its repeats)."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(
        Household,
        verbose_name=_("huishouden"),
        on_delete=models.CASCADE,
        related_name="signals",
    )
    batch = models.ForeignKey(
        ImportBatch,
        verbose_name=_("eerst ingelezen in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
    )
    creditor = models.CharField(_("schuldeiser"), max_length=100)
    kind = models.CharField(_("soort"), max_length=30, choices=ArrearsKind.choices)
    creditor_reference = models.CharField(
        _("kenmerk van de schuldeiser"), max_length=50, blank=True
    )
    amount = models.DecimalField(_("achterstand"), max_digits=10, decimal_places=2)
    months_in_arrears = models.PositiveSmallIntegerField(_("maanden achterstand"))
    signalled_on = models.DateField(_("eerste melding op"))
    last_signalled_on = models.DateField(_("laatste melding op"))
    times_reported = models.PositiveSmallIntegerField(_("aantal meldingen"), default=1)

    class Meta:
        ordering = ["household", "-amount", "id"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="signal_amount_positive"
            ),
        ]
        indexes = [models.Index(fields=["household", "creditor", "kind"])]

    def __str__(self) -> str:
        return f"{self.creditor} · {self.get_kind_display()}"


class Attempt(models.Model):
    """A letter, call or visit, and whether it made contact. No notes: no free text."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    household = models.ForeignKey(
        Household,
        verbose_name=_("huishouden"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    kind = models.CharField(_("soort"), max_length=20, choices=AttemptKind.choices)
    by_peer = models.BooleanField(_("door een ervaringsdeskundige"), default=False)
    contact_made = models.BooleanField(_("contact gehad"), default=False)
    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("namens"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    made_at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        ordering = ["household", "made_at", "id"]
        verbose_name = _("poging tot contact")
        verbose_name_plural = _("pogingen tot contact")
        indexes = [
            models.Index(fields=["household", "kind"], name="attempt_household_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.made_at:%Y-%m-%d}"
