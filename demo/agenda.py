"""Demo data of the action agenda, loaded from the tables in ``demo/data/agenda/``.

The data is kept the way a pact's coordinator keeps it: per plan a folder with
``bouwstenen.csv``, ``acties.csv`` (the plan table, imported through the agenda's own
importer, ``agenda.services.actions_import``), ``indicatoren.csv``, ``updates.csv`` and
``waarden.csv`` (per round number: 1 is the plan's first round), and ``rondes.csv`` for a
plan on the council's calendar. ``plannen.json`` lists the plans:

* **Aa en Hunze, "Zelf weer aan het stuur, deel 2"**: the plan that runs *now*. It is
  written as of ``written_in_quarter`` and moves with today: its period, rounds and the
  quarters in its timing words move by as many quarters as today lies after that quarter,
  so its current round is always open, with drafts, a returned update and due updates
  for ``coordinator.impuls``.
* **Aa en Hunze, "Zelf weer aan het stuur"** (seed 002, chapter 5): the action table of
  2020-2021 exactly, with updates over six rounds and leads appointed after the first.
* **Coevorden** (seeds 000/001), **Midden-Drenthe** (seed 003), **Assen** (seed 004, on
  the council's calendar) and the regional **Drentsche Aa** plan, with their real dates.

Updates are written by the demo coordinators (``coordinator.<organisation>``) and, for
the pact's own actions, by its pact admin (``pactbeheer.<pact>``), at fixed moments
inside each round and never in the future, so running the demo twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation

from agenda import services
from agenda.constants import Aggregation, Direction, OwnerRole, RoundCadence, Status
from agenda.models import Action, Plan, Round, Update
from pact.models import Organisation, Pact

DATA = Path(__file__).parent / "data" / "agenda"
YES = {"ja", "yes", "1", "x"}


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {key.strip(): (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def _labels(choices) -> dict[str, str]:
    """Dutch label or value of a choice -> value (the files use the Dutch labels)."""
    with translation.override("nl"):
        found = {str(c.label).casefold(): c.value for c in choices}
    return found | {c.value: c.value for c in choices}


def _decimal(text: str) -> Decimal | None:
    return Decimal(text.replace(",", ".")) if text else None


# --- Moving a plan with today ------------------------------------------------------------------


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter, counted as ``index`` quarters since year 0 (the agenda's own
    ``Quarter`` is internal to the agenda app)."""

    index: int

    @classmethod
    def of(cls, year: int, number: int) -> Quarter:
        return cls(year * 4 + number - 1)

    @classmethod
    def from_date(cls, day: datetime.date) -> Quarter:
        return cls.of(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def from_key(cls, key: str) -> Quarter:
        year, number = key.split("-Q")
        return cls.of(int(year), int(number))

    @property
    def year(self) -> int:
        return self.index // 4

    @property
    def number(self) -> int:
        return self.index % 4 + 1

    @property
    def starts_on(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def ends_on(self) -> datetime.date:
        return (self + 1).starts_on - datetime.timedelta(days=1)

    def __add__(self, quarters: int) -> Quarter:
        return Quarter(self.index + quarters)


_QUARTER_OR_YEAR = re.compile(
    r"\b(?P<q>[QK])(?P<n>[1-4])(?:\s+(?P<y>\d{4}))?\b|\b(?P<year>(?:19|20)\d{2})\b"
)


def quarters_since(written: Quarter, today: datetime.date) -> int:
    """How many quarters ``today`` lies after the quarter the data was written in."""
    return Quarter.from_date(today).index - written.index


def move_timing(text: str, quarters: int, written: Quarter) -> str:
    """The timing words moved by ``quarters``: "Q3 2026" +1 -> "Q4 2026"; a quarter
    without a year ("Jaarlijks Q3") moves within the year; a bare year moves with the
    year of the quarter the data was written in."""
    years = (written + quarters).year - written.year

    def replace(match: re.Match) -> str:
        if match["year"]:
            return str(int(match["year"]) + years)
        number = int(match["n"])
        if match["y"]:
            moved = Quarter.of(int(match["y"]), number) + quarters
            return f"{match['q']}{moved.number} {moved.year}"
        return f"{match['q']}{(number - 1 + quarters) % 4 + 1}"

    return _QUARTER_OR_YEAR.sub(replace, text)


def _move_date(day: datetime.date, quarters: int, *, end: bool) -> datetime.date:
    quarter = Quarter.from_date(day) + quarters
    return quarter.ends_on if end else quarter.starts_on


# --- Building --------------------------------------------------------------------------------------


@dataclass
class _Context:
    users: dict
    organisations: dict[str, Organisation]
    statuses: dict[str, str]
    today: datetime.date


def _plan(spec: dict, quarters: int) -> Plan:
    pact = Pact.objects.get(slug=spec["pact"])
    plan = Plan.objects.filter(pact=pact, slug=spec["slug"]).first()
    if plan is not None:
        return plan
    starts = datetime.date.fromisoformat(spec["starts_on"])
    ends = datetime.date.fromisoformat(spec["ends_on"])
    if quarters:
        starts = _move_date(starts, quarters, end=False)
        ends = _move_date(ends, quarters, end=True)
    return services.plan_create(
        pact=pact,
        title=spec["title"],
        slug=spec["slug"],
        starts_on=starts,
        ends_on=ends,
        description=spec.get("description", ""),
        cadence=spec.get("cadence", RoundCadence.QUARTERLY),
        is_published=True,
    )


def _blocks(plan: Plan, folder: Path) -> None:
    for row in _rows(folder / "bouwstenen.csv"):
        services.building_block_upsert(
            plan=plan,
            number=int(row["nummer"]),
            title=row["titel"],
            is_main_goal=row["hoofddoel"].casefold() in YES,
            description=row.get("omschrijving", ""),
        )


def _table(folder: Path, quarters: int, written: Quarter) -> bytes:
    """The plan table as a coordinator keeps it, with its quarters moved when needed."""
    data = (folder / "acties.csv").read_bytes()
    if not quarters:
        return data
    rows = list(csv.reader(data.decode("utf-8").splitlines()))
    column = [c.strip().casefold() for c in rows[0]].index("planning")
    for row in rows[1:]:
        row[column] = move_timing(row[column], quarters, written)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _indicators(plan: Plan, folder: Path) -> None:
    directions, aggregations = _labels(Direction), _labels(Aggregation)
    for row in _rows(folder / "indicatoren.csv"):
        services.indicator_upsert(
            action=plan.actions.get(title=row["actie"]),
            name=row["indicator"],
            unit=row["eenheid"],
            baseline=_decimal(row["nulmeting"]),
            baseline_label=row["nulmeting wanneer"],
            target=_decimal(row["doel"]),
            target_label=row["doel wanneer"],
            direction=directions[row["richting"].casefold()],
            aggregation=aggregations[row["partners samen"].casefold()],
        )


def _rounds(plan: Plan, folder: Path) -> None:
    if plan.cadence == RoundCadence.QUARTERLY:
        services.rounds_create_quarterly(plan=plan)
        return
    for row in _rows(folder / "rondes.csv"):
        start, end, opens, closes = (
            datetime.date.fromisoformat(row[k])
            for k in ("periode van", "periode tot", "open vanaf", "sluit op")
        )
        if not plan.rounds.filter(period_starts_on=start).exists():
            services.round_create(
                plan=plan,
                title=row["titel"],
                period_starts_on=start,
                period_ends_on=end,
                opens_on=opens,
                closes_on=closes,
                council_meeting_on=datetime.date.fromisoformat(row["raadsvergadering"])
                if row.get("raadsvergadering")
                else None,
            )


def _reporter(action: Action, users: dict):
    """The demo person who reports: the lead's (or first owner's) coordinator, or the
    pact admin for the pact's own actions and organisations without a coordinator."""
    owners = sorted(
        action.owners.select_related("organisation"),
        key=lambda o: (o.role != OwnerRole.LEAD, o.position),
    )
    for owner in owners:
        user = users.get(f"coordinator.{owner.organisation.slug}")
        if user is not None:
            return user
    return users[f"pactbeheer.{action.plan.pact.slug}"]


def _moment(round_: Round, offset_days: int) -> datetime.datetime:
    """A moment inside the round, some days after its period; never in the future."""
    day = min(
        round_.period_ends_on + datetime.timedelta(days=offset_days), round_.closes_on
    )
    day = max(day, round_.opens_on)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 30)))
    latest = timezone.now().replace(
        minute=0, second=0, microsecond=0
    ) - datetime.timedelta(hours=1)
    opened = timezone.make_aware(
        datetime.datetime.combine(round_.opens_on, datetime.time(9))
    )
    return min(moment, max(latest, opened))


