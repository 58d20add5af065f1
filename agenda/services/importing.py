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

import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from agenda import permissions
from agenda.constants import OwnerRole, ReviewReason
from agenda.models import Action, BuildingBlock, Plan
from agenda.services.owners import OwnerMatcher, name_key, owner_roles
from agenda.services.plan import action_create, action_update, building_block_create
from agenda.services.tables import ImportFailed, Problem, Row, read_rows
from agenda.timing import TimingError, parse_timing
from pact.models import Organisation

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
ROLE_NAMES: dict[str, str] = {
    OwnerRole.LEAD: "trekker",
    OwnerRole.EXECUTING: "uitvoering",
    OwnerRole.FUNDING: "financier",
}


@dataclass
class NewBlock:
    number: int
    title: str
    line: int

    def __str__(self) -> str:
        if self.title:
            return f"{self.number}. {self.title}"
        return _("%(n)s (zonder titel: vul die later aan)") % {"n": self.number}


@dataclass
class Change:
    """One row of the table and what it does to the plan."""

    line: int
    title: str
    action: Action | None = None  # the matched action; None for a new one
    differences: list[str] = field(default_factory=list)
    # What to write (internal).
    block: BuildingBlock | NewBlock | None = None
    owners: list[tuple[Organisation, str]] = field(default_factory=list)
    timing: str = ""
    description: str | None = None
    public: bool | None = None

    @property
    def is_new(self) -> bool:
        return self.action is None


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


# --- Reading the rows -------------------------------------------------------------------------------

_NUMBERED = re.compile(r"^(\d{1,4})\s*[.):-]?\s*(.*)$")


def _block(
    row: Row,
    blocks: dict[int, BuildingBlock],
    new_blocks: dict[int, NewBlock],
) -> BuildingBlock | NewBlock | None:
    """The row's building block: an existing one, one to create, or None (plan-wide).
    Raises ``ValueError`` with a sentence for a block that cannot be made."""
    text = row.cells.get("bouwsteen", "").strip()
    title = row.cells.get("bouwsteen titel", "").strip()
    if text in ("", "-", "\u2013"):
        return None
    numbered = _NUMBERED.match(text)
    if numbered is None:
        by_title = {name_key(b.title): b for b in blocks.values()}
        if name_key(text) in by_title:
            return by_title[name_key(text)]
        raise ValueError(
            _(
                "bouwsteen “%(value)s” bestaat niet in dit plan; zet er een nummer voor "
                "om een nieuwe bouwsteen te maken (bekend: %(known)s)"
            )
            % {"value": text, "known": ", ".join(map(str, sorted(blocks))) or "-"}
        )
    number, inline = int(numbered[1]), numbered[2].strip()
    title = title or inline
    if number in blocks:
        return blocks[number]
    if len(title) > 200:
        raise ValueError(_("de titel van de bouwsteen is langer dan 200 tekens"))
    planned = new_blocks.get(number)
    if planned is None:
        planned = new_blocks[number] = NewBlock(number, title, row.line)
    elif title and planned.title and name_key(title) != name_key(planned.title):
        raise ValueError(
            _("bouwsteen %(n)s heeft op regel %(line)s een andere titel")
            % {"n": number, "line": planned.line}
        )
    elif title and not planned.title:
        planned.title = title
    return planned


def _owners_for(
    parsed: list[tuple[Organisation, str | None]], action: Action | None
) -> list[tuple[Organisation, str]]:
    """Owners with roles. A new action: the defaults of ``owner_roles``. An existing
    action: a marked role wins; an unmarked owner it already had keeps its role."""
    if action is None:
        return owner_roles(parsed)
    current = {o.organisation_id: o.role for o in action.owners.all()}
    defaults = {o.pk: role for o, role in owner_roles([(o, None) for o, _r in parsed])}
    return [(o, role or current.get(o.pk) or defaults[o.pk]) for o, role in parsed]


def _owners_text(owners: list[tuple[Organisation, str]]) -> str:
    return ", ".join(f"{o.name} ({ROLE_NAMES[role]})" for o, role in owners) or "-"


def _differences(change: Change, action: Action) -> list[str]:
    found = []

    def differs(label: str, before: str, after: str) -> None:
        if before != after:
            found.append(
                _("%(label)s: “%(before)s” wordt “%(after)s”")
                % {"label": label, "before": before or "-", "after": after or "-"}
            )

    differs(_("actie"), action.title, change.title)
    before_block = str(action.building_block) if action.building_block else ""
    after_block = str(change.block) if change.block else ""
    if isinstance(change.block, NewBlock) or (
        (change.block.pk if change.block else None) != action.building_block_id
    ):
        differs(_("bouwsteen"), before_block, after_block)
    before_owners = [(o.organisation, o.role) for o in action.owners.all()]
    if [(o.pk, r) for o, r in before_owners] != [(o.pk, r) for o, r in change.owners]:
        differs(
            _("uitvoering"), _owners_text(before_owners), _owners_text(change.owners)
        )
    differs(_("planning"), action.timing_text, change.timing)
    if change.description is not None:
        differs(_("omschrijving"), action.description, change.description)
    if change.public is not None and change.public != action.is_published:
        differs(
            _("openbaar"),
            _("ja") if action.is_published else _("nee"),
            _("ja") if change.public else _("nee"),
        )
    return found


class _Matcher:
    """Finds the existing action a row means (decision 0120)."""

    def __init__(self, plan: Plan):
        self.actions = list(plan.actions.select_related("building_block"))
        self.by_uuid = {str(a.uuid): a for a in self.actions}
        self.by_title: dict[str, list[Action]] = {}
        for action in self.actions:
            self.by_title.setdefault(name_key(action.title), []).append(action)
        self.claimed: dict[int, int] = {}  # action pk -> line

    def find(self, row: Row, title: str, block) -> Action | None:
        given = row.cells.get("id", "").strip()
        if given:
            try:
                action = self.by_uuid.get(str(uuid.UUID(given)))
            except ValueError:
                action = None
            if action is None:
                raise ValueError(
                    _("id “%(id)s” hoort bij geen actie van dit plan") % {"id": given}
                )
        else:
            found = self.by_title.get(name_key(title), [])
            if len(found) > 1:
                block_pk = block.pk if isinstance(block, BuildingBlock) else None
                found = [a for a in found if a.building_block_id == block_pk]
            if len(found) > 1:
                raise ValueError(
                    _(
                        "er staan meer acties met deze titel in deze bouwsteen; voeg de "
                        "kolom id toe (uit de export) om te zeggen welke"
                    )
                )
            action = found[0] if found else None
        if action is not None:
            if action.pk in self.claimed:
                raise ValueError(
                    _("deze actie staat al op regel %(line)s")
                    % {"line": self.claimed[action.pk]}
                )
            self.claimed[action.pk] = row.line
        return action


def _prepare(
    plan: Plan, rows: list[Row], result: ImportResult
) -> tuple[list[Change], dict[int, NewBlock]]:
    owners = OwnerMatcher(plan.pact)
    blocks = {b.number: b for b in plan.building_blocks.all()}
    new_blocks: dict[int, NewBlock] = {}
    matcher = _Matcher(plan)
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
            block = _block(row, blocks, new_blocks)
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
            owners=_owners_for(parsed, action),
            timing=timing,
            description=row.cells["omschrijving"]
            if row.cells.get("omschrijving")
            else None,
            public=(public in YES) if public else None,
        )
        if action is not None:
            change.differences = _differences(change, action)
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
