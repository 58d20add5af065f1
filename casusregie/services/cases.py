"""Cases: opening one with its first lead and the resident's goals, changing its regie,
recording the first contact and closing it.

A case opens with its first lead (the opening organisation, on consent or a legal task)
and at least one goal in the resident's words. The first contact makes a registered
case active and completes an accepted hand-over; closing cancels open hand-overs and
resolves an open escalation. Goals and notes: ``services/goals.py``; consent and
involvement: ``services/consent.py``.
"""

from __future__ import annotations

import datetime
import secrets

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
    EventKind,
    HandoverStatus,
    ResidentRegie,
)
from casusregie.models import Case, Consent, Goal, Handover
from casusregie.services.common import (
    actor_organisation,
    authorise,
    lock_case,
    now_or,
    record_change,
    require_open,
)
from casusregie.services.errors import InvalidTransition, NotAllowed
from casusregie.services.grants import grants_sync
from casusregie.services.transitions import (
    escalations_resolve_open,
    handover_complete,
    handovers_cancel_open,
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
