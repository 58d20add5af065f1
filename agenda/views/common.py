"""What every agenda view shares: the login gate for internal pages and the plan context
(plan, pact, the person's rights on it and their unread notifications).
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login

from agenda import permissions, selectors
from agenda.models import Plan


def login_for_internal(view):
    """Anonymous visitors of an internal page go to the login; others pass to the view."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def plan_context(request, plan: Plan, **extra) -> dict:
    user = request.user
    return {
        "plan": plan,
        "pact": plan.pact,
        "is_internal": permissions.can_view_internal(user, plan),
        "is_plan_admin": permissions.is_plan_admin(user, plan),
        "unread": selectors.unread_notification_count(user),
        **extra,
    }
