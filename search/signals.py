"""Keep the index in step with Wagtail publishing, after the transaction commits.

Publish, unpublish, move, slug change and delete of a page each queue one call to
``search.services`` on commit: a rolled-back publish never reaches the index, and drafts
are never indexed (documents are made from the live page only). Indexing faults are
logged with the page id only and never break the editor's action: ``search_reindex``
repairs the index from the database.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from search import services

log = logging.getLogger("search")


def _safely(action, page_id: int) -> None:
    try:
        action()
    except Exception:
        log.exception("Zoekindex bijwerken mislukt voor pagina %s.", page_id)


def _queue_index(page, *, subtree: bool = False) -> None:
    transaction.on_commit(
        lambda: _safely(lambda: services.index_object(page, subtree=subtree), page.pk)
    )


def on_page_published(sender, instance, **kwargs) -> None:
    _queue_index(instance)


def on_page_unpublished(sender, instance, **kwargs) -> None:
    _queue_index(instance)


def on_page_moved(sender, instance, **kwargs) -> None:
    _queue_index(instance, subtree=True)


def on_slug_changed(sender, instance, **kwargs) -> None:
    _queue_index(instance, subtree=True)


def on_page_deleted(sender, instance, **kwargs) -> None:
    if not isinstance(instance, Page):
        return
    transaction.on_commit(
        lambda: _safely(lambda: services.remove_object(instance), instance.pk)
    )


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="search.page_published")
    page_unpublished.connect(
        on_page_unpublished, dispatch_uid="search.page_unpublished"
    )
    post_page_move.connect(on_page_moved, dispatch_uid="search.page_moved")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="search.slug_changed")
    # Deleting a page deletes its base Page row too (and its descendants as Pages):
    # listening to Page alone sees every deleted page without slowing other models.
    post_delete.connect(
        on_page_deleted, sender=Page, dispatch_uid="search.page_deleted"
    )
