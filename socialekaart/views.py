"""Public views of the sociale kaart: thin adapters (selectors read, services write).

They are routes of the pages (see ``models.pages``), so they get the page: the one
import from the models up into this module (issue 12), made inside the routes. Nothing a
resident enters is stored or logged: filters are in the address (a shareable link,
nothing personal), "Wat past bij mij?" is posted and answered directly with
``Cache-Control: no-store``.
"""

from __future__ import annotations

import html

from django.core.paginator import Paginator
from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from axes.helpers import get_client_ip_address

from socialekaart import selectors, services
from socialekaart.constants import HouseholdType, ServiceStatus
from socialekaart.eligibility import euros, income_limit
from socialekaart.forms import (
    MistakeReportForm,
    ServiceFilterForm,
    WhatFitsForm,
    issue_form_token,
)
from socialekaart.models import Category
from socialekaart.permissions import can_view_professional_notes

PAGE_SIZE = 20


def _context(request, page, **extra) -> dict:
    return {
        "page": page,
        "self": page,
        "is_professional": can_view_professional_notes(request.user),
        **extra,
    }


def _private_for_professionals(request, response):
    """Pages with professional notes must never be kept by a shared cache."""
    if can_view_professional_notes(request.user):
        patch_cache_control(response, private=True)
    return response


def home(request, page):
    categories = Category.objects.all()
    return TemplateResponse(
        request,
        "socialekaart/home_page.html",
        _context(
            request,
            page,
            categories=categories,
            filter_form=ServiceFilterForm(),
            list_url=page.url + page.reverse_subpage("service_list"),
            what_fits_url=page.url + page.reverse_subpage("what_fits_me"),
        ),
    )


def organisation_index_context(request, page, context: dict) -> dict:
    """``OrganisationIndexPage.get_context``: every organisation, A to Z."""
    context["organisation_pages"] = selectors.organisation_page_list()
    return context


def service_list(request, page, category_slug=None):
    category = None
    categories = Category.objects.all()
    if category_slug is not None:
        category = Category.objects.filter(slug=category_slug).first()
        if category is None:
            raise Http404
    form = ServiceFilterForm(
        request.GET or None, categories=None if category else categories
    )
    filters = form.filters() if request.GET else {}
    if category is not None:
        filters["category"] = category
    services_qs = selectors.service_list(
        **{k: v for k, v in filters.items() if v is not None}
    )
    paginator = Paginator(services_qs, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("pagina"))
    results = selectors.attach_organisation_pages(page_obj.object_list)
    query = request.GET.copy()
    query.pop("pagina", None)
    return TemplateResponse(
        request,
        "socialekaart/service_list.html",
        _context(
            request,
            page,
            category=category,
            categories=categories,
            form=form,
            results=results,
            page_obj=page_obj,
            query_string=query.urlencode(),
            has_filters=any(
                value for value in filters.values() if value is not category
            ),
            crumb_title=category.name if category else _("Alle hulp"),
            list_url=page.url + page.reverse_subpage("service_list"),
        ),
    )


def _norm_rows(rules, norms):
    """Per income limit: the limit in euros per household type, once.

    Rules with the same limit for the same households (often one per group of
    municipalities) share one table, captioned with all their municipalities (or none
    when one of them holds in the whole area): issue 11 found the same table twice.
    """
    rows: dict[tuple, dict] = {}
    for rule in rules:
        if rule.income_limit_percent is None:
            continue
        households = rule.household_types or list(HouseholdType.values)
        key = (rule.income_limit_percent, tuple(households))
        municipalities = list(rule.municipalities.all())
        row = rows.get(key)
        if row is not None:
            if row["municipalities"] and municipalities:
                row["municipalities"] += [
                    m for m in municipalities if m not in row["municipalities"]
                ]
            else:
                row["municipalities"] = []
            continue
        rows[key] = {
            "percent": rule.income_limit_percent,
            "municipalities": municipalities,
            "limits": [
                (
                    HouseholdType(household).label,
                    euros(income_limit(rule.income_limit_percent, norms[household]))
                    if household in norms
                    else None,
                )
                for household in households
            ],
        }
    return list(rows.values())


