"""Public pages: residents without an account, professionals logged in."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


class PublicPageTests:
    def test_every_public_page_type_renders(self, client, kaart):
        for url in [
            "/",
            "/hulp/",
            "/categorie/geld-en-schulden/",
            "/wat-past-bij-mij/",
            "/organisaties/",
            kaart.org_a.url,
            kaart.service_a.url,
            kaart.service_a.url + "fout-melden/",
            kaart.org_a.url + "fout-melden/",
            kaart.service_a.url + "voor-de-inwoner/",
            kaart.ended_b.url,
        ]:
            response = client.get(url)
            assert response.status_code == 200, url

    def test_unknown_category_is_not_found(self, client, kaart):
        assert client.get("/categorie/bestaat-niet/").status_code == 404
