"""The public search page ``/zoeken/``: a plain GET form that works without JavaScript.

With JavaScript, ``search/static/search/search.js`` asks the same view for the result
fragment (``fragment=1``) while the person types; those requests carry ``live=1`` and
are not counted as missed searches.
"""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from search.forms import SearchForm
from search.services import search_site

FACET_TITLES = [
    ("municipality", _("Gemeente")),
    ("category", _("Onderwerp")),
    ("target_group", _("Voor wie")),
]
PAGE_WINDOW = 2


@require_GET
def search_page(request):
    form = SearchForm(request.GET)
    live = request.GET.get("live") == "1"
    results = None
    status = 200
    if form.is_valid():
        results = search_site(
            form.cleaned_data["q"] or "",
            user=request.user,
            filters=form.filters(count_missed=not live and bool(request.GET.get("q"))),
        )
    else:
        status = 400
    base = request.GET.copy()
    for name in ("page", "fragment", "live"):
        base.pop(name, None)
    context = {
        "form": form,
        "q": request.GET.get("q", ""),
        "results": results,
        "errors": form.error_list() if status == 400 else [],
        "facet_groups": [
            (name, title, results.facets.get(name, [])) for name, title in FACET_TITLES
        ]
        if results
        else [],
        "free_option": (results.facets.get("is_free") or [None])[0]
        if results
        else None,
        "base_query": base.urlencode(),
        "filters_chosen": form.chosen_count(),
        "filters_open": form.filter_errors(),
        "page_links": _page_links(results) if results else [],
    }
    template = (
        "search/includes/live_fragment.html"
        if request.GET.get("fragment") == "1"
        else "search/search_page.html"
    )
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def _page_links(results) -> list[int | None]:
    """Page numbers to link, with None for a gap: 1 … 4 5 [6] 7 8 … 20."""
    pages, current = results.pages, results.page
    shown = {1, pages, *range(current - PAGE_WINDOW, current + PAGE_WINDOW + 1)}
    links: list[int | None] = []
    for number in sorted(n for n in shown if 1 <= n <= pages):
        if links and links[-1] is not None and number - links[-1] > 1:
            links.append(None)
        links.append(number)
    return links
