"""Query parameters of the HSDS API: parsed and checked, every mistake explained.

``Params(request, allowed)`` reads only the parameters an endpoint lists; an unknown
parameter or a bad value is collected in ``errors`` (parameter name + Dutch message),
and the view answers 400 with all of them at once.
"""

from __future__ import annotations

import datetime
import uuid

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

TRUE = {"true", "1", "yes", "ja"}
FALSE = {"false", "0", "no", "nee"}
FORMATS = ("json", "ndjson")
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(9998, 12, 31)


class Params:
    def __init__(self, request, allowed: set[str]) -> None:
        self.query = request.GET
        self.errors: list[dict] = []
        for name in sorted(set(self.query) - allowed):
            self.error(
                name,
                _("Onbekende parameter. Toegestaan zijn: %(allowed)s.")
                % {"allowed": ", ".join(sorted(allowed))},
            )
        for name in sorted(allowed & set(self.query)):
            if len(self.query.getlist(name)) > 1:
                self.error(name, _("Geef deze parameter hoogstens één keer."))

    def error(self, name: str, message: str) -> None:
        self.errors.append({"parameter": name, "message": str(message)})

    def raw(self, name: str) -> str | None:
        value = self.query.get(name)
        return None if value is None else value.strip()

    def text(self, name: str, *, max_length: int = 200) -> str:
        value = self.raw(name) or ""
        if len(value) > max_length:
            self.error(
                name,
                _("Hoogstens %(max)d tekens, niet %(length)d.")
                % {"max": max_length, "length": len(value)},
            )
            return ""
        return value

    def integer(self, name: str, *, default: int, minimum: int, maximum: int) -> int:
        value = self.raw(name)
        if value is None or value == "":
            return default
        try:
            number = int(value)
        except ValueError:
            self.error(
                name,
                _("Geef een geheel getal, niet '%(value)s'.") % {"value": value[:40]},
            )
            return default
        if not minimum <= number <= maximum:
            self.error(
                name,
                _("Geef een getal van %(min)d tot en met %(max)d, niet %(value)d.")
                % {"min": minimum, "max": maximum, "value": number},
            )
            return default
        return number

    def boolean(self, name: str) -> bool:
        value = self.raw(name)
        if value is None or value == "":
            return False
        if value.lower() in TRUE:
            return True
        if value.lower() in FALSE:
            return False
        self.error(
            name, _("Geef true of false, niet '%(value)s'.") % {"value": value[:40]}
        )
        return False

    def uuid(self, name: str) -> uuid.UUID | None:
        value = self.raw(name)
        if not value:
            return None
        try:
            return uuid.UUID(value)
        except ValueError:
            self.error(
                name,
                _(
                    "Geef een UUID (zoals 3f7b145d-84af-42d7-8fae-eaca714b02b2), niet "
                    "'%(value)s'."
                )
                % {"value": value[:40]},
            )
            return None

    def datetime(self, name: str) -> datetime.datetime | None:
        value = self.raw(name)
        if not value:
            return None
        try:
            moment = parse_datetime(value.replace(" ", "+"))
            if moment is None:
                day = parse_date(value)
                moment = (
                    datetime.datetime.combine(day, datetime.time.min) if day else None
                )
        except ValueError:
            moment = None
        if moment is None:
            self.error(
                name,
                _(
                    "Geef een datum en tijd volgens ISO 8601, bijvoorbeeld "
                    "2026-01-31T09:00:00Z, niet '%(value)s'."
                )
                % {"value": value[:40]},
            )
            return None
        if not EARLIEST.year <= moment.year <= LATEST.year:
            # Outside these years the databases' date arithmetic overflows (a 500 on
            # SQLite for 0001-01-01); no entry of the kaart is that old or that new.
            self.error(
                name,
                _("Geef een datum tussen %(first)d en %(last)d, niet '%(value)s'.")
                % {"first": EARLIEST.year, "last": LATEST.year, "value": value[:40]},
            )
            return None
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment

    def format(self) -> str:
        value = (self.raw("format") or "json").lower()
        if value not in FORMATS:
            self.error(
                "format",
                _("Geef json of ndjson, niet '%(value)s'.") % {"value": value[:40]},
            )
            return "json"
        return value
