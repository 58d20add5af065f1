"""Reading actions into a plan from a spreadsheet (its admins): check and preview first,
then "Doorvoeren" with the same file, signed for this plan and person.
"""

from __future__ import annotations

import base64

from django.contrib import messages
from django.core import signing
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from agenda import permissions, services
from agenda.forms import ImportForm
from agenda.views.common import login_for_internal, plan_context

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
        plan_context(
            request,
            plan,
            form=form,
            problems=problems,
            result=result,
            token=token,
            filename=upload["name"] if upload else "",
        ),
    )