def service_detail(request, page):
    organisation_page = selectors.organisation_for_page(page)
    rules = list(
        page.eligibility_rules.prefetch_related("municipalities").order_by("sort_order")
    )
    has_income_limit = any(rule.income_limit_percent for rule in rules)
    norm = selectors.norm_status() if has_income_limit else None
    period = norm.period if norm else None
    norms = norm.amounts if norm else {}
    check = selectors.page_check_of(page)
    response = TemplateResponse(
        request,
        "socialekaart/service_page.html",
        _context(
            request,
            page,
            organisation_page=organisation_page,
            rules=rules,
            norm_rows=_norm_rows(rules, norms),
            norm_period=period,
            norm=norm,
            check=check,
            unchecked_since=selectors.unchecked_since(page, check),
            locations=list(page.locations.all()),
            area=list(page.municipalities.all()),
            contact=_contact(page, organisation_page),
            is_ended=page.status == ServiceStatus.ENDED,
            is_closed=page.status == ServiceStatus.TEMPORARILY_CLOSED,
            report_url=page.url + page.reverse_subpage("report_mistake"),
            summary_url=page.url + page.reverse_subpage("resident_summary"),
            share_url=request.build_absolute_uri(page.url),
        ),
    )
    return _private_for_professionals(request, response)


def _contact(page, organisation_page) -> dict:
    """The service's own contact details, else the organisation's."""
    source = organisation_page if organisation_page is not None else page
    return {
        "phone": page.phone or source.phone,
        "email": page.email or source.email,
        "website": page.website or source.website,
        "walk_in_hours": page.walk_in_hours
        if page.walk_in_hours
        else source.walk_in_hours,
        "languages": page.languages or source.languages,
        "professional_phone": page.professional_phone or source.professional_phone,
        "professional_handover": page.professional_handover
        or source.professional_handover,
    }


def organisation_detail(request, page):
    services_of = list(selectors.services_of_organisation(page))
    for service in services_of:
        service.organisation_title = ""  # the page is about that organisation already
    check = selectors.page_check_of(page)
    response = TemplateResponse(
        request,
        "socialekaart/organisation_page.html",
        _context(
            request,
            page,
            services=services_of,
            locations=list(page.locations.select_related("municipality")),
            check=check,
            unchecked_since=selectors.unchecked_since(page, check),
            contact=page,
            report_url=page.url + page.reverse_subpage("report_mistake"),
            share_url=request.build_absolute_uri(page.url),
        ),
    )
    return _private_for_professionals(request, response)


def _as_line(fragment: str) -> str:
    """A rendered HTML fragment as one line of plain text."""
    return " ".join(html.unescape(strip_tags(fragment)).split())


