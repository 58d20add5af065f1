"""Reactions to Wagtail's page signals, inside this app only.

* Publishing an organisation or service page counts as a check of its content by the
  author of the published revision, and re-syncs the editors' page permissions (the
  page's organisation may have changed).
* After migrations, the sociale kaart skeleton (home, organisation index, moderation
  workflow, pact admins' page permissions) is ensured once the permission rows exist.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db import DatabaseError
from wagtail.models import Page

from socialekaart.models import OrganisationPage, ServicePage
from socialekaart.services.freshness import record_check
from socialekaart.services.permissions import organisation_page_sync_permissions
from socialekaart.services.structure import kaart_structure_ensure


def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    page = instance
    if not isinstance(page, (OrganisationPage, ServicePage)):
        return
    if isinstance(page, OrganisationPage):
        organisation_page_sync_permissions(page)
    author = getattr(revision, "user", None) if revision is not None else None
    record_check(page=page, user=author)


def ensure_structure_after_migrate(
    sender, app_config=None, using="default", **kwargs
) -> None:
    try:
        ready = (
            Permission.objects.using(using)
            .filter(content_type__app_label="wagtailcore", codename="add_page")
            .exists()
            and Page.objects.using(using).filter(depth=1).exists()
        )
    except DatabaseError:
        return
    if ready:
        kaart_structure_ensure()
