"""The partner's pages: the queue, a household, its letter and what is recorded on it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from casusregie import services as casusregie_services
from casusregie.constants import AuditAction
from pact.models import Organisation
from vroegsignalering import forms, permissions, selectors, services
from vroegsignalering.constants import QUEUE_PAGE_SIZE
from vroegsignalering.views.common import chosen, not_found, signal_area


@signal_area
def queue(request):
    """The queue: the partner's open households, due first, highest score first."""
    if not permissions.has_signal_role(request.user):
        raise not_found()
    organisations = (
        permissions.working_organisations(request.user).order_by("name")
        if not permissions.regie_municipalities(request.user).exists()
        else Organisation.objects.filter(
            pk__in=permissions.households_visible_to(request.user).values(
                "organisation"
            )
        ).order_by("name")
    )
    organisation = chosen(organisations, request.GET.get("partner"))
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
        raise not_found()
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
            raise not_found() from None
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
            raise not_found() from None
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
