"""What the casusregie pages share: the guard every page with case data sits behind,
running a service and saying how it went, and the organisations a case can involve."""

from __future__ import annotations

from functools import wraps
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from casusregie import permissions, services
from casusregie.twofactor import two_factor_redirect
from pact.models import Organisation

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def case_area(view):
    """Logged in, two factors where required, no caching of pages with case data."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not permissions.two_factor_satisfied(request.user):
            return two_factor_redirect(request)
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


def redirect_back(request, fallback: str):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


def run_service(request, call, *, success: StrOrPromise, fallback: str):
    """Run a service; show its message; answer 404 when the policy says no."""
    try:
        call()
    except services.NotAllowed:
        raise Http404(permissions.NOT_FOUND_MESSAGE) from None
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect_back(request, fallback)


def form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def case_url(case) -> str:
    return reverse("casusregie:case_detail", args=[case.uuid])


def other_organisations(case):
    """The active organisations of the case's municipality other than the pact's own:
    the ones a case can be handed over to or involve."""
    return (
        Organisation.objects.filter(municipalities=case.municipality_id, is_active=True)
        .exclude(kind="pact")
        .order_by("name")
    )