def service_resident_summary(request, page):
    """What, for whom, where, what to bring: a text to print or send to a resident,
    and a short one for a text message or WhatsApp (issue 11).

    Built from the page alone: nothing about the resident reaches the server. The
    professional copies the text, or opens it in WhatsApp or the phone's messages app
    through a ``wa.me``/``sms:`` link the browser follows; our server never sees it."""
    organisation_page = selectors.organisation_for_page(page)
    locations = list(page.locations.all())
    rules = list(
        page.eligibility_rules.prefetch_related("municipalities").order_by("sort_order")
    )
    area = list(page.municipalities.all())
    context = _context(
        request,
        page,
        organisation_page=organisation_page,
        locations=locations,
        rules=rules,
        area=area,
        contact=_contact(page, organisation_page),
        share_url=request.build_absolute_uri(page.url),
        crumb_title=_("Samenvatting voor de inwoner"),
    )
    # "Voor wie?" as plain lines, for the texts (the page shows the same rules).
    context["who_lines"] = [
        _as_line(render_to_string("socialekaart/includes/rule.html", {"rule": rule}))
        for rule in rules
    ]
    context["plain_text"] = render_to_string(
        "socialekaart/resident_summary.txt", context
    ).strip()
    context["short_text"] = "\n".join(
        line
        for line in render_to_string(
            "socialekaart/resident_summary_short.txt", context
        ).splitlines()
        if line.strip()
    )
    response = TemplateResponse(request, "socialekaart/resident_summary.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


WHAT_FITS_SHOWN = 25
"""Result cards per group ("past" and "past misschien") before "Laat alles zien": a
resident reads the best few, and the page stays small with thousands of offerings
(issue 9)."""


def _what_fits_context(form, result, *, show_all: bool) -> dict:
    limit = None if show_all else WHAT_FITS_SHOWN
    fits = result.fits if result else []
    might = result.might_fit if result else []
    return {
        "fits_shown": fits[:limit],
        "fits_hidden": max(0, len(fits) - len(fits[:limit])),
        "might_shown": might[:limit],
        "might_hidden": max(0, len(might) - len(might[:limit])),
        "municipality_slug": form.cleaned_data["gemeente"].slug if result else "",
    }


@sensitive_post_parameters(
    "inkomen", "kinderen", "leeftijd", "jaren_laag_inkomen", "huishouden"
)
def what_fits_me(request, page):
    """The form on GET; the answer on POST. Nothing is stored, logged or cached.

    A POST from ``what_fits.js`` (header ``X-Requested-With: fetch``) gets only the
    answer, which the script puts in the page, so the page in the browser's history
    is the form (a GET), and Back never asks to send the form again (decision 0090).
    """
    result = None
    national: list = []
    if request.method == "POST":
        form = WhatFitsForm(request.POST)
        if form.is_valid():
            show_all = bool(request.POST.get("alles"))
            result = selectors.services_matching(
                form.situation(), limit=None if show_all else WHAT_FITS_SHOWN
            )
            national = selectors.national_schemes(form.situation())
    else:
        form = WhatFitsForm()
    context = _context(
        request,
        page,
        form=form,
        result=result,
        list_url=page.url + page.reverse_subpage("service_list"),
        crumb_title=_("Wat past bij mij?"),
        national=national,
        **_what_fits_context(form, result, show_all=bool(request.POST.get("alles"))),
    )
    partial = request.headers.get("X-Requested-With") == "fetch"
    template = (
        "socialekaart/includes/what_fits_partial.html"
        if partial and request.method == "POST"
        else "socialekaart/what_fits_me.html"
    )
    response = TemplateResponse(request, template, context)
    if request.method == "POST":
        add_never_cache_headers(response)
        patch_cache_control(response, no_store=True, private=True)
    return response


def report_mistake(request, page):
    """ "Fout melden": a form on GET; on POST the report goes to the organisation's queue."""
    form = MistakeReportForm(
        request.POST or None, initial={"token": issue_form_token()}
    )
    error = None
    if request.method == "POST" and form.is_valid():
        if form.is_bot:
            # Pretend it worked: a bot learns nothing, nothing is stored.
            return _report_thanks(request, page)
        try:
            services.mistake_report_submit(
                page=page,
                kind=form.cleaned_data["kind"],
                message=form.cleaned_data["message"],
                client_address=_client_address(request),
            )
        except services.ReportRefused as refused:
            error = str(refused)
        else:
            return _report_thanks(request, page)
    if request.method == "POST":
        # A fresh time stamp, so a person who was too fast can simply send again.
        form.data = form.data.copy()
        form.data["token"] = issue_form_token()
    response = TemplateResponse(
        request,
        "socialekaart/report_mistake.html",
        _context(request, page, form=form, error=error, crumb_title=_("Fout melden")),
        status=400 if request.method == "POST" else 200,
    )
    add_never_cache_headers(response)
    return response


def _report_thanks(request, page):
    response = TemplateResponse(
        request,
        "socialekaart/report_mistake_thanks.html",
        _context(request, page, crumb_title=_("Fout melden")),
    )
    add_never_cache_headers(response)
    return response


def _client_address(request) -> str:
    return get_client_ip_address(request) or "unknown"
