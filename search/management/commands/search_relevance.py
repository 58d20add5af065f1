"""Print hit rate at 3 and MRR of the relevance set (search/relevance.json).

    python manage.py search_relevance

Run on a database with the demo content (``seed_demo``); misses are listed.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand

from search.relevance import evaluate


class Command(BaseCommand):
    help = "Measure search relevance on the demo content (hit@3 and MRR)."

    def handle(self, *args, **options):
        report = evaluate(AnonymousUser())
        self.stdout.write(report.summary())
