"""National schemes the pact does not run (huurtoeslag, zorgtoeslag,
kinderopvangtoeslag, kindgebonden budget; SVB, UWV) are findable in search as pages
that point to the national organisations (issue 11)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

import pytest

from search import services
from tests.search.test_relevance import demo_index  # noqa: F401 (a fixture)


@pytest.mark.slow
@pytest.mark.usefixtures("demo_index")
class NationalPointerSearchTests:
    @pytest.mark.parametrize(
        ("query", "title"),
        [
            ("huurtoeslag", "Huurtoeslag"),
            ("zorgtoeslag", "Zorgtoeslag"),
            ("kinderopvangtoeslag", "Kinderopvangtoeslag"),
            ("kindgebonden budget", "Kindgebonden budget"),
            ("kinderbijslag", "Kinderbijslag"),
            ("ww uitkering", "WW-uitkering en andere uitkeringen van het UWV"),
        ],
    )
    def test_the_national_scheme_is_among_the_first_results(self, db, query, title):
        results = services.search_site(query, user=AnonymousUser()).results
        titles = [result.title for result in results[:3]]
        assert title in titles, (query, titles)

    def test_the_national_organisations_are_findable(self, db):
        for query, name in (
            ("dienst toeslagen", "Dienst Toeslagen"),
            ("svb", "Sociale Verzekeringsbank (SVB)"),
            ("uwv", "UWV"),
        ):
            results = services.search_site(query, user=AnonymousUser()).results
            assert name in [result.title for result in results[:5]], query
