"""Import a plan table (CSV or XLSX) into a plan: all or nothing, first as a preview.

The table is the one people keep (columns in ``agenda.services.tables``). Importing it
into a plan:

* **creates the building blocks it names that do not exist yet**: a number ("10"),
  optionally with a title in the same cell ("10. Wonen") or in a ``bouwsteen titel``
  column. A new block without a title gets "Bouwsteen 10" and is flagged on the
  data-quality page until a pact admin gives it one;
* **adds the actions it does not know**, and **updates the actions it matches** (building
  block, owners, timing words, and the description and publication when those columns
  are filled). How rows are matched: docs/decisions/0120-import-matches-actions.md. In
  short: by ``id`` (from an export) when given, otherwise by the title within the plan
  (case, accents and spacing do not matter); actions the table does not name stay as
  they are.

Owners are separated by commas; "en" and "&" also separate, unless the words around them
are one organisation's name. A role can follow a name in brackets: ``WPDA (trekker)``.
Without one, a single owner is the trekker and several owners are all executing
(docs/decisions/0041-import-owner-roles.md); on an update an owner the action already
had keeps the role it has (a lead appointed in the agenda is not undone by a table
without markers).

``actions_import(..., dry_run=True)`` returns the same ``ImportResult`` (what would be
created, changed and left alone) and writes nothing. Every bad row is reported with its
line number and reason; if any row is bad nothing is written. Timing words that are not
understood are not errors: they are stored verbatim, flagged, and listed as warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from agenda import permissions
from agenda.constants import ReviewReason
from agenda.models import Action, BuildingBlock, Plan
from agenda.services.import_matching import (
    ActionMatcher,
    Change,
    NewBlock,
    differences,
    owners_for,
    row_block,
)
from agenda.services.owners import OwnerMatcher, name_key
from agenda.services.plan import action_create, action_update, building_block_create
from agenda.services.tables import ImportFailed, Problem, Row, read_rows
from agenda.timing import TimingError, parse_timing

__all__ = [
    "Change",
    "ImportFailed",
    "ImportResult",
    "Problem",
    "actions_import",
    "read_rows",
]

YES = {"ja", "j", "yes", "y", "1", "waar", "true", "x"}
NO = {"nee", "n", "no", "0", "onwaar", "false", ""}


@dataclass
class ImportResult:
    """What an import did (or, with ``dry_run``, would do)."""

    dry_run: bool = False
    actions: list[Action] = field(default_factory=list)  # created
    created: list[Change] = field(default_factory=list)
    updated: list[Change] = field(default_factory=list)
    unchanged: list[Change] = field(default_factory=list)
    new_blocks: list[NewBlock] = field(default_factory=list)
    untouched: list[str] = field(default_factory=list)  # plan actions not in the table
    warnings: list[Problem] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.created or self.updated or self.new_blocks)


def _prepare(
    plan: Plan, rows: list[Row], result: ImportResult
) -> tuple[list[Change], dict[int, NewBlock]]:
    owners = OwnerMatcher(plan.pact)
    blocks = {b.number: b for b in plan.building_blocks.all()}
    new_blocks: dict[int, NewBlock] = {}
    matcher = ActionMatcher(plan)
    problems: list[Problem] = []
    changes: list[Change] = []
    new_titles: dict[tuple, int] = {}
    for row in rows:
        reasons: list[str] = []
        title = row.cells.get("actie", "")
        if not title:
            reasons.append(_("de kolom actie is leeg"))
        elif len(title) > 300:
            reasons.append(_("de actie is langer dan 300 tekens"))
        block = None
        try:
            block = row_block(row, blocks, new_blocks)
        except ValueError as error:
            reasons.append(str(error))
        parsed, owner_problems = owners.parse(row.cells.get("uitvoering", ""))
        reasons += owner_problems
        if not parsed and not owner_problems:
            result.warnings.append(Problem(row.line, _("geen uitvoerder genoemd")))
        if len({o.pk for o, _r in parsed}) != len(parsed):
            reasons.append(_("een organisatie staat twee keer in de kolom uitvoering"))
        timing = row.cells.get("planning", "")
        try:
            schedule = parse_timing(timing, plan.period)
            if ReviewReason.NOT_UNDERSTOOD in schedule.review:
                result.warnings.append(
                    Problem(
                        row.line,
                        _(
                            "planning “%(timing)s” niet herkend; bewaard en gemarkeerd om na te kijken"
                        )
                        % {"timing": timing},
                    )
                )
        except TimingError as error:
            reasons.append(_("planning: %(error)s") % {"error": error})
        if len(timing) > 200:
            reasons.append(_("de planning is langer dan 200 tekens"))
        public = row.cells.get("openbaar", "").casefold()
        if public not in YES | NO:
            reasons.append(_("openbaar moet ja of nee zijn"))
        action = None
        if title:
            try:
                action = matcher.find(row, title, block)
            except ValueError as error:
                reasons.append(str(error))
        if title and action is None and not reasons:
            key = (getattr(block, "number", None), name_key(title))
            if key in new_titles:
                reasons.append(
                    _("deze actie staat al op regel %(line)s")
                    % {"line": new_titles[key]}
                )
            new_titles.setdefault(key, row.line)
        if reasons:
            problems += [Problem(row.line, reason) for reason in reasons]
            continue
        change = Change(
            line=row.line,
            title=title,
            action=action,
            block=block,
            owners=owners_for(parsed, action),
            timing=timing,
            description=row.cells["omschrijving"]
            if row.cells.get("omschrijving")
            else None,
            public=(public in YES) if public else None,
        )
        if action is not None:
            change.differences = differences(change, action)
        changes.append(change)
    if problems:
        raise ImportFailed(problems)
    named = {c.action.pk for c in changes if c.action is not None}
    result.untouched = [a.title for a in matcher.actions if a.pk not in named]
    return changes, new_blocks


# --- Writing -----------------------------------------------------------------------------------------


def _write(
    plan: Plan,
    changes: list[Change],
    new_blocks: dict[int, NewBlock],
    *,
    publish: bool,
    result: ImportResult,
) -> None:
    made = {
        number: building_block_create(
            plan=plan,
            number=number,
            title=planned.title or _("Bouwsteen %(n)s") % {"n": number},
            needs_title=not planned.title,
            actor=None,
        )
        for number, planned in sorted(new_blocks.items())
    }

    def block_of(change: Change) -> BuildingBlock | None:
        if isinstance(change.block, NewBlock):
            return made[change.block.number]
        return change.block

    for change in changes:
        if change.action is None:
            result.actions.append(
                action_create(
                    plan=plan,
                    title=change.title,
                    building_block=block_of(change),
                    timing_text=change.timing,
                    owners=change.owners,
                    description=change.description or "",
                    is_published=publish if change.public is None else change.public,
                    source_line=change.line,
                    actor=None,
                )
            )
        elif change.differences:
            action_update(
                action=change.action,
                actor=None,
                title=change.title,
                building_block=block_of(change),
                timing_text=change.timing,
                owners=change.owners,
                description=change.description,
                is_published=change.public,
            )


def actions_import(
    *,
    plan: Plan,
    filename: str,
    data: bytes,
    actor=None,
    publish: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Import the table in ``data`` into ``plan``: all rows or none (module docstring).

    Raises ``ImportFailed`` with every problem (line and reason). ``actor`` must be a plan
    admin (None is the system). ``publish`` marks the new actions public unless the
    file's ``openbaar`` column says otherwise. With ``dry_run`` nothing is written and
    the result says what the import would do.
    """
    if actor is not None:
        permissions.require(actor, permissions.EDIT_PLAN, plan)
    rows = read_rows(filename, data)
    if not rows:
        raise ImportFailed([Problem(None, _("Het bestand bevat geen acties."))])
    result = ImportResult(dry_run=dry_run)
    changes, new_blocks = _prepare(plan, rows, result)
    result.new_blocks = [new_blocks[n] for n in sorted(new_blocks)]
    for change in changes:
        if change.action is None:
            result.created.append(change)
        elif change.differences:
            result.updated.append(change)
        else:
            result.unchanged.append(change)
    if dry_run:
        return result
    with transaction.atomic():
        _write(plan, changes, new_blocks, publish=publish, result=result)
        log(
            instance=plan,
            action="agenda.plan.import",
            user=actor,
            data={
                "created": len(result.created),
                "updated": len(result.updated),
                "blocks": len(result.new_blocks),
                "file": Path(filename).name,
            },
        )
    return result
