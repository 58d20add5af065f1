"""Reporting rounds, the update each active action gives in one, and its history."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.constants import (
    SIGNAL_MAX_LENGTH,
    STORY_MAX_LENGTH,
    RevisionKind,
    Status,
    UpdateState,
)
from agenda.models.actions import Action, ActionOccurrence
from agenda.models.plans import Plan
from agenda.timing import Quarter


class Round(models.Model):
    """A reporting round: the period reported on and the window to report in."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("actieplan"),
        on_delete=models.CASCADE,
        related_name="rounds",
    )
    title = models.CharField(_("naam"), max_length=100)
    period_starts_on = models.DateField(_("verslagperiode vanaf"))
    period_ends_on = models.DateField(_("verslagperiode tot en met"))
    opens_on = models.DateField(_("open voor updates vanaf"))
    closes_on = models.DateField(
        _("sluit op"), help_text=_("Uiterste datum voor updates.")
    )
    council_meeting_on = models.DateField(
        _("raadsvergadering"),
        null=True,
        blank=True,
        help_text=_("De vergadering waarvoor de rapportage van deze ronde is bedoeld."),
    )
    closed_at = models.DateTimeField(_("vroeg gesloten op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["period_starts_on", "id"]
        verbose_name = _("rapportageronde")
        verbose_name_plural = _("rapportagerondes")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "period_starts_on"], name="agenda_round_period"
            ),
            models.CheckConstraint(
                condition=Q(period_ends_on__gte=models.F("period_starts_on"))
                & Q(closes_on__gte=models.F("opens_on")),
                name="agenda_round_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def first_quarter(self) -> Quarter:
        return Quarter.from_date(self.period_starts_on)

    @property
    def last_quarter(self) -> Quarter:
        return Quarter.from_date(self.period_ends_on)

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.closed_at is None and self.opens_on <= today <= self.closes_on

    def is_closed(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.closed_at is not None or today > self.closes_on


class Update(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    action = models.ForeignKey(
        Action,
        verbose_name=_("actie"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    round = models.ForeignKey(
        Round, verbose_name=_("ronde"), on_delete=models.CASCADE, related_name="updates"
    )
    occurrence = models.ForeignKey(
        ActionOccurrence,
        verbose_name=_("keer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="updates",
    )
    state = models.CharField(
        _("staat"),
        max_length=20,
        choices=UpdateState.choices,
        default=UpdateState.DRAFT,
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    status_explanation = models.TextField(
        _("toelichting op de status"),
        blank=True,
        help_text=_("Verplicht bij Risico en Vertraagd: wat is er aan de hand?"),
    )
    progress = models.PositiveSmallIntegerField(
        _("voortgang (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Hoe ver is de actie, van 0 tot 100 procent? Leeg als u het niet weet."
        ),
    )
    story = models.TextField(
        _("het verhaal achter de cijfers"),
        max_length=STORY_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Kort: wat is er gedaan, wat heeft het opgeleverd? Geen namen van inwoners."
        ),
    )
    signal = models.TextField(
        _("signaal of probleem"),
        max_length=SIGNAL_MAX_LENGTH,
        blank=True,
        help_text=_("Wat moeten het pact en de raad weten? Leeg als er niets is."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teruggestuurd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    returned_at = models.DateTimeField(_("teruggestuurd op"), null=True, blank=True)
    return_question = models.TextField(_("vraag van de pactbeheerder"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("laatst bewaard op"), default=timezone.now)

    class Meta:
        ordering = ["id"]
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "round"], name="agenda_update_once"
            ),
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
                name="agenda_update_progress_percent",
            ),
        ]
        indexes = [
            models.Index(fields=["round", "state", "status"]),
            models.Index(fields=["round", "state", "submitted_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.action} · {self.round}"


class UpdateRevision(models.Model):
    """History of an update: every save, submission and return, with its content then."""

    update = models.ForeignKey(
        Update,
        verbose_name=_("update"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    kind = models.CharField(_("soort"), max_length=20, choices=RevisionKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("op"), default=timezone.now)
    snapshot = models.JSONField(_("inhoud"), default=dict)
    note = models.TextField(_("vraag of opmerking"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("versie van een update")
        verbose_name_plural = _("versies van updates")

    def __str__(self) -> str:
        return f"{self.update} · {self.get_kind_display()}"
