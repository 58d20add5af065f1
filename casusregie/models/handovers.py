"""Moving the lead: the warm hand-over and the escalation to the regisseur."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casusregie.constants import (
    OPEN_HANDOVER_STATUSES,
    Basis,
    EscalationStatus,
    EscalationTrigger,
    HandoverStatus,
    LegalGround,
)
from casusregie.models.basis import Consent
from casusregie.models.cases import Case


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
