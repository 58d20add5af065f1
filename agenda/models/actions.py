"""Actions, the times they happen (occurrences) and their owning organisations."""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from agenda.constants import (
    OwnerRole,
    ScheduleKind,
    Status,
)
from agenda.models.plans import BuildingBlock, Plan
from agenda.timing import Quarter, Schedule


class Action(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("actieplan"),
        on_delete=models.CASCADE,
        related_name="actions",
    )
    building_block = models.ForeignKey(
        BuildingBlock,
        verbose_name=_("bouwsteen"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        help_text=_("Leeg voor acties die bij het hele plan horen."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("onderdeel van"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sub_actions",
    )
    title = models.CharField(_("actie"), max_length=300)
    description = models.TextField(_("omschrijving"), blank=True)
    timing_text = models.CharField(
        _("planning (zoals in het plan)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Bijvoorbeeld Q1, Q2 2021, Q3 2020 - Q2 2021, 2020 - 2021, Jaarlijks Q3 of Doorlopend."
        ),
    )
    schedule = models.JSONField(_("afgeleide planning"), default=dict, blank=True)
    schedule_kind = models.CharField(
        _("soort planning"),
        max_length=20,
        choices=ScheduleKind.choices,
        default=ScheduleKind.UNKNOWN,
    )
    first_quarter = models.IntegerField(
        _("eerste kwartaal (index)"), null=True, blank=True
    )
    last_quarter = models.IntegerField(
        _("laatste kwartaal (index)"), null=True, blank=True
    )
    timing_needs_review = models.BooleanField(_("planning nakijken"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    status_explanation = models.TextField(_("toelichting op de status"), blank=True)
    progress = models.PositiveSmallIntegerField(
        _("voortgang (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    status_changed_at = models.DateTimeField(
        _("status gewijzigd op"), null=True, blank=True
    )
    is_published = models.BooleanField(
        _("openbaar"),
        default=False,
        help_text=_(
            "Openbare acties en hun ingediende updates zijn zichtbaar voor raadsleden en inwoners."
        ),
    )
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    source_line = models.PositiveIntegerField(
        _("regel in het ingelezen bestand"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    # Set by ``agenda.selectors.attach_owners`` (one query for a page of actions).
    owner_list: list[ActionOwner]
    _owner_ids: set[int]

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        indexes = [
            models.Index(fields=["plan", "building_block", "position"]),
            models.Index(fields=["plan", "first_quarter", "last_quarter"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
                name="agenda_action_progress_percent",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def parsed_schedule(self) -> Schedule:
        return (
            Schedule.from_json(self.schedule)
            if self.schedule
            else Schedule(self.timing_text, ScheduleKind.UNKNOWN)
        )


class ActionOccurrence(models.Model):
    """One time an action happens (one per year for yearly actions), with its status."""

    action = models.ForeignKey(
        Action,
        verbose_name=_("actie"),
        on_delete=models.CASCADE,
        related_name="occurrences",
    )
    key = models.CharField(_("sleutel"), max_length=20)
    year = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    first_quarter = models.IntegerField(_("eerste kwartaal (index)"), null=True)
    due_quarter = models.IntegerField(
        _("af in kwartaal (index)"),
        null=True,
        help_text=_("Leeg voor doorlopende acties en acties zonder planning."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("voortgang (%)"), null=True, blank=True
    )

    class Meta:
        ordering = ["first_quarter", "key"]
        verbose_name = _("keer dat een actie plaatsvindt")
        verbose_name_plural = _("keren dat acties plaatsvinden")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "key"], name="agenda_occurrence_key"
            )
        ]
        indexes = [models.Index(fields=["due_quarter", "status"])]

    def __str__(self) -> str:
        return f"{self.action} ({self.label})"

    @property
    def label(self) -> str:
        if self.year:
            return str(self.year)
        if self.due_quarter is not None:
            return str(Quarter.from_index(self.due_quarter))
        return ""


class ActionOwner(models.Model):
    action = models.ForeignKey(
        Action, verbose_name=_("actie"), on_delete=models.CASCADE, related_name="owners"
    )
    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="agenda_ownerships",
    )
    role = models.CharField(_("rol"), max_length=20, choices=OwnerRole.choices)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("eigenaar van een actie")
        verbose_name_plural = _("eigenaren van acties")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "organisation"], name="agenda_owner_once"
            )
        ]
        indexes = [models.Index(fields=["organisation", "role"])]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.get_role_display()}"
