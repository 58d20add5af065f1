"""E-mail notices. They say *that* something needs attention and link to the page; they
never contain case contents (e-mail is not a safe place for personal data)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

_state = threading.local()


@contextmanager
def suppressed():
    """No e-mails inside this block (the demo builds history; nobody needs mail of it)."""
    previous = getattr(_state, "suppressed", False)
    _state.suppressed = True
    try:
        yield
    finally:
        _state.suppressed = previous


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(user_ids: set[int], subject: str, body: str) -> None:
    User = get_user_model()
    addresses = sorted(
        User.objects.filter(pk__in=user_ids, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if addresses:
        send_mass_mail(
            [(subject, body, None, [address]) for address in addresses],
            fail_silently=True,
        )


def notify(
    user_ids: Iterable[int], *, subject: str, lines: list[str], path: str
) -> None:
    """Queue one e-mail per person after commit."""
    if getattr(_state, "suppressed", False):
        return
    ids = set(user_ids)
    body = "\n\n".join(
        [
            *lines,
            _("Bekijk het hier (na inloggen): %(url)s") % {"url": _absolute(path)},
            _("Dit bericht bevat bewust geen gegevens over de inwoner."),
        ]
    )
    transaction.on_commit(lambda: _send(ids, subject, body))


def handover_path(handover) -> str:
    return reverse("casusregie:handover_detail", args=[handover.uuid])


def case_path(case) -> str:
    return reverse("casusregie:case_detail", args=[case.uuid])
