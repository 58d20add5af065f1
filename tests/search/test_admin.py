"""Search in the Wagtail admin: synonyms for pact admins, missed searches for editors."""

from __future__ import annotations

import pytest
from pytest_django.asserts import assertContains

from pact.roles import roles_sync_groups
from search.models import MissedSearch, SynonymGroup
from search.services import missed_search_record

pytestmark = pytest.mark.django_db

SYNONYMS = "/admin/snippets/pactsearch/synonymgroup/"
MISSED = "/admin/zoeken/gemist/"


@pytest.fixture
def people(cast, starter_data):
    roles_sync_groups()
    return cast


def login(client, user):
    client.force_login(user)
    return client


class SynonymAdminTests:
    def test_pact_admin_lists_and_adds_synonyms(self, client, people):
        login(client, people.pact_admin)
        # Ordered by their words: the starter groups take several pages.
        assertContains(client.get(SYNONYMS + "?p=2"), "kledingbank, kleding")
        response = client.post(
            SYNONYMS + "add/",
            {"terms": "laptop, computer, chromebook", "is_active": "on", "note": ""},
        )
        assert response.status_code == 302
        assert SynonymGroup.objects.filter(
            terms="laptop, computer, chromebook"
        ).exists()

    def test_a_single_word_is_refused_with_a_reason(self, client, people):
        login(client, people.pact_admin)
        response = client.post(
            SYNONYMS + "add/", {"terms": "alleen", "is_active": "on"}
        )
        assertContains(response, "Vul minstens twee woorden in")

    @pytest.mark.parametrize("persona", ["editor_a", "coordinator_a", "regisseur"])
    def test_others_may_not_change_synonyms(self, client, people, persona):
        login(client, getattr(people, persona))
        assert client.get(SYNONYMS + "add/").status_code in (302, 403)


class MissedSearchReportTests:
    @pytest.mark.parametrize(
        "persona", ["editor_a", "coordinator_a", "regisseur", "pact_admin"]
    )
    def test_people_with_the_capability_see_what_was_not_found(
        self, client, people, persona
    ):
        missed_search_record("parkeervergunning")
        missed_search_record("parkeervergunning")
        response = login(client, getattr(people, persona)).get(MISSED)
        assertContains(response, "Wat mensen zoeken en niet vinden")
        assertContains(response, "parkeervergunning")

    def test_report_exports_as_csv(self, client, people):
        missed_search_record("parkeervergunning")
        response = login(client, people.editor_a).get(MISSED, {"export": "csv"})
        assert b"parkeervergunning" in b"".join(
            response.streaming_content if response.streaming else [response.content]
        )

    @pytest.mark.parametrize("persona", ["worker_a", "outsider"])
    def test_others_are_refused(self, client, people, persona):
        response = login(client, getattr(people, persona)).get(MISSED)
        assert response.status_code in (302, 403)
        assert MissedSearch.objects.count() == 0
