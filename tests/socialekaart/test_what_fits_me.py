""" "Wat past bij mij?": answers with reasons, and nothing entered is stored or logged."""

from __future__ import annotations

import logging

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from socialekaart.constants import HouseholdType

pytestmark = pytest.mark.django_db
URL = "/wat-past-bij-mij/"


def answer(client, kaart, **data):
    form = {
        "gemeente": kaart.org_a.organisation.municipalities.first().slug,
        "huishouden": HouseholdType.SINGLE_PARENT,
        "inkomen": "",
        "kinderen": "",
    }
    form.update(data)
    return client.post(URL, form)


class WhatFitsMeTests:
    def test_the_form_is_posted_so_answers_never_land_in_the_address(
        self, client, kaart
    ):
        html = client.get(URL).content.decode()
        assert 'method="post"' in html
        assert 'name="inkomen"' in html

    def test_fitting_offer_is_listed_with_its_reason(self, client, kaart):
        response = answer(client, kaart, inkomen="1.400", kinderen="7, 15")
        html = response.content.decode().replace("\xa0", " ")
        assert response.status_code == 200
        assert "Kindpakket" in html
        assert "Uw inkomen is lager dan € 1.616, de grens voor deze regeling" in html
        assert "U heeft kinderen van 7 en 15 jaar" in html

    def test_unknown_income_lists_it_as_might_fit(self, client, kaart):
        html = answer(
            client, kaart, inkomen_onbekend="on", kinderen="7"
        ).content.decode()
        assert "Dit past misschien" in html
        assert "Waarom dit misschien past:" in html
        assert "Het hangt af van uw inkomen" in html

    def test_other_conditions_are_shown_with_a_maybe(self, client, kaart):
        from tests.factories import socialekaart as f

        f.service_page(
            kaart.org_a,
            title="Participatiepremie",
            eligibility_note="U werkt op een participatieplaats.",
            rules=[{"min_age": 18, "max_age": 66}],
        )
        html = answer(client, kaart, inkomen="1.400").content.decode()
        might_fit = html[html.index("Dit past misschien") :]
        assert "Participatiepremie" in might_fit
        assert "Er zijn ook andere voorwaarden" in might_fit
        assert "U werkt op een participatieplaats." in might_fit

    def test_too_high_income_leaves_it_out(self, client, kaart):
        html = answer(client, kaart, inkomen="3000", kinderen="7").content.decode()
        assert "Spullen en activiteiten voor uw kind." not in html

    def test_bad_input_gets_a_clear_message_and_keeps_the_answers(self, client, kaart):
        response = answer(client, kaart, inkomen="veel", kinderen="zeven")
        html = response.content.decode()
        assert "Vul een bedrag in euro" in html
        assert "Schrijf alleen leeftijden in jaren" in html
        assert 'value="veel"' in html

    def test_nothing_is_stored_no_session_and_no_cache(self, client, kaart):
        with CaptureQueriesContext(connection) as queries:
            response = answer(client, kaart, inkomen="1400", kinderen="7")
        writes = [
            q["sql"]
            for q in queries
            if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
        ]
        assert writes == []
        assert "sessionid" not in response.cookies
        assert "no-store" in response["Cache-Control"]

    def test_income_is_not_logged(self, client, kaart, caplog):
        caplog.set_level(logging.DEBUG)
        answer(client, kaart, inkomen="1437,55", kinderen="7")
        assert "1437" not in caplog.text
