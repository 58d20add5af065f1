"""Consent and involvement: which organisations work on a case, and on which basis.

Consent is recorded per organisation; withdrawing it ends that organisation's access at
once (the grants are re-synced in the same transaction); when the lead's consent is
withdrawn the municipality's regisseur takes the lead on its legal task, so the case
never lacks a lead.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casusregie import events, permissions
from casusregie.constants import (
    Basis,
    ConsentForm,
    EscalationStatus,
    EventKind,
    InvolvementRole,
)
from casusregie.models import Case, Consent, Involvement
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
    handovers_cancel_open,
    involvement_start,
    involvement_stop,
)
from pact.models import Organisation
from pact.roles import can as role_can


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
