"""The second login step is demanded centrally, on every request (issue 10, finding 1).

With ``PACT_REQUIRE_2FA`` on, a person who can reach case data or the Wagtail admin and
has only typed his password reaches nothing but the second step: not the admin (members
pages included), not casusregie, not the APIs, not exports, not the public pages (which
show professionals' notes to people who are logged in), not websockets.
"""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def current_token(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def password_only(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def case_a(cast):
    from tests.factories.casusregie import CaseFactory

    return CaseFactory(
        actor=cast.worker_a, organisation=cast.partner_a, municipality=cast.municipality
    )


@pytest.fixture(autouse=True)
def _two_factor_on(settings):
    settings.PACT_REQUIRE_2FA = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


PROTECTED_PAGES = [
    "/admin/",
    "/admin/leden/",
    "/admin/leden/attenta/",
    "/admin/pages/",
    "/admin/account/",
    "/casusregie/",
    "/agenda/",
    "/zoeken/?q=schuld",
    "/",
]


class SecondFactorEverywhereTests:
    @pytest.mark.parametrize(
        "persona", ["coordinator_a", "editor_a", "regisseur", "pact_admin", "worker_a"]
    )
    def test_every_role_needs_the_second_step(self, cast, persona):
        from pact.roles import needs_second_factor

        assert needs_second_factor(getattr(cast, persona))

    def test_superusers_need_it_and_people_without_a_role_do_not(self, cast):
        from django.contrib.auth import get_user_model

        from pact.roles import needs_second_factor

        root = get_user_model().objects.create_superuser("root", "r@example.org", "x")
        assert needs_second_factor(root)
        assert not needs_second_factor(cast.outsider)

    @pytest.mark.parametrize("path", PROTECTED_PAGES)
    def test_password_only_reaches_nothing_but_the_second_step(
        self, cast, wagtail_site, path
    ):
        TOTPDevice.objects.create(user=cast.coordinator_a, name="app", confirmed=True)
        response = password_only(cast.coordinator_a).get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("casusregie:otp_verify"))

    def test_apis_answer_403(self, cast, case_a):
        client = password_only(cast.worker_a)
        for url in [
            reverse("casusregie:api_case_list"),
            reverse("casusregie:api_case_detail", args=[case_a.uuid]),
            "/api/hsds/services",
        ]:
            response = client.get(url)
            assert response.status_code == 403, url
            assert "tweede stap" in response.json()["detail"]

    def test_exports_are_refused(self, cast, case_a):
        client = password_only(cast.worker_a)
        response = client.get(
            reverse("casusregie:case_export_json", args=[case_a.uuid])
        )
        assert response.status_code == 302
        assert response["Location"].startswith("/casusregie/tweestaps/")

    def test_the_invitation_form_cannot_be_posted(self, cast):
        from django.contrib.auth import get_user_model

        client = password_only(cast.coordinator_a)
        response = client.post(
            reverse("pact_members:list", kwargs={"slug": "attenta"}),
            {
                "email": "handlanger@example.org",
                "first_name": "Hand",
                "last_name": "Langer",
                "roles": ["case_worker"],
            },
        )
        assert response.status_code == 302
        assert (
            not get_user_model().objects.filter(email="handlanger@example.org").exists()
        )

    def test_the_steps_themselves_and_logging_out_stay_open(self, cast):
        TOTPDevice.objects.create(user=cast.editor_a, name="app", confirmed=True)
        client = password_only(cast.editor_a)
        assert client.get(reverse("casusregie:otp_verify")).status_code == 200
        assert client.get(reverse("casusregie:otp_recovery")).status_code == 200
        assert client.post(reverse("wagtailadmin_logout")).status_code == 302
        assert "_auth_user_id" not in client.session

    def test_after_the_second_step_the_admin_opens(self, cast):
        device = TOTPDevice.objects.create(
            user=cast.editor_a, name="app", confirmed=True
        )
        client = password_only(cast.editor_a)
        client.post(
            reverse("casusregie:otp_verify"),
            {"token": current_token(device), "next": "/admin/"},
        )
        assert client.get("/admin/").status_code == 200

    def test_anonymous_visitors_are_not_asked(self, wagtail_site):
        assert Client().get("/").status_code == 200

    def test_people_without_a_role_are_not_asked(self, cast, wagtail_site):
        assert password_only(cast.outsider).get("/").status_code == 200


@pytest.mark.django_db(transaction=True)
class SecondFactorWebsocketTests:
    async def test_websockets_refuse_a_session_without_the_second_step(
        self, settings, transactional_db
    ):
        from asgiref.sync import sync_to_async
        from channels.testing import WebsocketCommunicator

        from config.asgi import application

        settings.PACT_REQUIRE_2FA = True
        settings.ALLOWED_HOSTS = ["*"]

        def login():
            from tests.personas import build_cast

            cast = build_cast()
            client = Client()
            client.force_login(cast.coordinator_a)
            return client.cookies["sessionid"].value

        session_key = await sync_to_async(login)()
        communicator = WebsocketCommunicator(
            application,
            "/ws/casusregie/",
            headers=[
                (b"cookie", f"sessionid={session_key}".encode()),
                (b"origin", b"http://testserver"),
                (b"host", b"testserver"),
            ],
        )
        connected, _code = await communicator.connect(timeout=20)
        assert not connected
        await communicator.disconnect()
