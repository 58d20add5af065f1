"""Where to measure distance from: coordinates or a Dutch postcode.

A postcode is looked up by its four digits (PC4) in ``PostcodeArea``. The repository
ships approximate centres of the PC4 areas of the demo municipalities
(``search/data/postcodes_pc4_demo.csv``); load a full table with
``manage.py search_load_postcodes`` (see ``docs/search.md``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from search.models import PostcodeArea

DEMO_POSTCODES = Path(__file__).parent / "data" / "postcodes_pc4_demo.csv"
COORDINATES = re.compile(
    r"^\s*(-?\d{1,2}(?:[.]\d+)?)\s*[,; ]\s*(-?\d{1,3}(?:[.]\d+)?)\s*$"
)
POSTCODE = re.compile(r"^\s*([1-9]\d{3})\s*(?:[a-zA-Z]{2})?\s*$")


class NearError(ValueError):
    """The place to measure from could not be understood; the message is for people."""


@dataclass(frozen=True)
class Point:
    lat: float
    lng: float
    label: str = ""


def resolve_near(text: str) -> Point:
    """The point for "52.99,6.56", "9401" or "9401 AB"; raises ``NearError``."""
    text = (text or "").strip()
    found = COORDINATES.match(text)
    if found:
        lat, lng = float(found.group(1)), float(found.group(2))
        if not (-90 <= lat <= 90 and -180 <= lng <= 180):
            raise NearError(
                _("Deze coördinaten bestaan niet. Gebruik bijvoorbeeld 52.99,6.56.")
            )
        return Point(lat, lng, text)
    found = POSTCODE.match(text)
    if not found:
        raise NearError(
            _(
                "Vul een postcode in, zoals 9401 of 9401 AB, of coördinaten, zoals "
                "52.99,6.56."
            )
        )
    area = PostcodeArea.objects.filter(code=found.group(1)).first()
    if area is None:
        raise NearError(
            _(
                "Postcode %(code)s kennen we niet. Probeer een postcode in de buurt of "
                "laat het veld leeg."
            )
            % {"code": found.group(1)}
        )
    return Point(area.lat, area.lng, f"{area.code} {area.place}".strip())


@dataclass
class PostcodeRow:
    line: int
    code: str
    lat: float
    lng: float
    place: str


def read_postcode_csv(lines: Iterable[str]) -> tuple[list[PostcodeRow], list[str]]:
    """Parse a CSV with columns postcode, lat, lng[, place]: (rows, errors).

    Every bad line is reported with its number and the reason; the caller loads nothing
    when there is any error. Decimal commas ("52,99") are accepted.
    """
    reader = csv.DictReader(lines)
    header = {(name or "").strip().lower() for name in reader.fieldnames or []}
    missing = {"postcode", "lat", "lng"} - header
    if missing:
        return [], [
            _(
                "De kolommen %(columns)s ontbreken (nodig: postcode, lat, lng; plaats mag)."
            )
            % {"columns": ", ".join(sorted(missing))}
        ]
    rows: list[PostcodeRow] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(reader, start=2):
        record = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        code = record.get("postcode", "")[:4]
        reason = None
        if not re.fullmatch(r"[1-9]\d{3}", code):
            reason = _("postcode %(value)r is geen geldige PC4-code") % {
                "value": record.get("postcode", "")
            }
        else:
            try:
                lat = float(record["lat"].replace(",", "."))
                lng = float(record["lng"].replace(",", "."))
            except ValueError:
                reason = _("lat en lng moeten getallen zijn")
            else:
                if not (50.5 <= lat <= 53.8 and 3.2 <= lng <= 7.3):
                    reason = _("de coördinaten liggen niet in Nederland")
                elif code in seen:
                    reason = _("postcode %(code)s staat ook op regel %(line)s") % {
                        "code": code,
                        "line": seen[code],
                    }
        if reason:
            errors.append(
                _("regel %(line)s: %(reason)s") % {"line": number, "reason": reason}
            )
            continue
        seen[code] = number
        place = record.get("place") or record.get("plaats") or ""
        rows.append(PostcodeRow(number, code, lat, lng, place[:100]))
    return rows, errors
