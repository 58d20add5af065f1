"""Editing a plan (its admins): the plan's settings and a new plan, its building blocks,
its actions (with the live reading of their timing words) and their indicators.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from agenda import permissions, selectors, services
from agenda.exporting import ROLE_MARKERS
from agenda.forms import (
    ActionForm,
    BuildingBlockForm,
    IndicatorForm,
    PlanCreateForm,
    PlanForm,
)
from agenda.models import BuildingBlock, Plan
from agenda.timing import TimingError, parse_timing
from agenda.views.common import login_for_internal, plan_context


@login_for_internal
@require_http_methods(["GET", "POST"])
def plan_edit(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan, permissions.EDIT_PLAN)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        services.plan_update(
            plan=Plan.objects.get(pk=plan.pk),
            actor=request.user,
            **{f: form.cleaned_data[f] for f in form.changed_data},
        )
        messages.success(request, _("Het plan is bewaard."))
        return redirect("agenda:dashboard", pact=pact, plan=plan.slug)
    return render(
        request, "agenda/plan_form.html", plan_context(request, plan, form=form)
    )


@login_for_internal
@require_http_methods(["GET", "POST"])
def plan_new(request):
    """A new plan for one of the pacts the person administers (pact admins only)."""
    pacts = permissions.pacts_administered_by(request.user)
    if not pacts.exists():
        raise Http404
    form = PlanCreateForm(
        request.POST or None,
        pacts=pacts,
        initial={"pact": pacts.first()} if pacts.count() == 1 else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Het plan is aangemaakt. Voeg nu de bouwstenen toe. Daarna kunt u "
                    "acties toevoegen of inlezen."
                ),
            )
            return redirect(
                "agenda:building_blocks", pact=plan.pact.slug, plan=plan.slug
            )
    return render(
        request,
        "agenda/plan_form.html",
        {
            "form": form,
            "creating": True,
            "unread": selectors.unread_notification_count(request.user),
        },
    )


@login_for_internal
@require_http_methods(["GET", "POST"])
def building_blocks(request, pact, plan):
    """The plan's building blocks in their order, and a form to add one (plan admins)."""
    plan = permissions.access_plan(request.user, pact, plan, permissions.EDIT_PLAN)
    form = BuildingBlockForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            block = services.building_block_create(
                plan=plan, actor=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request, _("Bouwsteen %(block)s is toegevoegd.") % {"block": block}
            )
            return redirect("agenda:building_blocks", pact=pact, plan=plan.slug)
    return render(
        request,
        "agenda/building_block_list.html",
        plan_context(
            request,
            plan,
            blocks=selectors.building_blocks_with_counts(plan),
            form=form,
        ),
    )


def _block_or_404(plan: Plan, number: int) -> BuildingBlock:
    return get_object_or_404(BuildingBlock, plan=plan, number=number)


@login_for_internal
@require_http_methods(["GET", "POST"])
def building_block_edit(request, pact, plan, number):
    plan = permissions.access_plan(request.user, pact, plan, permissions.EDIT_PLAN)
    block = _block_or_404(plan, number)
    form = BuildingBlockForm(request.POST or None, plan=plan, block=block)
    if request.method == "POST" and form.is_valid():
        try:
            services.building_block_update(
                block=block, actor=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("De bouwsteen is bewaard."))
            return redirect("agenda:building_blocks", pact=pact, plan=plan.slug)
    return render(
        request,
        "agenda/building_block_form.html",
        plan_context(
            request,
            plan,
            block=block,
            form=form,
            action_count=block.actions.count(),
        ),
    )


@login_for_internal
@require_POST
def building_block_delete(request, pact, plan, number):
    plan = permissions.access_plan(request.user, pact, plan, permissions.EDIT_PLAN)
    block = _block_or_404(plan, number)
    try:
        services.building_block_delete(block=block, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(
            "agenda:building_block_edit", pact=pact, plan=plan.slug, number=number
        )
    messages.success(request, _("De bouwsteen is verwijderd."))
    return redirect("agenda:building_blocks", pact=pact, plan=plan.slug)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _action_form_initial(action) -> dict:
    return {
        "title": action.title,
        "building_block": action.building_block,
        "owners": ", ".join(
            f"{o.organisation.name} ({ROLE_MARKERS[o.role]})"
            for o in action.owners.select_related("organisation")
        ),
        "timing_text": action.timing_text,
        "description": action.description,
        "is_published": action.is_published,
    }


@login_for_internal
@require_http_methods(["GET", "POST"])
def action_edit(request, action_uuid=None, pact=None, plan=None):
    """Create or change an action (plan admins). "Controleer planning" shows the
    interpretation of the timing words without saving (works without JavaScript)."""
    if action_uuid:
        action = permissions.access_action(
            request.user, action_uuid, permissions.EDIT_PLAN
        )
        plan_obj = action.plan
    else:
        action = None
        plan_obj = permissions.access_plan(
            request.user, pact, plan, permissions.EDIT_PLAN
        )
    form = ActionForm(
        request.POST or None,
        plan=plan_obj,
        initial=_action_form_initial(action) if action else None,
    )
    if request.method == "POST" and form.is_valid() and "preview" not in request.POST:
        data = form.cleaned_data
        try:
            if action:
                services.action_update(
                    action=action,
                    actor=request.user,
                    title=data["title"],
                    description=data["description"],
                    timing_text=data["timing_text"],
                    building_block=data["building_block"],
                    is_published=data["is_published"],
                    owners=data["owners"],
                )
            else:
                action = services.action_create(
                    plan=plan_obj,
                    actor=request.user,
                    title=data["title"],
                    building_block=data["building_block"],
                    timing_text=data["timing_text"],
                    owners=data["owners"],
                    description=data["description"],
                    is_published=data["is_published"],
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De actie is bewaard."))
            return redirect("agenda:action", action_uuid=action.uuid)
    preview = (
        form.schedule if form.is_bound else (action.parsed_schedule if action else None)
    )
    return render(
        request,
        "agenda/action_form.html",
        plan_context(request, plan_obj, form=form, action=action, preview=preview),
    )


def timing_preview(request, pact, plan):
    """The interpretation of timing words (a fragment for the action form's live preview)."""
    plan = permissions.access_plan(request.user, pact, plan, permissions.EDIT_PLAN)
    try:
        schedule, error = (
            parse_timing(request.GET.get("planning", ""), plan.period),
            None,
        )
    except TimingError as exc:
        schedule, error = None, str(exc)
    return render(
        request,
        "agenda/includes/timing_preview.html",
        {"preview": schedule, "preview_error": error},
    )


@login_for_internal
@require_http_methods(["GET", "POST"])
def indicator_add(request, action_uuid):
    """Add an indicator to an action (plan admins): name, unit, baseline, target, direction."""
    action = permissions.access_action(request.user, action_uuid, permissions.EDIT_PLAN)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_upsert(
                action=action, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De indicator is bewaard."))
            return redirect("agenda:action", action_uuid=action.uuid)
    return render(
        request,
        "agenda/indicator_form.html",
        plan_context(request, action.plan, action=action, form=form),
    )


@login_for_internal
@require_POST
def action_confirm_timing(request, action_uuid):
    action = permissions.access_action(request.user, action_uuid, permissions.EDIT_PLAN)
    services.action_confirm_timing(action=action, actor=request.user)
    messages.success(request, _("De planning is nagekeken."))
    return redirect(
        request.POST.get("next")
        or reverse("agenda:action", kwargs={"action_uuid": action.uuid})
    )
