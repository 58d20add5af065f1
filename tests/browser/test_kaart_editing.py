"""Editors saving an offering in the real Wagtail admin (JavaScript stream fields and
all): content errors block submitting for approval, a draft is saved with the problems
shown (issue 11, decision 0081)."""

from __future__ import annotations

import re

from django.test import Client

import pytest
from playwright.sync_api import expect

SUBMIT = """() => {
    const form = document.getElementById("page-edit-form");
    const action = document.createElement("input");
    action.type = "hidden"; action.name = "%s"; action.value = "1";
    form.appendChild(action);
    form.submit();
}"""


@pytest.fixture
def offering(site, cast):
    from socialekaart import services

    index = services.kaart_structure_ensure()
    money = services.category_upsert(
        slug="geld-en-schulden", name="Geld en schulden", description="", sort_order=1
    )
    organisation = services.organisation_page_create(
        parent=index, organisation=cast.partner_a, summary="Sociaal werk.", locations=[]
    )
    page = services.service_page_create(
        organisation_page=organisation,
        title="Aanmelden",
        summary="Hulp bij aanmelden.",
        categories=[money],
        municipalities=[cast.municipality],
        application_steps=[("step", {"text": "Meld u aan op de website."})],
        phone="0592-000 100",
    )
    return site, cast, page


def editor_page(browser, base_url, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": base_url,
            }
        ]
    )
    return context, context.new_page()


class EditorSavesTests:
    def test_an_error_blocks_submitting_and_a_draft_is_saved(self, offering, browser):
        base_url, cast, service = offering
        context, page = editor_page(browser, base_url, cast.editor_a)
        edit = f"{base_url}/admin/pages/{service.pk}/edit/"
        page.goto(edit)
        expect(page.locator("#page-edit-form")).to_be_attached()
        revisions = service.revisions.count()

        page.evaluate(SUBMIT % "action-submit")
        # On the website field, in the tab "Waar en contact" (the tab shows a count).
        expect(
            page.locator(".error-message", has_text="stuurt inwoners naar de website")
        ).to_be_attached()
        service.refresh_from_db()
        assert not service.workflow_in_progress
        assert service.revisions.count() == revisions  # nothing saved

        page.goto(edit)
        page.evaluate(SUBMIT % "action-draft")
        expect(
            page.get_by_text(re.compile("stuurt inwoners naar de website")).first
        ).to_be_visible()
        assert service.revisions.count() > revisions  # the draft is saved
        context.close()
