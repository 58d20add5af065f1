"""Offering pages complete and consistent (issue 11): "Bel of loop binnen" first,
one table per income limit, "not checked for 8 months" told to residents, the content
rules on save and in the editors' report (decision 0081)."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

import pytest

from socialekaart import selectors
from socialekaart.content_rules import SERVICE, PageContent
from socialekaart.forms_admin import ContentRulesMixin
from socialekaart.services.freshness import record_check
from socialekaart.wagtail_hooks import show_content_problems
from tests.factories import socialekaart as f

pytestmark = pytest.mark.django_db

REPORT = "socialekaart_content:index"


def no_contact_service(cast):
    """An offering of the municipality's page, without any contact details, whose
    steps send people to a website that is not there."""
    org = f.organisation_page(cast.gemeente, locations=[])
    return f.service_page(
        org,
        title="Zonder contact",
        application_steps=[("step", {"text": "Meld u aan op de website."})],
    )


class OfferingPageTests:
    def test_call_or_walk_in_comes_before_the_explanation(self, client, kaart):
        kaart.org_b.phone = "0592-000 700"
        kaart.org_b.save_revision().publish()
        html = client.get(kaart.service_b.url).content.decode()
        assert "Bel 0592-000 700" in html
        assert html.index('id="reach-heading"') < html.index("Wat is het?")

    def test_opening_hours_are_handed_to_the_browser_for_open_now(self, client, kaart):
        location = kaart.org_a.locations.first()
        location.opening_hours = [
            ("period", {"days": ["1", "2"], "opens": "09:00", "closes": "17:00"})
        ]
        location.save()
        html = client.get(kaart.service_a.url).content.decode()
        assert "data-opening=" in html
        assert "&quot;opens&quot;:&quot;09:00&quot;" in html

    def test_no_empty_contact_section(self, client, cast, kaart):
        page = no_contact_service(cast)
        html = client.get(page.url).content.decode()
        assert 'id="reach-heading"' not in html
        assert ">Contact</h2>" not in html

    def test_rules_with_the_same_limit_share_one_table(self, client, cast, kaart):
        page = f.service_page(
            kaart.org_a,
            title="Twee gemeenten",
            municipalities=[cast.municipality, cast.other_municipality],
            rules=[
                {"income_limit_percent": 120, "municipalities": [cast.municipality]},
                {
                    "income_limit_percent": 120,
                    "municipalities": [cast.other_municipality],
                },
            ],
        )
        html = client.get(page.url).content.decode()
        assert html.count('<table class="norms">') == 1
        assert cast.other_municipality.name in html

    def test_for_everyone_is_not_said_when_other_conditions_apply(self, client, kaart):
        page = f.service_page(
            kaart.org_a,
            title="Via een hulpverlener",
            eligibility_note="Alleen via een hulpverlener.",
        )
        html = client.get(page.url).content.decode()
        assert "Voor iedereen" not in html
        assert "Alleen via een hulpverlener." in html


class UncheckedForResidentsTests:
    def test_eight_months_without_a_check_is_told_to_residents(self, client, kaart):
        nine_months_ago = timezone.localdate() - datetime.timedelta(days=275)
        record_check(page=kaart.service_b, user=None, on=nine_months_ago)
        html = client.get(kaart.service_b.url).content.decode()
        assert "langer dan 8 maanden geleden" in html

    def test_a_recent_check_says_nothing(self, client, kaart):
        html = client.get(kaart.service_b.url).content.decode()
        assert "langer dan 8 maanden geleden" not in html

    def test_the_boundary_is_eight_calendar_months(self, kaart):
        check = selectors.page_check_of(kaart.service_b)
        today = datetime.date(2026, 10, 31)
        check.checked_on = datetime.date(2026, 2, 28)
        assert selectors.unchecked_since(kaart.service_b, check, today) is None
        check.checked_on = datetime.date(2026, 2, 27)
        assert selectors.unchecked_since(kaart.service_b, check, today) == (
            datetime.date(2026, 2, 27)
        )


class _Form(ContentRulesMixin, forms.Form):
    website = forms.CharField(required=False)


class SaveTests:
    CONTENT = PageContent(
        kind=SERVICE,
        phone="0592-000 100",
        has_steps=True,
        texts={"application_steps": "Meld u aan op de website."},
    )

    def test_an_error_blocks_submitting_for_approval(self):
        form = _Form(data={"action-submit": "1"})
        assert form.is_valid()
        form.check_content_rules(self.CONTENT)
        assert "website" in form.errors

    def test_a_draft_is_saved_anyway(self):
        form = _Form(data={})
        assert form.is_valid()
        form.check_content_rules(self.CONTENT)
        assert not form.errors

    def test_after_saving_the_editor_sees_the_problems(self, cast, kaart):
        page = no_contact_service(cast)
        request = RequestFactory().get("/admin/")
        request.user = cast.editor_a
        request.session = {}
        request._messages = FallbackStorage(request)
        show_content_problems(request, page)
        texts = [str(m) for m in get_messages(request)]
        assert any("niemand bereiken" in text for text in texts)
        assert any("website" in text for text in texts)


class ContentReportTests:
    def test_pact_admins_see_every_page_with_problems(self, client, cast, kaart):
        page = no_contact_service(cast)
        client.force_login(cast.pact_admin)
        response = client.get(reverse(REPORT))
        assert response.status_code == 200
        html = response.content.decode()
        assert page.title in html
        assert "Fout:" in html

    def test_editors_see_only_their_own_organisations_pages(self, client, cast, kaart):
        page = no_contact_service(cast)  # of the municipality
        client.force_login(cast.editor_a)
        response = client.get(reverse(REPORT))
        assert response.status_code == 200
        assert page.title not in response.content.decode()

    def test_people_without_kaart_rights_are_refused(self, client, cast, kaart):
        client.force_login(cast.worker_a)
        assert client.get(reverse(REPORT)).status_code in (302, 403)
