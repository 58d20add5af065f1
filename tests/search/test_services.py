"""search_site and the other services: typos, synonyms, highlighting, missed searches."""

from __future__ import annotations

import pytest

from search import services
from search.geo import Point
from search.models import MissedSearch, SynonymGroup
from search.services import SearchFilters, search_site
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db


class SearchSiteTests:
    def test_typo_is_corrected_and_the_correction_is_reported(self, index, anonymous):
        index(make_document(title="Schuldhulpverlening"))
        results = search_site("schuldhlupverlening", user=anonymous)
        assert [r.title for r in results.results] == ["Schuldhulpverlening"]
        assert results.query.suggestion == "schuldhulpverlening"

    def test_synonym_added_by_an_admin_works_at_once(self, index, anonymous):
        index(
            make_document(title="Stichting Leergeld", summary="Een laptop voor school.")
        )
        assert search_site("computer", user=anonymous).total == 0
        services.synonym_group_create(terms=["laptop", "computer"])
        assert search_site("computer", user=anonymous).total == 1

    def test_plain_words_find_the_offering(self, index, anonymous):
        index(
            make_document(
                title="Huurachterstand", summary="Samen een regeling met de verhuurder."
            ),
            make_document(title="Zwemles", summary="Betalen in termijnen kan."),
        )
        results = search_site("ik kan mijn huur niet betalen", user=anonymous)
        assert results.results[0].title == "Huurachterstand"

    def test_titles_and_snippets_are_escaped_with_only_marks_added(
        self, index, anonymous
    ):
        index(
            make_document(
                title="<script>alert(1)</script> Kledingbank",
                summary="Kleding & <b>meer</b>",
            )
        )
        result = search_site("kleding", user=anonymous).results[0]
        assert (
            str(result.title_html)
            == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Kledingbank</mark>"
        )
        assert (
            str(result.snippet_html)
            == "<mark>Kleding</mark> &amp; &lt;b&gt;meer&lt;/b&gt;"
        )

    def test_long_body_snippet_is_a_window_around_the_match(self, index, anonymous):
        body = (
            "Wij doen veel. " * 20
            + "Ook voor huurachterstand kunt u hier terecht. "
            + "Tot ziens. " * 20
        )
        index(make_document(title="Welzijn", summary="", body=body))
        snippet = str(
            search_site("huurachterstand", user=anonymous).results[0].snippet_html
        )
        assert snippet.startswith("… ") and snippet.endswith(" …")
        assert "<mark>huurachterstand</mark>" in snippet

    def test_selected_filter_values_stay_visible_with_zero(self, index, anonymous):
        index(make_document(title="A", municipalities=["assen"]))
        results = search_site(
            "", user=anonymous, filters=SearchFilters(municipalities=("coevorden",))
        )
        options = {
            o.value: (o.count, o.selected) for o in results.facets["municipality"]
        }
        assert options == {"coevorden": (0, True)}

    def test_distance_is_given_when_sorting_by_a_point(self, index, anonymous):
        index(make_document(title="Assen", locations=[{"lat": 52.9953, "lng": 6.5604}]))
        results = search_site(
            "", user=anonymous, filters=SearchFilters(near=Point(52.99, 6.56))
        )
        assert results.results[0].distance_km == pytest.approx(0.6, abs=0.2)

    def test_page_numbers_are_kept_within_bounds(self, index, anonymous):
        index(*[make_document(title=f"Aanbod {n}") for n in range(3)])
        results = search_site(
            "", user=anonymous, filters=SearchFilters(page=0, per_page=500)
        )
        assert (results.page, results.filters.per_page, results.pages) == (1, 50, 1)


class MissedSearchTests:
    def test_a_search_that_finds_nothing_is_counted_by_its_words(
        self, index, anonymous
    ):
        index(make_document(title="Voedselbank"))
        search_site("Tweedehands  Fietsen!", user=anonymous)
        search_site("tweedehands fietsen", user=anonymous)
        missed = MissedSearch.objects.get()
        assert (missed.query, missed.count) == ("tweedehands fietsen", 2)

    def test_only_words_and_dates_are_stored(self):
        fields = {field.name for field in MissedSearch._meta.get_fields()}
        assert fields == {"id", "query", "count", "first_seen_on", "last_seen_on"}

    def test_found_searches_and_live_typing_are_not_counted(self, index, anonymous):
        index(make_document(title="Voedselbank"))
        search_site("voedselbank", user=anonymous)
        search_site("xyzzy", user=anonymous, filters=SearchFilters(count_missed=False))
        assert not MissedSearch.objects.exists()

    def test_nothing_found_because_of_filters_is_not_counted(self, index, anonymous):
        index(make_document(title="Voedselbank", municipalities=["assen"]))
        search_site(
            "voedselbank",
            user=anonymous,
            filters=SearchFilters(municipalities=("coevorden",)),
        )
        assert not MissedSearch.objects.exists()

    @pytest.mark.parametrize(
        ("typed", "stored"),
        [
            # Anything traceable: the search is not kept at all (issue 10).
            ("hulp voor jan@example.nl", ""),
            ("bel mij 0612345678 bewind", ""),
            ("schuldhulp bsn 123456789", ""),
            ("www.example.nl/hulp", ""),
            ("voedselbank 9401 AB 12", ""),
            # What looks like a person's name is not kept either.
            ("Hendrikje Qwazlowski", ""),
            ("hendrikje qwazlowski", ""),
            ("Jan de Vries", ""),
            # Ordinary words are.
            ("tweedehands fietsen", "tweedehands fietsen"),
            ("Energietoeslagaanvraag", "energietoeslagaanvraag"),
            (
                "mijn man is weggegaan en ik weet niet meer hoe ik de huur moet betalen",
                "",
            ),
        ],
    )
    def test_personal_details_and_stories_are_not_kept(self, typed, stored):
        assert services.missed_query_text(typed) == stored


class SynonymGroupTests:
    def test_terms_are_split_on_commas_and_normalised(self):
        group = SynonymGroup(
            terms="Schulden, GELDZORGEN;rekeningen niet betalen,schulden"
        )
        assert group.term_list == ["schulden", "geldzorgen", "rekeningen niet betalen"]

    def test_a_group_needs_two_terms(self):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            services.synonym_group_create(terms=["alleen"])

    def test_starter_set_is_installed_by_migration(self, starter_data):
        terms = " ".join(SynonymGroup.objects.values_list("terms", flat=True))
        for word in (
            "geldzorgen",
            "voedselpakket",
            "kledingbank",
            "contributie",
            "huurachterstand",
        ):
            assert word in terms
        assert SynonymGroup.objects.count() >= 30
