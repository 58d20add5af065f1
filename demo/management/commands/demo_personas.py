"""Print the demo accounts (``--json``: a JSON list, as the README's table shows them)."""

import json

from django.core.management.base import BaseCommand

from demo.network import personas_as_json


class Command(BaseCommand):
    help = "List the demo accounts with their demo-only passwords, organisations and roles."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print a JSON list.")
        parser.add_argument(
            "--markdown", action="store_true", help="Print the README's Markdown table."
        )

    def handle(self, *args, json_output=False, **options):
        rows = personas_as_json()
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if options["markdown"]:
            self.stdout.write("| username | password | organisation | roles |")
            self.stdout.write("|---|---|---|---|")
            for row in rows:
                self.stdout.write(
                    f"| `{row['username']}` | `{row['password']}` | {row['organisation'] or '—'} "
                    f"| {', '.join(row['roles'])} |"
                )
            return
        width = max(len(row["username"]) for row in rows)
        for row in rows:
            self.stdout.write(
                f"{row['username']:<{width}}  {row['password']}  "
                f"{row['organisation'] or '-':<42} {', '.join(row['roles'])}"
            )
