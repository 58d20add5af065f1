"""Import a plan table (CSV or XLSX) into a plan: all or nothing.

Columns, as in the real table (header names are matched case-insensitively):
``bouwsteen`` (number of an existing building block; empty or "-" for plan-wide
actions), ``actie`` (required), ``uitvoering`` (owners), ``planning`` (timing words;
``tijdsplanning`` is accepted too). Optional: ``omschrijving``, ``openbaar`` (ja/nee).

Owners are separated by commas; "en" and "&" also separate, unless the words around them
are one organisation's name ("Jeugdfonds Sport en Cultuur"). A role can follow a name in
brackets: ``WPDA (trekker)``, ``Gemeente (financier)``. Without one, a single owner is the
trekker (lead) and several owners are all executing, so the action is flagged as having
no lead until the pact admin names one (docs/decisions/0041-import-owner-roles.md).

Names are matched (``match_owner``) to the pact's own organisation ("Armoedepact",
"Pact", "partners"), then to organisations that are members of the pact or serve one of
its municipalities, by name, short name, slug or alias ("Gemeente" is the alias of every
municipality's organisation, so it is unambiguous only within a pact of one municipality).
Unknown or ambiguous names are reported, never created.

Every bad row is reported with its line number and reason; if any row is bad nothing is
written. Timing words that are not understood are not errors: they are stored verbatim,
flagged for review, and listed as warnings.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from agenda import permissions
from agenda.constants import OwnerRole, ReviewReason
from agenda.models import Action, BuildingBlock, Plan
from agenda.services.plan import action_create
from agenda.timing import TimingError, parse_timing
from pact.constants import OrganisationKind
from pact.models import Organisation, Pact
from pact.spreadsheets import restore

COLUMN_ALIASES = {
    "bouwsteen": "bouwsteen",
    "building block": "bouwsteen",
    "actie": "actie",
    "action": "actie",
    "uitvoering": "uitvoering",
    "uitvoerders": "uitvoering",
    "eigenaren": "uitvoering",
    "planning": "planning",
    "tijdsplanning": "planning",
    "timing": "planning",
    "omschrijving": "omschrijving",
    "openbaar": "openbaar",
}
REQUIRED_COLUMNS = ("bouwsteen", "actie", "uitvoering", "planning")
ROLE_WORDS = {
    "trekker": OwnerRole.LEAD,
    "lead": OwnerRole.LEAD,
    "penvoerder": OwnerRole.LEAD,
    "regie": OwnerRole.LEAD,
    "uitvoering": OwnerRole.EXECUTING,
    "uitvoerend": OwnerRole.EXECUTING,
    "uitvoerder": OwnerRole.EXECUTING,
    "financier": OwnerRole.FUNDING,
    "financiering": OwnerRole.FUNDING,
    "funding": OwnerRole.FUNDING,
}
# Words in a plan that stand for the pact's partners together: read as the pact itself.
COLLECTIVE_WORDS = {
    "partners",
    "de partners",
    "alle partners",
    "pactpartners",
    "partners van het pact",
    "haar partners",
}
YES = {"ja", "j", "yes", "y", "1", "waar", "true", "x"}
NO = {"nee", "n", "no", "0", "onwaar", "false", ""}


class ImportFailed(Exception):
    """The file was not imported; ``problems`` says why, row by row."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems[:5]))
        self.problems = problems


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("regel %(line)s: %(message)s") % {
            "line": self.line,
            "message": self.message,
        }


@dataclass
class ImportResult:
    actions: list[Action] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class _Row:
    line: int
    cells: dict[str, str]


# --- Reading files ------------------------------------------------------------------------------


