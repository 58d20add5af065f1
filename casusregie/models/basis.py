"""On which basis an organisation works on a case: the resident's consent, and the
involvement (lead, involved, regisseur) that gives its people access."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casusregie.constants import Basis, ConsentForm, InvolvementRole, LegalGround
from casusregie.models.cases import Case


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
