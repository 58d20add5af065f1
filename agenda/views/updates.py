"""Reporting partners' pages: "Wat moet ik invullen?" (the open rounds and their actions),
writing, saving and submitting an update, returning an update with a question, and the
person's notifications.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from agenda import permissions, selectors, services
from agenda.constants import UpdateState
from agenda.forms import ReturnForm, UpdateForm
from agenda.models import Notification, Update
from agenda.services.reporting import indicator_values_for_form
from agenda.views.common import login_for_internal, plan_context


@login_for_internal
@require_http_methods(["GET", "POST"])
def update_edit(request, action_uuid, round_uuid):
    """Write, save and submit the update of one action in one round (its reporters)."""
    action = permissions.access_action(request.user, action_uuid, permissions.REPORT)
    round_ = get_object_or_404(action.plan.rounds, uuid=round_uuid)
    update = Update.objects.filter(action=action, round=round_).first()
    initial = None
    if update:
        initial = {
            "status": update.status,
            "status_explanation": update.status_explanation,
            "progress": update.progress,
            "story": update.story,
            "signal": update.signal,
        }
        for (indicator_id, organisation_id), value in indicator_values_for_form(
            update
        ).items():
            initial[f"value_{indicator_id}_{organisation_id}"] = value
    else:
        initial = {"status": action.status, "progress": action.progress}
    form = UpdateForm(request.POST or None, action=action, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update = services.update_save(
                action=action,
                round=round_,
                actor=request.user,
                status=data["status"],
                progress=data["progress"],
                story=data["story"],
                signal=data["signal"],
                status_explanation=data["status_explanation"],
                values=form.indicator_values(),
            )
            if "submit" in request.POST:
                services.update_submit(update=update, actor=request.user)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            if "submit" in request.POST:
                messages.success(request, _("Uw update is ingediend. Dank u wel."))
                return redirect("agenda:mine")
            messages.success(
                request, _("Uw concept is bewaard. Het is nog niet ingediend.")
            )
            return redirect(
                "agenda:update_edit", action_uuid=action.uuid, round_uuid=round_.uuid
            )
    return render(
        request,
        "agenda/update_form.html",
        plan_context(
            request,
            action.plan,
            action=action,
            round=round_,
            update=update,
            form=form,
            round_closed=round_.is_closed(),
            revisions=list(update.revisions.select_related("actor")) if update else [],
        ),
    )


@login_for_internal
@require_http_methods(["GET", "POST"])
def update_return(request, update_uuid):
    update = permissions.access_update(request.user, update_uuid, permissions.RETURN)
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_return(
                update=update,
                actor=request.user,
                question=form.cleaned_data["question"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De update is teruggestuurd met uw vraag."))
            return redirect("agenda:action", action_uuid=update.action.uuid)
    return render(
        request,
        "agenda/update_return.html",
        plan_context(request, update.action.plan, update=update, form=form),
    )


@login_for_internal
def mine(request):
    """ "Wat moet ik invullen?": the open rounds and the user's expected actions there."""
    rows = []
    for round_, actions in selectors.open_rounds_for_user(request.user):
        states = dict(
            Update.objects.filter(round=round_, action__in=actions).values_list(
                "action_id", "state"
            )
        )
        rows.append((round_, [(a, states.get(a.pk)) for a in actions]))
    returned = selectors.returned_updates_for(request.user)
    return render(
        request,
        "agenda/mine.html",
        {
            "rows": rows,
            "returned": returned,
            "unread": selectors.unread_notification_count(request.user),
            "States": UpdateState,
        },
    )


@login_for_internal
def notifications(request):
    if request.method == "POST":
        note = get_object_or_404(
            Notification, pk=request.POST.get("notification"), user=request.user
        )
        services.notification_mark_read(notification=note, actor=request.user)
        return redirect(note.url or "agenda:notifications")
    return render(
        request,
        "agenda/notifications.html",
        {"notifications": selectors.notifications_for(request.user)},
    )
