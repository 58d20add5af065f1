"""Outreach and outcome: attempts, contact, and what the resident decides.

ingepland --brief--> brief verstuurd (nabellen over 14 dagen)
ingepland/brief verstuurd --bellen of huisbezoek zonder contact--> nabellen over 7 dagen
any open --contact gehad--> in contact (uitkomst binnen 10 dagen)
in contact --hulp aanvaard--> a case in casusregie (consent recorded), closed
in contact --hulp afgewezen (reason from a fixed list)--> closed
open, tried at least once --geen contact--> closed
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casusregie import services as casusregie_services
from casusregie.constants import ConsentForm
from vroegsignalering import events, permissions
from vroegsignalering.constants import (
    LETTER_FOLLOW_UP_DAYS,
    OUTCOME_DAYS,
    AttemptKind,
    DeclineReason,
    HouseholdStatus,
    NextStep,
    RoutingReason,
)
from vroegsignalering.models import Attempt, Household
from vroegsignalering.services.common import NotAllowed, log_change, rescore
from vroegsignalering.services.planning import households_plan, week_start_of

NO_CONTACT_RETRY_DAYS = 7


def _lock(household: Household) -> Household:
    return (
        Household.objects.select_for_update()
        .select_related("organisation", "municipality")
        .get(pk=household.pk)
    )


def _authorise(actor, household: Household, action=permissions.RECORD) -> None:
    if actor is not None and not permissions.can(actor, action, household):
        raise NotAllowed(_("U mag dit niet doen met dit huishouden."))


def _require_open(household: Household) -> None:
    if household.is_closed:
        raise ValidationError(_("Dit huishouden is al afgesloten."))


def _close(household: Household, status: str, at: datetime.datetime) -> None:
    household.status = status
    household.next_step = NextStep.NONE
    household.due_on = None
    household.closed_at = at
    household.updated_at = at


def attempt_record(
    *,
    household: Household,
    actor,
    kind: str,
    contact_made: bool,
    by_peer: bool = False,
    at: datetime.datetime | None = None,
) -> Attempt:
    """Record a letter, call or visit and whether it made contact; moves the next step
    and its due date. Raises ``NotAllowed``, ``ValidationError``. Logged."""
    at = at or timezone.now()
    if kind not in AttemptKind.values:
        raise ValidationError(_("Kies brief, telefoon of huisbezoek."))
    if kind == AttemptKind.LETTER and contact_made:
        raise ValidationError(
            _("Een brief is geen contact; leg de reactie apart vast.")
        )
    with transaction.atomic():
        household = _lock(household)
        _authorise(actor, household)
        _require_open(household)
        attempt = Attempt.objects.create(
            household=household,
            kind=kind,
            by_peer=by_peer,
            contact_made=contact_made,
            organisation=household.organisation,
            made_by=actor,
            made_at=at,
        )
        today = timezone.localtime(at).date()
        if contact_made:
            household.status = HouseholdStatus.IN_CONTACT
            if household.first_contact_at is None:
                household.first_contact_at = at
                household.first_contact_on = today
            household.next_step = NextStep.OUTCOME
            household.due_on = today + datetime.timedelta(days=OUTCOME_DAYS)
        elif kind == AttemptKind.LETTER:
            if household.status != HouseholdStatus.IN_CONTACT:
                household.status = HouseholdStatus.LETTER_SENT
                household.next_step = NextStep.FOLLOW_UP
                household.due_on = today + datetime.timedelta(
                    days=LETTER_FOLLOW_UP_DAYS
                )
        elif household.status != HouseholdStatus.IN_CONTACT:
            household.next_step = NextStep.FOLLOW_UP
            household.due_on = today + datetime.timedelta(days=NO_CONTACT_RETRY_DAYS)
        household.updated_at = at
        household.save(
            update_fields=[
                "status",
                "first_contact_at",
                "first_contact_on",
                "next_step",
                "due_on",
                "updated_at",
            ]
        )
        log_change(actor=actor, household=household, step=f"attempt.{kind}")
        events.publish_household_changed(household)
    return attempt


def household_accept(
    *,
    household: Household,
    actor,
    goal: str,
    consent_scope: str,
    consent_form: str = ConsentForm.VERBAL,
    consent_given_on: datetime.date | None = None,
    at: datetime.datetime | None = None,
):
    """The resident accepts help: open a case in casusregie led by the household's
    partner, on the resident's consent, with his first goal; close the household.

    Needs contact first, and ``cases.work`` in the partner (case workers and
    regisseurs). Returns the case. Raises ``NotAllowed``, ``ValidationError``.
    """
    at = at or timezone.now()
    with transaction.atomic():
        household = _lock(household)
        if actor is None or not permissions.may_open_case(actor, household):
            raise NotAllowed(_("U kunt voor deze partner geen casus openen."))
        _require_open(household)
        if household.first_contact_at is None:
            raise ValidationError(_("Leg eerst het contact met de inwoner vast."))
        if not consent_scope.strip():
            raise ValidationError(
                _("Leg vast voor welke gegevens de inwoner toestemming geeft.")
            )
        case = casusregie_services.case_open(
            actor=actor,
            organisation=household.organisation,
            label=_("Vroegsignaal %(code)s") % {"code": str(household.uuid)[:8]},
            municipality=household.municipality,
            goals=[goal],
            consent_scope=consent_scope,
            consent_form=consent_form,
            consent_given_on=consent_given_on or timezone.localtime(at).date(),
            at=at,
        )
        household.case = case
        _close(household, HouseholdStatus.ACCEPTED, at)
        household.save(
            update_fields=[
                "case",
                "status",
                "next_step",
                "due_on",
                "closed_at",
                "updated_at",
            ]
        )
        log_change(actor=actor, household=household, step="accepted")
        events.publish_household_changed(household)
    return case


def household_decline(
    *, household: Household, actor, reason: str, at: datetime.datetime | None = None
) -> Household:
    """The resident declines help, for a reason from the fixed list. Needs contact."""
    at = at or timezone.now()
    if reason not in DeclineReason.values:
        raise ValidationError(_("Kies een reden uit de lijst."))
    with transaction.atomic():
        household = _lock(household)
        _authorise(actor, household)
        _require_open(household)
        if household.first_contact_at is None:
            raise ValidationError(_("Leg eerst het contact met de inwoner vast."))
        household.decline_reason = reason
        _close(household, HouseholdStatus.DECLINED, at)
        household.save(
            update_fields=[
                "decline_reason",
                "status",
                "next_step",
                "due_on",
                "closed_at",
                "updated_at",
            ]
        )
        log_change(actor=actor, household=household, step="declined", reason=reason)
        events.publish_household_changed(household)
    return household


def household_close_no_contact(
    *, household: Household, actor, at: datetime.datetime | None = None
) -> Household:
    """Stop trying: no contact after at least one attempt."""
    at = at or timezone.now()
    with transaction.atomic():
        household = _lock(household)
        _authorise(actor, household)
        _require_open(household)
        if household.first_contact_at is not None:
            raise ValidationError(
                _("Er is contact geweest: leg vast of de inwoner hulp aanvaardt.")
            )
        if not household.attempts.exists():
            raise ValidationError(_("Probeer eerst contact te krijgen."))
        _close(household, HouseholdStatus.NO_CONTACT, at)
        household.save(
            update_fields=["status", "next_step", "due_on", "closed_at", "updated_at"]
        )
        log_change(actor=actor, household=household, step="no_contact")
        events.publish_household_changed(household)
    return household


def household_set_children(
    *, household: Household, actor, has_children: bool | None
) -> Household:
    """Record whether minor children live there (known after a visit); rescores."""
    with transaction.atomic():
        household = _lock(household)
        _authorise(actor, household)
        _require_open(household)
        household.has_children = has_children
        rescore(household)
        household.save(
            update_fields=[
                "has_children",
                "total_amount",
                "score",
                "score_reasons",
                "updated_at",
            ]
        )
        log_change(actor=actor, household=household, step="children")
        events.publish_household_changed(household)
    return household


def household_reassign(
    *,
    household: Household,
    actor,
    organisation,
    today: datetime.date | None = None,
) -> Household:
    """The regisseur moves an open household to another partner working in the
    municipality (routing reason "handmatig"). Attempts so far stay; a household
    without contact yet is planned again within the new partner's capacity this week.
    Raises ``NotAllowed``, ``ValidationError``."""
    today = today or timezone.localdate()
    with transaction.atomic():
        household = _lock(household)
        if actor is not None and not permissions.may_edit_rules(
            actor, household.municipality
        ):
            raise NotAllowed(_("Alleen de regisseur van de gemeente verplaatst dit."))
        _require_open(household)
        if organisation.pk == household.organisation_id:
            raise ValidationError(_("Dit huishouden is al van deze partner."))
        if not organisation.municipalities.filter(
            pk=household.municipality_id
        ).exists():
            raise ValidationError(
                _("%(organisation)s werkt niet in %(municipality)s.")
                % {"organisation": organisation, "municipality": household.municipality}
            )
        # The queue it leaves changes too.
        events.publish_household_changed(household)
        household.organisation = organisation
        household.routing_reason = RoutingReason.MANUAL
        fields = ["organisation", "routing_reason", "updated_at"]
        if household.first_contact_at is None:
            household.status = HouseholdStatus.NEW
            household.next_step = NextStep.PLAN
            household.due_on = today + datetime.timedelta(days=2)
            household.planned_week = None
            household.planned_step = ""
            fields += ["status", "next_step", "due_on", "planned_week", "planned_step"]
        household.updated_at = timezone.now()
        household.save(update_fields=fields)
        log_change(actor=actor, household=household, step="reassign")
        events.publish_household_changed(household)
        if household.status == HouseholdStatus.NEW:
            households_plan(
                organisation=organisation, week=week_start_of(today), today=today
            )
    household.refresh_from_db()
    return household
