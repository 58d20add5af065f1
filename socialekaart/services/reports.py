""" "Report a mistake": residents tell an organisation its page is wrong.

No account and nothing about the sender is stored. Against spam, without tracking or a
third-party captcha: the form has a honeypot field and a signed time stamp (checked in
``socialekaart.forms``); here a sender can file ``REPORT_RATE_LIMIT_PER_HOUR`` reports
per hour, counted in the cache under a keyed hash of his address that expires after the
hour; messages with more than ``REPORT_MAX_LINKS`` links are refused; a report that
repeats an open one on the same page is merged into it.

Reports form a queue in the admin for the organisation's editors and coordinators
(``kaart.handle_reports``), who mark them handled or rejected.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from socialekaart.constants import (
    REPORT_MAX_LINKS,
    REPORT_RATE_LIMIT_PER_HOUR,
    ReportKind,
    ReportStatus,
)
from socialekaart.models import MistakeReport
from socialekaart.permissions import NotAllowed, can_handle_reports
from socialekaart.selectors import organisation_for_page

LINK = re.compile(r"(https?://|www\.)", re.IGNORECASE)
RATE_WINDOW_SECONDS = 60 * 60


class ReportRefused(Exception):
    """The report is not accepted; ``str(error)`` says why, for the sender."""


def _sender_key(client_address: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address.encode(), hashlib.sha256
    ).hexdigest()[:32]
    return f"kaart-report-rate:{digest}"


def _count_against_rate_limit(client_address: str) -> None:
    key = _sender_key(client_address)
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=RATE_WINDOW_SECONDS)
        count = 1
    if count > REPORT_RATE_LIMIT_PER_HOUR:
        raise ReportRefused(
            _(
                "U heeft al veel meldingen gestuurd. Probeer het over een uur opnieuw, "
                "of bel de organisatie."
            )
        )


def mistake_report_submit(*, page, kind: str, message: str, client_address: str | None):
    """File a report about ``page``; returns the (new or merged) ``MistakeReport``.

    Raises ``ReportRefused`` (rate limit, too many links) with a message for the
    sender. ``client_address`` is used only for the rate limit and never stored;
    ``None`` is for reports that do not come from the web (the demo data), which are
    not rate-limited.
    """
    kind = ReportKind(kind)
    message = (message or "").strip()[:1000]
    if len(LINK.findall(message)) > REPORT_MAX_LINKS:
        raise ReportRefused(
            _("Uw melding mag hoogstens één link bevatten. Haal de andere links weg.")
        )
    if client_address is not None:
        _count_against_rate_limit(client_address)
    with transaction.atomic():
        existing = MistakeReport.objects.filter(
            page_id=page.pk, kind=kind, message=message, status=ReportStatus.OPEN
        ).first()
        if existing is not None:
            return existing
        organisation_page = organisation_for_page(page)
        report = MistakeReport.objects.create(
            page_id=page.pk,
            organisation_id=organisation_page.organisation_id
            if organisation_page
            else None,
            kind=kind,
            message=message,
        )
    return report


@transaction.atomic
def mistake_report_handle(*, report, actor, status: str, note: str = ""):
    """Close ``report`` as handled or rejected, with what was done.

    Raises ``NotAllowed`` unless ``actor`` may handle reports of its organisation.
    """
    if not can_handle_reports(actor, report.organisation):
        raise NotAllowed(_("U mag deze melding niet afhandelen."))
    status = ReportStatus(status)
    if status == ReportStatus.OPEN:
        raise ValueError("a report is handled or rejected, not reopened here")
    report.status = status
    report.handling_note = note.strip()[:300]
    report.handled_at = timezone.now()
    report.handled_by = actor
    report.save(update_fields=["status", "handling_note", "handled_at", "handled_by"])
    log(instance=report, action="socialekaart.report_handled", user=actor)
    return report
