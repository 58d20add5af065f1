"""Relevance on the demo content: hit rate at 3 and MRR over search/relevance.json.

Runs on SQLite and, in the second CI run, on PostgreSQL. The bar is in the JSON file
(hit@3 at least 0.9, precision: the share of cases whose result count stays within
their ``at_most``); the assertion message lists every miss.
"""

from __future__ import annotations

from io import StringIO

from django.contrib.auth.models import AnonymousUser
from django.db import transaction

import pytest

from search import services, vocabulary
from search import synonyms as synonym_cache
from search.relevance import evaluate


@pytest.fixture(scope="module")
def demo_index(django_db_setup, django_db_blocker):
    """The network and sociale kaart demo, indexed; rolled back after the module."""
    from demo import socialekaart as socialekaart_demo
    from demo.network import seed_network
    from pact.roles import roles_sync_groups
    from search import starter
    from tests.conftest import ensure_wagtail_tree

    with django_db_blocker.unblock(), transaction.atomic():
        ensure_wagtail_tree()
        starter.ensure()
        roles_sync_groups()
        seed_network(stdout=StringIO())
        socialekaart_demo.seed(stdout=StringIO())
        vocabulary.forget()
        synonym_cache.forget()
        services.backends_forget()
        services.database_backend().clear()
        services.reindex_all()
        yield
        transaction.set_rollback(True)
    vocabulary.forget()
    synonym_cache.forget()


@pytest.mark.slow
class RelevanceTests:
    def test_relevance_set_meets_the_bar(self, demo_index, db):
        report = evaluate(AnonymousUser())
        print(report.summary())  # noqa: T201 (shown with -s; the figures for docs/search.md)
        assert len(report.results) >= 40
        assert report.hit_at_3 >= report.bar["hit_at_3"], report.summary()
        assert report.mrr >= report.bar["mrr"], report.summary()
        assert report.precision >= report.bar["precision"], report.summary()
