"""In-app messages (``Notification``) with an e-mail copy: reminders, returned updates.

``notify`` sends each message once per (user, key), so sending again is harmless; the
e-mails go out on commit. Used by the reporting and reminder services.
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import permissions
from agenda.models import Notification


def notify(
    *, user_ids, kind, key, round_, message, url, at, email_subject: str | None = None
) -> int:
    """In-app message plus e-mail, once per (user, key). Returns how many were new."""
    User = get_user_model()
    sent = 0
    for user in User.objects.filter(pk__in=user_ids, is_active=True).order_by("pk"):
        _note, created = Notification.objects.get_or_create(
            user=user,
            key=key,
            defaults={
                "kind": kind,
                "round": round_,
                "message": message,
                "url": url,
                "created_at": at,
            },
        )
        if not created:
            continue
        sent += 1
        if user.email:
            link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url if url else ""
            body = message + (f"\n\n{link}" if link else "")
            transaction.on_commit(
                partial(
                    send_mail,
                    subject=email_subject
                    or _("Actieagenda: %(message)s") % {"message": message[:60]},
                    message=body,
                    from_email=None,
                    recipient_list=[user.email],
                )
            )
    return sent


@transaction.atomic
def notification_mark_read(*, notification: Notification, actor) -> Notification:
    if notification.user_id != actor.pk:
        raise permissions.AgendaPermissionDenied("notification")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification
