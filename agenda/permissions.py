"""Who may do what in the action agenda: the one permission policy of this app.

Built on the role matrix of ``pact.roles`` (``agenda.view``, ``agenda.report``,
``agenda.edit_plan``), narrowed to objects:

* **Public** (anyone, no login): a published plan and its published actions, with only
  *submitted* updates (status, progress, story, signal, indicator values).
* **People of the pact** (``agenda.view`` and a role in an organisation that is a member
  of the pact or owns one of its actions): the whole plan, also unpublished actions,
  coverage and data quality. Contents of drafts stay with the reporters.
* **Reporters** (``agenda.report``): a coordinator reports on the actions his organisation
  owns (any owner role). A pact admin reports on every action of his own pact's plans,
  including those owned by the pact itself.
* **Plan admins** (``agenda.edit_plan``): pact admins of *this* pact (``Membership.pact``),
  superusers. They edit the plan, rounds and indicators, import, and return updates.

Views, consumers and templates ask this module; services call ``require``. Missing and
forbidden objects raise the same 404 in ``access_*``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from agenda.constants import UpdateState
from agenda.models import Action, ActionOwner, Plan, Round, Update
from pact.constants import Role
from pact.models import Membership, Pact
from pact.roles import can as role_can
from pact.roles import organisations_where

VIEW = "view"
VIEW_INTERNAL = "view_internal"
REPORT = "report"
EDIT_PLAN = "edit_plan"
RETURN = "return"


class AgendaPermissionDenied(PermissionDenied):
    """The acting person may not do this with this object."""


def _cache(user) -> dict:
    cache = user.__dict__.get("_agenda_perm_cache")
    if cache is None:
        cache = user.__dict__["_agenda_perm_cache"] = {}
    return cache


def administered_pact_ids(user) -> set[int]:
    """The pacts whose plans ``user`` may edit (every pact for superusers: ``None`` check)."""
    if not user.is_authenticated or not role_can(user, "agenda.edit_plan"):
        return set()
    cache = _cache(user)
    if "pacts" not in cache:
        cache["pacts"] = set(
            Membership.objects.filter(
                user=user, role=Role.PACT_ADMIN, pact__isnull=False
            ).values_list("pact_id", flat=True)
        )
    return cache["pacts"]


def pacts_administered_by(user) -> QuerySet[Pact]:
    """The pacts for which ``user`` may create plans: his own as pact admin (every pact
    for a superuser with the right)."""
    if not user.is_authenticated or not user.is_active:
        return Pact.objects.none()
    if user.is_superuser:
        return (
            Pact.objects.all()
            if role_can(user, "agenda.edit_plan")
            else Pact.objects.none()
        )
    return Pact.objects.filter(pk__in=administered_pact_ids(user))


def is_plan_admin(user, plan: Plan) -> bool:
    """Pact admin of this plan's pact, or superuser."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return role_can(user, "agenda.edit_plan")
    return plan.pact_id in administered_pact_ids(user)


def reporting_organisation_ids(user) -> set[int]:
    """Organisations on whose actions ``user`` reports as coordinator."""
    if not user.is_authenticated:
        return set()
    cache = _cache(user)
    if "reporting" not in cache:
        cache["reporting"] = set(
            organisations_where(user, "agenda.report")
            .filter(memberships__user=user, memberships__role=Role.COORDINATOR)
            .values_list("pk", flat=True)
        )
    return cache["reporting"]


def can_view_internal(user, plan: Plan) -> bool:
    """May ``user`` see the whole plan (unpublished actions, coverage, data quality)?"""
    if not user.is_authenticated or not role_can(user, "agenda.view"):
        return False
    if user.is_superuser or is_plan_admin(user, plan):
        return True
    cache = _cache(user)
    key = ("internal", plan.pk)
    if key not in cache:
        cache[key] = (
            Membership.objects.filter(user=user)
            .filter(
                Q(organisation__pact_memberships__pact_id=plan.pact_id)
                | Q(organisation__agenda_ownerships__action__plan=plan)
            )
            .exists()
        )
    return cache[key]


def can_view_plan(user, plan: Plan) -> bool:
    return plan.is_published or can_view_internal(user, plan)


def can_view_action(user, action: Action) -> bool:
    if can_view_internal(user, action.plan):
        return True
    return action.plan.is_published and action.is_published


def can_report(user, action: Action) -> bool:
    """May ``user`` write and submit the updates of ``action``?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_plan_admin(user, action.plan):
        return True
    mine = reporting_organisation_ids(user)
    if not mine:
        return False
    owner_ids = getattr(action, "_owner_ids", None)
    if owner_ids is None:
        owner_ids = set(action.owners.values_list("organisation_id", flat=True))
    return bool(owner_ids & mine)


def can_view_update_contents(user, update: Update) -> bool:
    """Submitted updates follow the action; drafts and returned ones only their reporters."""
    if update.state == UpdateState.SUBMITTED:
        return can_view_action(user, update.action)
    return can_report(user, update.action)


def can(user, permission: str, obj) -> bool:
    """One entry point for views and templates: ``can(user, "report", action)``."""
    if permission == VIEW:
        if isinstance(obj, Plan):
            return can_view_plan(user, obj)
        if isinstance(obj, Update):
            return can_view_update_contents(user, obj)
        return can_view_action(user, obj)
    if permission == VIEW_INTERNAL:
        if isinstance(obj, Update):
            return can_view_internal(user, obj.action.plan)
        return can_view_internal(user, obj if isinstance(obj, Plan) else obj.plan)
    if permission == REPORT:
        return can_report(user, obj if isinstance(obj, Action) else obj.action)
    if permission in (EDIT_PLAN, RETURN):
        if isinstance(obj, Update):
            return is_plan_admin(user, obj.action.plan)
        return is_plan_admin(user, obj if isinstance(obj, Plan) else obj.plan)
    raise KeyError(permission)


def require(user, permission: str, obj) -> None:
    """Raise ``AgendaPermissionDenied`` unless ``can(user, permission, obj)``."""
    if not can(user, permission, obj):
        raise AgendaPermissionDenied(permission)


# --- Querysets ------------------------------------------------------------------------------


def actions_visible_to(user, plan: Plan) -> QuerySet[Action]:
    """The actions of ``plan`` that ``user`` may see (every listing uses this)."""
    actions = Action.objects.filter(plan=plan)
    if can_view_internal(user, plan):
        return actions
    if not plan.is_published:
        return actions.none()
    return actions.filter(is_published=True)


def actions_reportable_by(user, plan: Plan) -> QuerySet[Action]:
    actions = Action.objects.filter(plan=plan)
    if is_plan_admin(user, plan):
        return actions
    mine = reporting_organisation_ids(user)
    return actions.filter(
        Exists(
            ActionOwner.objects.filter(action=OuterRef("pk"), organisation_id__in=mine)
        )
    )


def plans_visible_to(user) -> QuerySet[Plan]:
    plans = Plan.objects.select_related("pact")
    if user.is_authenticated and user.is_superuser:
        return plans
    condition = Q(is_published=True)
    if user.is_authenticated and role_can(user, "agenda.view"):
        org_ids = Membership.objects.filter(user=user).values("organisation_id")
        condition |= (
            Q(pact__memberships__organisation_id__in=org_ids)
            | Q(actions__owners__organisation_id__in=org_ids)
            | Q(pact_id__in=administered_pact_ids(user))
        )
    return plans.filter(condition).distinct()


# --- Fetch plus authorise ---------------------------------------------------------------------


def access_plan(user, pact_slug: str, plan_slug: str, permission: str = VIEW) -> Plan:
    plan = (
        Plan.objects.select_related("pact", "pact__organisation")
        .filter(pact__slug=pact_slug, slug=plan_slug)
        .first()
    )
    if plan is None or not can(user, permission, plan):
        raise Http404
    return plan


def access_action(user, action_uuid, permission: str = VIEW) -> Action:
    action = (
        Action.objects.select_related("plan", "plan__pact", "building_block")
        .filter(uuid=action_uuid)
        .first()
    )
    if action is None or not can(user, permission, action):
        raise Http404
    return action


def access_round(user, round_uuid, permission: str = VIEW) -> Round:
    round_ = (
        Round.objects.select_related("plan", "plan__pact")
        .filter(uuid=round_uuid)
        .first()
    )
    if round_ is None or not can(user, permission, round_.plan):
        raise Http404
    return round_


def access_update(user, update_uuid, permission: str = VIEW) -> Update:
    update = (
        Update.objects.select_related(
            "action", "action__plan", "action__plan__pact", "round"
        )
        .filter(uuid=update_uuid)
        .first()
    )
    if update is None or not can(user, permission, update):
        raise Http404
    return update


# --- Who hears about what -------------------------------------------------------------------


def reporters_of(action: Action) -> set[int]:
    """User ids who report on ``action``: coordinators of its owners; for actions owned by
    the pact itself (or by no one) also the pact's admins."""
    owner_ids = list(action.owners.values_list("organisation_id", flat=True))
    users = set(
        Membership.objects.filter(
            organisation_id__in=owner_ids, role=Role.COORDINATOR, user__is_active=True
        ).values_list("user_id", flat=True)
    )
    pact_org = action.plan.pact.organisation_id
    if not owner_ids or pact_org in owner_ids or not users:
        users |= plan_admin_ids(action.plan)
    return users


def plan_admin_ids(plan: Plan) -> set[int]:
    return set(
        Membership.objects.filter(
            pact_id=plan.pact_id, role=Role.PACT_ADMIN, user__is_active=True
        ).values_list("user_id", flat=True)
    )
