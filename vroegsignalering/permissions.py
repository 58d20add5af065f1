"""The one permission policy of vroegsignalering. Every page, command and service asks
this module; nothing else decides who sees a household.

* A household is seen by the **partner it is routed to** (its case workers and
  coordinators: ``signals.work`` in that organisation) and by the **regisseurs** of its
  municipality (``signals.regie``; a regisseur's municipalities are those of the
  organisation where he holds the role). Nobody else: not other partners, not pact admins,
  not superusers (decision 0060: they run the platform and see no personal data).
* Recording attempts and outcomes (``RECORD``): the partner's case workers, and the
  regisseurs. Coordinators see the queue and set the capacity (``signals.plan``).
* Opening a case from an accepted signal additionally needs ``cases.work`` in the partner
  (casusregie's ``case_open`` checks it again).
* What someone may not see answers 404, exactly like what does not exist
  (``access_household``).
* Figures (``signals.view_figures``) hold no personal data.
* Every role here needs the second login step (``pact.roles.SECOND_FACTOR_CAPABILITIES``).

Reads are logged by the views in casusregie's access log (``casusregie.services``).
"""

from __future__ import annotations

import uuid as uuid_module

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from pact.constants import Role
from pact.models import Municipality, Organisation
from pact.roles import can as role_can
from pact.roles import is_platform_admin, organisations_where
from vroegsignalering.models import Household

VIEW = "view"
RECORD = "record"
ACTIONS = (VIEW, RECORD)

NOT_FOUND_MESSAGE = _("Dit huishouden bestaat niet of u heeft er geen toegang toe.")


class SignalActionDenied(PermissionDenied):
    """Raised by ``require``; views answer it with 404."""


def _usable(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _may_see_personal_data(user) -> bool:
    return _usable(user) and not is_platform_admin(user)


def regie_municipalities(user) -> QuerySet[Municipality]:
    """The municipalities whose signals ``user`` oversees as regisseur."""
    if not _may_see_personal_data(user) or not role_can(user, "signals.regie"):
        return Municipality.objects.none()
    return Municipality.objects.filter(
        organisations__memberships__user=user,
        organisations__memberships__role=Role.REGISSEUR,
    ).distinct()


def working_organisations(user) -> QuerySet[Organisation]:
    """The partners whose signal queue ``user`` works in."""
    if not _may_see_personal_data(user):
        return Organisation.objects.none()
    return organisations_where(user, "signals.work")


def recording_organisations(user) -> QuerySet[Organisation]:
    """The partners for which ``user`` records attempts and outcomes (case workers)."""
    if not _may_see_personal_data(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Role.CASE_WORKER
    ).distinct()


def households_visible_to(user) -> QuerySet[Household]:
    """Every household ``user`` may see: one query, used by every list and count."""
    if not _may_see_personal_data(user):
        return Household.objects.none()
    return Household.objects.filter(
        Q(organisation__in=working_organisations(user))
        | Q(municipality__in=regie_municipalities(user))
    )


def can(user, action: str, household: Household) -> bool:
    if action not in ACTIONS:
        raise KeyError(action)
    if not _may_see_personal_data(user):
        return False
    if regie_municipalities(user).filter(pk=household.municipality_id).exists():
        return True
    if action == VIEW:
        return working_organisations(user).filter(pk=household.organisation_id).exists()
    return recording_organisations(user).filter(pk=household.organisation_id).exists()


def require(user, action: str, household: Household) -> None:
    if not can(user, action, household):
        raise SignalActionDenied(_("U mag dit niet doen met dit huishouden."))


def access_household(user, household_uuid, action: str = VIEW) -> Household:
    """Fetch and authorise; Http404 whether missing or forbidden."""
    try:
        key = uuid_module.UUID(str(household_uuid))
    except (TypeError, ValueError):
        raise Http404(NOT_FOUND_MESSAGE) from None
    household = (
        Household.objects.select_related("municipality", "organisation")
        .filter(uuid=key)
        .first()
    )
    if household is None or not can(user, action, household):
        raise Http404(NOT_FOUND_MESSAGE)
    return household


def may_open_case(user, household: Household) -> bool:
    """Accepting help opens a case led by the household's partner: only its case
    workers and regisseurs (``cases.work`` there) can."""
    return can(user, RECORD, household) and role_can(
        user, "cases.work", household.organisation
    )


def may_import(user, municipality: Municipality) -> bool:
    return regie_municipalities(user).filter(pk=municipality.pk).exists()


def may_edit_rules(user, municipality: Municipality) -> bool:
    return may_import(user, municipality)


def capacity_organisations(user) -> QuerySet[Organisation]:
    if not _usable(user):
        return Organisation.objects.none()
    return organisations_where(user, "signals.plan")


def may_set_capacity(user, organisation: Organisation) -> bool:
    return capacity_organisations(user).filter(pk=organisation.pk).exists()


def may_view_figures(user) -> bool:
    return _usable(user) and role_can(user, "signals.view_figures")


def has_signal_role(user) -> bool:
    return _may_see_personal_data(user) and (
        working_organisations(user).exists() or regie_municipalities(user).exists()
    )
