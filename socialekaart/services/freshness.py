"""Freshness: is the information on a page still correct?

A page is *stale* when nobody confirmed it for ``settings.PACT_FRESHNESS_DAYS`` days
(publishing counts as confirming; so does the one-click "Nog steeds juist"). Stale pages
are flagged in the admin, listed in the freshness report, and their organisation's
editors get a reminder by e-mail (``manage.py send_freshness_reminders``, daily), at
most once per ``FRESHNESS_REMINDER_INTERVAL_DAYS`` per page.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from pact.constants import Role
from pact.roles import can, organisation_group
from socialekaart.constants import FRESHNESS_REMINDER_INTERVAL_DAYS
from socialekaart.models import PageCheck
from socialekaart.permissions import NotAllowed, can_edit_page
from socialekaart.selectors import open_report_counts, stale_pages


@transaction.atomic
def record_check(*, page, user, on: datetime.date | None = None):
    """Store that ``user`` (or nobody) confirmed ``page`` on ``on``; no authorisation:
    for ``page_mark_checked`` and the publish signal only.

    Atomic itself: the publish signal also fires outside any transaction (the admin's
    publish action, scheduled publishing), and the row lock needs one."""
    on = on or timezone.localdate()
    check = PageCheck.objects.select_for_update().filter(page_id=page.pk).first()
    if check is None:
        return PageCheck.objects.create(page_id=page.pk, checked_on=on, checked_by=user)
    if (check.checked_on, check.checked_by_id, check.reminded_on) != (
        on,
        getattr(user, "pk", None),
        None,
    ):
        check.checked_on, check.checked_by, check.reminded_on = on, user, None
        check.save(update_fields=["checked_on", "checked_by", "reminded_on"])
    return check


@transaction.atomic
def page_mark_checked(*, page, actor, on: datetime.date | None = None):
    """Record that ``actor`` confirmed ``page`` is still correct (today, or ``on``).

    Changes no page content and creates no revision; logs "socialekaart.mark_checked"
    in the page's history. Raises ``NotAllowed`` unless the actor may edit the page or
    approve changes (``actor=None``: the system).
    """
    if actor is not None and not (
        can_edit_page(actor, page) or can(actor, "kaart.approve")
    ):
        raise NotAllowed(_("U mag deze pagina niet als gecontroleerd markeren."))
    check = record_check(page=page, user=actor, on=on)
    log(instance=page, action="socialekaart.mark_checked", user=actor)
    return check


def freshness_send_reminders(*, today: datetime.date | None = None) -> int:
    """E-mail each organisation's editors the stale pages they have not been reminded
    of recently; returns the number of e-mails sent. Marks the pages as reminded."""
    today = today or timezone.localdate()
    remind_before = today - datetime.timedelta(days=FRESHNESS_REMINDER_INTERVAL_DAYS)
    by_organisation = defaultdict(list)
    for entry in stale_pages(today=today):
        if entry["reminded_on"] and entry["reminded_on"] > remind_before:
            continue
        if entry["organisation"] is not None:
            by_organisation[entry["organisation"]].append(entry)
    report_counts = open_report_counts()
    sent = 0
    for organisation, entries in by_organisation.items():
        editors = (
            organisation_group(organisation, Role.EDITOR)
            .user_set.filter(is_active=True)
            .exclude(email="")
        )
        recipients = sorted(editors.values_list("email", flat=True))
        if not recipients:
            continue
        context = {
            "organisation": organisation,
            "entries": entries,
            "days": settings.PACT_FRESHNESS_DAYS,
            "open_reports": report_counts.get(organisation.pk, 0),
            "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        send_mail(
            subject=_(
                "Sociale kaart: %(count)d pagina's van %(organisation)s controleren"
            )
            % {"count": len(entries), "organisation": organisation},
            message=render_to_string(
                "socialekaart/email/freshness_reminder.txt", context
            ),
            from_email=None,
            recipient_list=recipients,
        )
        sent += 1
        page_ids = [entry["page"].pk for entry in entries]
        PageCheck.objects.filter(page_id__in=page_ids).update(reminded_on=today)
        have_row = set(
            PageCheck.objects.filter(page_id__in=page_ids).values_list(
                "page_id", flat=True
            )
        )
        PageCheck.objects.bulk_create(
            [
                PageCheck(page_id=page_id, checked_on=None, reminded_on=today)
                for page_id in page_ids
                if page_id not in have_row
            ]
        )
    return sent
