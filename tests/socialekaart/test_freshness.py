"""Freshness: stale pages are flagged, listed, reminded, and confirmed in one click."""

from __future__ import annotations

import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from socialekaart import selectors, services
from socialekaart.models import PageCheck
from socialekaart.permissions import NotAllowed
from socialekaart.services.freshness import record_check

pytestmark = pytest.mark.django_db


def age(page, days):
    record_check(
        page=page, user=None, on=timezone.localdate() - datetime.timedelta(days=days)
    )


class FreshnessTests:
    def test_publishing_counts_as_a_check_by_the_author(self, cast, kaart):
        check = PageCheck.objects.get(page=kaart.service_a)
        assert check.checked_on == timezone.localdate()

    def test_pages_not_checked_for_the_configured_days_are_stale(self, kaart, settings):
        settings.PACT_FRESHNESS_DAYS = 30
        age(kaart.service_a, 31)
        age(kaart.service_b, 29)
        stale = {entry["page"].pk for entry in selectors.stale_pages()}
        assert kaart.service_a.pk in stale
        assert kaart.service_b.pk not in stale
        assert kaart.ended_b.pk not in stale  # ended offerings need no checking

    def test_editors_see_only_their_own_stale_pages(self, client, cast, kaart):
        age(kaart.service_a, 400)
        age(kaart.service_b, 400)
        client.force_login(cast.editor_a)
        html = client.get(reverse("socialekaart_freshness:index")).content.decode()
        assert "Kindpakket" in html
        assert "Schuldhulpverlening" not in html

    def test_mark_as_still_correct_is_one_post_and_makes_no_revision(
        self, client, cast, kaart
    ):
        age(kaart.service_a, 400)
        revisions = kaart.service_a.revisions.count()
        client.force_login(cast.editor_a)
        response = client.post(
            reverse("socialekaart_freshness:mark_checked", args=[kaart.service_a.pk])
        )
        assert response.status_code == 302
        check = PageCheck.objects.get(page=kaart.service_a)
        assert check.checked_on == timezone.localdate()
        assert check.checked_by == cast.editor_a
        assert kaart.service_a.revisions.count() == revisions
        assert kaart.service_a.pk not in {e["page"].pk for e in selectors.stale_pages()}

    def test_another_organisations_page_cannot_be_marked(self, client, cast, kaart):
        client.force_login(cast.editor_a)
        url = reverse("socialekaart_freshness:mark_checked", args=[kaart.service_b.pk])
        assert client.post(url).status_code == 404
        with pytest.raises(NotAllowed):
            services.page_mark_checked(page=kaart.service_b, actor=cast.editor_a)

    def test_a_pact_admin_confirms_another_organisations_page_only_after_opening_it(
        self, client, cast, kaart
    ):
        age(kaart.service_b, 400)
        client.force_login(cast.pact_admin)
        url = reverse("socialekaart_freshness:mark_checked", args=[kaart.service_b.pk])
        report = client.get(reverse("socialekaart_freshness:index")).content.decode()
        assert "Bekijken en bevestigen" in report
        assert f'action="{url}"' not in report  # no one-click form
        # A POST straight from a list shows the page instead of marking it.
        response = client.post(url)
        assert response.status_code == 200
        assert "Bekijk de pagina zoals inwoners haar zien" in response.content.decode()
        assert PageCheck.objects.get(page=kaart.service_b).checked_by is None
        # From the opened page it is one click.
        assert client.post(url, {"opened": "1"}).status_code == 302
        assert PageCheck.objects.get(page=kaart.service_b).checked_by == cast.pact_admin

    def test_reminders_link_each_page_to_its_edit_view(self, cast, kaart, mailoutbox):
        cast.editor_a.email = "editor@attenta.example"
        cast.editor_a.save()
        age(kaart.service_a, 400)
        services.freshness_send_reminders()
        edit = reverse("wagtailadmin_pages:edit", args=[kaart.service_a.pk])
        assert any(edit in message.body for message in mailoutbox)

    def test_stale_pages_are_flagged_in_the_edit_view(self, client, cast, kaart):
        age(kaart.service_a, 400)
        client.force_login(cast.editor_a)
        html = client.get(
            reverse("wagtailadmin_pages:edit", args=[kaart.service_a.pk])
        ).content.decode()
        assert "Deze informatie is verouderd" in html

    def test_dashboard_shows_the_count(self, client, cast, kaart):
        age(kaart.service_a, 400)
        client.force_login(cast.editor_a)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert "1 pagina moet gecontroleerd worden" in html


class ReminderTests:
    def test_editors_get_one_reminder_and_not_again_within_two_weeks(
        self, cast, kaart, mailoutbox
    ):
        age(kaart.service_a, 400)
        age(kaart.service_b, 400)
        mailoutbox.clear()
        call_command("send_freshness_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
        recipients = sorted(address for mail in mailoutbox for address in mail.to)
        assert recipients == [
            cast.editor_a.email
        ]  # partner B has no editor in the cast
        assert "Kindpakket" in mailoutbox[0].body
        mailoutbox.clear()
        call_command("send_freshness_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert mailoutbox == []
        with time_machine.travel(timezone.now() + datetime.timedelta(days=15)):
            call_command("send_freshness_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert len(mailoutbox) == 1

    def test_checking_a_page_resets_the_reminder(self, cast, kaart, mailoutbox):
        age(kaart.service_a, 400)
        services.freshness_send_reminders()
        services.page_mark_checked(page=kaart.service_a, actor=cast.editor_a)
        assert PageCheck.objects.get(page=kaart.service_a).reminded_on is None


@pytest.mark.django_db(transaction=True)
class PublishWithoutTransactionTests:
    """Wagtail's publish action (the admin's "Publiceren", scheduled publishing) runs
    without an outer transaction; on PostgreSQL a row lock outside one is an error."""

    def test_publishing_outside_a_transaction_records_the_check(self, cast, kaart):
        from django.db import connection

        assert connection.get_autocommit()
        kaart.service_b.summary = "Hulp als u schulden heeft, ook met spoed."
        kaart.service_b.save_revision(user=cast.pact_admin).publish(
            user=cast.pact_admin
        )
        check = PageCheck.objects.get(page=kaart.service_b)
        assert check.checked_by == cast.pact_admin
        assert check.checked_on == timezone.localdate()
