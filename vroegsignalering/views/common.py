"""What every page of vroegsignalering shares: the area's guard and small lookups."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache

from casusregie import permissions as case_permissions
from pact.models import Municipality
from vroegsignalering import permissions


def signal_area(view):
    """Logged in, second factor where required, no caching of pages with signals."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not case_permissions.two_factor_satisfied(request.user):
            return redirect(f"{reverse('casusregie:otp_verify')}?next={request.path}")
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


def not_found():
    return Http404(permissions.NOT_FOUND_MESSAGE)


def chosen(queryset, value):
    if not value:
        return None
    try:
        return queryset.filter(uuid=value).first()
    except ValidationError:
        return None


def regie_municipality(request) -> Municipality:
    municipalities = permissions.regie_municipalities(request.user).order_by("name")
    chosen = request.GET.get("gemeente") or request.POST.get("gemeente")
    municipality = (
        municipalities.filter(slug=chosen).first() if chosen else municipalities.first()
    )
    if municipality is None:
        raise not_found()
    return municipality
