"""The anonymous page cache (issue 9, decision 0073).

Public pages change only when an editor publishes, yet every visitor had them rendered
afresh. This middleware keeps, per language, the rendered response of a GET by a visitor
without a session (no session cookie, no ``Authorization`` header) in the shared cache,
and serves it to the next such visitor without running the view.

What is never stored: requests with a session cookie (professionals, editors, anyone
logged in: their pages can carry notes and names), responses that are not 200, that set
a cookie, that used the CSRF token (a form whose token belongs to one visitor), whose
``Cache-Control`` says ``private``, ``no-store`` or ``no-cache`` ("Wat past bij mij?"
answers, "Fout melden"), and the paths in ``EXCLUDED_PREFIXES`` (the admin, casusregie,
the agenda, search, which records missed searches, health).

Invalidation is by generation: the key holds a counter that every change of content a
public page can show increments (pages published, unpublished, moved or deleted; any
saved or deleted row of the kaart's models, the network's municipalities and
organisations, Wagtail's pages, sites, images and documents, synonyms), now and again
when the transaction commits. Old entries are never read again and expire after
``PACT_PAGE_CACHE_SECONDS``. A page served from here says ``X-Pact-Cache: hit``.

For a proxy in front: stored pages go out with ``Cache-Control: public, max-age=0,
s-maxage=PACT_PROXY_CACHE_SECONDS`` and ``Vary: Accept-Language, Cookie``; everything
else a logged-in visitor gets is ``private``.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import (
    get_max_age,
    patch_cache_control,
    patch_vary_headers,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from pact.selectors import CONTENT_GENERATION_KEY, content_generation

logger = logging.getLogger("pact.pagecache")

GENERATION_KEY = CONTENT_GENERATION_KEY
EXCLUDED_PREFIXES = (
    "/admin/",
    "/casusregie/",
    "/api/casusregie/",
    "/agenda/",
    "/zoeken/",
    "/api/search/",
    "/healthz",
    "/i18n/",
    "/documents/",
    "/static/",
    "/media/",
    "/ws/",
    "/bench/",
)
# Models whose rows change nothing a public page shows (logs, queues, residents' reports).
IGNORED_MODELS = {
    "socialekaart.mistakereport",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailsearch.indexentry",
}
WATCHED_APPS = {
    "socialekaart",
    "pact",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "config",
}
WATCHED_MODELS = {"search.synonymgroup"}


def generation() -> int:
    return content_generation()


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, generation() + 1, None)


def content_changed() -> None:
    """Every anonymous page is stale: bump now, and again once the transaction
    commits (a visitor between the two would otherwise store the old content under
    the new generation)."""
    _bump()
    transaction.on_commit(_bump)


def _cache_key(request, generation_number: int) -> str:
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return f"pagecache:{generation_number}:{language}:{request.get_host()}:{url}"


def is_anonymous_request(request) -> bool:
    """No session and no credentials. A pending flash message (the ``messages``
    cookie) also counts as personal: the page must show it."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _cacheable_request(request) -> bool:
    return (
        settings.PACT_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and is_anonymous_request(request)
        and not request.path.startswith(EXCLUDED_PREFIXES)
    )


def _cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    return get_max_age(response) != 0 or "max-age" not in control


def _for_proxy(response) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.PACT_PROXY_CACHE_SECONDS,
    )
    patch_vary_headers(response, ("Accept-Language", "Cookie"))


class AnonymousPageCacheMiddleware:
    """Place after ``LocaleMiddleware`` (the key needs the language) and before the
    middleware whose work a stored page can skip."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            if not is_anonymous_request(request):
                # Nothing a logged-in person gets may be kept by a shared cache.
                control = response.get("Cache-Control", "").lower()
                if "no-store" not in control:
                    patch_cache_control(response, private=True)
            return response
        number = generation()
        key = _cache_key(request, number)
        stored = cache.get(key)
        if stored is not None:
            stored["X-Pact-Cache"] = "hit"
            return stored
        response = self.get_response(request)
        if _cacheable_response(request, response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            _for_proxy(response)
            response["X-Pact-Cache"] = "miss"
            cache.set(key, response, settings.PACT_PAGE_CACHE_SECONDS)
        return response


# --- Invalidation -------------------------------------------------------------------------


def _watched(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return False
    label = meta.label_lower
    if label in IGNORED_MODELS:
        return False
    return meta.app_label in WATCHED_APPS or label in WATCHED_MODELS


def _on_row_change(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loading fixtures
        return
    if _watched(sender):
        content_changed()


def _on_page_signal(sender, **kwargs) -> None:
    content_changed()


def connect_signals() -> None:

    post_save.connect(_on_row_change, dispatch_uid="pagecache.post_save")
    post_delete.connect(_on_row_change, dispatch_uid="pagecache.post_delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="pagecache.m2m")
    page_published.connect(_on_page_signal, dispatch_uid="pagecache.published")
    page_unpublished.connect(_on_page_signal, dispatch_uid="pagecache.unpublished")
    post_page_move.connect(_on_page_signal, dispatch_uid="pagecache.moved")


def _on_m2m_change(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and _watched(type(instance)):
        content_changed()
