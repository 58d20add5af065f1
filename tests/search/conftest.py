"""Fixtures of the search tests.

``search_backend`` runs a test once per configured backend: the database backend always,
Meilisearch too when ``MEILISEARCH_URL`` points at a real server (marker
``meilisearch``; see docs/search.md). Backends receive plain documents of the sociale
kaart contract's shape (``tests.factories.search.make_document``): that is their real
input.
"""

from __future__ import annotations

import os
import uuid

import pytest

from search import services, vocabulary
from search import synonyms as synonym_cache

MEILISEARCH_URL = os.environ.get("MEILISEARCH_URL", "")


@pytest.fixture(autouse=True)
def _fresh_search_caches():
    """Per-process caches must not carry one test's index into the next."""
    vocabulary.forget()
    synonym_cache.forget()
    services.backends_forget()
    yield
    vocabulary.forget()
    synonym_cache.forget()
    services.backends_forget()


def _backend_params():
    params = [pytest.param("database", id="database")]
    params.append(
        pytest.param(
            "meilisearch",
            id="meilisearch",
            marks=[
                pytest.mark.meilisearch,
                pytest.mark.skipif(
                    not MEILISEARCH_URL,
                    reason="needs a Meilisearch server: set MEILISEARCH_URL (docs/search.md)",
                ),
            ],
        )
    )
    return params


@pytest.fixture
def starter_data(db):
    """The migrations' synonyms and postcodes (a transactional test elsewhere may have
    flushed them)."""
    from search import starter

    starter.ensure()


@pytest.fixture(params=_backend_params())
def search_backend(request, db, settings, starter_data):
    """An empty index in one backend, configured as the site's search backend."""
    if request.param == "database":
        settings.SEARCH_BACKEND = "database"
        settings.MEILISEARCH_URL = None
        backend = services.database_backend()
    else:
        settings.SEARCH_BACKEND = "meilisearch"
        settings.MEILISEARCH_URL = MEILISEARCH_URL
        settings.MEILISEARCH_API_KEY = os.environ.get("MEILISEARCH_API_KEY", "")
        settings.MEILISEARCH_INDEX_PREFIX = f"pacttest{uuid.uuid4().hex[:8]}"
        backend = services.primary_backend()
    backend.clear()
    services.database_backend().clear()
    yield backend
    if request.param == "meilisearch":
        backend.drop()


@pytest.fixture
def index(search_backend):
    """Put documents in every configured backend, as the site does."""

    def put(*documents):
        services.index_documents(list(documents))
        if hasattr(search_backend, "wait"):
            search_backend.wait()
        return documents

    return put


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
