"""What happened to a case and who saw it: the timeline, break-glass accesses and
the access log (which outlives the case)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casusregie.constants import AuditAction, AuditChannel, BreakGlassReason, EventKind
from casusregie.models.append_only import AppendOnlyModel
from casusregie.models.cases import Case


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
