"""``/taxonomies`` and ``/taxonomy_terms``."""

from __future__ import annotations

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from socialekaart.hsds import selectors as hs
from socialekaart.hsds import vocabulary as v
from socialekaart.hsds.params import Params
from socialekaart.hsds.views.common import (
    PAGING,
    api,
    bad_parameters,
    json_response,
    ndjson,
    not_found,
    page_of,
)

# --- Taxonomies -----------------------------------------------------------------------


def _matches(item: dict, search: str) -> bool:
    text = " ".join(str(item.get(key, "")) for key in ("name", "description", "code"))
    return all(word.lower() in text.lower() for word in search.split())


def _paged_list(
    request, params: Params, items: list[dict]
) -> HttpResponse | StreamingHttpResponse:
    output = params.format()
    if params.errors:
        return bad_parameters(request, params)
    if output == "ndjson":
        return ndjson(request, [items])
    rows, page = page_of(params, items)
    if params.errors:
        return bad_parameters(request, params)
    page["contents"] = rows
    return json_response(request, page)


@api
def taxonomy_list(request):
    """``/taxonomies``: the three taxonomies we publish."""
    params = Params(request, PAGING | {"search"})
    search = params.text("search")
    items = [t.as_hsds() for t in v.TAXONOMIES if _matches(t.as_hsds(), search)]
    return _paged_list(request, params, items)


@api
def taxonomy_detail(request, id: str):  # noqa: A002
    params = Params(request, set())
    if params.errors:
        return bad_parameters(request, params)
    for taxonomy in v.TAXONOMIES:
        if taxonomy.id == id.lower():
            return json_response(request, taxonomy.as_hsds())
    return not_found(request, _("taxonomie"))


@api
def taxonomy_term_list(request):
    """``/taxonomy_terms``: terms of all our taxonomies (``taxonomy_id``, ``parent_id``
    and ``top_only`` narrow them; ``top_only``: terms without a parent)."""
    params = Params(
        request, PAGING | {"search", "taxonomy_id", "top_only", "parent_id"}
    )
    search = params.text("search")
    taxonomy_id = params.uuid("taxonomy_id")
    parent_id = params.uuid("parent_id")
    top_only = params.boolean("top_only")
    items = [
        term
        for term in hs.all_terms()
        if _matches(term, search)
        and (taxonomy_id is None or term["taxonomy_id"] == str(taxonomy_id))
        and (parent_id is None or term.get("parent_id") == str(parent_id))
        and (not top_only or "parent_id" not in term)
    ]
    return _paged_list(request, params, items)


@api
def taxonomy_term_detail(request, id: str):  # noqa: A002
    params = Params(request, set())
    if params.errors:
        return bad_parameters(request, params)
    for term in hs.all_terms():
        if term["id"] == id.lower():
            return json_response(request, term)
    return not_found(request, _("term"))
