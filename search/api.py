"""``GET /api/search/``: the same search as the page, as JSON.

Answers ``{"total", "page", "pages", "query", "suggestion", "results": [...],
"facets": {...}}``; each result has ``title``, ``summary``, ``url``, ``organisation``,
``kind``, ``municipalities`` (names), ``distance_km`` (when ``near`` is given), plus
``status``, ``is_free`` and escaped HTML with ``<mark>`` highlights (``title_html``,
``snippet_html``). Bad parameters answer 400 with a Dutch message in ``error`` and the
messages per parameter in ``errors``. Search words are never logged or stored
(only anonymous counts of searches that found nothing, see ``search.services``).
"""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from search.forms import PARAMETERS, SearchForm, unknown_parameters
from search.services import search_site

API_PARAMETERS = [name for name in PARAMETERS if name != "fragment"]


@require_GET
def search_api(request):
    unknown = unknown_parameters(request.GET)
    if unknown:
        message = _("Onbekende parameter: %(name)s. Gebruik: %(known)s.") % {
            "name": unknown[0],
            "known": ", ".join(API_PARAMETERS),
        }
        return _json({"error": message, "errors": {unknown[0]: [message]}}, status=400)
    form = SearchForm(request.GET)
    if not form.is_valid():
        return _json(
            {
                "error": " ".join(form.error_list()),
                "errors": {
                    field: [str(message) for message in messages]
                    for field, messages in form.errors.items()
                },
            },
            status=400,
        )
    live = request.GET.get("live") == "1"
    results = search_site(
        form.cleaned_data["q"] or "",
        user=request.user,
        filters=form.filters(count_missed=not live),
    )
    data = results.as_json()
    near = form.cleaned_data.get("near")
    data["near"] = (
        {"lat": near.lat, "lng": near.lng, "label": near.label} if near else None
    )
    return _json(data)


def _json(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = "private, no-store"
    return response
