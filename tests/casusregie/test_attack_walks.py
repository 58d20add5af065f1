"""The attacks of issue 10, findings 1 and 2, walked through HTTP as the reviewer did.
Each walk ends at a refusal or a 404.

1. A coordinator's password alone (no phone) opened ``/admin/``: from the members page
   the attacker invited his own address as case worker, set its password through the
   invitation link, linked his own app and read the organisation's cases.
2. A pact admin (and a superuser) invited his own address to GKB as case worker and
   saw GKB's cases without break-glass.
"""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from casusregie.models import AccessLogEntry
from pact.constants import Role
from pact.models import Membership
from pact.roles import organisation_group

pytestmark = pytest.mark.django_db

PASSWORD = "test-wachtwoord-123"  # the cast's password (tests/factories/pact.py)


def token(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def log_in(client: Client, username: str, password: str = PASSWORD) -> None:
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )
    assert response.status_code == 302, "the password is right"
    assert "_auth_user_id" in client.session


def verified(user) -> Client:
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    log_in(client, user.username)
    client.post(reverse("casusregie:otp_verify"), {"token": token(device)})
    return client


@pytest.fixture
def gkb_cases(cast):
    from tests.factories.casusregie import CaseFactory

    return [
        CaseFactory(
            actor=cast.worker_b, organisation=cast.partner_b, municipality=municipality
        )
        for municipality in (cast.municipality, cast.other_municipality)
    ]


class FindingOneTests:
    def test_a_password_without_the_phone_opens_nothing(
        self, cast, settings, mailoutbox, gkb_cases
    ):
        settings.PACT_REQUIRE_2FA = True
        TOTPDevice.objects.create(user=cast.coordinator_a, name="app", confirmed=True)
        attacker = Client()
        # Step 1: the stolen password logs in ...
        log_in(attacker, "coordinator_a")
        # ... but the admin asks for the code, the members page too.
        verify = reverse("casusregie:otp_verify")
        for path in ["/admin/", "/admin/leden/", "/admin/leden/attenta/"]:
            response = attacker.get(path)
            assert response.status_code == 302
            assert response["Location"].startswith(verify), path
        # Step 2: posting the invitation is refused the same way; no account, no mail.
        response = attacker.post(
            "/admin/leden/attenta/",
            {
                "email": "handlanger@example.org",
                "first_name": "Hand",
                "last_name": "Langer",
                "roles": ["case_worker"],
            },
        )
        assert response["Location"].startswith(verify)
        assert (
            not get_user_model().objects.filter(email="handlanger@example.org").exists()
        )
        assert mailoutbox == []
        # Step 3: the cases, the API and the exports stay shut.
        assert attacker.get(reverse("casusregie:dashboard"))["Location"].startswith(
            verify
        )
        api = attacker.get(reverse("casusregie:api_case_list"))
        assert api.status_code == 403
        # Guessing codes does not help: a wrong code is refused.
        wrong = attacker.post(verify, {"token": "000000"})
        assert wrong.status_code == 200 and "klopt niet" in wrong.content.decode()
        assert attacker.get("/admin/").status_code == 302

    def test_an_invited_accomplice_links_an_app_but_sees_no_case_of_others(
        self, cast, mailoutbox, gkb_cases, django_capture_on_commit_callbacks
    ):
        """Even the legitimate coordinator (both steps passed) who invites a second
        account only gets what his organisation's involvement gives: GKB's cases stay
        404 for it."""
        coordinator = verified(cast.coordinator_a)
        with django_capture_on_commit_callbacks(execute=True):
            coordinator.post(
                "/admin/leden/attenta/",
                {
                    "email": "tweede@example.org",
                    "first_name": "Twee",
                    "last_name": "De",
                    "roles": ["case_worker"],
                },
            )
        link = re.search(
            r"https?://[^/]+(/admin/password_reset/\S+)", mailoutbox[-1].body
        )
        accomplice = Client()
        form = accomplice.get(link.group(1), follow=True)
        accomplice.post(
            form.redirect_chain[-1][0] if form.redirect_chain else link.group(1),
            {
                "new_password1": "Een-heel-lang-wachtwoord-9",
                "new_password2": "Een-heel-lang-wachtwoord-9",
            },
        )
        log_in(accomplice, "tweede@example.org", "Een-heel-lang-wachtwoord-9")
        for case in gkb_cases:
            response = accomplice.get(
                reverse("casusregie:case_detail", args=[case.uuid])
            )
            assert response.status_code == 404


class FindingTwoTests:
    def walk(self, client: Client, user, gkb_cases, organisation_slug: str) -> None:
        before = Membership.objects.filter(user=user).count()
        # Step 1: invite his own address to GKB as case worker: refused.
        response = client.post(
            f"/admin/leden/{organisation_slug}/",
            {
                "email": user.email,
                "first_name": user.first_name or "Ik",
                "last_name": user.last_name or "Zelf",
                "roles": ["case_worker"],
            },
        )
        assert response.status_code == 200
        assert "uzelf" in response.content.decode()
        assert Membership.objects.filter(user=user).count() == before
        # Step 2: no case appears, and each answers 404 like a missing one.
        listed = client.get(reverse("casusregie:api_case_list")).json()
        assert listed["count"] == 0
        for case in gkb_cases:
            for name in ("case_detail", "case_export_json", "api_case_detail"):
                response = client.get(reverse(f"casusregie:{name}", args=[case.uuid]))
                assert response.status_code == 404, name
        # Nothing in the access log calls him a GKB case worker.
        assert not AccessLogEntry.objects.filter(
            actor_id=user.pk, role_label__icontains="Casusbehandelaar"
        ).exists()

    def test_pact_admin_cannot_give_himself_case_access(
        self, cast, settings, gkb_cases
    ):
        settings.PACT_REQUIRE_2FA = True
        self.walk(verified(cast.pact_admin), cast.pact_admin, gkb_cases, "gkb")

    def test_superuser_cannot_either_not_even_through_the_groups(
        self, cast, settings, gkb_cases
    ):
        settings.PACT_REQUIRE_2FA = True
        root = get_user_model().objects.create_superuser(
            "beheerder", "beheerder@example.org", PASSWORD
        )
        client = verified(root)
        self.walk(client, root, gkb_cases, "gkb")
        # The Wagtail users admin lets a superuser put himself in GKB's case workers'
        # group; the policy ignores organisation grants for superusers.
        root.groups.add(organisation_group(cast.partner_b, Role.CASE_WORKER))
        for case in gkb_cases:
            response = client.get(reverse("casusregie:case_detail", args=[case.uuid]))
            assert response.status_code == 404
        # Break-glass stays the only way in (reason, logged, reported).
        assert client.get(reverse("casusregie:break_glass")).status_code == 200
