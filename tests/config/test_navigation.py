"""The main menu shows casusregie only to people whose role opens case data (pact
admins too: their way in is break-glass access)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def menu_of(client, user) -> str:
    if user is not None:
        client.force_login(user)
    html = client.get("/").content.decode()
    return html.split('aria-label="Hoofdmenu"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize(
    "persona", ["worker_a", "coordinator_a", "regisseur", "pact_admin"]
)
def test_case_roles_see_casusregie(client, cast, wagtail_site, persona):
    assert 'href="/casusregie/"' in menu_of(client, getattr(cast, persona))


@pytest.mark.parametrize("persona", ["editor_a", "outsider", None])
def test_others_do_not(client, cast, wagtail_site, persona):
    user = getattr(cast, persona) if persona else None
    assert "/casusregie/" not in menu_of(client, user)


def test_footer_links_the_public_agenda(client, wagtail_site):
    assert 'href="/agenda/"' in client.get("/").content.decode()
