"""The regisseur's pages: reading files in, routing rules, creditor keys, capacity and
the figures."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pact.models import Municipality
from vroegsignalering import charts, forms, permissions, selectors, services
from vroegsignalering.constants import ImportSource
from vroegsignalering.models import CreditorKey, RoutingRule
from vroegsignalering.services.intake import COLUMNS
from vroegsignalering.views.common import (
    chosen,
    not_found,
    regie_municipality,
    signal_area,
)


@signal_area
def upload(request):
    """The regisseur reads a creditor's file in: all or nothing, every bad row named."""
    municipalities = permissions.regie_municipalities(request.user).order_by("name")
    if not municipalities.exists():
        raise not_found()
    form = forms.UploadForm(
        request.POST or None, request.FILES or None, municipalities=municipalities
    )
    errors: list[str] = []
    batch = None
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            batch = services.signals_import(
                data=upload_file.read(),
                municipality=form.cleaned_data["municipality"],
                actor=request.user,
                source=ImportSource.UPLOAD,
                file_name=upload_file.name,
            )
        except services.NotAllowed:
            raise not_found() from None
        except services.ImportRejected as rejected:
            errors = rejected.messages
    return render(
        request,
        "vroegsignalering/upload.html",
        {"form": form, "errors": errors, "batch": batch, "columns": COLUMNS},
        status=400 if errors else 200,
    )


@signal_area
def rules(request):
    """The regisseur's routing rules for one of his municipalities."""
    municipality = regie_municipality(request)
    organisations = municipality.organisations.filter(is_active=True).order_by("name")
    form = forms.RuleForm(request.POST or None, organisations=organisations)
    if request.method == "POST":
        if "remove" in request.POST:
            rule = RoutingRule.objects.filter(
                municipality=municipality, pk=request.POST.get("remove")
            ).first()
            if rule is not None:
                services.routing_rule_remove(rule=rule, actor=request.user)
                messages.success(request, _("De regel is verwijderd."))
            return redirect(
                f"{reverse('vroegsignalering:rules')}?gemeente={municipality.slug}"
            )
        if form.is_valid():
            try:
                services.routing_rule_add(
                    municipality=municipality,
                    actor=request.user,
                    organisation=form.cleaned_data["organisation"],
                    condition=form.cleaned_data["condition"],
                    position=form.cleaned_data["position"],
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("De regel is toegevoegd."))
                return redirect(
                    f"{reverse('vroegsignalering:rules')}?gemeente={municipality.slug}"
                )
    return render(
        request,
        "vroegsignalering/rules.html",
        {
            "municipality": municipality,
            "municipalities": permissions.regie_municipalities(request.user).order_by(
                "name"
            ),
            "rules": selectors.routing_rules_of(municipality),
            "form": form,
            "capacity": selectors.capacity_overview(municipality),
        },
    )


@signal_area
def creditor_keys(request):
    """The regisseur makes and revokes the creditors' API keys; a new key is shown
    once, on this response only."""
    municipality = regie_municipality(request)
    form = forms.CreditorKeyForm(request.POST or None)
    new_key = ""
    if request.method == "POST":
        if "revoke" in request.POST:
            key = CreditorKey.objects.filter(
                municipality=municipality, uuid=request.POST.get("revoke") or None
            ).first()
            if key is not None and key.revoked_at is None:
                services.creditor_key_revoke(key=key, actor=request.user)
                messages.success(request, _("De sleutel is ingetrokken."))
            return redirect(
                f"{reverse('vroegsignalering:creditor_keys')}?gemeente={municipality.slug}"
            )
        if form.is_valid():
            _row, new_key = services.creditor_key_create(
                municipality=municipality,
                creditor=form.cleaned_data["creditor"],
                actor=request.user,
            )
            form = forms.CreditorKeyForm()
    return render(
        request,
        "vroegsignalering/creditor_keys.html",
        {
            "municipality": municipality,
            "municipalities": permissions.regie_municipalities(request.user).order_by(
                "name"
            ),
            "keys": CreditorKey.objects.filter(municipality=municipality),
            "form": form,
            "new_key": new_key,
        },
    )


@signal_area
def capacity(request):
    """The coordinator sets his organisation's weekly capacity."""
    organisations = permissions.capacity_organisations(request.user).order_by("name")
    organisation = chosen(organisations, request.GET.get("partner")) or (
        organisations.first()
    )
    if organisation is None:
        raise not_found()
    current = selectors.capacity_of(organisation)
    form = forms.CapacityForm(
        request.POST or None,
        initial={
            "visits_per_week": getattr(current, "visits_per_week", 0),
            "calls_per_week": getattr(current, "calls_per_week", 0),
        },
    )
    if request.method == "POST" and form.is_valid():
        services.capacity_set(
            organisation=organisation,
            actor=request.user,
            visits_per_week=form.cleaned_data["visits_per_week"],
            calls_per_week=form.cleaned_data["calls_per_week"],
        )
        messages.success(request, _("De capaciteit is opgeslagen."))
        return redirect(
            f"{reverse('vroegsignalering:capacity')}?partner={organisation.uuid}"
        )
    return render(
        request,
        "vroegsignalering/capacity.html",
        {"form": form, "organisation": organisation, "organisations": organisations},
    )


@signal_area
def figures(request):
    """Figures per municipality and month, without personal data."""
    if not permissions.may_view_figures(request.user):
        raise not_found()
    municipalities = Municipality.objects.order_by("name")
    own = permissions.regie_municipalities(request.user).order_by("name").first()
    chosen = request.GET.get("gemeente")
    municipality = (
        (municipalities.filter(slug=chosen).first() if chosen else None)
        or own
        or municipalities.first()
    )
    if municipality is None:
        raise not_found()
    months = selectors.figures_by_month(municipality)
    # Capacity per partner and month: the three latest months keep the chart short.
    recent = sorted(row["month"] for row in months)[-3:]
    uses = selectors.capacity_use_by_month(municipality, months=recent)
    return render(
        request,
        "vroegsignalering/figures.html",
        {
            "municipality": municipality,
            "municipalities": municipalities,
            "months": months,
            "charts": (
                [charts.signals_by_kind(months), charts.reach(months)]
                + ([charts.capacity_used(uses)] if uses else [])
                if months
                else []
            ),
        },
    )
