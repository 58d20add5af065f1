"""Who saw a case: its access log, everything about it for the resident (AVG art. 15
and 20, with the access list as he gets it) and the break-glass report."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from casusregie import permissions
from casusregie.models import AccessLogEntry, BreakGlassAccess, Case
from casusregie.selectors.cases import case_detail
from pact.constants import Role
from pact.models import Municipality


def case_access_log_entries(case: Case) -> QuerySet[AccessLogEntry]:
    """Who looked at / changed this case, newest first (index on case_uuid, at)."""
    return AccessLogEntry.objects.filter(case_uuid=case.uuid).order_by("-at", "-id")


def case_access_log_for_resident(case: Case) -> list[dict[str, str | bool]]:
    """The access list as the resident gets it: when, which organisation, which role,
    what; not the names of employees (CJEU C-579/21, Pankki S)."""
    return [
        {
            "at": timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M"),
            "organisation": entry.organisation_label or "Systeem",
            "role": entry.role_label,
            "action": str(entry.get_action_display()),
            "break_glass": entry.is_break_glass,
        }
        for entry in AccessLogEntry.objects.filter(case_uuid=case.uuid).order_by(
            "at", "id"
        )
    ]


def case_export_data(case: Case) -> dict[str, Any]:
    """Everything about one case for the resident (AVG art. 15 and 20), as plain data."""
    detail = case_detail(case)

    def when(value):
        return timezone.localtime(value).isoformat() if value else None

    return {
        "kenmerk": case.reference,
        "huishouden": case.label,
        "gemeente": str(case.municipality),
        "status": str(case.get_status_display()),
        "uitkomst": str(case.get_outcome_display()) if case.outcome else None,
        "complexiteit": str(case.get_complexity_display()),
        "regie_van_de_inwoner": str(case.get_resident_regie_display()),
        "regiehouder": str(case.lead_organisation),
        "aangemeld_op": when(case.created_at),
        "eerste_contact_op": when(case.first_contact_at),
        "afgesloten_op": when(case.closed_at),
        "doelen": [
            {
                "prioriteit": goal.position,
                "doel": goal.text,
                "status": str(goal.get_status_display()),
                "trekker": str(goal.lead_organisation)
                if goal.lead_organisation
                else None,
            }
            for goal in detail["goals"]
        ],
        "toestemmingen": [
            {
                "aan": str(consent.organisation),
                "voor": consent.scope,
                "vorm": str(consent.get_form_display()),
                "gegeven_op": consent.given_on.isoformat(),
                "geldig_tot": consent.valid_until.isoformat()
                if consent.valid_until
                else None,
                "ingetrokken_op": consent.withdrawn_on.isoformat()
                if consent.withdrawn_on
                else None,
            }
            for consent in detail["consents"]
        ],
        "betrokken_organisaties": [
            {
                "organisatie": str(involvement.organisation),
                "rol": str(involvement.get_role_display()),
                "grondslag": str(involvement.get_basis_display()),
                "wettelijke_taak": str(involvement.get_legal_ground_display())
                if involvement.legal_ground
                else None,
                "sinds": when(involvement.started_at),
                "tot": when(involvement.ended_at),
            }
            for involvement in detail["involvements"] + detail["past_involvements"]
        ],
        "notities": [
            {
                "op": when(note.created_at),
                "namens": str(note.organisation),
                "tekst": note.text,
            }
            for note in detail["notes"]
        ],
        "overdrachten": [
            {
                "van": str(handover.from_organisation),
                "naar": str(handover.to_organisation),
                "status": str(handover.get_status_display()),
                "voorgesteld_op": when(handover.proposed_at),
                "wat_de_inwoner_belangrijk_vindt": handover.priorities,
                "wat_al_geprobeerd_is": handover.tried,
                "lopende_afspraken": handover.commitments,
                "risicos": handover.risks,
                "volgende_afspraak": handover.next_appointment,
                "reden_afwijzing": handover.decline_reason or None,
            }
            for handover in detail["handovers"]
        ],
        "tijdlijn": [
            {
                "op": when(event.at),
                "wat": str(event.get_kind_display()),
                "namens": str(event.organisation) if event.organisation else None,
                "toelichting": event.summary,
            }
            for event in reversed(detail["events"])
        ],
        "wie_heeft_de_casus_ingezien": case_access_log_for_resident(case),
    }


def break_glass_report(user) -> QuerySet[BreakGlassAccess]:
    """Break-glass accesses for regisseurs (their municipality) and pact admins (their
    pacts' municipalities); superusers see all."""
    accesses = BreakGlassAccess.objects.select_related(
        "user", "case", "case__municipality", "case__lead_organisation"
    ).order_by("-started_at")
    if user.is_superuser:
        return accesses
    municipality_ids = Municipality.objects.filter(
        Q(organisations__in=permissions.regisseur_organisations(user))
        | Q(
            pacts__admin_memberships__user=user,
            pacts__admin_memberships__role=Role.PACT_ADMIN,
        )
    ).values("pk")
    return accesses.filter(case__municipality_id__in=municipality_ids)