def _updates(plan: Plan, folder: Path, context: _Context, rounds: range) -> None:
    ordered = list(plan.rounds.order_by("period_starts_on"))
    values: dict[tuple[str, str], dict] = {}
    for row in _rows(folder / "waarden.csv"):
        values.setdefault((row["ronde"], row["actie"]), {}).setdefault(
            row["indicator"], {}
        )[row["organisatie"]] = _decimal(row["waarde"])
    for row in _rows(folder / "updates.csv"):
        number = int(row["ronde"])
        if number not in rounds or number > len(ordered):
            continue
        round_ = ordered[number - 1]
        if round_.opens_on > context.today:
            continue
        action = plan.actions.get(title=row["actie"])
        if Update.objects.filter(action=action, round=round_).exists():
            continue
        indicators = {i.name: i.pk for i in action.indicators.all()}
        status = context.statuses[row["status"].casefold()]
        actor = _reporter(action, context.users)
        at = _moment(round_, 3 + (action.position % 9))
        update = services.update_save(
            action=action,
            round=round_,
            actor=actor,
            status=status,
            progress=int(row["voortgang"]) if row["voortgang"] else None,
            story=row["verhaal"],
            signal=row["signaal"],
            status_explanation=row["verhaal"]
            if status in (Status.AT_RISK, Status.DELAYED)
            else "",
            values={
                (indicators[name], context.organisations[slug].pk): value
                for name, per_partner in values.get(
                    (row["ronde"], row["actie"]), {}
                ).items()
                for slug, value in per_partner.items()
            },
            at=at,
        )
        if row["staat"] == "concept":
            continue
        submitted = at + datetime.timedelta(minutes=5)
        services.update_submit(update=update, actor=actor, at=submitted)
        if row["staat"] == "teruggestuurd":
            services.update_return(
                update=update,
                actor=context.users[f"pactbeheer.{plan.pact.slug}"],
                question=row["vraag"],
                at=min(
                    submitted + datetime.timedelta(days=2),
                    timezone.now() - datetime.timedelta(minutes=30),
                ),
            )


