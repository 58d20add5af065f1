"""Two-factor authentication for case roles, session timeout and login rate limiting."""

from __future__ import annotations

from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def current_token(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


class TwoFactorTests:
    # django-otp throttles after a wrong code; the test does not wait for it.
    @override_settings(PACT_REQUIRE_2FA=True, OTP_TOTP_THROTTLE_FACTOR=0)
    def test_case_roles_must_enrol_and_verify_before_any_case_data(self, case_a, cast):
        client = Client()
        client.force_login(cast.worker_a)
        case_url = reverse("casusregie:case_detail", args=[case_a.uuid])
        response = client.get(case_url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("casusregie:otp_setup"))
        assert client.get(reverse("casusregie:api_case_list")).status_code == 403
        setup = client.get(response["Location"])
        assert b"data:image/svg+xml;base64," in setup.content
        device = TOTPDevice.objects.get(user=cast.worker_a, confirmed=False)
        wrong = client.post(
            setup.request["PATH_INFO"], {"token": "000000", "next": case_url}
        )
        assert wrong.status_code == 200 and "klopt niet" in wrong.content.decode()
        ok = client.post(
            setup.request["PATH_INFO"],
            {"token": current_token(device), "next": case_url},
        )
        assert ok.status_code == 302 and ok["Location"] == case_url
        assert client.get(case_url).status_code == 200

    @override_settings(PACT_REQUIRE_2FA=True)
    def test_a_new_session_must_verify_again(self, case_a, cast):
        device = TOTPDevice.objects.create(
            user=cast.worker_a, name="app", confirmed=True
        )
        client = Client()
        client.force_login(cast.worker_a)
        response = client.get(reverse("casusregie:dashboard"))
        assert response["Location"].startswith(reverse("casusregie:otp_verify"))
        client.post(reverse("casusregie:otp_verify"), {"token": current_token(device)})
        assert client.get(reverse("casusregie:dashboard")).status_code == 200

    @override_settings(PACT_REQUIRE_2FA=False)
    def test_off_in_the_demo_and_tests(self, case_a, cast):
        client = Client()
        client.force_login(cast.worker_a)
        assert (
            client.get(
                reverse("casusregie:case_detail", args=[case_a.uuid])
            ).status_code
            == 200
        )

    @override_settings(PACT_REQUIRE_2FA=True)
    def test_people_without_a_case_role_are_not_asked(self, cast):
        client = Client()
        client.force_login(cast.editor_a)
        # No case role: nothing to protect, the dashboard simply shows nothing.
        assert client.get(reverse("casusregie:dashboard")).status_code == 200


class SessionAndLoginTests:
    def test_sessions_end_after_30_minutes_without_activity(self):
        assert settings.SESSION_COOKIE_AGE <= 30 * 60
        assert settings.SESSION_SAVE_EVERY_REQUEST

    def test_login_locks_out_after_repeated_failures(self, cast):
        client = Client()
        url = reverse("wagtailadmin_login")
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            client.post(url, {"username": "worker_a", "password": "fout-wachtwoord"})
        locked = client.post(
            url, {"username": "worker_a", "password": "test-wachtwoord-123"}
        )
        assert locked.status_code in (403, 429)
        assert "_auth_user_id" not in client.session
        # Another person from the same address is not locked out.
        other = client.post(
            url, {"username": "worker_b", "password": "test-wachtwoord-123"}
        )
        assert other.status_code == 302
