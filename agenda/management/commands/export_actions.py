"""``manage.py export_actions --pact SLUG --format csv|xlsx|json [--output FILE]``."""

import sys

from django.core.management.base import BaseCommand

from agenda.exporting import FORMATS, plan_export
from agenda.management.commands.import_actions import plan_for


class Command(BaseCommand):
    help = "Export a pact's plan: each action with building block, owners and roles, timing and schedule, status, progress."

    def add_arguments(self, parser):
        parser.add_argument("--pact", required=True)
        parser.add_argument("--plan")
        parser.add_argument("--format", choices=FORMATS, default="csv")
        parser.add_argument("--output", help="file to write (default: standard output)")
        parser.add_argument("--published-only", action="store_true")

    def handle(
        self,
        *args,
        pact,
        plan=None,
        format="csv",
        output=None,
        published_only=False,
        **options,
    ):  # noqa: A002
        data = plan_export(plan_for(pact, plan), format, published_only=published_only)
        if output:
            with open(output, "wb") as handle:
                handle.write(data)
            self.stdout.write(f"Wrote {output}")
        elif format == "xlsx":
            sys.stdout.buffer.write(data)
        else:
            self.stdout.write(data.decode().lstrip("\ufeff"), ending="")
