"""The pact's action agenda: plans, building blocks, actions, owners, rounds, updates.

A ``Plan`` belongs to a pact and runs over a period. Its goals are ``BuildingBlock``s
(bouwstenen), each a main or a side goal, in order. ``Action``s sit under a building block
(or under none: plan-wide actions such as "Evaluatie huidige instrumenten"), optionally
under a parent action. Each action has owners (``ActionOwner``: organisation + role
lead/executing/funding), the plan's words for its timing and the schedule derived from
them (``agenda.timing``), split into ``ActionOccurrence``s: one for a one-off or continuous
action, one per year for a yearly one, each with its own status.

Partners report in ``Round``s (rapportagerondes). In a round each active action expects
one ``Update``: status, progress, a short story, a signal, and ``IndicatorValue``s per
contributing partner. An update is a draft until submitted; the pact admin may return it
with a question; ``UpdateRevision`` keeps every saved, submitted and returned version.
The action's current status and progress are copied from its latest submitted update.

Every state change goes through ``agenda.services``; the rules of who may do what are in
``agenda.permissions``.
"""

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
    Aggregation,
    Direction,
    NotificationKind,
    OwnerRole,
    RevisionKind,
    RoundCadence,
    ScheduleKind,
    Status,
    UpdateState,
)
from agenda.timing import Period, Quarter, Schedule


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


class Notification(models.Model):
    """An in-app message (reminders, returned updates). ``key`` makes sending idempotent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voor"),
        on_delete=models.CASCADE,
        related_name="agenda_notifications",
    )
    kind = models.CharField(_("soort"), max_length=30, choices=NotificationKind.choices)
    key = models.CharField(_("sleutel"), max_length=200)
    round = models.ForeignKey(
        Round,
        verbose_name=_("ronde"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    message = models.TextField(_("bericht"))
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], name="agenda_notification_once"
            )
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.message[:60]
