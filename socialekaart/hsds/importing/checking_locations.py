"""Our rules, part 2: locations, opening hours and exceptions, accessibility."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

from django.utils.translation import gettext as _

from socialekaart.hsds import mapping
from socialekaart.hsds import vocabulary as v
from socialekaart.hsds.importing.checking_base import CheckerBase
from socialekaart.hsds.importing.reading import ICAL_WEEKDAY, TIME


class LocationChecks(CheckerBase):
    """Part of ``Checker`` (``checking.py``)."""

    def location(self, where: str, data: dict, walk_in: list[dict]) -> dict | None:
        key = str(data.get("id") or "")
        if not self.once(where, "location", key):
            return None
        if data.get("location_type") == "virtual":
            self.warn(where, _("Een online locatie wordt niet ingelezen."))
            return None
        addresses = [
            a for a in data.get("addresses") or [] if a.get("address_type") != "postal"
        ] or list(data.get("addresses") or [])
        address = addresses[0] if addresses else {}
        if len(addresses) > 1:
            self.warn(where, _("Alleen het eerste adres wordt ingelezen."))
        city = self.text(where, "city", address.get("city"), 80)
        if not city:
            self.error(
                where, _("Een locatie heeft een plaats nodig (addresses[].city).")
            )
        municipality = self.lookups.municipality_by_name(address.get("region") or "")
        if municipality is None and address.get("region"):
            self.warn(
                where,
                _("Gemeente '%(region)s' is onbekend; de locatie krijgt geen gemeente.")
                % {"region": address["region"]},
            )
        plan = {
            "uuid": key,
            "name": self.text(where, "name", data.get("name") or city, 120),
            "street_address": self.text(
                where, "address_1", address.get("address_1"), 120
            ),
            "postal_code": self.text(
                where, "postal_code", address.get("postal_code"), 10
            ),
            "city": city,
            "municipality": municipality,
            "public_transport": self.text(
                where, "transportation", data.get("transportation"), 200
            ),
            "latitude": None,
            "longitude": None,
        }
        lat, lng = data.get("latitude"), data.get("longitude")
        if lat is not None and lng is not None:
            if -90 <= lat <= 90 and -180 <= lng <= 180:
                plan["latitude"] = Decimal(str(lat)).quantize(Decimal("0.000001"))
                plan["longitude"] = Decimal(str(lng)).quantize(Decimal("0.000001"))
            else:
                self.warn(
                    where,
                    _(
                        "Coördinaten %(lat)s, %(lng)s liggen buiten het bereik en worden "
                        "niet ingelezen."
                    )
                    % {"lat": lat, "lng": lng},
                )
        elif (lat is None) != (lng is None):
            self.warn(where, _("Alleen breedte- of lengtegraad: niet ingelezen."))
        hours: list[dict] = []
        exceptions: list[dict] = []
        for number, item in enumerate(data.get("schedules") or []):
            spot = f"{where}.schedules[{number}]"
            if item.get("attending_type") == mapping.WALK_IN and not item.get(
                "valid_from"
            ):
                block = self.period(spot, item)
                if block and not any(b["value"] == block["value"] for b in walk_in):
                    block["id"] = str(uuid.uuid4())
                    walk_in.append(block)
                continue
            block = self.schedule(spot, item)
            if block is None:
                continue
            (hours if block["type"] == "period" else exceptions).append(block)
        plan["opening_hours"], plan["opening_exceptions"] = hours, exceptions
        flags, notes = {}, []
        for item in data.get("accessibility") or []:
            matched = False
            for attribute in item.get("attributes") or []:
                code = self.term_code(attribute)
                field_name = next(
                    (f for f, c in v.ACCESSIBILITY_TERMS.items() if c == code), None
                )
                if field_name:
                    flags[field_name] = (
                        str(attribute.get("value", "")).lower() == "true"
                    )
                    matched = True
            if not matched:
                notes.append(
                    " ".join(
                        part
                        for part in (item.get("description"), item.get("details"))
                        if part
                    )
                )
        for field_name in v.ACCESSIBILITY_TERMS:
            plan[field_name] = flags.get(field_name)
        plan["accessibility_note"] = self.text(
            where, "accessibility", " ".join(n for n in notes if n), 300
        )
        return plan

    @staticmethod
    def parse_time(value) -> str | None:
        match = TIME.match(value or "")
        if not match:
            return None
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours > 23 or minutes > 59:
            return None
        return f"{hours:02d}:{minutes:02d}:00"

    def period(self, where: str, item: dict) -> dict | None:
        days = [
            ICAL_WEEKDAY.get(code.strip().upper())
            for code in (item.get("byday") or "").split(",")
            if code.strip()
        ]
        opens, closes = (
            self.parse_time(item.get("opens_at")),
            self.parse_time(item.get("closes_at")),
        )
        if item.get("freq") not in (None, "WEEKLY") or not days or None in days:
            self.warn(
                where,
                _(
                    "Alleen wekelijkse tijden op vaste dagen worden ingelezen; dit "
                    "rooster niet."
                ),
            )
            return None
        if not (opens and closes) or closes <= opens:
            self.warn(where, _("Rooster zonder geldige openings- en sluitingstijd."))
            return None
        return {
            "type": "period",
            "value": {
                "days": sorted(days),
                "opens": opens,
                "closes": closes,
                "note": self.text(where, "notes", item.get("notes"), 120),
            },
            "id": self.block_id(item),
        }

    @staticmethod
    def block_id(item: dict) -> str:
        try:
            return str(uuid.UUID(str(item.get("id"))))
        except ValueError:
            return str(uuid.uuid4())

    def schedule(self, where: str, item: dict) -> dict | None:
        if item.get("freq") or item.get("byday"):
            if item.get("valid_from") or item.get("valid_to"):
                self.warn(
                    where,
                    _(
                        "De geldigheidsperiode van een wekelijks rooster wordt niet "
                        "ingelezen."
                    ),
                )
            return self.period(where, item)
        if not item.get("valid_from"):
            self.warn(where, _("Rooster zonder dagen of datum: niet ingelezen."))
            return None
        try:
            start = datetime.date.fromisoformat(item["valid_from"])
            end = datetime.date.fromisoformat(
                item.get("valid_to") or item["valid_from"]
            )
        except ValueError:
            self.error(where, _("Ongeldige datum in valid_from of valid_to."))
            return None
        if end < start:
            self.error(where, _("valid_to ligt voor valid_from."))
            return None
        opens, closes = (
            self.parse_time(item.get("opens_at")),
            self.parse_time(item.get("closes_at")),
        )
        closed = not (opens and closes)
        return {
            "type": "exception",
            "value": {
                "date_from": start.isoformat(),
                "date_until": end.isoformat() if end != start else None,
                "is_closed": closed,
                "opens": None if closed else opens,
                "closes": None if closed else closes,
                "note": self.text(where, "notes", item.get("notes"), 120),
            },
            "id": self.block_id(item),
        }
