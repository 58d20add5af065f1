"""The permission matrix of the admin members pages and invitations, for every role.

Pages: the organisations index, one organisation's members (own and other), removing a
member, resetting a member's second factor, and posting an invitation. Each role is
checked against its own organisation (Attenta, where the cast works) and another
(a welfare organisation outside the pact). Forbidden answers the same as missing
(404) once someone is in the admin; people without admin access go to the login page.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

import pytest

from pact.constants import Role
from pact.models import Membership
from tests.factories.pact import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "login"  # sent to the login page (the admin uses the professionals' door)
LOGIN_PATH = "/inloggen/"
OK = 200
NOT_FOUND = 404
DENIED = "denied"  # in the admin but not allowed: 403 or a redirect to the dashboard
INVITED = "invited"  # the invitation went out
TO_OWN = "to own"  # the index goes straight to the one organisation managed

# persona: (index, own list, other list, remove, 2FA reset, invite own, invite other)
MATRIX = {
    "anonymous": (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
    "outsider": (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
    "worker_a": (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
    "editor_a": (
        DENIED,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
    ),
    "regisseur": (
        DENIED,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
    ),
    "coordinator_a": (TO_OWN, OK, NOT_FOUND, OK, OK, INVITED, NOT_FOUND),
    # The pact admin manages the members of the pact's member organisations only.
    "pact_admin": (OK, OK, NOT_FOUND, OK, OK, INVITED, NOT_FOUND),
    "superuser": (OK, OK, OK, OK, OK, INVITED, INVITED),
}


def person(cast, persona):
    if persona == "anonymous":
        return None
    if persona == "superuser":
        return get_user_model().objects.create_superuser(
            "root", "root@example.org", "x"
        )
    return getattr(cast, persona)


def check(response, expected, label):
    code = response.status_code
    if expected == LOGIN:
        assert code == 302 and LOGIN_PATH in response["Location"], label
    elif expected == TO_OWN:
        assert code == 302 and response["Location"] == "/admin/leden/attenta/", label
    elif expected == DENIED:
        assert code in (302, 403), label
        if code == 302:
            assert LOGIN_PATH not in response["Location"], label
    else:
        assert code == expected, f"{label}: {code}"


@pytest.mark.parametrize("persona", list(MATRIX))
def test_members_pages_and_invitations(cast, persona, mailoutbox):
    index, own, other, remove, reset, invite_own, invite_other = MATRIX[persona]
    outside = OrganisationFactory(name="Buiten het pact", slug="buiten")
    member = UserFactory(username="lid_buiten", roles=[(outside, Role.EDITOR)])
    user = person(cast, persona)
    client = Client()
    if user is not None:
        client.force_login(user)

    def url(name, organisation, **kwargs):
        return reverse(name, kwargs={"slug": organisation.slug, **kwargs})

    check(client.get(reverse("pact_members:index")), index, f"{persona} index")
    check(client.get(url("pact_members:list", cast.partner_a)), own, f"{persona} own")
    check(client.get(url("pact_members:list", outside)), other, f"{persona} other")
    check(
        client.get(
            url("pact_members:remove", cast.partner_a, user_id=cast.editor_a.pk)
        ),
        remove,
        f"{persona} remove",
    )
    check(
        client.get(
            url(
                "pact_members:second_factor_reset",
                cast.partner_a,
                user_id=cast.editor_a.pk,
            )
        ),
        reset,
        f"{persona} reset",
    )
    for organisation, expected, address in (
        (cast.partner_a, invite_own, "nieuw-a@example.org"),
        (outside, invite_other, "nieuw-b@example.org"),
    ):
        response = client.post(
            url("pact_members:list", organisation),
            {
                "email": address,
                "first_name": "Nieuw",
                "last_name": "Lid",
                "roles": ["editor"],
            },
        )
        invited = Membership.objects.filter(
            user__email=address, organisation=organisation
        ).exists()
        label = f"{persona} invite {organisation.slug}"
        if expected == INVITED:
            assert response.status_code == 302 and invited, label
        else:
            check(response, expected, label)
            assert not invited, label
    assert member.is_active


@pytest.mark.parametrize("persona", ["coordinator_a", "pact_admin", "superuser"])
def test_nobody_who_manages_members_can_invite_himself(cast, persona):
    user = person(cast, persona)
    client = Client()
    client.force_login(user)
    before = Membership.objects.filter(user=user).count()
    response = client.post(
        reverse("pact_members:list", kwargs={"slug": cast.partner_a.slug}),
        {
            "email": user.email,
            "first_name": "Ik",
            "last_name": "Zelf",
            "roles": ["case_worker"],
        },
    )
    assert response.status_code == 200
    assert "uzelf" in response.content.decode()
    assert Membership.objects.filter(user=user).count() == before
