"""The search contract: documents for the search app (docs/socialekaart.md)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from socialekaart.selectors import (
    DOCUMENT_KEYS,
    search_document_for_page,
    search_documents,
)
from tests.factories import socialekaart as f

pytestmark = pytest.mark.django_db


class SearchDocumentTests:
    def test_every_document_has_exactly_the_contract_keys(self, kaart):
        documents = list(search_documents())
        assert documents
        for document in documents:
            assert tuple(document) == DOCUMENT_KEYS

    def test_services_and_organisations_are_indexed_but_ended_services_are_not(
        self, kaart
    ):
        ids = {document["id"] for document in search_documents()}
        assert f"service-{kaart.service_a.pk}" in ids
        assert f"service-{kaart.service_b.pk}" in ids
        assert f"organisation-{kaart.org_a.pk}" in ids
        assert f"service-{kaart.ended_b.pk}" not in ids
        assert search_document_for_page(kaart.ended_b) is None

    def test_service_document_carries_filters_and_plain_text(self, kaart):
        document = search_document_for_page(kaart.service_a)
        assert document["kind"] == "service"
        assert document["page_id"] == kaart.service_a.pk
        assert document["url"] == "/organisaties/attenta/kindpakket/"
        assert document["organisation"] == "Attenta"
        assert document["organisation_slug"] == "attenta"
        assert document["municipalities"] == ["aa-en-hunze"]
        assert document["municipality_names"] == ["Aa en Hunze"]
        assert document["categories"] == ["kinderen-en-jongeren"]
        assert document["target_groups"] == ["ouders"]
        assert (document["age_min"], document["age_max"]) == (4, 17)
        assert document["is_free"] is True
        assert document["locations"] == [{"lat": 52.993, "lng": 6.562}]
        assert document["keywords"] == ["schoolspullen", "fiets"]
        assert document["status"] == "active"
        assert document["last_checked_on"] is not None

    def test_body_is_plain_text_with_steps_and_documents(self, kaart):
        document = search_document_for_page(kaart.service_b)
        assert "Wij maken een plan." in document["body"]
        assert "Bel ons." in document["body"]
        assert "Uw bankafschriften" in document["body"]
        assert "<p>" not in document["body"]

    def test_professional_notes_never_appear(self, kaart):
        for document in search_documents():
            text = repr(document)
            assert "GEHEIM" not in text
            assert "0592-000000" not in text

    def test_organisation_document_aggregates_its_services(self, kaart):
        document = search_document_for_page(kaart.org_b)
        assert document["kind"] == "organisation"
        assert document["categories"] == ["geld-en-schulden"]
        assert document["municipalities"] == ["aa-en-hunze", "assen"]
        assert document["is_free"] is True
        assert document == next(
            d for d in search_documents() if d["id"] == f"organisation-{kaart.org_b.pk}"
        )

    def test_unpublished_and_private_pages_are_not_indexed(self, kaart):
        from wagtail.models import PageViewRestriction

        kaart.service_b.unpublish()
        assert search_document_for_page(kaart.service_b) is None
        PageViewRestriction.objects.create(page=kaart.org_a, restriction_type="login")
        ids = {document["id"] for document in search_documents()}
        assert f"service-{kaart.service_a.pk}" not in ids
        assert f"organisation-{kaart.org_a.pk}" not in ids
        assert search_document_for_page(kaart.service_a) is None

    def test_documents_are_built_with_a_fixed_number_of_queries_per_batch(self, kaart):
        def count(batch_size):
            with CaptureQueriesContext(connection) as queries:
                documents = list(search_documents(batch_size=batch_size))
            return len(queries), len(documents)

        few, _n = count(batch_size=1000)
        for _ in range(6):
            f.service_page(kaart.org_b, categories=[kaart.money])
        more, n = count(batch_size=1000)
        assert n == 10
        assert more == few
