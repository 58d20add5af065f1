"""Views of the action agenda: thin adapters over selectors, services and the policy.

Public pages (no login) show what the pact publishes. Pages for people of the pact need
a login; a logged-in person without the right gets the same 404 as for a missing object.
"""

from __future__ import annotations

import base64
import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from agenda import caching, charts, permissions, selectors, services
from agenda.constants import Status, UpdateState
from agenda.exporting import CONTENT_TYPES, FORMATS, plan_export
from agenda.forms import (
    ActionForm,
    BuildingBlockForm,
    ImportForm,
    IndicatorForm,
    PlanCreateForm,
    PlanForm,
    ReturnForm,
    RoundForm,
    UpdateForm,
)
from agenda.models import BuildingBlock, Notification, Plan, Update
from agenda.services.reporting import indicator_values_for_form
from agenda.timing import Quarter, TimingError, parse_timing
from pact.models import Organisation

# Plans with more visible actions than this list at most LIST_LIMIT_PER_BLOCK actions per
# building block on the block and timeline pages, with a link to the whole block.
LARGE_PLAN = 200
LIST_LIMIT_PER_BLOCK = 25


def login_for_internal(view):
    """Anonymous visitors of an internal page go to the login; others pass to the view."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def _plan_context(request, plan: Plan, **extra) -> dict:
    user = request.user
    return {
        "plan": plan,
        "pact": plan.pact,
        "is_internal": permissions.can_view_internal(user, plan),
        "is_plan_admin": permissions.is_plan_admin(user, plan),
        "unread": selectors.unread_notification_count(user),
        **extra,
    }


def index(request):
    return render(
        request,
        "agenda/index.html",
        {
            "plans": selectors.plan_list_for_user(request.user),
            "can_create_plan": permissions.pacts_administered_by(request.user).exists(),
        },
    )


def pact_redirect(request, pact):
    plan = next(
        (p for p in selectors.plan_list_for_user(request.user) if p.pact.slug == pact),
        None,
    )
    if plan is None:
        raise Http404
    return redirect("agenda:dashboard", pact=pact, plan=plan.slug)


def _round_param(request, plan: Plan):
    uuid = request.GET.get("ronde")
    if not uuid:
        return None
    try:
        return plan.rounds.filter(uuid=uuid).first()
    except ValidationError:
        return None


def _cached_board(request, plan):
    round_ = _round_param(request, plan)
    internal = permissions.can_view_internal(request.user, plan)
    return caching.cached(
        plan,
        (
            "dashboard",
            round_.pk if round_ else "current",
            internal,
            timezone.localdate(),
        ),
        lambda: selectors.plan_dashboard(request.user, plan, round_=round_),
    )


def dashboard(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan)
    board = _cached_board(request, plan)
    return render(
        request,
        "agenda/plan_dashboard.html",
        _plan_context(
            request,
            plan,
            board=board,
            **_board_charts(board),
            rounds=selectors.round_list(plan),
        ),
    )


def _board_charts(board) -> dict:
    return {
        "status_chart": charts.status_bars(
            [(b.title, b.statuses) for b in board.blocks],
            title=_("Status van de acties per bouwsteen"),
        ),
        "rollup_chart": charts.percent_bars(
            [(b.title, b.rollup.value) for b in board.blocks],
            title=_("Voortgang per bouwsteen in deze ronde"),
        ),
    }


def dashboard_fragment(request, pact, plan):
    """The live part of the dashboard, re-fetched when an update comes in."""
    plan = permissions.access_plan(request.user, pact, plan)
    board = _cached_board(request, plan)
    return render(
        request,
        "agenda/includes/dashboard_live.html",
        _plan_context(request, plan, board=board, **_board_charts(board)),
    )


def by_quarter(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan)
    quarters = plan.period.quarters()
    try:
        quarter = Quarter.from_key(request.GET["kwartaal"])
    except (KeyError, TimingError):
        current = selectors.today_quarter()
        quarter = min(max(current, quarters[0]), quarters[-1])
    view = selectors.quarter_view(request.user, plan, quarter)
    index = quarters.index(quarter) if quarter in quarters else None
    return render(
        request,
        "agenda/by_quarter.html",
        _plan_context(
            request,
            plan,
            view=view,
            previous=quarters[index - 1] if index else None,
            next=quarters[index + 1]
            if index is not None and index + 1 < len(quarters)
            else None,
        ),
    )


def by_block(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan)
    round_ = _round_param(request, plan) or selectors.round_current(plan)
    internal = permissions.can_view_internal(request.user, plan)
    summaries = selectors.block_summaries(plan, round_, internal=internal)
    chosen = request.GET.get("bouwsteen")
    total = sum(summary.total for summary in summaries)
    limit = None if chosen or total <= LARGE_PLAN else LIST_LIMIT_PER_BLOCK
    shown = selectors.visible_actions_by_block(
        request.user, plan, key=chosen, limit=limit
    )
    grouped = []
    for summary in summaries:
        key = selectors.block_key(summary.block)
        if chosen and chosen != key:
            continue
        actions = shown.get(summary.block.pk if summary.block else None, [])
        grouped.append((summary, actions, summary.total, key))
    return render(
        request,
        "agenda/by_block.html",
        _plan_context(
            request,
            plan,
            grouped=grouped,
            round=round_,
            rounds=selectors.round_list(plan),
            chosen=chosen,
        ),
    )


def organisations(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan)
    return render(
        request,
        "agenda/organisations.html",
        _plan_context(
            request,
            plan,
            organisations=selectors.plan_organisations(request.user, plan),
        ),
    )


def organisation_detail(request, pact, plan, organisation):
    plan = permissions.access_plan(request.user, pact, plan)
    organisation = get_object_or_404(Organisation, slug=organisation)
    page = selectors.organisation_contribution(
        request.user, plan, organisation, page=request.GET.get("pagina")
    )
    if not page.paginator.count:
        raise Http404
    return render(
        request,
        "agenda/organisation_detail.html",
        _plan_context(
            request,
            plan,
            organisation=organisation,
            page=page,
            total=page.paginator.count,
        ),
    )


def timeline(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan)
    chosen = request.GET.get("bouwsteen")
    totals = selectors.visible_action_counts(request.user, plan)
    truncated = sum(totals.values()) > LARGE_PLAN and not chosen
    quarters, groups = selectors.timeline(
        request.user,
        plan,
        key=chosen,
        limit=LIST_LIMIT_PER_BLOCK if truncated else None,
        totals=totals,
    )
    return render(
        request,
        "agenda/timeline.html",
        _plan_context(
            request,
            plan,
            quarters=quarters,
            groups=groups,
            current=selectors.today_quarter(),
            chosen=chosen,
            truncated=truncated,
        ),
    )


@login_for_internal
def quality(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan, permissions.VIEW_INTERNAL)
    data = selectors.data_quality(plan)
    chart = charts.percent_bars(
        [(row.round.title, row.coverage.percent) for row in data["rows"]],
        title=_("Dekking van de updates per ronde"),
    )
    return render(
        request,
        "agenda/quality.html",
        _plan_context(request, plan, chart=chart, **data),
    )


@login_for_internal
def rounds(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan, permissions.VIEW_INTERNAL)
    form = None
    if permissions.is_plan_admin(request.user, plan):
        form = RoundForm(request.POST or None)
        if request.method == "POST":
            if "quarterly" in request.POST:
                created = services.rounds_create_quarterly(
                    plan=plan, actor=request.user
                )
                messages.success(
                    request, _("%(n)s kwartaalrondes aangemaakt.") % {"n": len(created)}
                )
                return redirect("agenda:rounds", pact=pact, plan=plan.slug)
            if form.is_valid():
                try:
                    services.round_create(
                        plan=plan, actor=request.user, **form.cleaned_data
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(request, _("De ronde is aangemaakt."))
                    return redirect("agenda:rounds", pact=pact, plan=plan.slug)
    elif request.method == "POST":
        raise Http404
    today = timezone.localdate()
    rows = [
        (r, selectors.round_coverage(plan, r) if r.opens_on <= today else None)
        for r in selectors.round_list(plan)
    ]
    return render(
        request,
        "agenda/rounds.html",
        _plan_context(request, plan, rows=rows, form=form, today=today),
    )


def round_report(request, pact, plan, round_uuid):
    """The council report of a round as PDF (published actions and submitted updates only)."""
    plan = permissions.access_plan(request.user, pact, plan)
    round_ = get_object_or_404(plan.rounds, uuid=round_uuid)
    from agenda.report import council_report_pdf_cached

    # Building the PDF takes seconds on a large plan: served from the cache per plan
    # version, and rebuilt only when the report's content changed.
    pdf = caching.cached(
        plan, ("council-report", round_.pk), lambda: council_report_pdf_cached(round_)
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"raadsrapportage-{plan.pact.slug}-{round_.period_starts_on:%Y-%m}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def action_detail(request, action_uuid):
    action = permissions.access_action(request.user, action_uuid)
    plan = action.plan
    updates = selectors.action_updates(request.user, action)
    indicators = []
    own_indicators = list(action.indicators.all())
    for indicator, series in zip(
        own_indicators, selectors.indicator_series_many(own_indicators), strict=True
    ):
        chart = charts.line_chart(
            series.points,
            title=_("%(name)s per ronde") % {"name": indicator.name},
            target=float(indicator.target) if indicator.target is not None else None,
            unit=indicator.unit,
        )
        indicators.append((indicator, series, chart))
    today = timezone.localdate()
    open_rounds = (
        [r for r in plan.rounds.all() if r.is_open(today)]
        if permissions.can_report(request.user, action)
        else []
    )
    return render(
        request,
        "agenda/action_detail.html",
        _plan_context(
            request,
            plan,
            action=action,
            owners=list(action.owners.select_related("organisation")),
            occurrences=list(action.occurrences.all()),
            updates=updates,
            indicators=indicators,
            schedule=action.parsed_schedule,
            can_report=permissions.can_report(request.user, action),
            open_rounds=open_rounds,
            sub_actions=selectors.actions_with_owners(
                permissions.actions_visible_to(request.user, plan).filter(parent=action)
            ),
        ),
    )


def _action_form_initial(action) -> dict:
    from agenda.exporting import ROLE_MARKERS

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
        _plan_context(request, plan_obj, form=form, action=action, preview=preview),
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
        _plan_context(request, action.plan, action=action, form=form),
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
        _plan_context(
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
        _plan_context(request, update.action.plan, update=update, form=form),
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


IMPORT_TOKEN_MAX_AGE = 60 * 60  # seconds a preview may wait for "Doorvoeren"


def _import_salt(request, plan) -> str:
    return f"agenda.import:{plan.pk}:{request.user.pk}"


@login_for_internal
@require_http_methods(["GET", "POST"])
def import_view(request, pact, plan):
    """Two steps: the uploaded table is checked and previewed (nothing written); the
    preview carries the file, signed for this plan and person, to "Doorvoeren"."""
    plan = permissions.access_plan(request.user, pact, plan, permissions.EDIT_PLAN)
    confirm = request.method == "POST" and "token" in request.POST
    form = ImportForm(
        None if confirm else request.POST or None, None if confirm else request.FILES
    )
    problems, result, token = [], None, ""
    upload = None
    if confirm:
        try:
            upload = signing.loads(
                request.POST["token"],
                salt=_import_salt(request, plan),
                max_age=IMPORT_TOKEN_MAX_AGE,
            )
        except signing.BadSignature:
            messages.error(
                request, _("Het voorbeeld is verlopen. Kies het bestand opnieuw.")
            )
    elif request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        upload = {
            "name": file.name,
            "data": base64.b64encode(file.read()).decode(),
            "publish": form.cleaned_data["publish"],
        }
    if upload is not None:
        try:
            result = services.actions_import(
                plan=plan,
                filename=upload["name"],
                data=base64.b64decode(upload["data"]),
                actor=request.user,
                publish=upload["publish"],
                dry_run=not confirm,
            )
        except services.ImportFailed as failure:
            problems = failure.problems
        else:
            if confirm:
                messages.success(
                    request,
                    _(
                        "Ingelezen: %(new)s nieuwe acties, %(changed)s bijgewerkt, "
                        "%(blocks)s nieuwe bouwstenen."
                    )
                    % {
                        "new": len(result.created),
                        "changed": len(result.updated),
                        "blocks": len(result.new_blocks),
                    },
                )
            else:
                token = signing.dumps(
                    upload, salt=_import_salt(request, plan), compress=True
                )
    return render(
        request,
        "agenda/import.html",
        _plan_context(
            request,
            plan,
            form=form,
            problems=problems,
            result=result,
            token=token,
            filename=upload["name"] if upload else "",
        ),
    )


@login_for_internal
def export(request, pact, plan, fmt):
    plan = permissions.access_plan(request.user, pact, plan, permissions.VIEW_INTERNAL)
    if fmt not in FORMATS:
        raise Http404
    response = HttpResponse(plan_export(plan, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="acties-{plan.pact.slug}-{datetime.date.today():%Y%m%d}.{fmt}"'
    )
    return response


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
        request, "agenda/plan_form.html", _plan_context(request, plan, form=form)
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
        _plan_context(
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
        _plan_context(
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


STATUS_CHOICES = Status
