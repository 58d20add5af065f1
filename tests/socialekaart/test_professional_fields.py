"""page_professional_fields_set: only what professionals see, published as a revision,
by the system or someone who may publish the page."""

from __future__ import annotations

from django.core.exceptions import ValidationError

import pytest

from socialekaart import services
from socialekaart.models import ServicePage
from socialekaart.permissions import NotAllowed

pytestmark = pytest.mark.django_db


def test_the_system_sets_them_as_a_published_revision(kaart):
    revisions = kaart.service_a.revisions.count()
    services.page_professional_fields_set(
        page=kaart.service_a, professional_handover="Bel de balie."
    )
    page = ServicePage.objects.get(pk=kaart.service_a.pk)
    assert page.professional_handover == "Bel de balie."
    assert page.live and not page.has_unpublished_changes
    assert page.revisions.count() == revisions + 1


def test_no_other_field_goes_this_way(kaart):
    with pytest.raises(ValidationError):
        services.page_professional_fields_set(page=kaart.service_a, title="Anders")
    assert ServicePage.objects.get(pk=kaart.service_a.pk).title == "Kindpakket"


def test_an_editor_who_may_not_publish_is_refused(cast, kaart):
    # Editors submit changes for approval, also on their own organisation's pages.
    with pytest.raises(NotAllowed):
        services.page_professional_fields_set(
            page=kaart.service_a, actor=cast.editor_a, professional_notes="x"
        )
    with pytest.raises(NotAllowed):
        services.page_professional_fields_set(
            page=kaart.service_b, actor=cast.editor_a, professional_notes="x"
        )
    assert not ServicePage.objects.get(pk=kaart.service_b.pk).professional_notes


def test_a_pact_admin_may(cast, kaart):
    services.page_professional_fields_set(
        page=kaart.org_a, actor=cast.pact_admin, professional_phone="0592-000 111"
    )
    kaart.org_a.refresh_from_db()
    assert kaart.org_a.professional_phone == "0592-000 111"
