"""The kaart CSV import: every row checked first, then all written or nothing."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from pact.models import Municipality
from pact.spreadsheets import restore
from socialekaart import services
from socialekaart.constants import ServiceStatus
from socialekaart.hsds.kaart_csv.columns import (
    COLUMNS,
    FIELD_OF,
    LIMITS,
    NO,
    YES,
    _list,
)
from socialekaart.models import Category, ServicePage, TargetGroup
from socialekaart.permissions import can_edit_page


@dataclass
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return _("regel %(line)d: %(message)s") % {
            "line": self.line,
            "message": self.message,
        }


@dataclass
class CsvReport:
    problems: list[RowProblem] = field(default_factory=list)
    published: int = 0
    submitted: int = 0
    checked: int = 0
    unchanged: int = 0
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class RowPlan:
    line: int
    page: Page
    values: dict
    categories: list | None
    target_groups: list | None
    municipalities: list | None
    checked_on: datetime.date | None


REQUIRED = ("id", "titel")


def _read(text: str, report: CsvReport) -> list[tuple[int, dict]]:
    text = text.lstrip("\ufeff")
    nul_lines = [
        number
        for number, line in enumerate(text.split("\n"), start=1)
        if "\x00" in line
    ]
    if nul_lines:
        for number in nul_lines[:20]:
            report.problems.append(
                RowProblem(number, _("Deze regel bevat een ongeldig teken (NUL)."))
            )
        return []
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        report.problems.append(
            RowProblem(
                1,
                _(
                    "Kolommen kloppen niet (ontbrekend: %(missing)s; onbekend: "
                    "%(unknown)s). Gebruik de kolommen van export_kaart_csv."
                )
                % {
                    "missing": ", ".join(missing) or "-",
                    "unknown": ", ".join(unknown) or "-",
                },
            )
        )
        return []
    reader.fieldnames = header
    rows = []
    line = reader.line_num
    for row in reader:
        if None in row:
            report.problems.append(
                RowProblem(reader.line_num, _("Meer velden dan kolommen."))
            )
        clean = {
            key: restore((value or "").strip()) for key, value in row.items() if key
        }
        if any(clean.values()):
            rows.append((line + 1, clean))
        line = reader.line_num
    return rows


class RowChecker:
    def __init__(self, actor, report: CsvReport) -> None:
        self.actor = actor
        self.report = report
        self.pages = {
            str(p.uuid): p
            for p in ServicePage.objects.select_related("kaart_check").prefetch_related(
                "categories", "target_groups", "municipalities"
            )
        }
        self.categories = {c.slug: c for c in Category.objects.all()}
        self.groups = {g.slug: g for g in TargetGroup.objects.all()}
        self.municipalities = {m.slug: m for m in Municipality.objects.all()}
        self.seen: dict[str, int] = {}

    def check(self, line: int, row: dict) -> RowPlan | None:
        problems: list[str] = []
        key = row.get("id", "")
        page = self.pages.get(key)
        if page is None:
            self.report.problems.append(
                RowProblem(line, _("Onbekende id '%(id)s'.") % {"id": key[:40]})
            )
            return None
        if key in self.seen:
            self.report.problems.append(
                RowProblem(
                    line,
                    _("Deze dienst staat ook op regel %(line)d.")
                    % {"line": self.seen[key]},
                )
            )
            return None
        self.seen[key] = line
        if self.actor is not None and not can_edit_page(self.actor, page):
            problems.append(_("U mag deze dienst niet bewerken."))
        values: dict = {}
        for column, name in FIELD_OF.items():
            if column not in row:
                continue
            value = row[column]
            limit = LIMITS.get(column)
            if limit and len(value) > limit:
                problems.append(
                    _("%(column)s is %(length)d tekens lang; er passen er %(limit)d.")
                    % {"column": column, "length": len(value), "limit": limit}
                )
                continue
            parsed = self.parse(column, value, problems)
            if parsed is not None or column in ("kosten_euro",):
                values[name] = parsed
        if "titel" in row and not row["titel"]:
            problems.append(_("De titel mag niet leeg zijn."))
        if "samenvatting" in row and not row["samenvatting"]:
            problems.append(_("De samenvatting mag niet leeg zijn."))
        categories = self.slugs(row, "categorieen", self.categories, problems)
        groups = self.slugs(row, "doelgroepen", self.groups, problems)
        municipalities = self.slugs(row, "werkgebied", self.municipalities, problems)
        if categories is not None and not categories:
            problems.append(_("Kies minstens één categorie."))
        if municipalities is not None and not municipalities:
            problems.append(_("Kies minstens één gemeente in het werkgebied."))
        checked_on = None
        if row.get("laatst_gecontroleerd"):
            try:
                checked_on = datetime.date.fromisoformat(row["laatst_gecontroleerd"])
            except ValueError:
                problems.append(
                    _(
                        "laatst_gecontroleerd: gebruik JJJJ-MM-DD, bijvoorbeeld "
                        "2026-03-01."
                    )
                )
            else:
                if checked_on > timezone.localdate():
                    problems.append(_("laatst_gecontroleerd ligt in de toekomst."))
        for message in problems:
            self.report.problems.append(RowProblem(line, str(message)))
        if problems:
            return None
        plan = RowPlan(
            line, page, values, categories, groups, municipalities, checked_on
        )
        if _changed(page, plan) and _has_pending_work(page):
            self.report.problems.append(
                RowProblem(
                    line,
                    _(
                        "Deze dienst heeft wijzigingen die nog niet gepubliceerd zijn; "
                        "handel die eerst af in het beheer."
                    ),
                )
            )
            return None
        return plan

    def parse(self, column: str, value: str, problems: list):
        if column == "status":
            if value not in ServiceStatus.values:
                problems.append(
                    _("status: kies uit %(choices)s.")
                    % {"choices": ", ".join(ServiceStatus.values)}
                )
                return None
            return value
        if column == "gratis":
            if value.lower() in YES:
                return True
            if value.lower() in NO:
                return False
            problems.append(_("gratis: vul ja of nee in."))
            return None
        if column == "kosten_euro":
            if not value:
                return None
            try:
                amount = Decimal(
                    value.replace("€", "").replace(" ", "").replace(",", ".")
                )
            except InvalidOperation:
                problems.append(_("kosten_euro: geen bedrag, bijvoorbeeld 12,50."))
                return None
            if amount < 0 or amount >= Decimal("1000000"):
                problems.append(_("kosten_euro: het bedrag klopt niet."))
                return None
            return amount.quantize(Decimal("0.01"))
        if column == "email" and value:
            try:
                EmailValidator()(value)
            except ValidationError:
                problems.append(_("email: ongeldig e-mailadres."))
                return None
        if column == "website" and value:
            try:
                URLValidator()(value)
            except ValidationError:
                problems.append(_("website: ongeldig adres (begin met https://)."))
                return None
        return value

    def slugs(self, row, column, known, problems) -> list | None:
        if column not in row:
            return None
        found = []
        for slug in _list(row[column]):
            if slug not in known:
                problems.append(
                    _("%(column)s: onbekend '%(slug)s'.")
                    % {"column": column, "slug": slug}
                )
            else:
                found.append(known[slug])
        return found


def _has_pending_work(page) -> bool:
    """A draft, or a change waiting for approval, that a new revision would bury."""
    return bool(
        page.has_unpublished_changes
        or page.workflow_in_progress
        or (
            page.latest_revision_id and page.latest_revision_id != page.live_revision_id
        )
    )


def _changed(page, plan: RowPlan) -> bool:
    if any(getattr(page, name) != value for name, value in plan.values.items()):
        return True
    for relation, wanted in (
        ("categories", plan.categories),
        ("target_groups", plan.target_groups),
        ("municipalities", plan.municipalities),
    ):
        if wanted is not None and {o.pk for o in getattr(page, relation).all()} != {
            o.pk for o in wanted
        }:
            return True
    return False


def _write(plan: RowPlan, actor, report: CsvReport) -> None:
    page = plan.page.specific
    if _changed(page, plan):
        for name, value in plan.values.items():
            setattr(page, name, value)
        for relation, wanted in (
            ("categories", plan.categories),
            ("target_groups", plan.target_groups),
            ("municipalities", plan.municipalities),
        ):
            if wanted is not None:
                getattr(page, relation).set(wanted)
        page.full_clean()
        revision = page.save_revision(user=actor, log_action=True)
        may_publish = actor is None or page.permissions_for_user(actor).can_publish()
        if may_publish:
            revision.publish(user=actor)
            report.published += 1
        else:
            workflow = page.get_workflow()
            if workflow is not None:
                workflow.start(page, actor)
            report.submitted += 1
    else:
        report.unchanged += 1
    check = getattr(plan.page, "kaart_check", None)
    if plan.checked_on and (check is None or check.checked_on != plan.checked_on):
        services.page_mark_checked(page=page, actor=actor, on=plan.checked_on)
        report.checked += 1


def import_csv(text: str, *, actor=None, dry_run: bool = False) -> CsvReport:
    """Check every row, then (only when all are right) write them in one transaction."""
    report = CsvReport(dry_run=dry_run)
    rows = _read(text, report)
    checker = RowChecker(actor, report)
    plans = [plan for line, row in rows if (plan := checker.check(line, row))]
    if not report.ok:
        return report
    with transaction.atomic():
        for plan in plans:
            try:
                with transaction.atomic():
                    _write(plan, actor, report)
            except ValidationError as error:
                report.problems.append(RowProblem(plan.line, " ".join(error.messages)))
        if report.problems or dry_run:
            transaction.set_rollback(True)
    return report
