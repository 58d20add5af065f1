"""The pages of the second login step (TOTP, django-otp).

When ``PACT_REQUIRE_2FA`` is on, everyone who reaches case data or the admin
(``pact.roles.needs_second_factor``) must have verified a TOTP device in this session
before anything else opens; ``config.middleware.SecondFactorMiddleware`` sends them here
(decision 0061). Enrolment shows a QR code (SVG, made on the server by ``qrcode``: the
secret never leaves the platform for a third-party service) and the secret in text.

Linking the app makes ten recovery codes (``services.recovery``), shown once on the page
that answers the linking, to print or download. A recovery code can replace the app's
code at the second step, once; the person can make new codes (the old ones stop working)
on ``/casusregie/tweestaps/herstelcodes/`` after passing the second step.
"""

from __future__ import annotations

import base64
from io import BytesIO
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from casusregie.forms import RecoveryCodeForm, TokenForm
from casusregie.services.recovery import (
    recovery_code_use,
    recovery_codes_left,
    recovery_codes_replace,
)


def two_factor_redirect(request) -> HttpResponseRedirect:
    has_device = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    name = "casusregie:otp_verify" if has_device else "casusregie:otp_setup"
    return _to(name, request.get_full_path())


def _next(request) -> str:
    target = (
        request.POST.get("next")
        or request.GET.get("next")
        or reverse("casusregie:dashboard")
    )
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return reverse("casusregie:dashboard")
    return target


def _to(name: str, next_url: str) -> HttpResponseRedirect:
    """Redirect to the page ``name``, passing ``next_url`` on (encoded)."""
    return redirect(f"{reverse(name)}?{urlencode({'next': next_url})}")


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@never_cache
def otp_setup(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return _to("casusregie:otp_verify", _next(request))
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator-app"}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Tweestapsverificatie staat aan."))
            codes = recovery_codes_replace(actor=request.user, request=request)
            return _show_codes(request, codes, first_time=True)
        form.add_error(
            "token", _("Deze code klopt niet. Probeer de nieuwste code uit uw app.")
        )
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "casusregie/otp_setup.html",
        {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "secret": secret,
            "next": _next(request),
        },
    )


@never_cache
def otp_verify(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    devices = list(TOTPDevice.objects.filter(user=request.user, confirmed=True))
    if not devices:
        return _to("casusregie:otp_setup", _next(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        device = next((d for d in devices if d.verify_token(token)), None)
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error(
            "token", _("Deze code klopt niet. Probeer de nieuwste code uit uw app.")
        )
    return render(
        request, "casusregie/otp_verify.html", {"form": form, "next": _next(request)}
    )


def _codes_file(request, codes: list[str]) -> str:
    """The codes as a text file in a ``data:`` link: downloading asks nothing more of
    the server, so the codes are sent once."""
    lines = [
        _("Herstelcodes voor %(site)s") % {"site": request.get_host()},
        _("Account: %(name)s") % {"name": request.user.get_username()},
        _("Gemaakt op: %(date)s")
        % {"date": timezone.localtime().strftime("%d-%m-%Y %H:%M")},
        "",
        _(
            "Elke code werkt één keer. Bewaar ze op een veilige plek, niet bij uw telefoon."
        ),
        "",
        *codes,
        "",
    ]
    return "data:text/plain;charset=utf-8," + quote("\r\n".join(lines))


def _show_codes(request, codes: list[str], *, first_time: bool):
    return render(
        request,
        "casusregie/otp_recovery_codes_new.html",
        {
            "codes": codes,
            "download": _codes_file(request, codes),
            "first_time": first_time,
            "next": _next(request),
        },
    )


@never_cache
def otp_recovery(request):
    """The second step with a recovery code instead of the app's code."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return _to("casusregie:otp_setup", _next(request))
    form = RecoveryCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = recovery_code_use(
            actor=request.user, code=form.cleaned_data["code"], request=request
        )
        if device is not None:
            otp_login(request, device)
            left = recovery_codes_left(request.user)
            messages.warning(
                request,
                ngettext(
                    "U bent ingelogd met een herstelcode. Die werkt nu niet meer. "
                    "U heeft nog %(count)s herstelcode.",
                    "U bent ingelogd met een herstelcode. Die werkt nu niet meer. "
                    "U heeft nog %(count)s herstelcodes.",
                    left,
                )
                % {"count": left},
            )
            if left <= 3:
                return _to("casusregie:otp_recovery_codes", _next(request))
            return redirect(_next(request))
        form.add_error(
            "code",
            _(
                "Deze herstelcode klopt niet, of is al gebruikt. Kijk goed, of probeer "
                "het over een minuut opnieuw."
            ),
        )
    return render(
        request, "casusregie/otp_recovery.html", {"form": form, "next": _next(request)}
    )


@never_cache
def otp_recovery_codes(request):
    """How many recovery codes are left, and making new ones (the old ones stop)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return _to("casusregie:otp_setup", _next(request))
    is_verified = getattr(request.user, "is_verified", None)
    if not (is_verified and is_verified()):
        return _to("casusregie:otp_verify", request.get_full_path())
    if request.method == "POST":
        codes = recovery_codes_replace(actor=request.user, request=request)
        return _show_codes(request, codes, first_time=False)
    return render(
        request,
        "casusregie/otp_recovery_codes.html",
        {"left": recovery_codes_left(request.user), "next": _next(request)},
    )
