"""Reporting: partners' updates in a round, their submission and return.

Life of an update: ``draft`` (saved, any number of times) -> ``submitted`` (visible to the
pact, and to the public when the action is published) -> possibly ``returned`` with a
question by the pact admin -> edited and submitted again. While its round is open a
reporter may reopen a submitted update by saving it again (it becomes a draft until
resubmitted). Every save, submission and return is kept as an ``UpdateRevision``.

The action's status and progress, and those of its occurrences, are always recomputed
from the latest submitted updates (``action_refresh_status``), so a return undoes what
the returned update had set. The in-app messages and e-mails (to the reporters of a
returned update) go through ``agenda.services.messaging``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from agenda import events, permissions
from agenda.caching import plan_changed
from agenda.constants import (
    FINISHED_STATUSES,
    STATUSES_NEEDING_EXPLANATION,
    NotificationKind,
    RevisionKind,
    Status,
    UpdateState,
)
from agenda.models import (
    Action,
    Indicator,
    IndicatorValue,
    Round,
    Update,
    UpdateRevision,
)
from agenda.services.messaging import notification_mark_read, notify
from agenda.timing import Quarter

# {(indicator_id, organisation_id): value or None to clear}
IndicatorValues = dict[tuple[int, int], Decimal | None]


def _snapshot(update: Update) -> dict:
    return {
        "status": update.status,
        "status_explanation": update.status_explanation,
        "progress": update.progress,
        "story": update.story,
        "signal": update.signal,
        "values": [
            {
                "indicator": v.indicator_id,
                "organisation": v.organisation_id,
                "value": str(v.value),
            }
            for v in update.values.all()
        ],
    }


def _revision(update: Update, kind: str, actor, at, note: str = "") -> None:
    UpdateRevision.objects.create(
        update=update,
        kind=kind,
        actor=actor,
        created_at=at,
        snapshot=_snapshot(update),
        note=note,
    )


def _check_values(action: Action, values: IndicatorValues) -> None:
    indicator_ids = set(action.indicators.values_list("pk", flat=True))
    owner_ids = set(action.owners.values_list("organisation_id", flat=True))
    for (indicator_id, organisation_id), value in values.items():
        if indicator_id not in indicator_ids:
            raise ValidationError(_("Deze indicator hoort niet bij de actie."))
        if organisation_id not in owner_ids:
            raise ValidationError(
                _("Alleen partners van de actie leveren waarden aan.")
            )
        if value is not None and not isinstance(value, Decimal):
            try:
                Decimal(str(value))
            except InvalidOperation as error:
                raise ValidationError(_("Vul een getal in.")) from error


@transaction.atomic
def update_save(
    *,
    action: Action,
    round: Round,  # noqa: A002
    actor,
    status: str,
    progress: int | None = None,
    story: str = "",
    signal: str = "",
    status_explanation: str = "",
    values: IndicatorValues | None = None,
    at: datetime.datetime | None = None,
) -> Update:
    """Save the update of ``action`` in ``round`` as a draft (creating it if needed).

    Only reporters of the action may; the round must be open (``at`` is the moment of
    saving, for the demo and for tests). A submitted update saved again becomes a draft.
    Raises ``AgendaPermissionDenied`` or ``ValidationError``.
    """
    at = at or timezone.now()
    permissions.require(actor, permissions.REPORT, action)
    if round.plan_id != action.plan_id:
        raise ValidationError(_("Deze ronde hoort bij een ander plan."))
    update = (
        Update.objects.select_for_update().filter(action=action, round=round).first()
    )
    if round.is_closed(timezone.localdate(at)) and not (
        update and update.state == UpdateState.RETURNED
    ):
        raise ValidationError(
            _("Deze ronde is gesloten; updates kunnen niet meer worden gewijzigd.")
        )
    if update is None:
        update = Update(action=action, round=round, created_by=actor, created_at=at)
    occurrence_key = _occurrence_key(action, round)
    update.occurrence = (
        action.occurrences.filter(key=occurrence_key).first()
        if occurrence_key
        else None
    )
    if update.state == UpdateState.SUBMITTED:
        update.state = UpdateState.DRAFT
    update.status = status
    update.progress = progress
    update.story = story.strip()
    update.signal = signal.strip()
    update.status_explanation = status_explanation.strip()
    update.updated_at = at
    update.full_clean(exclude=["action", "round", "occurrence", "created_by"])
    update.save()
    if values:
        _check_values(action, values)
        for (indicator_id, organisation_id), value in values.items():
            if value is None:
                IndicatorValue.objects.filter(
                    update=update,
                    indicator_id=indicator_id,
                    organisation_id=organisation_id,
                ).delete()
            else:
                IndicatorValue.objects.update_or_create(
                    update=update,
                    indicator_id=indicator_id,
                    organisation_id=organisation_id,
                    defaults={"value": Decimal(str(value))},
                )
    _revision(update, RevisionKind.SAVED, actor, at)
    action_refresh_status(action)
    return update


def _occurrence_key(action: Action, round_: Round) -> str | None:
    schedule = action.parsed_schedule
    occurrence = schedule.occurrence_for(Quarter.from_date(round_.period_ends_on))
    if occurrence is not None:
        return occurrence.key if schedule.kind != "doorlopend" else "doorlopend"
    return "onbekend" if schedule.kind == "onbekend" else None


def _validate_for_submission(update: Update) -> None:
    errors: dict[str, str] = {}
    if update.status not in Status.values:
        errors["status"] = _("Kies een status.")
    if update.status in STATUSES_NEEDING_EXPLANATION and not update.status_explanation:
        errors["status_explanation"] = _(
            "Leg kort uit waarom de actie risico loopt of vertraagd is."
        )
    if not update.story:
        errors["story"] = _("Vertel kort wat er is gedaan (tellen én vertellen).")
    if update.status == Status.DONE and update.progress not in (None, 100):
        errors["progress"] = _("Een afgeronde actie staat op 100 procent.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def update_submit(
    *, update: Update, actor, at: datetime.datetime | None = None
) -> Update:
    """Submit a draft (or returned) update. It becomes visible and sets the action's status.

    Requires a status, a story, and an explanation for Risico and Vertraagd. Publishes
    ``update.submitted`` to the plan's dashboard group on commit.
    """
    at = at or timezone.now()
    update = (
        Update.objects.select_for_update()
        .select_related("action__plan", "round")
        .get(pk=update.pk)
    )
    permissions.require(actor, permissions.REPORT, update.action)
    if update.state == UpdateState.SUBMITTED:
        return update
    if (
        update.round.is_closed(timezone.localdate(at))
        and update.state != UpdateState.RETURNED
    ):
        raise ValidationError(_("Deze ronde is gesloten."))
    _validate_for_submission(update)
    if update.status == Status.DONE and update.progress is None:
        update.progress = 100
    update.state = UpdateState.SUBMITTED
    update.submitted_by, update.submitted_at, update.updated_at = actor, at, at
    update.save(
        update_fields=[
            "state",
            "submitted_by",
            "submitted_at",
            "updated_at",
            "progress",
        ]
    )
    _revision(update, RevisionKind.SUBMITTED, actor, at)
    action_refresh_status(update.action)
    log(instance=update, action="agenda.update.submit", user=actor)
    events.publish(
        events.plan_group(update.action.plan_id),
        events.update_event(update, "update.submitted"),
    )
    return update


@transaction.atomic
def update_return(
    *, update: Update, actor, question: str, at: datetime.datetime | None = None
) -> Update:
    """The pact admin sends a submitted update back with a question.

    The update is hidden again until resubmitted; its reporters get an in-app message
    and an e-mail. Raises ``ValidationError`` without a question.
    """
    at = at or timezone.now()
    update = (
        Update.objects.select_for_update()
        .select_related("action__plan__pact", "round")
        .get(pk=update.pk)
    )
    permissions.require(actor, permissions.RETURN, update)
    if update.state != UpdateState.SUBMITTED:
        raise ValidationError(
            _("Alleen een ingediende update kan worden teruggestuurd.")
        )
    question = question.strip()
    if not question:
        raise ValidationError(
            {"question": _("Schrijf de vraag die de partner moet beantwoorden.")}
        )
    update.state = UpdateState.RETURNED
    update.returned_by, update.returned_at, update.return_question = actor, at, question
    update.save(
        update_fields=["state", "returned_by", "returned_at", "return_question"]
    )
    _revision(update, RevisionKind.RETURNED, actor, at, note=question)
    action_refresh_status(update.action)
    log(instance=update, action="agenda.update.return", user=actor)
    recipients = permissions.reporters_of(update.action)
    if update.submitted_by_id:
        recipients.add(update.submitted_by_id)
    recipients.discard(getattr(actor, "pk", None))
    notify(
        user_ids=recipients,
        kind=NotificationKind.UPDATE_RETURNED,
        key=f"returned:{update.pk}:{at.isoformat()}",
        round_=update.round,
        message=_(
            "De update van “%(action)s” (%(round)s) is teruggestuurd met een vraag: %(question)s"
        )
        % {"action": update.action, "round": update.round, "question": question},
        url=_update_url(update),
        at=at,
    )
    events.publish(
        events.plan_group(update.action.plan_id),
        events.update_event(update, "update.returned"),
    )
    return update


def _update_url(update: Update) -> str:
    return reverse(
        "agenda:update_edit",
        kwargs={"action_uuid": update.action.uuid, "round_uuid": update.round.uuid},
    )


def action_refresh_status(action: Action) -> Action:
    """Copy status and progress from the latest submitted updates onto the action and
    each of its occurrences. Stopped stops every unfinished occurrence."""
    plan_changed(action.plan_id)
    submitted = list(
        Update.objects.filter(action=action, state=UpdateState.SUBMITTED)
        .select_related("round")
        .order_by("round__period_starts_on", "submitted_at")
    )
    latest = submitted[-1] if submitted else None
    action.status = latest.status if latest else Status.NOT_STARTED
    action.progress = latest.progress if latest else None
    action.status_explanation = latest.status_explanation if latest else ""
    action.status_changed_at = latest.submitted_at if latest else None
    action.save(
        update_fields=["status", "progress", "status_explanation", "status_changed_at"]
    )
    per_occurrence: dict[int, Update] = {}
    for update in submitted:
        if update.occurrence_id:
            per_occurrence[update.occurrence_id] = update
    stopped = latest is not None and latest.status == Status.STOPPED
    for occurrence in action.occurrences.all():
        source = per_occurrence.get(occurrence.pk)
        status = source.status if source else Status.NOT_STARTED
        progress = source.progress if source else None
        if stopped and status not in FINISHED_STATUSES:
            status = Status.STOPPED
        if (occurrence.status, occurrence.progress) != (status, progress):
            occurrence.status, occurrence.progress = status, progress
            occurrence.save(update_fields=["status", "progress"])
    return action


def indicator_values_for_form(update: Update | None) -> dict[tuple[int, int], Decimal]:
    if update is None:
        return {}
    return {(v.indicator_id, v.organisation_id): v.value for v in update.values.all()}


# notification_mark_read lives in agenda.services.messaging (issue 12, step 7) and is
# re-exported here for callers of this module.
__all__ = [
    "Indicator",
    "action_refresh_status",
    "indicator_values_for_form",
    "notification_mark_read",
    "update_return",
    "update_save",
    "update_submit",
]
