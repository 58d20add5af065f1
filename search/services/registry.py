"""The configured backends: the database one always, Meilisearch when ``MEILISEARCH_URL``
is set; and which backend failed lately (searches then go to the database for
``RETRY_AFTER_SECONDS``). Forgotten when the search settings change."""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.core.signals import setting_changed

from search.backends.base import SearchBackend
from search.backends.database import DatabaseBackend
from search.backends.meilisearch import MeilisearchBackend

log = logging.getLogger("search")


# After Meilisearch failed, ask the database for this long before trying again.
RETRY_AFTER_SECONDS = 30.0


_backends: dict[str, SearchBackend] = {}
_backends_lock = threading.Lock()
_unavailable_until: dict[str, float] = {}


def database_backend() -> DatabaseBackend:
    with _backends_lock:
        backend = _backends.get("database")
        if backend is None:
            backend = _backends["database"] = DatabaseBackend()
        return backend  # type: ignore[return-value]


def primary_backend() -> SearchBackend:
    """The backend searches go to first: Meilisearch when configured, else the database."""
    if settings.SEARCH_BACKEND == "meilisearch" and settings.MEILISEARCH_URL:
        with _backends_lock:
            backend = _backends.get("meilisearch")
            if backend is None:
                backend = _backends["meilisearch"] = MeilisearchBackend(
                    url=settings.MEILISEARCH_URL,
                    api_key=settings.MEILISEARCH_API_KEY,
                    prefix=settings.MEILISEARCH_INDEX_PREFIX,
                )
            return backend
    return database_backend()


def write_backends() -> list[SearchBackend]:
    """Every backend that must hold the documents: the database one always first."""
    backends: list[SearchBackend] = [database_backend()]
    primary = primary_backend()
    if primary.name != "database":
        backends.append(primary)
    return backends


def backends_forget() -> None:
    """Forget configured backends and failure marks (settings changed, tests)."""
    with _backends_lock:
        _backends.clear()
        _unavailable_until.clear()


def _settings_changed(*, setting, **kwargs) -> None:
    if setting in {
        "SEARCH_BACKEND",
        "MEILISEARCH_URL",
        "MEILISEARCH_API_KEY",
        "MEILISEARCH_INDEX_PREFIX",
    }:
        backends_forget()


setting_changed.connect(_settings_changed)


def mark_unavailable(backend: SearchBackend, error: Exception) -> None:
    # The backend's name and the kind of fault only: never the query or a URL with it.
    log.warning(
        "Zoekdienst %s is niet bereikbaar (%s); de database-index neemt het over.",
        backend.name,
        type(error.__cause__ or error).__name__,
    )
    _unavailable_until[backend.name] = time.monotonic() + RETRY_AFTER_SECONDS


def is_marked_unavailable(backend: SearchBackend) -> bool:
    return time.monotonic() < _unavailable_until.get(backend.name, 0.0)
