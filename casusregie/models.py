"""Casusregie: who leads a resident's case, and how the lead moves warmly.

A **case** (``Case``) holds as little as it can: a reference, a household label or
pseudonym (never a BSN), the municipality, complexity, the resident's own *regie* and a
status (registered → active → closed with an outcome). The resident's **goals** are in
his own words, ordered by his priority.

**Involvement** says which organisations work on the case, in which role (exactly one
``LEAD`` at a time, others ``INVOLVED``, the municipality's ``REGISSEUR`` when escalated)
and on which **basis**: the resident's **consent** (given when, to whom, for which data,
recorded by whom, withdrawn when) or a legal task. Only an active involvement with a valid
basis gives an organisation's people access; the casusregie services translate
involvement into django-guardian group object permissions on the case
(``CaseGroupObjectPermission``).

A **hand-over** (``Handover``) moves the lead: proposed → accepted (the lead moves at
once; the previous lead stays involved) → completed at the first contact (the previous
lead steps out if the proposer chose so); or declined, withdrawn, expired (to the
regisseur) or cancelled. An **escalation** asks the regisseur to take over.

The **timeline** (``CaseEvent``) and the **access log** (``AccessLogEntry``) are
append-only. The access log outlives the case: it names the case only by its UUID and
holds no data about the resident, so purging the case leaves it anonymous.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from casusregie.constants import (
    OPEN_HANDOVER_STATUSES,
    AuditAction,
    AuditChannel,
    Basis,
    BreakGlassReason,
    CaseOutcome,
    CaseStatus,
    Complexity,
    ConsentForm,
    EscalationStatus,
    EscalationTrigger,
    EventKind,
    GoalStatus,
    HandoverStatus,
    InvolvementRole,
    LegalGround,
    ResidentRegie,
)


class AppendOnlyError(Exception):
    """Rows of an append-only table cannot be changed or deleted."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} is append-only")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} is append-only")

    def bulk_update(self, *args, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} is append-only")

    def update_or_create(self, *args, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} is append-only")


class AppendOnlyModel(models.Model):
    """Insert only: ``save()`` on an existing row and ``delete()`` raise."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} is append-only")


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


class Consent(models.Model):
    """The resident's consent to share his case with one organisation."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        Case,
        verbose_name=_("casus"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("gegeven aan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    scope = models.CharField(
        _("voor welke gegevens"),
        max_length=300,
        help_text=_("Welke gegevens de organisatie mag zien en waarvoor."),
    )
    form = models.CharField(
        _("vorm"),
        max_length=20,
        choices=ConsentForm.choices,
        default=ConsentForm.VERBAL,
    )
    given_on = models.DateField(_("gegeven op"))
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("intrekking vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(
        _("intrekking vastgelegd op"), null=True, blank=True
    )

    class Meta:
        ordering = ["case", "-given_on", "-id"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True)
                | Q(withdrawn_on__gte=models.F("given_on")),
                name="consent_withdrawn_after_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.organisation}"

    def is_valid_on(self, day) -> bool:
        if self.withdrawn_at is not None or self.given_on > day:
            return False
        return self.valid_until is None or self.valid_until >= day


class Involvement(models.Model):
    case = models.ForeignKey(
        Case,
        verbose_name=_("casus"),
        on_delete=models.CASCADE,
        related_name="involvements",
    )
    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="case_involvements",
    )
    role = models.CharField(_("rol"), max_length=20, choices=InvolvementRole.choices)
    basis = models.CharField(_("grondslag"), max_length=20, choices=Basis.choices)
    consent = models.ForeignKey(
        Consent,
        verbose_name=_("toestemming"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="involvements",
    )
    legal_ground = models.CharField(
        _("wettelijke taak"), max_length=30, choices=LegalGround.choices, blank=True
    )
    started_at = models.DateTimeField(_("betrokken sinds"), default=timezone.now)
    ended_at = models.DateTimeField(_("betrokken tot"), null=True, blank=True)

    class Meta:
        ordering = ["case", "started_at", "id"]
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheden")
        constraints = [
            # "1 gezin, 1 plan, 1 regisseur": at most one active lead per case. At least
            # one is Case.lead_organisation (NOT NULL); the services keep both in step.
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(role=InvolvementRole.LEAD, ended_at__isnull=True),
                name="involvement_one_active_lead_per_case",
            ),
            models.UniqueConstraint(
                fields=["case", "organisation"],
                condition=Q(ended_at__isnull=True),
                name="involvement_one_active_per_organisation",
            ),
            models.CheckConstraint(
                condition=(Q(basis=Basis.CONSENT) & Q(consent__isnull=False))
                | (Q(basis=Basis.LEGAL_TASK) & ~Q(legal_ground="")),
                name="involvement_has_basis",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "ended_at"])]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.get_role_display()} · {self.case}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


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


