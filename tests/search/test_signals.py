"""The index follows Wagtail publishing, after commit: real sociale kaart pages."""

from __future__ import annotations

from wagtail.models import PageViewRestriction

import pytest

from search import services
from tests.factories.pact import OrganisationFactory
from tests.factories.search import make_document
from tests.factories.socialekaart import organisation_page, service_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(cast, wagtail_site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return organisation_page(cast.partner_a)


def ids():
    return services.database_backend().document_ids()


def titles(query, anonymous):
    return [r.title for r in services.search_site(query, user=anonymous).results]


class PublishingTests:
    def test_publishing_indexes_the_page_and_its_organisation(
        self, organisation, django_capture_on_commit_callbacks, anonymous
    ):
        with django_capture_on_commit_callbacks(execute=True):
            page = service_page(
                organisation, title="Formulierenhulp", summary="Hulp bij brieven."
            )
        assert {f"service-{page.pk}", f"organisation-{organisation.pk}"} <= ids()
        assert titles("formulierenhulp", anonymous) == ["Formulierenhulp"]

    def test_nothing_is_indexed_when_the_transaction_rolls_back(
        self, organisation, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            page = service_page(organisation, title="Teruggedraaid")
        assert callbacks
        assert f"service-{page.pk}" not in ids()

    def test_a_draft_change_is_not_indexed(
        self, organisation, django_capture_on_commit_callbacks, anonymous
    ):
        with django_capture_on_commit_callbacks(execute=True):
            page = service_page(organisation, title="Zwemles")
            page.title = "Geheim concept"
            page.save_revision()
        assert titles("zwemles", anonymous) == ["Zwemles"]
        assert titles("concept", anonymous) == []

    def test_unpublishing_removes_the_page(
        self, organisation, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            page = service_page(organisation, title="Kerstpakket")
        with django_capture_on_commit_callbacks(execute=True):
            page.unpublish()
        assert f"service-{page.pk}" not in ids()

    def test_a_page_behind_a_view_restriction_is_not_indexed(
        self, organisation, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            page = service_page(organisation, title="Alleen voor leden")
        PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="geheim-wachtwoord"
        )
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        assert f"service-{page.pk}" not in ids()

    def test_deleting_removes_the_page(
        self, organisation, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            page = service_page(organisation, title="Weggeefwinkel")
        pk = page.pk
        with django_capture_on_commit_callbacks(execute=True):
            page.delete()
        assert f"service-{pk}" not in ids()

    def test_moving_updates_the_urls_below(
        self, cast, organisation, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            page = service_page(organisation, title="Budgetcoach")
            other = organisation_page(
                OrganisationFactory(
                    name="Humanitas",
                    slug="humanitas",
                    municipalities=[cast.municipality],
                )
            )
        with django_capture_on_commit_callbacks(execute=True):
            page.move(other, pos="last-child")
        from search.models import IndexedDocument

        document = IndexedDocument.objects.get(doc_id=f"service-{page.pk}")
        assert f"/{other.slug}/" in document.data["url"]
        assert document.data["organisation"] == "Humanitas"


class ReindexTests:
    def test_reindex_builds_from_pages_and_drops_what_is_gone(
        self, organisation, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            page = service_page(organisation, title="Taalcafé")
        services.index_documents([make_document(page_id=999999, title="Spook")])
        outcome = services.reindex_all()
        assert outcome["database"] >= 2
        assert "service-999999" not in ids()
        assert f"service-{page.pk}" in ids()

    def test_reindex_twice_changes_nothing(
        self, organisation, django_capture_on_commit_callbacks
    ):
        from search.models import IndexedDocument, IndexedTerm, IndexState

        with django_capture_on_commit_callbacks(execute=True):
            service_page(organisation, title="Budgetbeheer")
        services.reindex_all()

        def snapshot():
            return (
                list(IndexedDocument.objects.order_by("id").values()),
                list(IndexedTerm.objects.order_by("term").values()),
                list(IndexState.objects.values()),
            )

        before = snapshot()
        services.reindex_all()
        assert snapshot() == before


class WagtailKeepsNoIndexTests:
    """Decision 0110: one index (the search app's); Wagtail's admin asks the database."""

    def test_publishing_writes_no_wagtail_index_entry(
        self, organisation, django_capture_on_commit_callbacks
    ):
        from wagtail.search.models import IndexEntry

        with django_capture_on_commit_callbacks(execute=True):
            page = service_page(organisation, title="Formulierenhulp")
            page.save_revision().publish()
        assert not IndexEntry.objects.exists()

    def test_the_admin_page_search_still_finds_a_page(self, organisation, cast, client):
        service_page(organisation, title="Formulierenhulp")
        client.force_login(cast.pact_admin)
        response = client.get("/admin/pages/search/", {"q": "formulierenhulp"})
        assert response.status_code == 200
        assert "Formulierenhulp" in response.content.decode()
