"""Project-wide pages: the health report, the error pages and the professionals' door
(log in, choose where to work, log out). See ``config/homes.py`` for where each role
starts."""

from __future__ import annotations

import sys
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.i18n import set_language as django_set_language

from casusregie.permissions import two_factor_satisfied
from config import health
from config.homes import homes_for, may_open

# Seconds after which a browser or proxy may try again when the database is away.
RETRY_AFTER_SECONDS = 30


# Choosing a language needs no CSRF token: the worst a forged request can do is set the
# language cookie. Without a token in the page shell, anonymous pages can be shared from
# the page cache (decision 0073).
set_language = csrf_exempt(django_set_language)


@never_cache
def healthz(request):
    """Each component's state for the load balancer and monitoring (config/health.py):
    HTTP 200 while the platform can serve (``ok`` or ``degraded``), 503 when it cannot."""
    body, status = health.report()
    return JsonResponse(body, status=status)


def database_unavailable(error: BaseException | None) -> bool:
    """The database cannot be reached, refuses connections or the pool is exhausted
    (psycopg's ``PoolTimeout`` arrives as an ``OperationalError``)."""
    return isinstance(error, OperationalError | InterfaceError)


def server_error(request):
    """``handler500``: a plain page that needs nothing but the template files.

    When the cause is the database being away, the answer is 503 with ``Retry-After``
    (a temporary state, and a proxy may try another instance) and a page that says so in
    plain words; never a traceback."""
    error = sys.exc_info()[1]
    if database_unavailable(error):
        response = HttpResponse(
            loader.get_template("503.html").render(),
            status=503,
            content_type="text/html; charset=utf-8",
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(
        loader.get_template("500.html").render(),
        content_type="text/html; charset=utf-8",
    )


def home_url(user) -> str:
    """The one home of ``user``'s roles, or the chooser when he has several (or none)."""
    homes = homes_for(user)
    if len(homes) == 1:
        return homes[0].url
    return reverse("professional_home")


def after_login_url(request, wanted: str) -> str:
    """Where a person goes after the password: the page he asked for (when safe and
    his), else his home; through the existing second step (TOTP) first when his roles
    need it, so the second factor is never skipped by this door."""
    user = request.user
    target = wanted if wanted and may_open(user, wanted) else home_url(user)
    if not two_factor_satisfied(user):
        return f"{reverse('casusregie:otp_verify')}?{urlencode({'next': target})}"
    return target


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class ProfessionalLoginView(auth_views.LoginView):
    """The login for professionals (residents need no account). django-axes counts the
    failures (its backend and middleware); the session is renewed on login."""

    template_name = "config/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        return after_login_url(self.request, self.get_redirect_url())


class ProfessionalLogoutView(auth_views.LogoutView):
    """POST only (Django's own rule), with the CSRF token: a link or an image on
    another site cannot sign anyone out. Ends the whole session."""

    next_page = reverse_lazy("login")  # type: ignore[assignment]  # resolved lazily

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(
            request,
            _(
                "U bent uitgelogd. Sluit de browser als u de computer met anderen deelt."
            ),
        )
        return response


@never_cache
def professional_home(request):
    """ "Mijn werk": the homes of the person's roles, to choose from."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?{urlencode({'next': request.path})}")
    return render(
        request, "config/professional_home.html", {"homes": homes_for(request.user)}
    )
