"""The professionals' own door: a login page that sends each person to the home of his
roles (casusregie, agenda, the admin; a chooser when there are several), through the
second step where it applies, and a log-out button on every page once signed in."""

from __future__ import annotations

from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "test-wachtwoord-123"
LOGIN = "/inloggen/"


def log_in(client, username, **extra):
    return client.post(LOGIN, {"username": username, "password": PASSWORD, **extra})


class LoginPageTests:
    def test_every_public_page_links_the_professionals_login(
        self, client, wagtail_site
    ):
        html = client.get("/").content.decode()
        assert f'href="{LOGIN}"' in html
        assert "Inloggen voor professionals" in html
        assert reverse("wagtailadmin_login") not in html

    def test_the_login_page_is_plain_and_not_cached(self, client, wagtail_site):
        response = client.get(LOGIN)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="username"' in html and 'name="password"' in html
        assert 'autocomplete="current-password"' in html
        assert (
            "no-store" in response["Cache-Control"]
            or "no-cache" in response["Cache-Control"]
            or "max-age=0" in response["Cache-Control"]
        )
        # Residents need no account; the page says so.
        assert "Inwoners" in html or "inwoners" in html

    def test_a_case_worker_lands_in_casusregie(self, client, cast, wagtail_site):
        response = log_in(client, "worker_a")
        assert response.status_code == 302
        assert response["Location"] == reverse("casusregie:dashboard")
        assert client.get(response["Location"]).status_code == 200

    def test_an_editor_lands_in_the_admin(self, client, cast, wagtail_site):
        response = log_in(client, "editor_a")
        assert response["Location"] == reverse("wagtailadmin_home")

    def test_a_regisseur_lands_in_casusregie(self, client, cast, wagtail_site):
        response = log_in(client, "regisseur")
        assert response["Location"] == reverse("casusregie:dashboard")

    @pytest.mark.parametrize("persona", ["coordinator_a", "pact_admin"])
    def test_people_with_several_homes_choose(
        self, client, cast, wagtail_site, persona
    ):
        response = log_in(client, persona)
        assert response["Location"] == reverse("professional_home")
        page = client.get(response["Location"])
        html = page.content.decode()
        assert page.status_code == 200
        assert f'href="{reverse("wagtailadmin_home")}"' in html
        assert 'href="/agenda/' in html

    def test_the_chooser_of_a_coordinator_lists_his_three_homes(
        self, client, cast, wagtail_site
    ):
        client.force_login(cast.coordinator_a)
        html = client.get(reverse("professional_home")).content.decode()
        assert f'href="{reverse("casusregie:dashboard")}"' in html
        assert f'href="{reverse("agenda:mine")}"' in html
        assert f'href="{reverse("wagtailadmin_home")}"' in html

    def test_someone_without_a_role_is_told_whom_to_ask(
        self, client, cast, wagtail_site
    ):
        response = log_in(client, "outsider")
        assert response["Location"] == reverse("professional_home")
        html = client.get(response["Location"]).content.decode()
        assert "nog geen rol" in html

    def test_a_wrong_password_says_so_and_signs_nobody_in(
        self, client, cast, wagtail_site
    ):
        response = client.post(LOGIN, {"username": "worker_a", "password": "fout"})
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
        assert 'role="alert"' in response.content.decode()

    def test_next_is_followed_when_safe(self, client, cast, wagtail_site):
        response = log_in(client, "worker_a", next="/casusregie/overdrachten/")
        assert response["Location"] == "/casusregie/overdrachten/"

    def test_next_to_another_site_is_ignored(self, client, cast, wagtail_site):
        response = log_in(client, "worker_a", next="https://example.com/")
        assert response["Location"] == reverse("casusregie:dashboard")

    def test_next_to_the_admin_is_ignored_for_a_case_worker(
        self, client, cast, wagtail_site
    ):
        # Wagtail would refuse him ("Je hebt geen toegang"): his own home instead.
        response = log_in(client, "worker_a", next="/admin/")
        assert response["Location"] == reverse("casusregie:dashboard")

    def test_the_admin_sends_anonymous_visitors_to_this_login(self, client):
        response = client.get("/admin/")
        assert response["Location"].startswith(LOGIN + "?next=")

    def test_a_case_worker_who_types_the_admin_address_goes_home(
        self, client, cast, wagtail_site
    ):
        client.force_login(cast.worker_a)
        response = client.get("/admin/", follow=True)
        assert response.redirect_chain[-1][0] == reverse("casusregie:dashboard")

    def test_casusregie_sends_anonymous_visitors_to_this_login(self, client):
        response = client.get(reverse("casusregie:dashboard"))
        assert response["Location"].startswith(LOGIN + "?next=")

    def test_a_signed_in_person_visiting_the_login_goes_home(
        self, client, cast, wagtail_site
    ):
        client.force_login(cast.worker_a)
        response = client.get(LOGIN)
        assert response["Location"] == reverse("casusregie:dashboard")

    def test_login_locks_out_after_repeated_failures(self, cast, wagtail_site):
        client = Client()
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            client.post(LOGIN, {"username": "worker_a", "password": "fout"})
        locked = log_in(client, "worker_a")
        assert locked.status_code in (403, 429)
        assert "_auth_user_id" not in client.session


