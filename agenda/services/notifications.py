"""Reminders: before a round closes, and for updates still missing after it closed.

``send_round_reminders`` is run daily (``manage.py send_round_reminders``). For every
round that closes within ``REMINDER_DAYS_BEFORE_CLOSE`` days, each reporter of an
expected action without a submitted update gets one in-app message and one e-mail listing
those actions. After a round has closed, reporters of still-missing updates get one
"missing" message, and the pact admins one summary. Each message is sent once
(``Notification.key``), so running the command twice the same day sends nothing new.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agenda import permissions, selectors
from agenda.constants import REMINDER_DAYS_BEFORE_CLOSE, NotificationKind
from agenda.models import Action, Round
from agenda.services.messaging import notify


@dataclass
class ReminderReport:
    closing: int = 0
    missing: int = 0
    summaries: int = 0

    @property
    def total(self) -> int:
        return self.closing + self.missing + self.summaries


def _missing_per_user(round_: Round) -> dict[int, list[Action]]:
    coverage = selectors.round_coverage(round_.plan, round_)
    per_user: dict[int, list[Action]] = defaultdict(list)
    for action in (
        Action.objects.filter(pk__in=coverage.missing_ids)
        .select_related("plan__pact")
        .order_by("position")
    ):
        for user_id in permissions.reporters_of(action):
            per_user[user_id].append(action)
    return per_user


def _list(actions: list[Action]) -> str:
    shown = "\n".join(f"- {a.title}" for a in actions[:15])
    if len(actions) > 15:
        shown += "\n" + _("… en nog %(n)s") % {"n": len(actions) - 15}
    return shown


@transaction.atomic
def send_round_reminders(
    *, today: datetime.date, now: datetime.datetime
) -> ReminderReport:
    """Send the reminders due on ``today`` (see module docstring). Idempotent per day."""
    report = ReminderReport()
    my_url = reverse("agenda:mine")
    closing = Round.objects.filter(
        closed_at__isnull=True,
        opens_on__lte=today,
        closes_on__gte=today,
        closes_on__lte=today + datetime.timedelta(days=REMINDER_DAYS_BEFORE_CLOSE),
    ).select_related("plan__pact")
    for round_ in closing:
        for user_id, actions in _missing_per_user(round_).items():
            report.closing += notify(
                user_ids=[user_id],
                kind=NotificationKind.ROUND_CLOSING,
                key=f"closing:{round_.pk}",
                round_=round_,
                message=_(
                    "Ronde “%(round)s” van %(plan)s sluit op %(date)s. Nog geen update ingediend voor:\n%(actions)s"
                )
                % {
                    "round": round_,
                    "plan": round_.plan,
                    "date": date_format(round_.closes_on, "j F Y"),
                    "actions": _list(actions),
                },
                url=my_url,
                at=now,
                email_subject=_("Herinnering: ronde %(round)s sluit op %(date)s")
                % {"round": round_, "date": date_format(round_.closes_on, "j F Y")},
            )
    closed = Round.objects.filter(
        closes_on__lt=today, closes_on__gte=today - datetime.timedelta(days=30)
    ).select_related("plan__pact")
    for round_ in closed:
        missing = _missing_per_user(round_)
        for user_id, actions in missing.items():
            report.missing += notify(
                user_ids=[user_id],
                kind=NotificationKind.UPDATE_MISSING,
                key=f"missing:{round_.pk}",
                round_=round_,
                message=_(
                    "Ronde “%(round)s” is gesloten. Deze updates ontbreken nog:\n%(actions)s"
                )
                % {"round": round_, "actions": _list(actions)},
                url=my_url,
                at=now,
            )
        if missing:
            coverage = selectors.round_coverage(round_.plan, round_)
            report.summaries += notify(
                user_ids=permissions.plan_admin_ids(round_.plan),
                kind=NotificationKind.UPDATE_MISSING,
                key=f"summary:{round_.pk}",
                round_=round_,
                message=_(
                    "Ronde “%(round)s” van %(plan)s is gesloten: %(submitted)s van %(expected)s verwachte updates ingediend, %(missing)s ontbreken."
                )
                % {
                    "round": round_,
                    "plan": round_.plan,
                    "submitted": coverage.submitted,
                    "expected": coverage.expected,
                    "missing": coverage.missing,
                },
                url=reverse(
                    "agenda:quality",
                    kwargs={"pact": round_.plan.pact.slug, "plan": round_.plan.slug},
                ),
                at=now,
            )
    return report
