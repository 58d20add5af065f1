"""Plan every partner's new households into this week's capacity (run weekly)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from pact.models import Organisation
from vroegsignalering import services
from vroegsignalering.constants import HouseholdStatus
from vroegsignalering.models import Household


class Command(BaseCommand):
    help = "Plan new households within each partner's weekly capacity."

    def handle(self, *args, **options):
        today = timezone.localdate()
        week = services.week_start_of(today)
        organisations = Organisation.objects.filter(
            pk__in=Household.objects.filter(status=HouseholdStatus.NEW).values(
                "organisation"
            )
        )
        for organisation in organisations.order_by("name"):
            counts = services.households_plan(
                organisation=organisation, week=week, today=today
            )
            self.stdout.write(f"{organisation}: {counts}")
