"""Who may edit which pages: the organisation's editors, on its organisation page.

``organisation_page_sync_permissions`` is the only code that grants or withdraws page
permissions of editor groups. It runs when an organisation page is created and when
one is published (its organisation may have changed).
"""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission

from pact.constants import Role
from pact.roles import organisation_group
from socialekaart.services.structure import EDITOR_PAGE_PERMISSIONS, page_permissions


@transaction.atomic
def organisation_page_sync_permissions(page) -> None:
    """Give the editors of ``page.organisation`` add and change rights on ``page`` (and
    so on every service below it), and take them away from any other organisation's
    editors. Idempotent; logs changes in Wagtail's audit log."""
    wanted = (
        organisation_group(page.organisation, Role.EDITOR)
        if page.organisation_id
        else None
    )
    stale = GroupPagePermission.objects.filter(
        page_id=page.pk, group__organisation_link__role=Role.EDITOR
    )
    if wanted is not None:
        stale = stale.exclude(group=wanted)
    removed = stale.count()
    if removed:
        stale.delete()
    added = 0
    if wanted is not None:
        for permission in page_permissions(EDITOR_PAGE_PERMISSIONS):
            _grant, created = GroupPagePermission.objects.get_or_create(
                group=wanted, page_id=page.pk, permission=permission
            )
            added += created
    if added or removed:
        log(
            instance=page,
            action="socialekaart.editors_synced",
            data={"group": wanted.name if wanted else None},
        )
