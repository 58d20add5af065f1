"""What the HSDS mapping shares: constants, the site, small value conversions."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from wagtail.models import Site as WagtailSite

from socialekaart.constants import (
    LANGUAGE_CHOICES,
    ServiceStatus,
)
from socialekaart.hsds import vocabulary as v

STATUS_TO_HSDS = {
    ServiceStatus.ACTIVE: "active",
    ServiceStatus.TEMPORARILY_CLOSED: "temporarily closed",
    ServiceStatus.ENDED: "defunct",
}
CURRENCY = "EUR"
COUNTRY = "NL"
WALK_IN = "Inloopspreekuur: zonder afspraak langskomen"
TOOI_MUNICIPALITY = "https://identifier.overheid.nl/tooi/id/gemeente/"
ORGANISATION_SCHEME = f"{v.URN}:organisatie"
# A national organisation residents are pointed to (Dienst Toeslagen, SVB, UWV): not in
# the pact network, its page has no pact organisation.
NATIONAL_SCHEME = f"{v.URN}:landelijk"
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


@dataclass
class Site:
    """Where the kaart is published: absolute addresses of pages."""

    base_url: str
    root_paths: list[str] = field(default_factory=list)

    @classmethod
    def current(cls) -> Site:
        roots = sorted(
            (root.root_path for root in WagtailSite.get_site_root_paths()),
            key=len,
            reverse=True,
        )
        return cls(settings.WAGTAILADMIN_BASE_URL.rstrip("/"), roots)

    def page_url(self, page) -> str:
        path = page.url_path
        for root in self.root_paths:
            if path.startswith(root):
                path = "/" + path[len(root) :]
                break
        return self.base_url + path


# --- Small values -----------------------------------------------------------------


def iso_datetime(value: datetime.datetime | None) -> str | None:
    if value is None:
        return None
    value = value.astimezone(datetime.UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def last_modified(service, organisation_page) -> datetime.datetime | None:
    stamps = [
        stamp
        for stamp in (
            service.last_published_at,
            getattr(organisation_page, "last_published_at", None),
        )
        if stamp is not None
    ]
    return max(stamps) if stamps else None


def _number(value: Decimal | int | None):
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _clean(data: dict) -> dict:
    """Leave out empty values: HSDS fields are optional, and ``null`` is not allowed."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _time(value: str | None) -> str | None:
    return value[:5] if value else None


def checked_on(page) -> datetime.date | None:
    check = getattr(page, "kaart_check", None)
    return check.checked_on if check is not None else None


def _stream(stream) -> list[dict]:
    return list(stream.raw_data) if stream else []


def block_id(base, block: dict, label: str) -> str:
    """The id of a StreamField block as an HSDS id: the block's own UUID (stable across
    revisions; the import sets it back), or one derived from ``base`` when it has none."""
    raw = block.get("id") or ""
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        return v.derived_id(base, f"{label}:{raw}")
