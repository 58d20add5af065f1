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


def missing_references(html: str) -> set[str]:
    """Ids named in aria-describedby / aria-labelledby / label for= that no element has."""
    import re

    ids = set(re.findall(r'\sid="([^"]+)"', html))
    named = set()
    for attribute in ("aria-describedby", "aria-labelledby", "for"):
        for value in re.findall(rf'\s{attribute}="([^"]*)"', html):
            named.update(value.split())
    return named - ids


class FormAccessibilityTests:
    def test_help_and_errors_are_tied_to_their_fields(self, client, kaart):
        pages = {
            "what fits, empty": client.get("/wat-past-bij-mij/"),
            "what fits, errors": client.post(
                "/wat-past-bij-mij/", {"inkomen": "veel", "kinderen": "zeven"}
            ),
            "list, error": client.get("/hulp/?leeftijd=oud"),
            "report, errors": client.post(kaart.service_a.url + "fout-melden/", {}),
        }
        for name, response in pages.items():
            html = response.content.decode()
            assert missing_references(html) == set(), name
        html = pages["what fits, errors"].content.decode()
        assert 'aria-describedby="id_inkomen_helptext id_inkomen_error"' in html
        assert 'id="id_inkomen_error"' in html


SECRETS = ("GEHEIM-NOTITIE", "GEHEIM-OVERDRACHT", "0592-000000")


class ProfessionalNotesTests:
    def test_residents_never_see_the_notes(self, client, kaart):
        html = client.get(kaart.service_a.url).content.decode()
        for secret in SECRETS:
            assert secret not in html

    def test_professionals_see_the_notes_on_a_private_page(self, client, cast, kaart):
        client.force_login(cast.worker_b)
        response = client.get(kaart.service_a.url)
        html = response.content.decode()
        for secret in SECRETS:
            assert secret in html
        assert "voor-de-inwoner/" in html
        # No shared cache may keep the professionals' version.
        assert "private" in response["Cache-Control"]

    def test_summary_for_the_resident_has_no_notes(self, client, cast, kaart):
        client.force_login(cast.worker_b)
        html = client.get(kaart.service_a.url + "voor-de-inwoner/").content.decode()
        assert "Kindpakket" in html
        for secret in SECRETS:
            assert secret not in html


class ListingTests:
    def test_filters_are_in_the_address_and_shown_again(self, client, cast, kaart):
        from tests.factories import socialekaart as f

        f.service_page(kaart.org_b, title="Budgetbeheer", is_free=False)
        slug = cast.municipality.slug
        html = client.get(f"/hulp/?gemeente={slug}&leeftijd=40&kosten=gratis").content
        html = html.decode()
        assert "Schuldhulpverlening" in html
        assert "Budgetbeheer" not in html  # not free
        assert "Kindpakket" not in html  # children 4-17
        assert f'<option value="{slug}" selected>' in html
        assert 'name="leeftijd" value="40"' in html

    def test_category_page_lists_only_its_category(self, client, kaart):
        html = client.get("/categorie/kinderen-en-jongeren/").content.decode()
        assert "Kindpakket" in html
        assert "Schuldhulpverlening" not in html


