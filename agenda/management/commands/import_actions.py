"""``manage.py import_actions FILE --pact SLUG [--plan SLUG] [--dry-run]``: import a plan
table; new actions are added, the actions it matches are updated (decision 0120)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from agenda.models import Plan
from agenda.services import ImportFailed, actions_import


def plan_for(pact_slug: str, plan_slug: str | None) -> Plan:
    plans = Plan.objects.filter(pact__slug=pact_slug).order_by("-starts_on")
    if plan_slug:
        plans = plans.filter(slug=plan_slug)
    plan = plans.first()
    if plan is None:
        raise CommandError(
            f"No plan found for pact {pact_slug!r}"
            + (f" with slug {plan_slug!r}" if plan_slug else "")
        )
    return plan


class Command(BaseCommand):
    help = "Import actions (columns bouwsteen, actie, uitvoering, planning) from CSV or XLSX; all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--pact", required=True, help="slug of the pact")
        parser.add_argument(
            "--plan", help="slug of the plan (default: the pact's latest)"
        )
        parser.add_argument(
            "--publish", action="store_true", help="make the new actions public"
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="show what the import would change and write nothing",
        )

    def handle(
        self, *args, file, pact, plan=None, publish=False, dry_run=False, **options
    ):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"File not found: {file}")
        target = plan_for(pact, plan)
        try:
            result = actions_import(
                plan=target,
                filename=path.name,
                data=path.read_bytes(),
                publish=publish,
                dry_run=dry_run,
            )
        except ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Nothing imported: {len(failure.problems)} problem(s)."
            ) from None
        self._report(result)
        for warning in result.warnings:
            self.stdout.write(f"warning: {warning}")
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported into {target}: {len(result.created)} new, "
                f"{len(result.updated)} updated, {len(result.unchanged)} unchanged."
            )
        )

    def _report(self, result) -> None:
        for block in result.new_blocks:
            self.stdout.write(f"new building block: {block}")
        for change in result.created:
            self.stdout.write(f"line {change.line}: new action: {change.title}")
        for change in result.updated:
            self.stdout.write(f"line {change.line}: update {change.title}")
            for difference in change.differences:
                self.stdout.write(f"    {difference}")
        self.stdout.write(
            f"{len(result.created)} new, {len(result.updated)} to update, "
            f"{len(result.unchanged)} unchanged, "
            f"{len(result.untouched)} in the plan but not in the file (left as they are)."
        )
