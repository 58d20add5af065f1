"""Vroegsignalering: early signals of payment arrears, one household at a time.

Creditors (housing corporations, energy and water companies, health insurers, the
municipality's tax office, the Belastingdienst) report payment arrears to the
municipality (Wgs art. 3, Besluit gemeentelijke schuldhulpverlening §2). A **signal**
(``Signal``) is one creditor's report about one address; reports of the same creditor
within ``MERGE_PERIOD_DAYS`` merge. All open signals at one address make one
**household** (``Household``) with the total arrears, a transparent **score** with its
reasons, the partner it is **routed** to and a **next step with a due date**:

    nieuw → ingepland (huisbezoek / bellen / brief) → brief verstuurd → in contact
          → hulp aanvaard (a case in casusregie) | hulp afgewezen (reason) | geen contact

Data minimisation: an address is postcode and house number only (enough for a letter
"aan de bewoners van"), never a name, BSN, phone number or free text. Households that
led to no help are deleted after the retention period, leaving anonymous counts
(``PurgedTally``). Which partner knows a household is a keyed hash (``KnownClient``): the
platform learns "known to GKB", never why.
"""

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
    RoutingCondition,
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


class PurgedTally(models.Model):
    """What is left of purged households: anonymous counts per municipality and month."""

    municipality = models.ForeignKey(
        "pact.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    month = models.DateField(_("maand"), help_text=_("De eerste dag van de maand."))
    households = models.PositiveIntegerField(_("huishoudens"), default=0)
    signals = models.PositiveIntegerField(_("signalen"), default=0)
    reached = models.PositiveIntegerField(_("contact gehad"), default=0)
    accepted = models.PositiveIntegerField(_("hulp aanvaard"), default=0)
    letters_only = models.PositiveIntegerField(_("alleen een brief"), default=0)
    by_kind = models.JSONField(_("signalen per soort"), default=dict)
    by_creditor = models.JSONField(_("signalen per schuldeiser"), default=dict)
    days_to_first_contact = models.JSONField(
        _("dagen tot eerste contact"), default=list
    )
    purged_at = models.DateTimeField(_("verwijderd op"), default=timezone.now)

    class Meta:
        ordering = ["municipality", "month", "id"]
        verbose_name = _("telling na verwijderen")
        verbose_name_plural = _("tellingen na verwijderen")

    def __str__(self) -> str:
        return f"{self.municipality} {self.month:%Y-%m}"


class CreditorKey(models.Model):
    """An API key with which one creditor delivers signals for one municipality.

    Only a SHA-256 hash of the key is stored (the key is 32 random bytes, shown once
    when made); ``prefix`` finds the row. The creditor's name comes from the key, so a
    key cannot deliver signals in another creditor's name.
    """

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    municipality = models.ForeignKey(
        "pact.Municipality",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    creditor = models.CharField(_("schuldeiser"), max_length=100)
    prefix = models.CharField(_("begin van de sleutel"), max_length=12, unique=True)
    key_hash = models.CharField(_("hash van de sleutel"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)

    class Meta:
        ordering = ["municipality", "creditor", "-created_at"]
        verbose_name = _("API-sleutel van een schuldeiser")
        verbose_name_plural = _("API-sleutels van schuldeisers")

    def __str__(self) -> str:
        return f"{self.creditor} · {self.municipality} · {self.prefix}"
