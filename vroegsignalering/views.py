"""Pages of vroegsignalering: thin adapters over the policy, selectors and services.
Every page that shows a household logs the read in casusregie's access log; what
someone may not see answers 404, like what does not exist."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from casusregie import permissions as case_permissions
from casusregie import services as casusregie_services
from casusregie.constants import AuditAction
from pact.models import Municipality, Organisation
from vroegsignalering import charts, forms, permissions, selectors, services
from vroegsignalering.constants import QUEUE_PAGE_SIZE, ImportSource
from vroegsignalering.models import CreditorKey, RoutingRule
from vroegsignalering.services.intake import COLUMNS


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


def _not_found():
    return Http404(permissions.NOT_FOUND_MESSAGE)


def _chosen(queryset, value):
    if not value:
        return None
    try:
        return queryset.filter(uuid=value).first()
    except ValidationError:
        return None


@signal_area
def queue(request):
    """The queue: the partner's open households, due first, highest score first."""
    if not permissions.has_signal_role(request.user):
        raise _not_found()
    organisations = (
        permissions.working_organisations(request.user).order_by("name")
        if not permissions.regie_municipalities(request.user).exists()
        else Organisation.objects.filter(
            pk__in=permissions.households_visible_to(request.user).values(
                "organisation"
            )
        ).order_by("name")
    )
    organisation = _chosen(organisations, request.GET.get("partner"))
    view = request.GET.get("toon", "open")
    if view not in selectors.QUEUE_FILTERS:
        view = "open"
    households = selectors.household_queue_for_user(
        request.user, view=view, organisation=organisation
    )
    page = Paginator(households, QUEUE_PAGE_SIZE).get_page(request.GET.get("pagina"))
    casusregie_services.audit_read_objects(
        request=request,
        action=AuditAction.SIGNAL_LIST,
        object_type="household",
        object_uuids=[household.uuid for household in page.object_list],
    )
    return render(
        request,
        "vroegsignalering/queue.html",
        {
            "page": page,
            "view": view,
            "organisations": organisations,
            "organisation": organisation,
            "counts": selectors.queue_counts_for_user(
                request.user, organisation=organisation
            ),
            "today": timezone.localdate(),
            "is_regie": permissions.regie_municipalities(request.user).exists(),
        },
    )


@signal_area
def household_detail(request, household_uuid):
    household = permissions.access_household(request.user, household_uuid)
    casusregie_services.audit_record(
        actor=request.user,
        action=AuditAction.SIGNAL_VIEW,
        obj=household,
        request=request,
    )
    may_record = permissions.can(request.user, permissions.RECORD, household)
    may_reassign = not household.is_closed and permissions.may_edit_rules(
        request.user, household.municipality
    )
    return render(
        request,
        "vroegsignalering/household_detail.html",
        {
            "household": household,
            **selectors.household_detail(household),
            "may_record": may_record and not household.is_closed,
            "may_open_case": permissions.may_open_case(request.user, household),
            "reassign_form": (
                forms.ReassignForm(
                    organisations=_partners_of(household),
                    initial={"organisation": household.organisation},
                )
                if may_reassign
                else None
            ),
            "attempt_form": forms.AttemptForm(),
            "accept_form": forms.AcceptForm(),
            "decline_form": forms.DeclineForm(),
            "children_form": forms.ChildrenForm(
                initial={
                    "has_children": {True: "ja", False: "nee"}.get(
                        household.has_children, ""
                    )
                }
            ),
            "today": timezone.localdate(),
        },
    )


def _partners_of(household):
    return household.municipality.organisations.filter(is_active=True).order_by("name")


@signal_area
@require_POST
def household_reassign(request, household_uuid):
    household = permissions.access_household(request.user, household_uuid)
    if not permissions.may_edit_rules(request.user, household.municipality):
        raise _not_found()
    form = forms.ReassignForm(request.POST, organisations=_partners_of(household))
    if not form.is_valid():
        messages.error(request, _("Kies een partner uit de lijst."))
    else:
        try:
            services.household_reassign(
                household=household,
                actor=request.user,
                organisation=form.cleaned_data["organisation"],
            )
        except services.NotAllowed:
            raise _not_found() from None
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Het huishouden is naar de andere partner."))
    return redirect("vroegsignalering:household_detail", household_uuid=household.uuid)