def _appoint_leads(plan: Plan, leads: dict[str, str], admin) -> None:
    for title, slug in leads.items():
        action = plan.actions.get(title=title)
        owner = action.owners.get(organisation__slug=slug)
        if owner.role != OwnerRole.LEAD:
            services.action_set_owner_role(
                action=action,
                organisation=owner.organisation,
                role=OwnerRole.LEAD,
                actor=admin,
            )


def load_plan(spec: dict, written: Quarter, context: _Context) -> Plan:
    """One plan of ``plannen.json``: plan, blocks, table, indicators, rounds, updates."""
    folder = DATA / spec["folder"]
    quarters = (
        quarters_since(written, context.today) if spec.get("moves_with_today") else 0
    )
    plan = _plan(spec, quarters)
    _blocks(plan, folder)
    if not plan.actions.exists():
        services.actions_import(
            plan=plan,
            filename="acties.csv",
            data=_table(folder, quarters, written),
            publish=True,
        )
    _indicators(plan, folder)
    _rounds(plan, folder)
    every = range(1, 10_000)
    leads = spec.get("leads_after_round")
    if leads:
        _updates(plan, folder, context, range(1, leads["round"] + 1))
        _appoint_leads(
            plan,
            leads["pact_admin_appoints"],
            context.users[f"pactbeheer.{plan.pact.slug}"],
        )
    _updates(plan, folder, context, every)
    return plan


@transaction.atomic
def seed(*, stdout, today: datetime.date | None = None) -> None:
    """Create this app's demo data; running it twice changes nothing."""
    catalogue = json.loads((DATA / "plannen.json").read_text(encoding="utf-8"))
    context = _Context(
        users={
            u.username: u
            for u in get_user_model().objects.filter(username__contains=".")
        },
        organisations={o.slug: o for o in Organisation.objects.all()},
        statuses=_labels(Status),
        today=today or timezone.localdate(),
    )
    written = Quarter.from_key(catalogue["written_in_quarter"])
    plans = [load_plan(spec, written, context) for spec in catalogue["plans"]]
    stdout.write(
        f"  actieagenda: {len(plans)} plannen, {Action.objects.count()} acties, "
        f"{Round.objects.count()} rondes, {Update.objects.count()} updates"
    )
