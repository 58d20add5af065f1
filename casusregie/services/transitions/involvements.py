"""Involvements start, stop and change here: never two leads, never none."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from casusregie.constants import Basis, InvolvementRole, LegalGround
from casusregie.models import Case, Consent, Involvement
from casusregie.services.errors import InvalidTransition
from casusregie.services.grants import grants_sync
from pact.models import Organisation

# --- Involvements ------------------------------------------------------------------------


def basis_resolve(
    *,
    case: Case,
    organisation: Organisation,
    consent: Consent | None,
    legal_ground: str,
    day: datetime.date,
) -> tuple[str, Consent | None, str]:
    """(basis, consent, legal ground) for ``organisation``; ValidationError if none."""
    if consent is not None:
        if consent.case_id != case.pk or consent.organisation_id != organisation.pk:
            raise ValidationError(
                _("Deze toestemming hoort niet bij deze organisatie.")
            )
        if not consent.is_valid_on(day):
            raise ValidationError(_("Deze toestemming is niet (meer) geldig."))
        return Basis.CONSENT, consent, ""
    if legal_ground:
        if legal_ground not in LegalGround.values:
            raise ValidationError(_("Kies een wettelijke taak uit de lijst."))
        return Basis.LEGAL_TASK, None, legal_ground
    for candidate in case.consents.filter(
        organisation=organisation, withdrawn_at__isnull=True
    ):
        if candidate.is_valid_on(day):
            return Basis.CONSENT, candidate, ""
    raise ValidationError(
        _(
            "Er is geen geldige toestemming van de inwoner voor %(organisation)s. "
            "Leg eerst de toestemming vast, of kies een wettelijke taak."
        )
        % {"organisation": organisation}
    )


LEGAL_TASK_WGS = (Basis.LEGAL_TASK, None, LegalGround.WGS)


def involvement_start(
    case: Case,
    organisation: Organisation,
    *,
    role: str,
    basis: tuple[str, Consent | None, str],
    at: datetime.datetime,
) -> Involvement:
    """Involve ``organisation`` from ``at`` (not as lead: ``lead_move`` does that)."""
    if role == InvolvementRole.LEAD:
        raise ValueError("the lead moves with lead_move")
    basis_kind, consent, legal_ground = basis
    return Involvement.objects.create(
        case=case,
        organisation=organisation,
        role=role,
        basis=basis_kind,
        consent=consent,
        legal_ground=legal_ground,
        started_at=at,
    )


def involvement_stop(involvement: Involvement, *, at: datetime.datetime) -> Involvement:
    """End ``involvement`` at ``at``. Never the lead's of an open case: hand the lead
    over first (a closed case's lead ends when its consent is withdrawn)."""
    if involvement.role == InvolvementRole.LEAD and not involvement.case.is_closed:
        raise InvalidTransition(_("De regiehouder kan pas stoppen na een overdracht."))
    involvement.ended_at = at
    involvement.save(update_fields=["ended_at"])
    return involvement


def involvement_rebase(
    involvement: Involvement, basis: tuple[str, Consent | None, str]
) -> Involvement:
    """The same organisation goes on, on another basis (its consent ended, its legal
    task remains)."""
    involvement.basis, involvement.consent, involvement.legal_ground = basis
    involvement.save(update_fields=["basis", "consent", "legal_ground"])
    return involvement


def lead_first(
    case: Case,
    organisation: Organisation,
    *,
    basis: tuple[str, Consent | None, str],
    at: datetime.datetime,
) -> Involvement:
    """The first lead of a new case (``case_open``)."""
    basis_kind, consent, legal_ground = basis
    return Involvement.objects.create(
        case=case,
        organisation=organisation,
        role=InvolvementRole.LEAD,
        basis=basis_kind,
        consent=consent,
        legal_ground=legal_ground,
        started_at=at,
    )


def lead_move(
    *,
    case: Case,
    to_organisation: Organisation,
    basis: tuple[str, Consent | None, str],
    worker,
    at: datetime.datetime,
    leaving: Involvement | None = None,
) -> None:
    """Move the lead within the caller's transaction (the case row is locked).

    The old lead's involvement becomes ``INVOLVED`` (or ends when it is ``leaving``),
    then the new organisation's becomes ``LEAD``: never two leads, never none. The
    grants follow.
    """
    old = case.involvements.select_for_update().get(
        role=InvolvementRole.LEAD, ended_at__isnull=True
    )
    if leaving is not None and leaving.pk == old.pk:
        old.ended_at = at
        old.save(update_fields=["ended_at"])
    else:
        old.role = InvolvementRole.INVOLVED
        old.save(update_fields=["role"])
    new = (
        case.involvements.select_for_update()
        .filter(organisation=to_organisation, ended_at__isnull=True)
        .first()
    )
    basis_kind, consent, legal_ground = basis
    if new is None:
        Involvement.objects.create(
            case=case,
            organisation=to_organisation,
            role=InvolvementRole.LEAD,
            basis=basis_kind,
            consent=consent,
            legal_ground=legal_ground,
            started_at=at,
        )
    else:
        new.role = InvolvementRole.LEAD
        new.basis, new.consent, new.legal_ground = basis_kind, consent, legal_ground
        new.save(update_fields=["role", "basis", "consent", "legal_ground"])
    case.lead_organisation = to_organisation
    case.lead_worker = worker
    case.save(update_fields=["lead_organisation", "lead_worker"])
    grants_sync(case)