@signal_area
def household_letter(request, household_uuid):
    """The letter in B1 Dutch with the sociale kaart's offerings (print it)."""
    household = permissions.access_household(request.user, household_uuid)
    casusregie_services.audit_record(
        actor=request.user,
        action=AuditAction.SIGNAL_LETTER,
        obj=household,
        request=request,
    )
    return render(
        request,
        "vroegsignalering/letter.html",
        {
            "household": household,
            "offerings": selectors.letter_offerings(household),
            "today": timezone.localdate(),
        },
    )


def _household_action(request, household_uuid, form_class, call, success):
    household = permissions.access_household(
        request.user, household_uuid, permissions.RECORD
    )
    form = form_class(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
    else:
        try:
            call(household, form.cleaned_data)
        except services.NotAllowed:
            raise _not_found() from None
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, success)
    return redirect("vroegsignalering:household_detail", household_uuid=household.uuid)


@signal_area
@require_POST
def attempt_add(request, household_uuid):
    return _household_action(
        request,
        household_uuid,
        forms.AttemptForm,
        lambda household, data: services.attempt_record(
            household=household,
            actor=request.user,
            kind=data["kind"],
            contact_made=data["contact_made"],
            by_peer=data["by_peer"],
        ),
        _("De poging is vastgelegd."),
    )


@signal_area
@require_POST
def household_accept(request, household_uuid):
    return _household_action(
        request,
        household_uuid,
        forms.AcceptForm,
        lambda household, data: services.household_accept(
            household=household,
            actor=request.user,
            goal=data["goal"],
            consent_scope=data["consent_scope"],
            consent_form=data["consent_form"],
        ),
        _("De inwoner aanvaardt hulp: de casus staat in casusregie."),
    )


@signal_area
@require_POST
def household_decline(request, household_uuid):
    return _household_action(
        request,
        household_uuid,
        forms.DeclineForm,
        lambda household, data: services.household_decline(
            household=household, actor=request.user, reason=data["reason"]
        ),
        _("Vastgelegd: de inwoner wil geen hulp."),
    )


@signal_area
@require_POST
def household_no_contact(request, household_uuid):
    return _household_action(
        request,
        household_uuid,
        forms.EmptyForm,
        lambda household, data: services.household_close_no_contact(
            household=household, actor=request.user
        ),
        _("Afgesloten: geen contact gekregen."),
    )


@signal_area
@require_POST
def household_children(request, household_uuid):
    return _household_action(
        request,
        household_uuid,
        forms.ChildrenForm,
        lambda household, data: services.household_set_children(
            household=household, actor=request.user, has_children=data["has_children"]
        ),
        _("Vastgelegd; de urgentie is opnieuw berekend."),
    )


@signal_area
def upload(request):
    """The regisseur reads a creditor's file in: all or nothing, every bad row named."""
    municipalities = permissions.regie_municipalities(request.user).order_by("name")
    if not municipalities.exists():
        raise _not_found()
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
            raise _not_found() from None
        except services.ImportRejected as rejected:
            errors = rejected.messages
    return render(
        request,
        "vroegsignalering/upload.html",
        {"form": form, "errors": errors, "batch": batch, "columns": COLUMNS},
        status=400 if errors else 200,
    )


def _regie_municipality(request) -> Municipality:
    municipalities = permissions.regie_municipalities(request.user).order_by("name")
    chosen = request.GET.get("gemeente") or request.POST.get("gemeente")
    municipality = (
        municipalities.filter(slug=chosen).first() if chosen else municipalities.first()
    )
    if municipality is None:
        raise _not_found()
    return municipality


@signal_area
def rules(request):
    """The regisseur's routing rules for one of his municipalities."""
    municipality = _regie_municipality(request)
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
    municipality = _regie_municipality(request)
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
    organisation = _chosen(organisations, request.GET.get("partner")) or (
        organisations.first()
    )
    if organisation is None:
        raise _not_found()
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
        raise _not_found()
    municipalities = Municipality.objects.order_by("name")
    own = permissions.regie_municipalities(request.user).order_by("name").first()
    chosen = request.GET.get("gemeente")
    municipality = (
        (municipalities.filter(slug=chosen).first() if chosen else None)
        or own
        or municipalities.first()
    )
    if municipality is None:
        raise _not_found()
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
