"""Project-wide request guards.

``SecondFactorMiddleware`` is the one place where the second login step is demanded
(decision 0061): with ``PACT_REQUIRE_2FA`` on, a person who can reach case data or the
Wagtail admin (``pact.roles.needs_second_factor``) and has not passed the step in this
session reaches nothing but the steps themselves, logging out and changing the
language. That covers the admin, casusregie, every API, every export and every page
(public pages show professionals' notes to people who are logged in). Websockets get
the same check in ``config.asgi``. The views of casusregie keep their own check as a
second line.

``ContentSecurityPolicyMiddleware`` is django-csp's, with the one exception the Wagtail
admin needs (decision 0065).

``RejectNulMiddleware`` answers 400 to a request whose parameters carry a NUL
character: no database stores it, and PostgreSQL raises an error on it.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from csp.middleware import CSPMiddleware
from django_otp import devices_for_user

from pact.roles import second_factor_satisfied

# Views a person who still has to pass the second step may open.
EXEMPT_VIEWS = frozenset(
    {
        "casusregie:otp_setup",
        "casusregie:otp_verify",
        "casusregie:otp_recovery",
        "login",
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "set_language",
        "healthz",
    }
)


def _is_exempt(request) -> bool:
    match = request.resolver_match
    if match is None:
        return False
    name = match.view_name or ""
    return name in EXEMPT_VIEWS or name.rsplit(":", 1)[-1].endswith("logout")


def _wants_json(request) -> bool:
    return request.path.startswith(
        "/api/"
    ) or "application/json" in request.headers.get("Accept", "")


class SecondFactorMiddleware:
    """Sends a person who must pass the second step there before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or _is_exempt(request):
            return None
        if second_factor_satisfied(user):
            return None
        if _wants_json(request):
            return JsonResponse(
                {"detail": _("Bevestig eerst uw inlog met de tweede stap.")},
                status=403,
            )

        linked = any(True for _device in devices_for_user(user, confirmed=True))
        target = reverse("casusregie:otp_verify" if linked else "casusregie:otp_setup")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


def _has_nul(values) -> bool:
    return any("\x00" in key or "\x00" in value for key, value in values)


class RejectNulMiddleware:
    """400 for a NUL character in the address's parameters or a form's fields."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.GET.lists()
        pairs = [(key, value) for key, values in query for value in values]
        # Multipart bodies are left to the views: reading them here would fix the
        # upload handlers before a view can choose its own.
        if (
            request.method == "POST"
            and request.content_type == "application/x-www-form-urlencoded"
        ):
            pairs += [
                (key, value)
                for key, values in request.POST.lists()
                for value in values
                if isinstance(value, str)
            ]
        if "\x00" in request.path or _has_nul(pairs):
            message = _("Het verzoek bevat een ongeldig teken (NUL).")
            if _wants_json(request):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)


ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """``CONTENT_SECURITY_POLICY`` everywhere; in the Wagtail admin, whose own
    templates render a few inline scripts (date pickers, inline panels) and many inline
    styles, those are allowed too. Our own templates have none (a test checks)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(ADMIN_PREFIX):
            parts.update = {
                **(parts.update or {}),
                "script-src": ["'unsafe-inline'"],
                "style-src": ["'unsafe-inline'"],
            }
        return parts
