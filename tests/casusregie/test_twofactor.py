"""Two-factor authentication for case roles, session timeout and login rate limiting."""

from __future__ import annotations

from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from casusregie.constants import RECOVERY_CODE_COUNT

pytestmark = pytest.mark.django_db


def current_token(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def shown_codes(response) -> list[str]:
    """The recovery codes on the page that makes them."""
    import re

    listed = response.content.decode().split('data-testid="recovery-codes"')[1]
    listed = listed.split("</ol>")[0]
    return re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", listed)


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
        # Linked: the answer shows the recovery codes once, then goes on to the case.
        assert ok.status_code == 200
        assert len(shown_codes(ok)) == RECOVERY_CODE_COUNT
        assert f'href="{case_url}"' in ok.content.decode()
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
    def test_people_without_any_role_are_not_asked(self, cast):
        client = Client()
        client.force_login(cast.outsider)
        # No role: nothing to protect, the dashboard simply shows nothing. Editors
        # reach the admin and are asked (decision 0061, tests/config).
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


def linked_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def verified_client(user, device: TOTPDevice) -> Client:
    client = Client()
    client.force_login(user)
    client.post(reverse("casusregie:otp_verify"), {"token": current_token(device)})
    return client


def log_rows(action):
    from casusregie.models import AccessLogEntry

    return list(AccessLogEntry.objects.filter(action=action).order_by("id"))


class RecoveryCodeTests:
    """Ten one-time codes for the day the phone is lost: made when the app is linked,
    shown once, usable once each at the second step, replaceable; logged without the
    codes and without anything about a resident."""

    @pytest.fixture(autouse=True)
    def _two_factor_on(self, settings):
        settings.PACT_REQUIRE_2FA = True
        # django-otp throttles after a wrong code; only the throttling test waits.
        settings.OTP_STATIC_THROTTLE_FACTOR = 0
        settings.OTP_TOTP_THROTTLE_FACTOR = 0

    def make_codes(self, cast) -> tuple[TOTPDevice, Client, list[str]]:
        device = linked_app(cast.worker_a)
        client = verified_client(cast.worker_a, device)
        page = client.post(reverse("casusregie:otp_recovery_codes"))
        return device, client, shown_codes(page)

    def test_linking_the_app_makes_ten_codes_shown_once_and_logged_without_them(
        self, cast
    ):
        from casusregie.constants import AuditAction

        client = Client()
        client.force_login(cast.worker_a)
        client.get(reverse("casusregie:otp_setup"))
        device = TOTPDevice.objects.get(user=cast.worker_a, confirmed=False)
        page = client.post(
            reverse("casusregie:otp_setup"), {"token": current_token(device)}
        )
        codes = shown_codes(page)
        assert len(set(codes)) == RECOVERY_CODE_COUNT
        html = page.content.decode()
        # Download (a data: link, so the codes are sent once) and print.
        assert 'download="herstelcodes.txt"' in html and "data:text/plain" in html
        link = html.split('download="herstelcodes.txt"')[0].rsplit("data:", 1)[1]
        assert all(code in link for code in codes)
        assert "data-print" in html
        assert page["Cache-Control"].startswith("max-age=0")
        stored = set(
            StaticToken.objects.filter(device__user=cast.worker_a).values_list(
                "token", flat=True
            )
        )
        assert stored == {code.replace("-", "") for code in codes}
        # Shown once: the codes page without making new ones shows only the count.
        overview = client.get(reverse("casusregie:otp_recovery_codes")).content
        assert b"<code>" not in overview and b"nog 10 herstelcodes" in overview
        (created,) = log_rows(AuditAction.RECOVERY_CODES_CREATED)
        assert created.actor_id == cast.worker_a.pk and created.case_uuid is None
        assert created.detail == {"codes": RECOVERY_CODE_COUNT}
        assert_no_code_in_log(codes)

    def test_a_code_passes_the_second_step_once(self, case_a, cast):
        from casusregie.constants import AuditAction

        _device, _client, codes = self.make_codes(cast)
        case_url = reverse("casusregie:case_detail", args=[case_a.uuid])
        client = Client()
        client.force_login(cast.worker_a)
        verify = client.get(client.get(case_url)["Location"])
        assert reverse("casusregie:otp_recovery").encode() in verify.content
        used = client.post(
            reverse("casusregie:otp_recovery"), {"code": codes[0], "next": case_url}
        )
        assert used.status_code == 302 and used["Location"] == case_url
        assert client.get(case_url).status_code == 200
        (row,) = log_rows(AuditAction.RECOVERY_CODE_USED)
        assert row.detail == {"left": RECOVERY_CODE_COUNT - 1}
        # The same code again, in a new session: refused, and the session stays shut.
        again = Client()
        again.force_login(cast.worker_a)
        refused = again.post(
            reverse("casusregie:otp_recovery"), {"code": codes[0], "next": case_url}
        )
        assert refused.status_code == 200
        assert "klopt niet" in refused.content.decode()
        assert again.get(case_url).status_code == 302
        assert log_rows(AuditAction.RECOVERY_CODE_REJECTED)[-1].detail == {
            "left": RECOVERY_CODE_COUNT - 1
        }
        assert_no_code_in_log(codes)

    def test_codes_may_be_typed_in_capitals_with_spaces_and_without_the_hyphen(
        self, cast
    ):
        _device, _client, codes = self.make_codes(cast)
        for typed in (codes[1].upper(), codes[2].replace("-", " "), codes[3][:4]):
            client = Client()
            client.force_login(cast.worker_a)
            client.post(reverse("casusregie:otp_recovery"), {"code": typed})
            is_in = client.get(reverse("casusregie:dashboard")).status_code == 200
            assert is_in == (typed != codes[3][:4]), typed

    def test_new_codes_replace_the_old_ones(self, cast):
        from casusregie.constants import AuditAction

        _device, client, old = self.make_codes(cast)
        page = client.post(reverse("casusregie:otp_recovery_codes"))
        new = shown_codes(page)
        assert len(new) == RECOVERY_CODE_COUNT and not set(new) & set(old)
        assert "werken niet meer" in page.content.decode()
        for code, works in ((old[0], False), (new[0], True)):
            other = Client()
            other.force_login(cast.worker_a)
            other.post(reverse("casusregie:otp_recovery"), {"code": code})
            assert (
                other.get(reverse("casusregie:dashboard")).status_code == 200
            ) == works
        # The first set is logged as made, the second as replacing it.
        assert len(log_rows(AuditAction.RECOVERY_CODES_CREATED)) == 1
        assert len(log_rows(AuditAction.RECOVERY_CODES_REPLACED)) == 1
        assert_no_code_in_log(old + new)

    def test_making_new_codes_needs_the_second_step_in_this_session(self, cast):
        self.make_codes(cast)
        client = Client()
        client.force_login(cast.worker_a)
        url = reverse("casusregie:otp_recovery_codes")
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("casusregie:otp_verify"))
        assert StaticToken.objects.count() == RECOVERY_CODE_COUNT

    def test_without_a_linked_app_there_are_no_codes(self, cast):
        from casusregie import services
        from casusregie.services.recovery import recovery_codes_replace

        client = Client()
        client.force_login(cast.worker_a)
        for name in ("casusregie:otp_recovery_codes", "casusregie:otp_recovery"):
            response = client.get(reverse(name))
            assert response["Location"].startswith(reverse("casusregie:otp_setup"))
        with pytest.raises(services.NotAllowed):
            recovery_codes_replace(actor=cast.worker_a)

    def test_wrong_codes_make_the_next_try_wait(self, cast, settings):
        import datetime

        from django.utils import timezone

        import time_machine

        settings.OTP_STATIC_THROTTLE_FACTOR = 1
        _device, _client, codes = self.make_codes(cast)
        client = Client()
        client.force_login(cast.worker_a)
        url = reverse("casusregie:otp_recovery")
        now = timezone.now()
        with time_machine.travel(now, tick=False):
            client.post(url, {"code": "aaaa-aaaa"})
            client.post(url, {"code": codes[0]})
            assert client.get(reverse("casusregie:dashboard")).status_code == 302
        with time_machine.travel(now + datetime.timedelta(seconds=5), tick=False):
            client.post(url, {"code": codes[0]})
            assert client.get(reverse("casusregie:dashboard")).status_code == 200

    def test_few_codes_left_leads_to_making_new_ones(self, cast):
        _device, _client, codes = self.make_codes(cast)
        for code in codes[: RECOVERY_CODE_COUNT - 3]:
            client = Client()
            client.force_login(cast.worker_a)
            response = client.post(reverse("casusregie:otp_recovery"), {"code": code})
        assert response["Location"].startswith(reverse("casusregie:otp_recovery_codes"))
        page = client.get(response["Location"]).content.decode()
        assert "nog 3 herstelcodes" in page

    def test_the_dashboard_links_the_codes_for_case_roles(self, cast):
        device = linked_app(cast.worker_a)
        page = verified_client(cast.worker_a, device).get(
            reverse("casusregie:dashboard")
        )
        assert reverse("casusregie:otp_recovery_codes") in page.content.decode()


def assert_no_code_in_log(codes: list[str]) -> None:
    from casusregie.models import AccessLogEntry

    text = " ".join(
        str(value) for row in AccessLogEntry.objects.values() for value in row.values()
    )
    for code in codes:
        assert code not in text and code.replace("-", "") not in text