class ResidentSummaryTests:
    def test_summary_says_what_where_when_and_what_to_bring(self, client, cast, kaart):
        import datetime

        from tests.factories import socialekaart as f

        organisation = f.organisation_page(
            cast.gemeente,
            slug="gemeente",
            locations=[
                {
                    "name": "Gemeentehuis",
                    "street_address": "Brink 2",
                    "postal_code": "9401 AB",
                    "city": "Assen",
                    "opening_hours": [
                        (
                            "period",
                            {
                                "days": ["1", "2", "3"],
                                "opens": datetime.time(9),
                                "closes": datetime.time(12, 30),
                                "note": "",
                            },
                        )
                    ],
                }
            ],
        )
        service = f.service_page(
            organisation,
            title="Bijzondere bijstand",
            location_names=["Gemeentehuis"],
            walk_in_hours=[
                (
                    "period",
                    {
                        "days": ["4"],
                        "opens": datetime.time(13),
                        "closes": datetime.time(15),
                        "note": "",
                    },
                )
            ],
            required_documents=[
                ("document", {"document": "Uw loonstrook", "note": ""})
            ],
        )
        response = client.get(service.url + "voor-de-inwoner/")
        text = response.context["plain_text"]
        assert "Gemeentehuis: Brink 2, 9401 AB Assen" in text
        assert "maandag tot en met woensdag: 09:00–12:30 uur" in text
        assert "Inloopspreekuur: donderdag: 13:00–15:00 uur" in text
        assert "- Uw loonstrook" in text
        html = response.content.decode()
        assert "maandag tot en met woensdag: 09:00–12:30 uur" in html


class EnglishTests:
    def test_languages_spoken_are_translated(self, client, kaart):
        service = kaart.service_b
        service.languages = ["nl", "ar"]
        service.save_revision().publish()
        html = client.get(service.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "Dutch and Arabic" in html

    def test_dutch_content_is_marked_dutch_on_english_pages(self, client, kaart):
        english = client.get(
            kaart.service_b.url, HTTP_ACCEPT_LANGUAGE="en"
        ).content.decode()
        assert '<h1 lang="nl">Schuldhulpverlening</h1>' in english
        assert '<p class="lead" lang="nl">Hulp als u schulden heeft.</p>' in english
        assert '<div class="rich-text" lang="nl">' in english
        assert '<ol class="steps" lang="nl">' in english
        home = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert 'lang="nl">Geld en schulden</a>' in home
        card_list = client.get("/hulp/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert 'lang="nl">Schuldhulpverlening</a>' in card_list
        dutch = client.get(kaart.service_b.url).content.decode()
        assert "<h1>Schuldhulpverlening</h1>" in dutch


class ResidentSummaryToSendTests:
    """Issue 11: the summary says who qualifies and the website its steps refer to,
    and can go out as a short text message or WhatsApp text from the professional's
    own phone, with nothing personal passing our server."""

    def _summary(self, client, cast, kaart, **changes):
        page = kaart.service_a
        for name, value in changes.items():
            setattr(page, name, value)
        if changes:
            page.save_revision().publish()
        client.force_login(cast.worker_b)
        response = client.get(page.url + "voor-de-inwoner/")
        assert response.status_code == 200
        return response.context, response.content.decode()

    def test_it_says_who_qualifies(self, client, cast, kaart):
        context, html = self._summary(client, cast, kaart)
        assert "Voor wie?" in html
        assert "130% van het sociaal minimum" in html
        assert "130% van het sociaal minimum" in context["plain_text"]
        assert "<" not in context["plain_text"].split("Voor wie?")[1].split("\n")[1]

    def test_it_names_the_website(self, client, cast, kaart):
        context, html = self._summary(
            client, cast, kaart, website="https://www.kindpakket.example/"
        )
        assert 'href="https://www.kindpakket.example/"' in html
        assert "https://www.kindpakket.example/" in context["plain_text"]
        assert "https://www.kindpakket.example/" in context["short_text"]

    def test_a_short_text_opens_in_whatsapp_or_sms(self, client, cast, kaart):
        from urllib.parse import quote

        context, html = self._summary(client, cast, kaart)
        short = context["short_text"]
        assert short.startswith("Kindpakket")
        assert len(short) <= 480
        assert kaart.service_a.url in short
        encoded = quote(short, safe="/")
        assert f'href="https://wa.me/?text={encoded}"' in html
        assert f'href="sms:?&amp;body={encoded}"' in html
        # The links carry only what the page says: no notes for professionals.
        for secret in ("GEHEIM-NOTITIE", "GEHEIM-OVERDRACHT", "0592-000000"):
            assert secret not in short
            assert secret not in context["plain_text"]
