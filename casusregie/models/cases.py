"""The case itself, the resident's goals in his own words, and the notes on it."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casusregie.constants import (
    CaseOutcome,
    CaseStatus,
    Complexity,
    GoalStatus,
    ResidentRegie,
)


class Case(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(
        _("kenmerk"),
        max_length=20,
        unique=True,
        help_text=_("Het kenmerk van de casus, bijvoorbeeld CR-2026-00042."),
    )
    label = models.CharField(
        _("naam van het huishouden"),
        max_length=80,
        help_text=_(
            "Een roepnaam of schuilnaam voor het huishouden, bijvoorbeeld 'Fam. Zonnebloem'. "
            "Geen BSN, geen volledige naam en geen adres."
        ),
    )
    municipality = models.ForeignKey(
        "pact.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    complexity = models.CharField(
        _("complexiteit"),
        max_length=20,
        choices=Complexity.choices,
        default=Complexity.SINGLE,
    )
    resident_regie = models.CharField(
        _("regie van de inwoner"),
        max_length=20,
        choices=ResidentRegie.choices,
        default=ResidentRegie.SHARES,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.REGISTERED,
    )
    outcome = models.CharField(
        _("uitkomst"), max_length=30, choices=CaseOutcome.choices, blank=True
    )
    lead_organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("regiehouder"),
        on_delete=models.PROTECT,
        related_name="led_cases",
        help_text=_("De organisatie die nu de regie heeft (altijd precies één)."),
    )
    lead_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("casusbehandelaar van de regiehouder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_cases",
    )
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("bijgewerkt op"), default=timezone.now)
    first_contact_at = models.DateTimeField(
        _("eerste contact op"), null=True, blank=True
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        default_permissions = ()
        # The codenames are the actions of casusregie/permissions.py.
        permissions = [
            ("view_case", _("Casus inzien")),
            ("edit_case", _("Casus bijwerken (doelen, notities, toestemming)")),
            ("hand_over_case", _("Regie overdragen en partners betrekken")),
            ("close_case", _("Casus afsluiten")),
            ("view_case_log", _("Zien wie de casus heeft ingezien")),
            ("export_case", _("Casus exporteren voor de inwoner")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(status=CaseStatus.CLOSED)
                    & Q(closed_at__isnull=False)
                    & ~Q(outcome="")
                )
                | (
                    ~Q(status=CaseStatus.CLOSED)
                    & Q(closed_at__isnull=True)
                    & Q(outcome="")
                ),
                name="case_closed_has_outcome_and_date",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "closed_at"]),
            models.Index(fields=["lead_organisation", "status"]),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED


class Goal(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        Case, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="goals"
    )
    text = models.CharField(
        _("doel in de woorden van de inwoner"),
        max_length=300,
        help_text=_("Schrijf op wat de inwoner zelf zegt, in zijn woorden."),
    )
    position = models.PositiveIntegerField(
        _("prioriteit"), default=1, help_text=_("1 is het belangrijkste doel.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.OPEN
    )
    lead_organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("trekker van dit doel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("toegevoegd op"), default=timezone.now)
    updated_at = models.DateTimeField(_("bijgewerkt op"), default=timezone.now)

    class Meta:
        ordering = ["case", "position", "id"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return self.text


class Note(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        Case, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geschreven door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("namens"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("notitie"), max_length=2000)
    created_at = models.DateTimeField(_("geschreven op"), default=timezone.now)

    class Meta:
        ordering = ["case", "-created_at", "-id"]
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")

    def __str__(self) -> str:
        return f"{self.case} · {self.created_at:%Y-%m-%d}"
