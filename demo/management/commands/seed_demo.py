"""Build the demo: network, people, sociale kaart, agenda, cases, search index.

Everything is created through the apps' services, so the demo obeys the same rules as
real use. Running it twice changes nothing. Refuses to run with DJANGO_DEBUG off (a
production-like setting) unless --force is given.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from demo import agenda as agenda_demo
from demo import casusregie as casusregie_demo
from demo import search as search_demo
from demo import socialekaart as socialekaart_demo
from demo import vroegsignalering as vroegsignalering_demo
from demo.network import seed_network
from pact.roles import roles_sync_groups


def _steps():
    return [
        ("netwerk en mensen", seed_network),
        ("sociale kaart", socialekaart_demo.seed),
        ("actieagenda", agenda_demo.seed),
        ("casusregie", casusregie_demo.seed),
        ("vroegsignalering", vroegsignalering_demo.seed),
        ("zoekindex", search_demo.seed),
    ]


class Command(BaseCommand):
    help = (
        "Load the demo data (idempotent). Refuses with DJANGO_DEBUG off unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DJANGO_DEBUG off. Never on a production database.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo fills the database with demo people and demo passwords; it "
                "only runs with DJANGO_DEBUG=1 (or --force on a database you can throw away)."
            )
        roles_sync_groups()
        steps = _steps()
        # Building the demo goes through the real services, which notify people (workflow
        # e-mails, hand-over notices). Nobody should receive those: send them nowhere.
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"
        ):
            self._run(steps)
        self.stdout.write(self.style.SUCCESS("Demodata staat klaar."))

    def _run(self, steps) -> None:
        for number, (label, step) in enumerate(steps, 1):
            started = time.monotonic()
            self.stdout.write(f"[{number}/{len(steps)}] {label} ...")
            step(stdout=self.stdout)
            self.stdout.write(f"      klaar in {time.monotonic() - started:.1f} s")
