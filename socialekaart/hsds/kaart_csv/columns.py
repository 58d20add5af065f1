"""The kaart CSV's columns and the export: one row per offering, as editors edit it."""

from __future__ import annotations

import csv

from pact.spreadsheets import neutralise_row
from socialekaart.hsds.mapping import Site
from socialekaart.models import OrganisationPage, ServicePage
from socialekaart.permissions import pages_editable_by

COLUMNS = [
    "id",
    "organisatie",
    "titel",
    "samenvatting",
    "status",
    "status_toelichting",
    "gratis",
    "kosten_euro",
    "kosten_toelichting",
    "telefoon",
    "email",
    "website",
    "categorieen",
    "doelgroepen",
    "werkgebied",
    "zoekwoorden",
    "laatst_gecontroleerd",
    "adres",
]
READ_ONLY = {"organisatie", "adres"}
LIMITS = {
    "titel": 255,
    "samenvatting": 160,
    "status_toelichting": 200,
    "kosten_toelichting": 200,
    "telefoon": 30,
    "zoekwoorden": 300,
}
FIELD_OF = {
    "titel": "title",
    "samenvatting": "summary",
    "status": "status",
    "status_toelichting": "status_note",
    "gratis": "is_free",
    "kosten_euro": "cost_amount",
    "kosten_toelichting": "cost_description",
    "telefoon": "phone",
    "email": "email",
    "website": "website",
    "zoekwoorden": "keywords",
}
YES, NO = {"ja", "j", "yes", "true", "1"}, {"nee", "n", "no", "false", "0"}
SEPARATOR = ";"


def _list(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", ";").split(";") if part.strip()]


def services_for(actor=None):
    """Every service page (not only live ones), or those ``actor`` may edit."""
    pages = ServicePage.objects.all()
    if actor is not None:
        pages = pages.filter(pk__in=pages_editable_by(actor).values("pk"))
    return (
        pages.select_related("kaart_check")
        .prefetch_related("categories", "target_groups", "municipalities")
        .order_by("path")
    )


def export_rows(actor=None) -> list[dict]:
    site = Site.current()
    pages = list(services_for(actor))
    parents = {
        page.path: page
        for page in OrganisationPage.objects.filter(
            path__in={p.path[: -p.steplen] for p in pages}
        ).select_related("organisation")
    }
    rows = []
    for page in pages:
        parent = parents.get(page.path[: -page.steplen])
        check = getattr(page, "kaart_check", None)
        rows.append(
            {
                "id": str(page.uuid),
                "organisatie": (
                    parent.organisation.slug
                    if parent and parent.organisation
                    else (parent.slug if parent else "")
                ),
                "titel": page.title,
                "samenvatting": page.summary,
                "status": page.status,
                "status_toelichting": page.status_note,
                "gratis": "ja" if page.is_free else "nee",
                "kosten_euro": (
                    f"{page.cost_amount:.2f}".replace(".", ",")
                    if page.cost_amount is not None
                    else ""
                ),
                "kosten_toelichting": page.cost_description,
                "telefoon": page.phone,
                "email": page.email,
                "website": page.website,
                "categorieen": "; ".join(sorted(c.slug for c in page.categories.all())),
                "doelgroepen": "; ".join(
                    sorted(g.slug for g in page.target_groups.all())
                ),
                "werkgebied": "; ".join(
                    sorted(m.slug for m in page.municipalities.all())
                ),
                "zoekwoorden": page.keywords,
                "laatst_gecontroleerd": (
                    check.checked_on.isoformat() if check and check.checked_on else ""
                ),
                "adres": site.page_url(page),
            }
        )
    return rows


def export_csv(handle, actor=None) -> int:
    rows = export_rows(actor)
    handle.write("\ufeff")
    writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter=SEPARATOR)
    writer.writeheader()
    writer.writerows(neutralise_row(row) for row in rows)
    return len(rows)