def read_rows(filename: str, data: bytes) -> list[_Row]:
    """Rows of a CSV or XLSX file with normalised column names; raises ``ImportFailed``."""
    suffix = Path(filename).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw = _xlsx_rows(data)
    elif suffix in (".csv", ".txt", ""):
        raw = _csv_rows(data)
    else:
        raise ImportFailed(
            [Problem(None, _("Kies een CSV- of Excelbestand (.csv of .xlsx)."))]
        )
    if not raw:
        raise ImportFailed([Problem(None, _("Het bestand is leeg."))])
    header_line, header = raw[0]
    names = [COLUMN_ALIASES.get(_clean(h).lower(), _clean(h).lower()) for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise ImportFailed(
            [
                Problem(
                    header_line,
                    _(
                        "deze kolommen ontbreken: %(columns)s. Nodig zijn: bouwsteen, actie, uitvoering, planning."
                    )
                    % {"columns": ", ".join(missing)},
                )
            ]
        )
    bad = [line for line, values in raw if any("\x00" in str(v) for v in values)]
    if bad:
        raise ImportFailed(
            [
                Problem(line, _("deze regel bevat een ongeldig teken (NUL)."))
                for line in bad[:20]
            ]
        )
    rows = []
    for line, values in raw[1:]:
        cells = {
            name: _clean(values[i]) if i < len(values) else ""
            for i, name in enumerate(names)
        }
        if any(cells.values()):
            rows.append(_Row(line, cells))
    return rows


def _clean(value) -> str:
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _csv_rows(data: bytes) -> list[tuple[int, list[str]]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows = []
    line = 1
    for values in reader:
        # An export of the agenda protects formula-like text with a quote; undo it.
        rows.append((line, [restore(value) for value in values]))
        line = reader.line_num + 1
    return rows


def _xlsx_rows(data: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several kinds for a damaged file
        raise ImportFailed(
            [Problem(None, _("Het Excelbestand kan niet worden gelezen."))]
        ) from error
    sheet = workbook.worksheets[0]
    rows = [
        (number, ["" if v is None else v for v in values])
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
    ]
    workbook.close()
    return rows


# --- Matching owners ---------------------------------------------------------------------------------


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = name.casefold().replace("&", " en ")
    return re.sub(r"[^a-z0-9]+", " ", name).strip()


class OwnerMatcher:
    """Matches names in a plan to organisations, within one pact (see module docstring)."""

    def __init__(self, pact: Pact):
        self.pact = pact
        municipalities = pact.municipalities.all()
        candidates = (
            Organisation.objects.filter(is_active=True)
            .filter(
                Q(pact_memberships__pact=pact, pact_memberships__left_on__isnull=True)
                | Q(municipalities__in=municipalities)
            )
            .exclude(kind=OrganisationKind.PACT)
            .distinct()
        )
        member_ids = set(pact.memberships.values_list("organisation_id", flat=True))
        self.names: dict[str, list[Organisation]] = {}
        for organisation in candidates:
            for name in {
                organisation.name,
                organisation.short_name,
                organisation.slug,
                *organisation.alias_list,
            }:
                if name:
                    self.names.setdefault(_key(name), []).append(organisation)
        for key, found in self.names.items():
            members = [o for o in found if o.pk in member_ids]
            # A pact member wins over an organisation that merely serves the area.
            self.names[key] = sorted(set(members or found), key=lambda o: o.name)
        self.pact_names = {_key(pact.name), *(_key(w) for w in COLLECTIVE_WORDS)}
        if pact.organisation:
            self.pact_names |= {
                _key(n) for n in [pact.organisation.name, *pact.organisation.alias_list]
            }

    def match(self, name: str) -> Organisation | list[Organisation] | None:
        """The organisation, a list when ambiguous, or None when unknown."""
        key = _key(name)
        if key in self.pact_names and self.pact.organisation:
            return self.pact.organisation
        found = self.names.get(key, [])
        if len(found) == 1:
            return found[0]
        return found or None

    def parse(
        self, text: str
    ) -> tuple[list[tuple[Organisation, str | None]], list[str]]:
        """Owners in ``text`` with their explicit role (or None), and the problems found."""
        owners: list[tuple[Organisation, str | None]] = []
        problems: list[str] = []
        for part in re.split(r"\s*[,;\n]\s*", text):
            part = part.strip()
            if not part:
                continue
            role = None
            marker = re.search(r"\(([^)]*)\)\s*$", part)
            if marker:
                role = ROLE_WORDS.get(marker[1].strip().casefold())
                if role is None:
                    problems.append(
                        _(
                            "onbekende rol “%(role)s” (gebruik trekker, uitvoering of financier)"
                        )
                        % {"role": marker[1]}
                    )
                    continue
                part = part[: marker.start()].strip()
            found, part_problems = self._segment(part)
            problems += part_problems
            owners += [(organisation, role) for organisation in found]
        return owners, problems

    def _segment(self, part: str) -> tuple[list[Organisation], list[str]]:
        whole = self.match(part)
        if isinstance(whole, Organisation):
            return [whole], []
        pieces = [p for p in re.split(r"\s+(?:en|&|\+)\s+", part) if p.strip()]
        # Join neighbouring pieces where that makes a known name ("Sport en Cultuur").
        best: list[list[Organisation] | None] = [None] * (len(pieces) + 1)
        best[0] = []
        for end in range(1, len(pieces) + 1):
            for start in range(end):
                if best[start] is None:
                    continue
                found = self.match(" en ".join(pieces[start:end]))
                if isinstance(found, Organisation):
                    best[end] = best[start] + [found]
                    break
        if best[-1] is not None:
            return best[-1], []
        problems = []
        for piece in pieces if len(pieces) > 1 else [part]:
            found = self.match(piece)
            if isinstance(found, list):
                problems.append(
                    _(
                        "“%(name)s” kan meerdere organisaties zijn (%(options)s); schrijf de volledige naam"
                    )
                    % {"name": piece, "options": ", ".join(o.name for o in found)}
                )
            elif found is None:
                problems.append(
                    _(
                        "organisatie “%(name)s” onbekend in dit pact (voeg haar toe of gebruik een bekende naam)"
                    )
                    % {"name": piece}
                )
        return [], problems


def owner_roles(
    owners: list[tuple[Organisation, str | None]],
) -> list[tuple[Organisation, str]]:
    """Default roles: one owner leads; several owners without a marker all execute."""
    if len(owners) == 1 and owners[0][1] is None:
        return [(owners[0][0], OwnerRole.LEAD)]
    return [(o, role or OwnerRole.EXECUTING) for o, role in owners]


# --- The import --------------------------------------------------------------------------------------


def _building_block(
    plan: Plan, text: str, blocks: dict[str, BuildingBlock]
) -> BuildingBlock | None:
    text = text.strip()
    if text in ("", "-", "\u2013"):
        return None
    number = re.match(r"^(\d+)", text)
    if number and number[1] in blocks:
        return blocks[number[1]]
    by_title = {_key(b.title): b for b in blocks.values()}
    if _key(text) in by_title:
        return by_title[_key(text)]
    raise ValidationError(
        _("bouwsteen “%(value)s” bestaat niet in dit plan (bekend: %(known)s)")
        % {"value": text, "known": ", ".join(sorted(blocks, key=int)) or "-"}
    )


def actions_import(
    *, plan: Plan, filename: str, data: bytes, actor=None, publish: bool = False
) -> ImportResult:
    """Import the table in ``data`` into ``plan``: all rows or none.

    Raises ``ImportFailed`` with every problem (line and reason). ``actor`` must be a plan
    admin (None is the system). ``publish`` marks the new actions public unless the file's
    ``openbaar`` column says otherwise.
    """
    if actor is not None:
        permissions.require(actor, permissions.EDIT_PLAN, plan)
    rows = read_rows(filename, data)
    if not rows:
        raise ImportFailed([Problem(None, _("Het bestand bevat geen acties."))])
    matcher = OwnerMatcher(plan.pact)
    blocks = {str(b.number): b for b in plan.building_blocks.all()}
    existing = {(a.building_block_id, _key(a.title)) for a in plan.actions.all()}
    problems: list[Problem] = []
    warnings: list[Problem] = []
    prepared = []
    seen: dict[tuple, int] = {}
    for row in rows:
        reasons: list[str] = []
        title = row.cells.get("actie", "")
        if not title:
            reasons.append(_("de kolom actie is leeg"))
        elif len(title) > 300:
            reasons.append(_("de actie is langer dan 300 tekens"))
        block = None
        try:
            block = _building_block(plan, row.cells.get("bouwsteen", ""), blocks)
        except ValidationError as error:
            reasons += error.messages
        owners, owner_problems = matcher.parse(row.cells.get("uitvoering", ""))
        reasons += owner_problems
        if not owners and not owner_problems:
            warnings.append(Problem(row.line, _("geen uitvoerder genoemd")))
        if len({o.pk for o, _r in owners}) != len(owners):
            reasons.append(_("een organisatie staat twee keer in de kolom uitvoering"))
        timing = row.cells.get("planning", "")
        try:
            schedule = parse_timing(timing, plan.period)
            if ReviewReason.NOT_UNDERSTOOD in schedule.review:
                warnings.append(
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
        key = (block.pk if block else None, _key(title))
        if title and key in existing:
            reasons.append(_("deze actie staat al in het plan"))
        if title and key in seen:
            reasons.append(
                _("deze actie staat al op regel %(line)s") % {"line": seen[key]}
            )
        seen.setdefault(key, row.line)
        if reasons:
            problems += [Problem(row.line, reason) for reason in reasons]
            continue
        prepared.append((row, title, block, owner_roles(owners), timing, public))
    if problems:
        raise ImportFailed(problems)
    result = ImportResult(warnings=warnings)
    with transaction.atomic():
        for row, title, block, owners, timing, public in prepared:
            result.actions.append(
                action_create(
                    plan=plan,
                    title=title,
                    building_block=block,
                    timing_text=timing,
                    owners=owners,
                    description=row.cells.get("omschrijving", ""),
                    is_published=(public in YES) if public else publish,
                    source_line=row.line,
                    actor=None,
                )
            )
        log(
            instance=plan,
            action="agenda.plan.import",
            user=actor,
            data={"actions": len(result.actions), "file": Path(filename).name},
        )
    return result
