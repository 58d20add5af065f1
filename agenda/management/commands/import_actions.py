"""``manage.py import_actions FILE --pact SLUG [--plan SLUG]``: import a plan table."""

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

    def handle(self, *args, file, pact, plan=None, publish=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"File not found: {file}")
        target = plan_for(pact, plan)
        try:
            result = actions_import(
                plan=target, filename=path.name, data=path.read_bytes(), publish=publish
            )
        except ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Nothing imported: {len(failure.problems)} problem(s)."
            ) from None
        for warning in result.warnings:
            self.stdout.write(f"warning: {warning}")
        self.stdout.write(
            self.style.SUCCESS(f"Imported {len(result.actions)} actions into {target}.")
        )
