"""National schemes (Dienst Toeslagen, SVB, UWV) as pointers, not the pact's
offerings."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    Q,
)
from wagtail.models import Page, Site

from socialekaart.constants import HOUSEHOLDS_WITH_CHILDREN
from socialekaart.eligibility import Situation
from socialekaart.models import OrganisationPage, ServicePage
from socialekaart.selectors.matching.evaluation import _url
from socialekaart.selectors.pages import STEPLEN, live_services


def _under(path: str):
    """``Q`` for the pages below ``path``, as a range on the path (treebeard paths
    compare byte by byte: Wagtail gives the column the "C" collation on PostgreSQL,
    SQLite compares binary), so the database uses the path index where
    ``path__startswith`` (a LIKE) scans every page."""

    return Q(path__gt=path, path__lt=path[:-1] + chr(ord(path[-1]) + 1))


def _national_ids(paths: list[str] | None = None) -> list[int]:
    """The ids of the pages under organisation pages marked national (Dienst
    Toeslagen, SVB, UWV): a few dozen. Two small queries; asking for them by id
    afterwards lets the database start from them rather than test the path of every
    offering in the municipality."""

    if paths is None:
        paths = list(
            OrganisationPage.objects.filter(is_national=True).values_list(
                "path", flat=True
            )
        )
    if not paths:
        return []
    under = Q()
    for path in paths:
        under |= _under(path)
    return list(Page.objects.filter(under).values_list("pk", flat=True))


@dataclass(frozen=True)
class NationalScheme:
    """A national scheme the pact does not run, as a pointer: our page about it and
    the organisation's own website."""

    title: str
    summary: str
    url: str
    organisation_title: str
    website: str
    is_for_children: bool


def national_schemes(situation: Situation) -> list[NationalScheme]:
    """The live schemes of national organisations (``OrganisationPage.is_national``)
    offered in the resident's municipality, those about children first when the
    household has children. Five small queries of values (the answer page asks for
    this on every POST); reads nothing about the resident beyond ``situation``."""

    organisations = {
        row["path"]: row
        for row in OrganisationPage.objects.filter(is_national=True).values(
            "path", "title", "website", "live"
        )
    }
    national = _national_ids(list(organisations))
    if not national:
        return []
    roots = Site.get_site_root_paths()
    rows = list(
        live_services()
        .filter(pk__in=national, municipalities__pk=situation.municipality_id)
        .order_by("title", "pk")
        .values("pk", "path", "url_path", "title", "summary", "website")
    )
    for_children = set(
        ServicePage.target_groups.through.objects.filter(
            servicepage_id__in=[row["pk"] for row in rows],
            targetgroup__slug__in=["kinderen", "ouders", "jongeren"],
        ).values_list("servicepage_id", flat=True)
    )
    schemes = []
    for row in rows:
        organisation = organisations.get(row["path"][:-STEPLEN])
        if organisation is not None and not organisation["live"]:
            organisation = None
        schemes.append(
            NationalScheme(
                title=row["title"],
                summary=row["summary"],
                url=_url(row["url_path"], roots),
                organisation_title=organisation["title"] if organisation else "",
                website=row["website"]
                or (organisation["website"] if organisation else ""),
                is_for_children=row["pk"] in for_children,
            )
        )
    has_children = bool(situation.children_ages) or (
        situation.household_type in HOUSEHOLDS_WITH_CHILDREN
    )
    schemes.sort(key=lambda scheme: not (has_children and scheme.is_for_children))
    if not has_children:
        schemes = [scheme for scheme in schemes if not scheme.is_for_children]
    return schemes
