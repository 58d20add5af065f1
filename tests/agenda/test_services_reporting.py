"""Updates: drafts, submission, return with a question, history, status of the action."""

from __future__ import annotations

from django.core.exceptions import ValidationError

import pytest

from agenda import services
from agenda.constants import Status, UpdateState
from agenda.models import Notification, UpdateRevision
from agenda.permissions import AgendaPermissionDenied
from tests.agenda.conftest import at
from tests.factories.agenda import submitted_update

pytestmark = pytest.mark.django_db


class UpdateLifecycleTests:
    def test_draft_is_not_visible_as_status_until_submitted(self, cast, world):
        update = services.update_save(
            action=world.attenta_action,
            round=world.round("2020-Q1"),
            actor=cast.coordinator_a,
            status=Status.ON_TRACK,
            progress=40,
            story="Gegevens verzameld.",
            at=at("2020-03-20"),
        )
        assert update.state == UpdateState.DRAFT
        world.attenta_action.refresh_from_db()
        assert world.attenta_action.status == Status.NOT_STARTED
        services.update_submit(
            update=update, actor=cast.coordinator_a, at=at("2020-03-21")
        )
        world.attenta_action.refresh_from_db()
        assert (world.attenta_action.status, world.attenta_action.progress) == (
            Status.ON_TRACK,
            40,
        )

    def test_at_risk_and_delayed_need_an_explanation(self, cast, world):
        for status in (Status.AT_RISK, Status.DELAYED):
            update = services.update_save(
                action=world.attenta_action,
                round=world.round("2020-Q1"),
                actor=cast.coordinator_a,
                status=status,
                story="Loopt.",
                at=at("2020-03-20"),
            )
            with pytest.raises(ValidationError) as error:
                services.update_submit(
                    update=update, actor=cast.coordinator_a, at=at("2020-03-20")
                )
            assert "status_explanation" in error.value.message_dict

    def test_a_story_is_needed_to_submit(self, cast, world):
        update = services.update_save(
            action=world.attenta_action,
            round=world.round("2020-Q1"),
            actor=cast.coordinator_a,
            status=Status.ON_TRACK,
            at=at("2020-03-20"),
        )
        with pytest.raises(ValidationError, match="tellen"):
            services.update_submit(
                update=update, actor=cast.coordinator_a, at=at("2020-03-20")
            )

    def test_closed_round_accepts_no_changes(self, cast, world):
        with pytest.raises(ValidationError, match="gesloten"):
            services.update_save(
                action=world.attenta_action,
                round=world.round("2020-Q1"),
                actor=cast.coordinator_a,
                status=Status.ON_TRACK,
                story="Te laat.",
                at=at("2020-05-01"),
            )

    def test_return_hides_the_update_notifies_reporters_and_keeps_history(
        self, cast, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        update = submitted_update(
            world.attenta_action,
            world.round("2020-Q1"),
            cast.coordinator_a,
            progress=50,
            at=at("2020-03-20"),
        )
        with django_capture_on_commit_callbacks(execute=True):
            services.update_return(
                update=update,
                actor=cast.pact_admin,
                question="Hoeveel organisaties staan erin?",
                at=at("2020-03-22"),
            )
        update.refresh_from_db()
        world.attenta_action.refresh_from_db()
        assert update.state == UpdateState.RETURNED
        assert (
            world.attenta_action.status == Status.NOT_STARTED
        )  # back to what was submitted before
        assert Notification.objects.filter(
            user=cast.coordinator_a, kind="update_returned"
        ).exists()
        assert any("Hoeveel organisaties" in m.body for m in mailoutbox)
        # Answered after the round closed: a returned update may still be changed.
        services.update_save(
            action=world.attenta_action,
            round=world.round("2020-Q1"),
            actor=cast.coordinator_a,
            status=Status.ON_TRACK,
            progress=50,
            story="Veertig organisaties.",
            at=at("2020-05-02"),
        )
        services.update_submit(
            update=update, actor=cast.coordinator_a, at=at("2020-05-02")
        )
        kinds = list(
            UpdateRevision.objects.filter(update=update).values_list("kind", flat=True)
        )
        assert kinds == ["saved", "submitted", "returned", "saved", "submitted"]

    def test_only_the_pact_admin_returns_and_only_with_a_question(self, cast, world):
        update = submitted_update(
            world.attenta_action,
            world.round("2020-Q1"),
            cast.coordinator_a,
            at=at("2020-03-20"),
        )
        with pytest.raises(AgendaPermissionDenied):
            services.update_return(
                update=update, actor=cast.coordinator_a, question="?"
            )
        with pytest.raises(ValidationError):
            services.update_return(update=update, actor=cast.pact_admin, question="  ")

    def test_coordinator_cannot_report_on_another_organisations_action(
        self, cast, world
    ):
        with pytest.raises(AgendaPermissionDenied):
            services.update_save(
                action=world.gkb_action,
                round=world.round("2020-Q1"),
                actor=cast.coordinator_a,
                status=Status.ON_TRACK,
                story="x",
                at=at("2020-03-20"),
            )

    def test_both_owners_of_a_shared_action_may_report(self, cast, world):
        for user in (cast.coordinator_a, world.coordinator_b):
            services.update_save(
                action=world.shared_action,
                round=world.round("2020-Q1"),
                actor=user,
                status=Status.ON_TRACK,
                story="Samen.",
                at=at("2020-03-20"),
            )

    def test_indicator_values_only_from_owners(self, cast, world):
        indicator = services.indicator_upsert(
            action=world.attenta_action,
            name="organisaties op de kaart",
            unit="organisaties",
        )
        round_ = world.round("2020-Q1")
        update = services.update_save(
            action=world.attenta_action,
            round=round_,
            actor=cast.coordinator_a,
            status=Status.ON_TRACK,
            story="x",
            values={(indicator.pk, cast.partner_a.pk): 12},
            at=at("2020-03-20"),
        )
        assert update.values.get().value == 12
        with pytest.raises(ValidationError, match="partners"):
            services.update_save(
                action=world.attenta_action,
                round=round_,
                actor=cast.coordinator_a,
                status=Status.ON_TRACK,
                story="x",
                values={(indicator.pk, cast.partner_b.pk): 3},
                at=at("2020-03-20"),
            )


class OccurrenceTests:
    def test_yearly_action_has_a_status_per_year(self, cast, world):
        pact_action = world.pact_action
        submitted_update(
            pact_action,
            world.round("2020-Q3"),
            cast.pact_admin,
            status=Status.DONE,
            at=at("2020-09-30"),
        )
        statuses = dict(pact_action.occurrences.values_list("key", "status"))
        assert statuses == {"2020": Status.DONE, "2021": Status.NOT_STARTED}

    def test_stopped_stops_every_open_occurrence(self, cast, world):
        submitted_update(
            world.pact_action,
            world.round("2020-Q3"),
            cast.pact_admin,
            status=Status.STOPPED,
            status_explanation="",
            at=at("2020-09-30"),
        )
        assert set(world.pact_action.occurrences.values_list("status", flat=True)) == {
            Status.STOPPED
        }

    def test_done_means_hundred_percent(self, cast, world):
        update = submitted_update(
            world.attenta_action,
            world.round("2020-Q2"),
            cast.coordinator_a,
            status=Status.DONE,
            at=at("2020-06-30"),
        )
        assert update.progress == 100
        with pytest.raises(ValidationError):
            submitted_update(
                world.gkb_action,
                world.round("2020-Q2"),
                world.coordinator_b,
                status=Status.DONE,
                progress=50,
                at=at("2020-06-30"),
            )

    def test_changing_the_timing_keeps_statuses_of_surviving_years(self, cast, world):
        submitted_update(
            world.pact_action,
            world.round("2020-Q3"),
            cast.pact_admin,
            status=Status.DONE,
            at=at("2020-09-30"),
        )
        services.action_update(
            action=world.pact_action, actor=cast.pact_admin, timing_text="Jaarlijks Q4"
        )
        occurrences = {o.key: o for o in world.pact_action.occurrences.all()}
        assert occurrences["2020"].status == Status.DONE
        assert occurrences["2020"].due_quarter == 2020 * 4 + 3
