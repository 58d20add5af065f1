"""Export a plan as CSV, XLSX or JSON (a read: nothing changes).

CSV and XLSX have the import columns first (``bouwsteen``, ``actie``, ``uitvoering`` with
role markers, ``planning`` verbatim), so an export can be imported again into an empty
plan, followed by what the agenda derived and learned: the schedule, status, progress,
the trekker flag. JSON lists each action with its building block, owners with roles, the
verbatim timing and the parsed schedule, status and progress.

Text that a spreadsheet would run as a formula is neutralised (``pact.spreadsheets``).
"""

from __future__ import annotations

import csv
import io
import json

from agenda.constants import OwnerRole, ScheduleKind, Status
from agenda.models import Action, Plan
from agenda.selectors import ACTION_ORDER, actions_with_owners
from agenda.timing import describe_quarters
from pact.spreadsheets import neutralise_row, xlsx_cell

FORMATS = ("csv", "xlsx", "json")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
COLUMNS = [
    "bouwsteen",
    "actie",
    "uitvoering",
    "planning",
    "soort planning",
    "kwartalen",
    "planning nakijken",
    "status",
    "voortgang",
    "toelichting status",
    "openbaar",
    "id",
]
ROLE_MARKERS = {
    OwnerRole.LEAD: "trekker",
    OwnerRole.EXECUTING: "uitvoering",
    OwnerRole.FUNDING: "financier",
}


def export_actions(plan: Plan, *, published_only: bool = False) -> list[Action]:
    actions = Action.objects.filter(plan=plan)
    if published_only:
        actions = actions.filter(is_published=True)
    return actions_with_owners(actions.order_by(*ACTION_ORDER))


def _owners_text(action: Action) -> str:
    return ", ".join(
        f"{o.organisation.name} ({ROLE_MARKERS[OwnerRole(o.role)]})"
        for o in action.owner_list
    )


def _row(action: Action) -> list:
    schedule = action.parsed_schedule
    return [
        action.building_block.number if action.building_block else "-",
        action.title,
        _owners_text(action),
        action.timing_text,
        str(ScheduleKind(action.schedule_kind).label),
        describe_quarters(schedule.quarters) if schedule.quarters else "",
        "ja" if action.timing_needs_review else "nee",
        str(Status(action.status).label),
        "" if action.progress is None else action.progress,
        action.status_explanation,
        "ja" if action.is_published else "nee",
        str(action.uuid),
    ]


def as_json(plan: Plan, actions: list[Action]) -> dict:
    return {
        "pact": plan.pact.slug,
        "plan": {
            "title": plan.title,
            "slug": plan.slug,
            "starts_on": plan.starts_on.isoformat(),
            "ends_on": plan.ends_on.isoformat(),
        },
        "building_blocks": [
            {"number": b.number, "title": b.title, "main_goal": b.is_main_goal}
            for b in plan.building_blocks.order_by("position", "number")
        ],
        "actions": [
            {
                "uuid": str(a.uuid),
                "building_block": a.building_block.number if a.building_block else None,
                "title": a.title,
                "owners": [
                    {
                        "organisation": o.organisation.slug,
                        "name": o.organisation.name,
                        "role": o.role,
                    }
                    for o in a.owner_list
                ],
                "has_lead": any(o.role == OwnerRole.LEAD for o in a.owner_list),
                "timing": a.timing_text,
                "schedule": a.parsed_schedule.to_json(),
                "status": a.status,
                "status_explanation": a.status_explanation,
                "progress": a.progress,
                "published": a.is_published,
            }
            for a in actions
        ],
    }


def plan_export(plan: Plan, fmt: str, *, published_only: bool = False) -> bytes:
    """The plan in ``fmt`` (csv, xlsx or json) as bytes."""
    actions = export_actions(plan, published_only=published_only)
    if fmt == "json":
        return json.dumps(as_json(plan, actions), ensure_ascii=False, indent=2).encode()
    if fmt == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(COLUMNS)
        writer.writerows(neutralise_row(_row(a)) for a in actions)
        return ("\ufeff" + text.getvalue()).encode()
    if fmt == "xlsx":
        # Imported here: openpyxl adds 0.15-0.5 s (measured at different times on a
        # shared machine) to every start of the site.
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(plan.title[:31])
        sheet.append(COLUMNS)
        for action in actions:
            sheet.append([xlsx_cell(sheet, value) for value in _row(action)])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    raise ValueError(f"unknown format {fmt!r}")
