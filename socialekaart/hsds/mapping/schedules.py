"""Opening hours and walk-in times as HSDS schedules."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from socialekaart.constants import (
    WEEKDAY_ICAL,
    Weekday,
)
from socialekaart.hsds import vocabulary as v
from socialekaart.hsds.mapping.common import (
    WALK_IN,
    _clean,
    _stream,
    _time,
    block_id,
)

# --- Schedules --------------------------------------------------------------------


def day_names(days: Iterable[str]) -> str:
    names = [str(Weekday(day).label) for day in sorted(days)]
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s en %(last)s") % {
        "first": ", ".join(names[:-1]),
        "last": names[-1],
    }


def hours_text(opens: str | None, closes: str | None) -> str:
    if not (opens and closes):
        return ""
    return _("van %(opens)s tot %(closes)s uur") % {
        "opens": (_time(opens) or "").replace(":", "."),
        "closes": (_time(closes) or "").replace(":", "."),
    }


def period_schedule(block: dict, *, schedule_id: str, walk_in: bool) -> dict | None:
    value = block.get("value") or {}
    days = [day for day in value.get("days") or [] if day in WEEKDAY_ICAL]
    if not days:
        return None
    return _clean(
        {
            "id": schedule_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": ",".join(WEEKDAY_ICAL[day] for day in sorted(days)),
            "opens_at": _time(value.get("opens")),
            "closes_at": _time(value.get("closes")),
            "description": f"{day_names(days)} "
            f"{hours_text(value.get('opens'), value.get('closes'))}".strip(),
            "attending_type": WALK_IN if walk_in else None,
            "notes": (value.get("note") or "").strip(),
        }
    )


def exception_schedule(block: dict, *, schedule_id: str) -> dict | None:
    value = block.get("value") or {}
    if not value.get("date_from"):
        return None
    closed = bool(value.get("is_closed")) or not (
        value.get("opens") and value.get("closes")
    )
    description = (
        _("Gesloten")
        if closed
        else _("Afwijkende tijden: %(hours)s")
        % {"hours": hours_text(value.get("opens"), value.get("closes"))}
    )
    return _clean(
        {
            "id": schedule_id,
            "valid_from": value["date_from"],
            "valid_to": value.get("date_until") or value["date_from"],
            "opens_at": None if closed else _time(value.get("opens")),
            "closes_at": None if closed else _time(value.get("closes")),
            "description": description,
            "notes": (value.get("note") or "").strip(),
        }
    )


def walk_in_schedules(page, *, base=None) -> list[dict]:
    """Walk-in hours as schedules. With ``base`` (a location's UUID) the ids are
    derived from it and the position, because the same hours then appear at every
    location of the organisation."""
    schedules = []
    periods = [b for b in _stream(page.walk_in_hours) if b.get("type") == "period"]
    for position, block in enumerate(periods):
        schedule_id = (
            v.derived_id(base, f"walk-in:{position}")
            if base is not None
            else block_id(page.uuid, block, "walk-in")
        )
        schedule = period_schedule(block, schedule_id=schedule_id, walk_in=True)
        if schedule:
            schedules.append(schedule)
    return schedules


def location_schedules(location, organisation_page) -> list[dict]:
    schedules = []
    for block in _stream(location.opening_hours):
        if block.get("type") == "period":
            schedule = period_schedule(
                block,
                schedule_id=block_id(location.uuid, block, "hours"),
                walk_in=False,
            )
            if schedule:
                schedules.append(schedule)
    for block in _stream(location.opening_exceptions):
        if block.get("type") == "exception":
            schedule = exception_schedule(
                block, schedule_id=block_id(location.uuid, block, "exception")
            )
            if schedule:
                schedules.append(schedule)
    if organisation_page is not None:
        # HSDS organisations have no schedules: the organisation's walk-in hours are
        # held at its locations (read back by the import; see docs/hsds.md).
        schedules.extend(walk_in_schedules(organisation_page, base=location.uuid))
    return schedules
