"""django-guardian grants on cases, kept equal to ``permissions.expected_grants``.

This module is the only code that assigns or removes case object permissions. The other
services call ``grants_sync(case)`` after every change of involvement, consent, lead or
status; ``grants_check_all`` (``manage.py check_case_grants``) proves the grants match.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission

from guardian.shortcuts import assign_perm, remove_perm

from casusregie.constants import InvolvementRole
from casusregie.models import Case, CaseGroupObjectPermission
from casusregie.permissions import ACTIONS, expected_grants
from pact.models import Organisation
from pact.roles import organisation_group


def _permissions() -> dict[str, Permission]:
    return {
        permission.codename: permission
        for permission in Permission.objects.filter(
            content_type__app_label="casusregie", codename__in=ACTIONS
        )
    }


def _expected_pairs(case: Case) -> set[tuple[int, str]]:
    triples = expected_grants(case)
    organisations = Organisation.objects.in_bulk({org_id for org_id, _r, _a in triples})
    groups: dict[tuple[int, str], int] = {}
    pairs = set()
    for org_id, role, action in triples:
        key = (org_id, role)
        if key not in groups:
            groups[key] = organisation_group(organisations[org_id], role).pk
        pairs.add((groups[key], action))
    return pairs


def _current_pairs(case: Case) -> set[tuple[int, str]]:
    return set(
        CaseGroupObjectPermission.objects.filter(content_object=case).values_list(
            "group_id", "permission__codename"
        )
    )


def grants_sync(case: Case) -> tuple[int, int]:
    """Make the case's group object permissions equal to the policy; (added, removed)."""
    expected, current = _expected_pairs(case), _current_pairs(case)
    to_add, to_remove = expected - current, current - expected
    if to_add or to_remove:
        permissions = _permissions()
        groups = Group.objects.in_bulk({g for g, _a in to_add | to_remove})
        for group_id, action in sorted(to_add):
            assign_perm(permissions[action], groups[group_id], case)
        for group_id, action in sorted(to_remove):
            remove_perm(permissions[action], groups[group_id], case)
    return len(to_add), len(to_remove)


@dataclass
class GrantReport:
    cases: int = 0
    missing: list[tuple[str, int, str]] = field(default_factory=list)
    extra: list[tuple[str, int, str]] = field(default_factory=list)
    lead_mismatch: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.lead_mismatch)


def grants_check_all(*, fix: bool = False) -> GrantReport:
    """Compare every case's grants with involvement and consent; optionally repair.

    Also checks the lead invariant: the case's lead organisation is the organisation of
    its one active lead involvement.
    """
    report = GrantReport()
    for case in Case.objects.order_by("pk").iterator(chunk_size=500):
        report.cases += 1
        expected, current = _expected_pairs(case), _current_pairs(case)
        report.missing += [
            (case.reference, g, a) for g, a in sorted(expected - current)
        ]
        report.extra += [(case.reference, g, a) for g, a in sorted(current - expected)]
        leads = list(
            case.involvements.filter(
                role=InvolvementRole.LEAD, ended_at__isnull=True
            ).values_list("organisation_id", flat=True)
        )
        if leads != [case.lead_organisation_id]:
            report.lead_mismatch.append(case.reference)
        if fix and expected != current:
            grants_sync(case)
    return report