class SecondStepTests:
    @override_settings(PACT_REQUIRE_2FA=True)
    def test_a_case_worker_without_an_app_links_one_first(
        self, client, cast, wagtail_site
    ):
        response = log_in(client, "worker_a")
        assert response["Location"].startswith(reverse("casusregie:otp_verify"))
        assert "next=%2Fcasusregie%2F" in response["Location"]
        setup = client.get(response["Location"])
        assert setup["Location"].startswith(reverse("casusregie:otp_setup"))

    @override_settings(PACT_REQUIRE_2FA=True)
    def test_a_case_worker_with_an_app_gives_its_code_then_lands_home(
        self, client, cast, wagtail_site
    ):
        from tests.casusregie.test_twofactor import current_token

        device = TOTPDevice.objects.create(
            user=cast.worker_a, name="app", confirmed=True
        )
        response = log_in(client, "worker_a")
        verify = response["Location"]
        assert verify.startswith(reverse("casusregie:otp_verify"))
        done = client.post(
            verify, {"token": current_token(device), "next": "/casusregie/"}
        )
        assert done["Location"] == reverse("casusregie:dashboard")
        assert client.get(done["Location"]).status_code == 200

    @override_settings(PACT_REQUIRE_2FA=True)
    def test_an_editor_reaches_the_admin_only_after_the_second_step(
        self, client, cast, wagtail_site
    ):
        """Everyone who reaches the admin passes the second step (decision 0061)."""
        response = log_in(client, "editor_a")
        assert response["Location"].startswith(reverse("casusregie:otp_verify"))
        assert "next=%2Fadmin%2F" in response["Location"]


class LogoutTests:
    @pytest.mark.parametrize(
        "path", ["/", "/agenda/", "/casusregie/", "/zoeken/", "/mijn-werk/"]
    )
    def test_every_page_offers_log_out_to_a_signed_in_person(
        self, client, cast, wagtail_site, path
    ):
        client.force_login(cast.coordinator_a)
        html = client.get(path, follow=True).content.decode()
        form = html.split(f'action="{reverse("logout")}"', 1)
        assert len(form) == 2, f"no log-out form on {path}"
        assert 'method="post"' in form[0].rsplit("<form", 1)[1]
        assert "csrfmiddlewaretoken" in form[1].split("</form>", 1)[0]
        assert "Uitloggen" in form[1].split("</form>", 1)[0]

    def test_anonymous_visitors_get_no_log_out(self, client, wagtail_site):
        assert reverse("logout") not in client.get("/").content.decode()

    def test_log_out_ends_the_session_and_says_so(self, client, cast, wagtail_site):
        client.force_login(cast.worker_a)
        response = client.post(reverse("logout"), follow=True)
        assert "_auth_user_id" not in client.session
        assert response.redirect_chain[-1][0] == LOGIN
        assert "U bent uitgelogd" in response.content.decode()
        again = client.get(reverse("casusregie:dashboard"))
        assert again.status_code == 302

    def test_log_out_needs_post(self, client, cast, wagtail_site):
        client.force_login(cast.worker_a)
        assert client.get(reverse("logout")).status_code == 405
        assert "_auth_user_id" in client.session

    def test_log_out_needs_the_csrf_token(self, cast, wagtail_site):
        client = Client(enforce_csrf_checks=True)
        client.force_login(cast.worker_a)
        assert client.post(reverse("logout")).status_code == 403
        assert "_auth_user_id" in client.session


class HeaderTests:
    def test_casusregie_appears_once_in_the_header(self, client, cast, wagtail_site):
        client.force_login(cast.worker_a)
        html = client.get(reverse("casusregie:dashboard")).content.decode()
        header = html.split('class="site-header"', 1)[1].split("</header>", 1)[0]
        assert header.count(">Casusregie") == 1
