"""The anonymous page cache (issue 9, decision 0073): stored per language, never for
anyone logged in, invalidated by every change a public page can show."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client, override_settings

import pytest

from tests.factories import socialekaart as f

pytestmark = pytest.mark.django_db

NOTES = "Alleen voor professionals: vraag naar Joke, 06-12345678."


@pytest.fixture(autouse=True)
def page_cache_on():
    from config import pagecache

    with override_settings(PACT_PAGE_CACHE_SECONDS=300, PACT_PROXY_CACHE_SECONDS=0):
        pagecache.content_changed()  # a namespace of our own, whatever ran before
        yield


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


class StoredPagesTests:
    def test_a_second_anonymous_visit_is_served_from_the_cache(self, kaart):
        first = get(Client(), kaart.service_a.url)
        second = get(Client(), kaart.service_a.url)
        assert first["X-Pact-Cache"] == "miss"
        assert second["X-Pact-Cache"] == "hit"
        assert second.content == first.content

    def test_headers_for_a_proxy(self, kaart):
        response = get(Client(), kaart.service_a.url)
        control = response["Cache-Control"]
        assert "public" in control and "max-age=0" in control
        assert "s-maxage=0" in control
        assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]

    def test_each_language_has_its_own_copy(self, kaart):
        dutch = get(Client(), "/hulp/", HTTP_ACCEPT_LANGUAGE="nl")
        english = get(Client(), "/hulp/", HTTP_ACCEPT_LANGUAGE="en")
        again = get(Client(), "/hulp/", HTTP_ACCEPT_LANGUAGE="en")
        assert english["X-Pact-Cache"] == "miss"
        assert again["X-Pact-Cache"] == "hit"
        assert english.content != dutch.content
        assert english["Content-Language"] == "en"

    def test_hsds_lists_are_cached_too(self, kaart):
        get(Client(), "/api/hsds/services")
        assert get(Client(), "/api/hsds/services")["X-Pact-Cache"] == "hit"

    def test_what_fits_me_answers_and_mistake_forms_are_never_stored(self, kaart, cast):
        form = {
            "gemeente": cast.municipality.slug,
            "huishouden": "single",
            "inkomen": "900",
        }
        for _ in range(2):
            response = Client().post("/wat-past-bij-mij/", form)
            assert "X-Pact-Cache" not in response
        report = kaart.service_a.url + "fout-melden/"
        for _ in range(2):
            assert "X-Pact-Cache" not in Client().get(report)


class ProfessionalsTests:
    @pytest.fixture
    def page_with_notes(self, kaart):
        page = kaart.service_a
        page.professional_notes = NOTES
        page.save_revision().publish()
        return page

    def test_a_professionals_page_is_never_served_from_the_anonymous_cache(
        self, page_with_notes, cast
    ):
        anonymous = get(Client(), page_with_notes.url)
        assert NOTES not in anonymous.content.decode()
        professional = Client()
        professional.force_login(cast.worker_a)
        seen = get(professional, page_with_notes.url)
        assert "X-Pact-Cache" not in seen
        assert NOTES in seen.content.decode()
        assert "private" in seen["Cache-Control"]

    def test_a_professionals_page_never_reaches_anonymous_visitors(
        self, page_with_notes, cast
    ):
        professional = Client()
        professional.force_login(cast.worker_a)
        assert NOTES in get(professional, page_with_notes.url).content.decode()
        for _ in range(2):
            assert NOTES not in get(Client(), page_with_notes.url).content.decode()


class InvalidationTests:
    def test_publishing_a_change_shows_it_at_once(self, kaart):
        page = kaart.service_a
        get(Client(), page.url)
        get(Client(), "/hulp/")
        page.title = "Kindpakket plus"
        page.save_revision().publish()
        for url in (page.url, "/hulp/"):
            response = get(Client(), url)
            assert response["X-Pact-Cache"] == "miss"
            assert "Kindpakket plus" in response.content.decode()

    def test_unpublishing_takes_the_page_away(self, kaart):
        page = kaart.service_a
        get(Client(), page.url)
        page.unpublish()
        assert Client().get(page.url).status_code == 404

    def test_moving_a_page_moves_its_address(self, kaart):
        page = kaart.service_a
        old_url = page.url
        get(Client(), old_url)
        page.move(kaart.org_b, pos="last-child")
        page.refresh_from_db()
        moved = Client().get(old_url)  # Wagtail's automatic redirect, not the old page
        assert moved.status_code == 301
        assert moved["Location"] == page.url
        assert get(Client(), page.url)["X-Pact-Cache"] == "miss"

    def test_deleting_a_page_takes_it_away(self, kaart):
        page = kaart.service_b
        get(Client(), page.url)
        url = page.url
        page.delete()
        assert Client().get(url).status_code == 404

    def test_a_norm_table_change_shows_the_new_amounts(self, kaart):
        from socialekaart.models import NormPeriod
        from socialekaart.services import norm_period_upsert

        page = kaart.service_a
        before = get(Client(), page.url).content.decode()
        period = NormPeriod.objects.get()
        amounts = {a.household_type: a.amount for a in period.amounts.all()}
        amounts = {k: v + Decimal(100) for k, v in amounts.items()}
        norm_period_upsert(valid_from=period.valid_from, amounts=amounts)
        after = get(Client(), page.url)
        assert after["X-Pact-Cache"] == "miss"
        assert after.content.decode() != before

    def test_a_new_category_shows_on_the_home_page(self, kaart):
        get(Client(), "/")
        f.CategoryFactory(name="Werk en inkomen", slug="werk-en-inkomen", sort_order=9)
        response = get(Client(), "/")
        assert "Werk en inkomen" in response.content.decode()