class CaseEvent(AppendOnlyModel):
    """One line of a case's timeline. Append-only; removed only with the case."""

    case = models.ForeignKey(
        Case, verbose_name=_("casus"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("soort"), max_length=40, choices=EventKind.choices)
    at = models.DateTimeField(_("tijdstip"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("namens"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    summary = models.CharField(_("omschrijving"), max_length=300, blank=True)

    class Meta:
        ordering = ["case", "-at", "-id"]
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("tijdlijn")
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self) -> str:
        return f"{self.case} · {self.get_kind_display()}"


class Handover(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        Case,
        verbose_name=_("casus"),
        on_delete=models.CASCADE,
        related_name="handovers",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=HandoverStatus.choices,
        default=HandoverStatus.PROPOSED,
    )
    from_organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("van"),
        on_delete=models.PROTECT,
        related_name="handovers_out",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorgesteld door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    to_organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("naar"),
        on_delete=models.PROTECT,
        related_name="handovers_in",
    )
    to_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bij voorkeur naar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    basis = models.CharField(_("grondslag"), max_length=20, choices=Basis.choices)
    consent = models.ForeignKey(
        Consent,
        verbose_name=_("toestemming"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
    )
    legal_ground = models.CharField(
        _("wettelijke taak"), max_length=30, choices=LegalGround.choices, blank=True
    )
    # The structured note, written so that the resident may read it.
    priorities = models.TextField(
        _("wat de inwoner belangrijk vindt, in zijn woorden"), max_length=2000
    )
    tried = models.TextField(_("wat al geprobeerd is"), max_length=2000, blank=True)
    commitments = models.TextField(
        _("lopende afspraken en termijnen"), max_length=2000, blank=True
    )
    risks = models.TextField(_("risico's"), max_length=2000, blank=True)
    next_appointment = models.CharField(
        _("volgende afspraak"), max_length=200, blank=True
    )
    previous_lead_stays = models.BooleanField(
        _("wij blijven betrokken na de overdracht"), default=True
    )
    proposed_at = models.DateTimeField(_("voorgesteld op"), default=timezone.now)
    deadline_at = models.DateTimeField(_("antwoord uiterlijk"))
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beantwoord door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decline_reason = models.TextField(
        _("reden van afwijzen"), max_length=1000, blank=True
    )
    closed_reason = models.CharField(_("toelichting"), max_length=300, blank=True)
    first_contact_at = models.DateTimeField(
        _("eerste contact op"), null=True, blank=True
    )

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("overdracht")
        verbose_name_plural = _("overdrachten")
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(status__in=[s.value for s in OPEN_HANDOVER_STATUSES]),
                name="handover_one_open_per_case",
            ),
            models.CheckConstraint(
                condition=~Q(from_organisation=models.F("to_organisation")),
                name="handover_to_another_organisation",
            ),
            models.CheckConstraint(
                condition=~Q(status=HandoverStatus.DECLINED) | ~Q(decline_reason=""),
                name="handover_decline_has_reason",
            ),
            models.CheckConstraint(
                condition=(Q(basis=Basis.CONSENT) & Q(consent__isnull=False))
                | (Q(basis=Basis.LEGAL_TASK) & ~Q(legal_ground="")),
                name="handover_has_basis",
            ),
        ]
        indexes = [
            models.Index(fields=["to_organisation", "status"]),
            models.Index(fields=["from_organisation", "status"]),
            models.Index(fields=["status", "deadline_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.from_organisation} → {self.to_organisation}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_HANDOVER_STATUSES


class Escalation(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        Case,
        verbose_name=_("casus"),
        on_delete=models.CASCADE,
        related_name="escalations",
    )
    trigger = models.CharField(
        _("aanleiding"), max_length=20, choices=EscalationTrigger.choices
    )
    reason = models.TextField(_("toelichting"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EscalationStatus.choices,
        default=EscalationStatus.OPEN,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gevraagd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_by_organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("namens"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    regisseur_organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="escalations",
    )
    opened_at = models.DateTimeField(_("geopend op"), default=timezone.now)
    resolved_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolution_note = models.TextField(_("advies"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("escalatie")
        verbose_name_plural = _("escalaties")
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(status=EscalationStatus.OPEN),
                name="escalation_one_open_per_case",
            )
        ]
        indexes = [models.Index(fields=["regisseur_organisation", "status"])]

    def __str__(self) -> str:
        return f"{self.case} · {self.get_status_display()}"


class BreakGlassAccess(models.Model):
    """A time-limited, logged and reported read access without involvement.

    The free-text explanation may mention the resident, so it lives here and is purged
    with the case; the access log keeps the reason code.
    """

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        Case,
        verbose_name=_("casus"),
        on_delete=models.CASCADE,
        related_name="break_glass_accesses",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(
        _("reden"), max_length=30, choices=BreakGlassReason.choices
    )
    explanation = models.TextField(_("toelichting"), max_length=1000)
    started_at = models.DateTimeField(_("geopend op"), default=timezone.now)
    expires_at = models.DateTimeField(_("verloopt op"))

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("noodtoegang")
        verbose_name_plural = _("noodtoegangen")
        indexes = [models.Index(fields=["user", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.case} · {self.user}"


class AccessLogEntry(AppendOnlyModel):
    """Who read, changed, exported or printed what, when, on behalf of whom.

    Append-only in the model and the manager, and in the database by triggers (see
    migration 0002). No foreign keys, so rows outlive cases and people; no data about
    the resident (the case is named by UUID only).
    """

    at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    actor_id = models.BigIntegerField(_("persoon (id)"), null=True, blank=True)
    actor_label = models.CharField(_("persoon"), max_length=200, blank=True)
    organisation_id = models.BigIntegerField(
        _("organisatie (id)"), null=True, blank=True
    )
    organisation_label = models.CharField(_("namens"), max_length=200, blank=True)
    role_label = models.CharField(_("rol"), max_length=100, blank=True)
    action = models.CharField(
        _("handeling"), max_length=40, choices=AuditAction.choices
    )
    channel = models.CharField(_("kanaal"), max_length=10, choices=AuditChannel.choices)
    case_uuid = models.UUIDField(_("casus (UUID)"), null=True, blank=True)
    object_type = models.CharField(_("soort object"), max_length=40, blank=True)
    object_uuid = models.UUIDField(_("object (UUID)"), null=True, blank=True)
    is_break_glass = models.BooleanField(_("noodtoegang"), default=False)
    reason_code = models.CharField(
        _("reden noodtoegang"),
        max_length=30,
        choices=BreakGlassReason.choices,
        blank=True,
    )
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    detail = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("regel van het toegangslog")
        verbose_name_plural = _("toegangslog")
        indexes = [
            models.Index(fields=["case_uuid", "at"]),
            models.Index(fields=["actor_id", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def clean(self):
        if self.is_break_glass and not self.reason_code:
            raise ValidationError(_("Noodtoegang zonder reden kan niet."))


# --- django-guardian: direct foreign-key permission models (fast, see STACK-NOTES) ------


class CaseUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("persoonlijk recht op een casus")
        verbose_name_plural = _("persoonlijke rechten op casussen")


class CaseGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        verbose_name = _("groepsrecht op een casus")
        verbose_name_plural = _("groepsrechten op casussen")
        indexes = [models.Index(fields=["content_object", "group"])]
