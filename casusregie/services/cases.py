"""Cases, goals, notes, consent and involvement.

A case opens with its first lead (the opening organisation, on consent or a legal task)
and at least one goal in the resident's words. Consent is recorded per organisation;
withdrawing it ends that organisation's access at once (the grants are re-synced in the
same transaction); when the lead's consent is withdrawn the municipality's regisseur
takes the lead on its legal task, so the case never lacks a lead.
"""

from __future__ import annotations

import datetime
import secrets
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from casusregie import events, permissions
from casusregie.constants import (
    Basis,
    CaseOutcome,
    CaseStatus,
    Complexity,
    ConsentForm,
    EscalationStatus,
    EventKind,
    GoalStatus,
    HandoverStatus,
    InvolvementRole,
    ResidentRegie,
)
from casusregie.models import Case, Consent, Goal, Handover, Involvement, Note
from casusregie.services.common import (
    actor_organisation,
    authorise,
    lock_case,
    now_or,
    record_change,
    require_open,
)
from casusregie.services.errors import InvalidTransition, NotAllowed
from casusregie.services.escalation import regisseur_take_lead_for_system
from casusregie.services.grants import grants_sync
from casusregie.services.transitions import (
    basis_resolve,
    escalations_resolve_open,
    handover_complete,
    handovers_cancel_open,
    involvement_start,
    involvement_stop,
    lead_first,
)
from pact.models import Municipality, Organisation
from pact.roles import can as role_can

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _field_label(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    return str(field.verbose_name) if isinstance(field, models.Field) else name


def _new_reference(at: datetime.datetime) -> str:
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"CR-{timezone.localtime(at).year}-{code}"


@transaction.atomic
def case_open(
    *,
    actor,
    organisation: Organisation,
    label: str,
    municipality: Municipality,
    goals: list[str],
    complexity: str = Complexity.SINGLE,
    resident_regie: str = ResidentRegie.SHARES,
    legal_ground: str = "",
    consent_scope: str = "",
    consent_form: str = ConsentForm.VERBAL,
    consent_given_on: datetime.date | None = None,
    at: datetime.datetime | None = None,
) -> Case:
    """Register a case led by ``organisation`` (the actor works there).

    The basis is a legal task when ``legal_ground`` is given, otherwise the resident's
    consent to ``organisation`` (recorded here). Raises ``NotAllowed`` and
    ``ValidationError``. Grants the organisation's groups; logs; no event.
    """
    at = now_or(at)
    if actor is not None and not role_can(actor, "cases.work", organisation):
        raise NotAllowed(_("U behandelt geen casussen voor deze organisatie."))
    if not organisation.municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError(
            _("%(organisation)s werkt niet in de gemeente %(municipality)s.")
            % {"organisation": organisation, "municipality": municipality}
        )
    goals = [goal.strip() for goal in goals if goal and goal.strip()]
    if not goals:
        raise ValidationError(
            _("Schrijf minstens één doel op, in de woorden van de inwoner.")
        )
    if not legal_ground and not consent_scope.strip():
        raise ValidationError(
            _(
                "Leg vast voor welke gegevens de inwoner toestemming geeft, of kies een wettelijke taak."
            )
        )
    case = Case(
        label=label.strip(),
        municipality=municipality,
        complexity=complexity,
        resident_regie=resident_regie,
        lead_organisation=organisation,
        lead_worker=actor,
        created_by=actor,
        created_at=at,
        updated_at=at,
    )
    case.reference = _new_reference(at)
    case.full_clean()
    for attempt in range(5):
        try:
            with transaction.atomic():
                case.save()
            break
        except IntegrityError:
            if attempt == 4:
                raise
            case.reference = _new_reference(at)
    consent = None
    if not legal_ground:
        consent = Consent.objects.create(
            case=case,
            organisation=organisation,
            scope=consent_scope.strip()[:300],
            form=consent_form,
            given_on=consent_given_on or timezone.localtime(at).date(),
            recorded_by=actor,
            recorded_at=at,
        )
    lead_first(
        case,
        organisation,
        basis=(
            Basis.LEGAL_TASK if legal_ground else Basis.CONSENT,
            consent,
            legal_ground,
        ),
        at=at,
    )
    for position, text in enumerate(goals, 1):
        goal = Goal(
            case=case, text=text, position=position, created_at=at, updated_at=at
        )
        goal.full_clean()
        goal.save()
    grants_sync(case)
    record_change(
        case=case,
        kind=EventKind.CASE_OPENED,
        actor=actor,
        organisation=organisation,
        summary=_("Aangemeld door %(organisation)s") % {"organisation": organisation},
        at=at,
    )
    return case


@transaction.atomic
def case_update(
    *,
    case: Case,
    actor,
    resident_regie: str | None = None,
    complexity: str | None = None,
    label: str | None = None,
    at: datetime.datetime | None = None,
) -> Case:
    """Change the resident's regie, the complexity or the label (``edit``)."""
    at = now_or(at)
    case = lock_case(case)
    authorise(actor, permissions.EDIT, case)
    require_open(case)
    changed = []
    for field, value in (
        ("resident_regie", resident_regie),
        ("complexity", complexity),
        ("label", label),
    ):
        if value is not None and getattr(case, field) != value:
            setattr(case, field, value.strip() if field == "label" else value)
            changed.append(field)
    if not changed:
        return case
    case.full_clean()
    case.save(update_fields=changed)
    record_change(
        case=case,
        kind=EventKind.REGIE_CHANGED,
        actor=actor,
        organisation=actor_organisation(actor, case),
        summary=", ".join(_field_label(Case, name) for name in changed),
        at=at,
        detail={"fields": changed},
    )
    events.publish_case_changed(case)
    return case


@transaction.atomic
def goal_add(
    *,
    case: Case,
    actor,
    text: str,
    lead_organisation: Organisation | None = None,
    at: datetime.datetime | None = None,
) -> Goal:
    """Add a goal in the resident's words at the lowest priority (``edit``)."""
    at = now_or(at)
    case = lock_case(case)
    authorise(actor, permissions.EDIT, case)
    require_open(case)
    _check_goal_lead(case, lead_organisation)
    last = case.goals.order_by("-position").values_list("position", flat=True).first()
    goal = Goal(
        case=case,
        text=text.strip(),
        position=(last or 0) + 1,
        lead_organisation=lead_organisation,
        created_at=at,
        updated_at=at,
    )
    goal.full_clean()
    goal.save()
    record_change(
        case=case,
        kind=EventKind.GOAL_ADDED,
        actor=actor,
        organisation=actor_organisation(actor, case),
        obj=goal,
        at=at,
    )
    events.publish_case_changed(case)
    return goal


def _check_goal_lead(case: Case, organisation: Organisation | None) -> None:
    if organisation is None:
        return
    if not case.involvements.filter(
        organisation=organisation, ended_at__isnull=True
    ).exists():
        raise ValidationError(
            _("De trekker van een doel moet bij de casus betrokken zijn.")
        )


@transaction.atomic
def goal_update(
    *,
    goal: Goal,
    actor,
    status: str | None = None,
    text: str | None = None,
    lead_organisation: Organisation | None | Literal[False] = False,
    at: datetime.datetime | None = None,
) -> Goal:
    """Change a goal's status, words or lead (``edit``). ``lead_organisation=None``
    clears the goal's lead; leave it out to keep it."""
    at = now_or(at)
    case = lock_case(goal.case)
    authorise(actor, permissions.EDIT, case)
    require_open(case)
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    fields = []
    if status is not None and status != goal.status:
        if status not in GoalStatus.values:
            raise ValidationError(_("Onbekende status."))
        goal.status = status
        fields.append("status")
    if text is not None and text.strip() != goal.text:
        goal.text = text.strip()
        fields.append("text")
    if lead_organisation is not False and lead_organisation != goal.lead_organisation:
        _check_goal_lead(case, lead_organisation)
        goal.lead_organisation = lead_organisation
        fields.append("lead_organisation")
    if not fields:
        return goal
    goal.updated_at = at
    goal.full_clean()
    goal.save(update_fields=[*fields, "updated_at"])
    record_change(
        case=case,
        kind=EventKind.GOAL_CHANGED,
        actor=actor,
        organisation=actor_organisation(actor, case),
        obj=goal,
        at=at,
        detail={"fields": fields},
    )
    events.publish_case_changed(case)
    return goal


@transaction.atomic
def goal_move(
    *, goal: Goal, actor, direction: str, at: datetime.datetime | None = None
) -> Goal:
    """Move a goal one place up or down in the resident's priority order (``edit``)."""
    at = now_or(at)
    case = lock_case(goal.case)
    authorise(actor, permissions.EDIT, case)
    require_open(case)
    goals = list(case.goals.order_by("position", "id"))
    index = next(i for i, g in enumerate(goals) if g.pk == goal.pk)
    target = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down"):
        raise ValidationError(_("Kies omhoog of omlaag."))
    if 0 <= target < len(goals):
        goals[index], goals[target] = goals[target], goals[index]
        for position, item in enumerate(goals, 1):
            if item.position != position:
                item.position = position
                item.save(update_fields=["position"])
        record_change(
            case=case,
            kind=EventKind.GOALS_REORDERED,
            actor=actor,
            organisation=actor_organisation(actor, case),
            obj=goal,
            at=at,
        )
        events.publish_case_changed(case)
    return next(g for g in goals if g.pk == goal.pk)


@transaction.atomic
def note_add(
    *, case: Case, actor, text: str, at: datetime.datetime | None = None
) -> Note:
    """Add a short note on behalf of the actor's organisation (``edit``)."""
    at = now_or(at)
    case = lock_case(case)
    authorise(actor, permissions.EDIT, case)
    require_open(case)
    organisation = actor_organisation(actor, case)
    if organisation is None:
        raise NotAllowed(_("U mag dit niet doen met deze casus."))
    note = Note(
        case=case,
        author=actor,
        organisation=organisation,
        text=text.strip(),
        created_at=at,
    )
    note.full_clean()
    note.save()
    record_change(
        case=case,
        kind=EventKind.NOTE_ADDED,
        actor=actor,
        organisation=organisation,
        obj=note,
        at=at,
    )
    events.publish_case_changed(case)
    return note


@transaction.atomic
def consent_record(
    *,
    case: Case,
    actor,
    organisation: Organisation,
    scope: str,
    given_on: datetime.date,
    form: str = ConsentForm.VERBAL,
    valid_until: datetime.date | None = None,
    at: datetime.datetime | None = None,
) -> Consent:
    """Record the resident's consent to share with ``organisation`` (``edit``).

    Consent alone gives no access: an organisation gets access when it becomes involved
    (``involvement_add`` or an accepted hand-over) on this basis.
    """
    at = now_or(at)
    case = lock_case(case)
    authorise(actor, permissions.EDIT, case)
    require_open(case)
    if given_on > timezone.localtime(at).date():
        raise ValidationError(_("De datum van de toestemming ligt in de toekomst."))
    consent = Consent(
        case=case,
        organisation=organisation,
        scope=scope.strip(),
        form=form,
        given_on=given_on,
        valid_until=valid_until,
        recorded_by=actor,
        recorded_at=at,
    )
    consent.full_clean()
    consent.save()
    record_change(
        case=case,
        kind=EventKind.CONSENT_RECORDED,
        actor=actor,
        organisation=actor_organisation(actor, case),
        summary=str(organisation),
        obj=consent,
        at=at,
    )
    events.publish_case_changed(case)
    return consent


@transaction.atomic
def consent_withdraw(
    *,
    consent: Consent,
    actor,
    withdrawn_on: datetime.date | None = None,
    at: datetime.datetime | None = None,
) -> Consent:
    """Record that the resident withdrew ``consent``; the organisation's access ends now.

    Its involvement on this consent ends and open hand-overs to it are cancelled. If it
    leads, the municipality's regisseur takes the lead on its legal task (an escalation
    with trigger ``consent withdrawn``), so the case keeps exactly one lead.
    """
    at = now_or(at)
    case = lock_case(consent.case)
    authorise(actor, permissions.EDIT, case)
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is not None:
        raise InvalidTransition(_("Deze toestemming is al ingetrokken."))
    consent.withdrawn_on = withdrawn_on or timezone.localtime(at).date()
    consent.withdrawn_at = at
    consent.withdrawn_recorded_by = actor
    consent.full_clean()
    consent.save(
        update_fields=["withdrawn_on", "withdrawn_at", "withdrawn_recorded_by"]
    )
    organisation = actor_organisation(actor, case)
    record_change(
        case=case,
        kind=EventKind.CONSENT_WITHDRAWN,
        actor=actor,
        organisation=organisation,
        summary=str(consent.organisation),
        obj=consent,
        at=at,
    )
    handovers_cancel_open(
        case, reason=_("Toestemming ingetrokken"), at=at, consent=consent
    )
    for involvement in case.involvements.select_for_update().filter(
        consent=consent, ended_at__isnull=True
    ):
        if involvement.role == InvolvementRole.LEAD and not case.is_closed:
            regisseur_take_lead_for_system(case=case, at=at, leaving=involvement)
        else:
            involvement_stop(involvement, at=at)
            record_change(
                case=case,
                kind=EventKind.INVOLVEMENT_ENDED,
                actor=actor,
                organisation=organisation,
                summary=str(involvement.organisation),
                at=at,
            )
    grants_sync(case)
    events.publish_case_changed(case)
    return consent


def consents_lapse_due(*, now: datetime.datetime | None = None) -> int:
    """Re-sync grants of cases whose consents passed their end date; returns the count.

    Run by ``manage.py expire_handovers`` (every 15 minutes).
    """
    now = now_or(now)
    today = timezone.localtime(now).date()
    case_ids = set(
        Involvement.objects.filter(
            ended_at__isnull=True,
            basis=Basis.CONSENT,
            consent__valid_until__lt=today,
        ).values_list("case_id", flat=True)
    )
    changed = 0
    for case in Case.objects.filter(pk__in=case_ids):
        with transaction.atomic():
            added, removed = grants_sync(lock_case(case))
            changed += bool(added or removed)
    return changed


@transaction.atomic
def involvement_add(
    *,
    case: Case,
    actor,
    organisation: Organisation,
    consent: Consent | None = None,
    legal_ground: str = "",
    at: datetime.datetime | None = None,
) -> Involvement:
    """Involve ``organisation`` (not as lead) on a valid basis (``hand_over``: the lead)."""
    at = now_or(at)
    case = lock_case(case)
    authorise(actor, permissions.HAND_OVER, case)
    require_open(case)
    if case.involvements.filter(
        organisation=organisation, ended_at__isnull=True
    ).exists():
        raise ValidationError(
            _("%(organisation)s is al betrokken.") % {"organisation": organisation}
        )
    basis, consent, legal_ground = basis_resolve(
        case=case,
        organisation=organisation,
        consent=consent,
        legal_ground=legal_ground,
        day=timezone.localtime(at).date(),
    )
    involvement = involvement_start(
        case,
        organisation,
        role=InvolvementRole.INVOLVED,
        basis=(basis, consent, legal_ground),
        at=at,
    )
    grants_sync(case)
    record_change(
        case=case,
        kind=EventKind.INVOLVEMENT_ADDED,
        actor=actor,
        organisation=actor_organisation(actor, case),
        summary=str(organisation),
        at=at,
    )
    events.publish_case_changed(case)
    return involvement


@transaction.atomic
def involvement_end(
    *, involvement: Involvement, actor, at: datetime.datetime | None = None
) -> Involvement:
    """End an organisation's involvement (the lead, or the organisation itself).

    The lead's own involvement cannot end: hand the lead over first. Neither can the
    municipality's while an escalation is open: the regisseur answers it
    (``escalation_take_over`` or ``escalation_return`` with advice).
    """
    at = now_or(at)
    case = lock_case(involvement.case)
    involvement = Involvement.objects.select_for_update().get(pk=involvement.pk)
    if involvement.ended_at is not None:
        raise InvalidTransition(_("Deze organisatie is al niet meer betrokken."))
    if involvement.role == InvolvementRole.LEAD:
        raise InvalidTransition(_("De regiehouder kan pas stoppen na een overdracht."))
    own = actor is not None and role_can(actor, "cases.work", involvement.organisation)
    if actor is not None and not (
        own or permissions.can(actor, permissions.HAND_OVER, case)
    ):
        raise NotAllowed(_("U mag dit niet doen met deze casus."))
    if (
        involvement.role == InvolvementRole.REGISSEUR
        and case.escalations.filter(status=EscalationStatus.OPEN).exists()
    ):
        # An open escalation ends only with the regisseur's answer: taking over, or
        # giving it back with advice (issue 10, finding 6).
        raise InvalidTransition(
            _(
                "De casus ligt bij de regisseur. De gemeente stopt pas als de regisseur "
                "de casus overneemt of met advies teruggeeft."
            )
        )
    organisation = actor_organisation(actor, case)
    involvement_stop(involvement, at=at)
    grants_sync(case)
    record_change(
        case=case,
        kind=EventKind.INVOLVEMENT_ENDED,
        actor=actor,
        organisation=organisation,
        summary=str(involvement.organisation),
        at=at,
    )
    events.publish_case_changed(case)
    return involvement


def _require_contact_after_proposal(
    handover: Handover | None, contact_at: datetime.datetime
) -> None:
    """The first contact after a hand-over cannot be earlier than the proposal it
    answers (issue 11). A new case has no such bound: people often meet the resident
    before they register the case."""
    if handover is not None and contact_at < handover.proposed_at:
        when = formats.date_format(
            timezone.localtime(handover.proposed_at), "DATETIME_FORMAT"
        )
        raise ValidationError(
            _(
                "Het eerste contact kan niet eerder zijn dan het voorstel tot "
                "overdracht (%(when)s). Vul de datum en tijd in van het gesprek na "
                "het voorstel."
            )
            % {"when": when}
        )


@transaction.atomic
def case_record_first_contact(
    *, case: Case, actor, contact_at: datetime.datetime | None = None, at=None
) -> Case:
    """The lead records the first contact with the resident.

    A registered case becomes active; an accepted hand-over to the lead is completed and
    the previous lead steps out if the proposer chose so. A contact in the future, or
    before the proposal of the hand-over it completes, is refused (``ValidationError``).
    """
    at = now_or(at)
    contact_at = contact_at or at
    case = lock_case(case)
    authorise(actor, permissions.HAND_OVER, case)
    require_open(case)
    if contact_at > at + datetime.timedelta(minutes=5):
        raise ValidationError(_("Het eerste contact kan niet in de toekomst liggen."))
    handover = (
        Handover.objects.select_for_update()
        .filter(
            case=case,
            status=HandoverStatus.ACCEPTED,
            to_organisation=case.lead_organisation,
        )
        .first()
    )
    if handover is None and case.status != CaseStatus.REGISTERED:
        raise InvalidTransition(_("Er wacht geen eerste contact op deze casus."))
    _require_contact_after_proposal(handover, contact_at)
    fields = []
    if case.first_contact_at is None:
        case.first_contact_at = contact_at
        fields.append("first_contact_at")
    if case.status == CaseStatus.REGISTERED:
        case.status = CaseStatus.ACTIVE
        fields.append("status")
    if fields:
        case.save(update_fields=fields)
    organisation = actor_organisation(actor, case)
    if handover is not None:
        handover_complete(handover, actor=actor, contact_at=contact_at, at=at)
    record_change(
        case=case,
        kind=EventKind.FIRST_CONTACT,
        actor=actor,
        organisation=organisation,
        at=at,
    )
    grants_sync(case)
    events.publish_case_changed(case)
    return case


@transaction.atomic
def case_close(
    *, case: Case, actor, outcome: str, at: datetime.datetime | None = None
) -> Case:
    """Close the case with an outcome (``close``: the lead). Open hand-overs are
    cancelled and an open escalation closes; everyone keeps reading rights until the
    retention period ends (``cases_purge_closed``)."""
    at = now_or(at)
    case = lock_case(case)
    authorise(actor, permissions.CLOSE, case)
    require_open(case)
    if outcome not in CaseOutcome.values:
        raise ValidationError(_("Kies een uitkomst."))
    handovers_cancel_open(case, reason=_("Casus afgesloten"), at=at)
    escalations_resolve_open(case, "close_with_case", actor=actor, at=at)
    case.status = CaseStatus.CLOSED
    case.outcome = outcome
    case.closed_at = at
    case.full_clean()
    case.save(update_fields=["status", "outcome", "closed_at"])
    grants_sync(case)
    record_change(
        case=case,
        kind=EventKind.CASE_CLOSED,
        actor=actor,
        organisation=actor_organisation(actor, case),
        summary=str(CaseOutcome(outcome).label),
        at=at,
    )
    events.publish_case_changed(case)
    return case
