"""Matching the rows of a plan table to the plan (decision 0120): the building block a
row names (existing or to be made), the action it means (by id, else by title), the
owners' roles on an update, and the differences a preview shows. Used by
``agenda.services.importing``; writes nothing.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from agenda.constants import OwnerRole
from agenda.models import Action, BuildingBlock, Plan
from agenda.services.owners import name_key, owner_roles
from agenda.services.tables import Row
from pact.models import Organisation

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


_NUMBERED = re.compile(r"^(\d{1,4})\s*[.):-]?\s*(.*)$")


def row_block(
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


def owners_for(
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


def differences(change: Change, action: Action) -> list[str]:
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


class ActionMatcher:
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
