"""Freshness of the pages and mistakes residents report.

``PageCheck``: when a page was last confirmed correct, and by whom. Kept outside the
page revisions so that "mark as still correct" is one click without a moderation
round. Publishing a page counts as a check by the author of the published revision.

``MistakeReport``: "Report a mistake" from any public page. No account, nothing about
the sender is stored (no address, no name); it lands in the admin queue of the page's
organisation, where its editors and coordinators handle it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from socialekaart.constants import ReportKind, ReportStatus


class PageCheck(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="kaart_check",
    )
    checked_on = models.DateField(
        _("laatst gecontroleerd op"), null=True, blank=True, help_text=_("Leeg: nooit.")
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gecontroleerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_on = models.DateField(
        _("herinnering gestuurd op"),
        null=True,
        blank=True,
        help_text=_("De laatste keer dat de redacteuren een herinnering kregen."),
    )

    class Meta:
        verbose_name = _("controle van een pagina")
        verbose_name_plural = _("controles van pagina's")
        indexes = [models.Index(fields=["checked_on"])]

    def __str__(self) -> str:
        return f"{self.page_id}: {self.checked_on or '-'}"


class MistakeReport(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(
        _("wat klopt er niet?"), max_length=20, choices=ReportKind.choices
    )
    message = models.TextField(_("toelichting"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReportStatus.choices,
        default=ReportStatus.OPEN,
    )
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)
    handled_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handling_note = models.CharField(_("wat is er gedaan?"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("foutmelding")
        verbose_name_plural = _("foutmeldingen")
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%d-%m-%Y})"
