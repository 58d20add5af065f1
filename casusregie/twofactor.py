"""Two-factor authentication (TOTP, django-otp) for case roles.

When ``PACT_REQUIRE_2FA`` is on, people with a case role (``permissions.has_case_role``)
must have verified a TOTP device in this session before any casusregie page, API call or
websocket opens. Enrolment shows a QR code (SVG, made on the server by ``qrcode``: the
secret never leaves the platform for a third-party service) and the secret in text.
"""

from __future__ import annotations

import base64
from io import BytesIO

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from casusregie.forms import TokenForm


def two_factor_redirect(request) -> HttpResponseRedirect:
    has_device = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    name = "casusregie:otp_verify" if has_device else "casusregie:otp_setup"
    return redirect(f"{reverse(name)}?next={request.get_full_path()}")


def _next(request) -> str:
    target = (
        request.POST.get("next")
        or request.GET.get("next")
        or reverse("casusregie:dashboard")
    )
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return reverse("casusregie:dashboard")
    return target


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
        return redirect(f"{reverse('casusregie:otp_verify')}?next={_next(request)}")
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
            return redirect(_next(request))
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
        return redirect(f"{reverse('casusregie:otp_setup')}?next={_next(request)}")
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
