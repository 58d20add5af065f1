"""Demo data of casusregie, built through its services. Called by ``seed_demo``.

Three dozen fictitious households (pseudonyms of flowers, birds and trees, marked
"fictief") across the demo organisations, in every state: registered, active, with
pending, overdue, declined, withdrawn, expired, accepted and completed hand-overs,
escalations open, taken over and returned, consent withdrawn, closed. History is built
with explicit timestamps passed to the services (no clock freezing). Running it twice
changes nothing: a household that exists already is skipped.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from casusregie import services
from casusregie.constants import Complexity, ResidentRegie
from casusregie.models import Case, Handover
from pact.models import Municipality, Organisation

GOALS = [
    "Ik wil weer slapen zonder zorgen over de rekeningen.",
    "Eerst moet de deurwaarder weg.",
    "Mijn kinderen moeten gewoon mee kunnen doen met sport.",
    "Ik wil snappen welke post belangrijk is.",
    "Ik wil een baan, ook als het eerst vrijwilligerswerk is.",
    "De huurachterstand moet opgelost zijn voor de zomer.",
    "Ik wil zelf mijn geld weer kunnen regelen.",
    "Een nieuwe wasmachine, de oude is kapot.",
    "Hulp bij de aanvraag voor de toeslagen.",
    "Niet meer bang zijn om de deur open te doen.",
]

# label, municipality slug, lead organisation slug, scenario, other organisation slug
SCENARIOS = [
    ("Fam. Zonnebloem", "aa-en-hunze", "attenta", "pending", "gkb"),
    ("Fam. Klaproos", "aa-en-hunze", "attenta", "declined_twice", "impuls"),
    ("Dhr. Merel", "aa-en-hunze", "gkb", "expired", "humanitas"),
    ("Mw. Lijster", "aa-en-hunze", "impuls", "completed", "attenta"),
    ("Fam. Berk", "aa-en-hunze", "wpda", "accepted", "gkb"),
    ("Mw. Vlinderstruik", "aa-en-hunze", "humanitas", "active", ""),
    ("Fam. Madelief", "aa-en-hunze", "stichting-helper", "escalated", ""),
    ("Dhr. Eik", "aa-en-hunze", "attenta", "taken_over", ""),
    ("Fam. Roodborst", "aa-en-hunze", "leergeld-noord-drenthe", "closed", ""),
    ("Mw. Korenbloem", "aa-en-hunze", "gkb", "three_partners", "wpda"),
    ("Fam. Wilg", "aa-en-hunze", "attenta", "withdrawn", "wpda"),
    ("Dhr. Zwaluw", "aa-en-hunze", "impuls", "registered", ""),
    ("Fam. Hazelaar", "aa-en-hunze", "attenta", "consent_withdrawn", "gkb"),
    ("Mw. Boterbloem", "aa-en-hunze", "attenta", "overdue", "humanitas"),
    ("Fam. Spreeuw", "aa-en-hunze", "wpda", "returned", ""),
    ("Fam. Linde", "assen", "vaart-welzijn", "pending", "gkb"),
    ("Dhr. Ekster", "assen", "gkb", "completed", "vaart-welzijn"),
    ("Mw. Iris", "assen", "wpda", "declined", "humanitas"),
    ("Fam. Kievit", "assen", "vaart-welzijn", "expired", "wpda"),
    ("Fam. Populier", "assen", "vaart-welzijn", "escalated", ""),
    ("Mw. Tulp", "assen", "humanitas", "active", ""),
    ("Fam. Specht", "assen", "leergeld-noord-drenthe", "accepted", "vaart-welzijn"),
    ("Dhr. Es", "assen", "gkb", "closed", ""),
    ("Fam. Heide", "assen", "vaart-welzijn", "three_partners", "wpda"),
    ("Fam. Gors", "coevorden", "mwc", "pending", "humanitas"),
    ("Mw. Distel", "coevorden", "mwc", "taken_over", ""),
    ("Fam. Kamperfoelie", "coevorden", "humanitas", "completed", "mwc"),
    ("Dhr. Uil", "coevorden", "mwc", "active", ""),
    ("Fam. Den", "coevorden", "mwc", "declined", "humanitas"),
    ("Mw. Lavendel", "tynaarlo", "wpda", "pending", "leergeld-noord-drenthe"),
    ("Fam. Vink", "tynaarlo", "gkb", "completed", "wpda"),
    ("Dhr. Kastanje", "tynaarlo", "leergeld-noord-drenthe", "registered", ""),
    ("Fam. Reiger", "midden-drenthe", "gkb", "expired", "humanitas"),
    ("Mw. Anemoon", "midden-drenthe", "humanitas", "active", ""),
    ("Fam. Esdoorn", "midden-drenthe", "gkb", "closed", ""),
    ("Fam. Wolfsmelk", "aa-en-hunze", "gkb", "escalated", ""),
]

FICTITIOUS = " (fictief)"


class _World:
    def __init__(self):
        User = get_user_model()
        self.organisations = {o.slug: o for o in Organisation.objects.all()}
        self.municipalities = {m.slug: m for m in Municipality.objects.all()}
        self.users = {
            u.username: u for u in User.objects.filter(username__contains=".")
        }

    def worker(self, slug):
        return self.users[f"casus.{slug}"]

    def regisseur(self, municipality_slug):
        return self.users[f"regisseur.{municipality_slug}"]


def _consent(case, world, slug, at):
    services.consent_record(
        case=case,
        actor=world.worker(case.lead_organisation.slug),
        organisation=world.organisations[slug],
        scope="Doelen, betrokken organisaties en de overdrachtsnotitie",
        given_on=timezone.localtime(at).date(),
        at=at,
    )


def _propose(case, world, to_slug, at, **kwargs):
    _consent(case, world, to_slug, at)
    return services.handover_propose(
        case=case,
        actor=world.worker(case.lead_organisation.slug),
        to_organisation=world.organisations[to_slug],
        priorities=case.goals.first().text,
        tried="Samen de post doorgenomen en een budgetplan gemaakt.",
        commitments="Betalingsregeling met de verhuurder loopt tot het einde van de maand.",
        risks="Inwoner raakt snel overweldigd door brieven.",
        next_appointment="Huisbezoek volgende week dinsdag om 10:00",
        at=at + datetime.timedelta(minutes=5),
        **kwargs,
    )


def _build(label, municipality, lead, scenario, other, world, rng, now):  # noqa: C901
    start = now - datetime.timedelta(days=rng.randint(20, 120), hours=rng.randint(0, 8))
    step = datetime.timedelta(days=2)
    lead_worker = world.worker(lead)
    goals = rng.sample(GOALS, rng.randint(1, 3))
    case = services.case_open(
        actor=lead_worker,
        organisation=world.organisations[lead],
        label=label + FICTITIOUS,
        municipality=world.municipalities[municipality],
        goals=goals,
        complexity=Complexity.COMPLEX
        if scenario in ("escalated", "taken_over", "three_partners")
        else Complexity.SINGLE,
        resident_regie=rng.choice(ResidentRegie.values),
        consent_scope="Doelen, betrokken organisaties, notities en overdrachtsnotities",
        at=start,
    )
    if scenario == "registered":
        return case
    services.case_record_first_contact(case=case, actor=lead_worker, at=start + step)
    services.note_add(
        case=case,
        actor=lead_worker,
        text="Kennismaking gehad; inwoner wil eerst rust.",
        at=start + 2 * step,
    )
    regisseur = world.regisseur(municipality)
    at = start + 3 * step
    if scenario == "pending":
        _propose(case, world, other, now - datetime.timedelta(hours=rng.randint(2, 30)))
    elif scenario == "overdue":
        # Nine days ago: past its deadline, waiting for the expiry job to pick it up.
        _propose(case, world, other, now - datetime.timedelta(days=9))
    elif scenario in ("declined", "declined_twice"):
        for attempt in range(2 if scenario == "declined_twice" else 1):
            handover = _propose(case, world, other, at + attempt * step)
            services.handover_decline(
                handover=handover,
                actor=world.worker(other),
                reason="Wij hebben deze maand geen plek; probeer het over vier weken opnieuw.",
                at=at + attempt * step + datetime.timedelta(hours=20),
            )
            case.refresh_from_db()
    elif scenario == "withdrawn":
        handover = _propose(case, world, other, at)
        services.handover_withdraw(
            handover=handover, actor=lead_worker, at=at + datetime.timedelta(hours=3)
        )
    elif scenario == "expired":
        handover = _propose(case, world, other, at)
        services.handover_expire(
            handover=handover, at=handover.deadline_at + datetime.timedelta(minutes=15)
        )
    elif scenario in ("accepted", "completed"):
        handover = _propose(
            case, world, other, at, previous_lead_stays=scenario == "accepted"
        )
        accepted_at = at + datetime.timedelta(hours=rng.randint(3, 60))
        services.handover_accept(
            handover=handover, actor=world.worker(other), at=accepted_at
        )
        if scenario == "completed":
            contact = accepted_at + datetime.timedelta(hours=rng.randint(12, 120))
            services.case_record_first_contact(
                case=case, actor=world.worker(other), contact_at=contact, at=contact
            )
    elif scenario in ("escalated", "taken_over", "returned"):
        escalation = services.escalation_request(
            case=case,
            actor=lead_worker,
            reason="Schulden, huisvesting en zorgen om de kinderen lopen door elkaar; wij komen er samen niet uit.",
            at=at,
        )
        if scenario == "taken_over":
            services.escalation_take_over(
                escalation=escalation, actor=regisseur, at=at + step
            )
        elif scenario == "returned":
            services.escalation_return(
                escalation=escalation,
                actor=regisseur,
                advice="Vraag de GKB om een budgetgesprek; daarna samen verder.",
                at=at + step,
            )
    elif scenario == "three_partners":
        for slug in (other, "humanitas" if lead != "humanitas" else "gkb"):
            _consent(case, world, slug, at)
            services.involvement_add(
                case=case,
                actor=lead_worker,
                organisation=world.organisations[slug],
                at=at + datetime.timedelta(hours=1),
            )
    elif scenario == "consent_withdrawn":
        _consent(case, world, other, at)
        services.involvement_add(
            case=case,
            actor=lead_worker,
            organisation=world.organisations[other],
            at=at + datetime.timedelta(hours=1),
        )
        consent = case.consents.get(organisation=world.organisations[other])
        services.consent_withdraw(consent=consent, actor=lead_worker, at=at + step)
    elif scenario == "closed":
        services.goal_update(
            goal=case.goals.first(), actor=lead_worker, status="bereikt", at=at
        )
        services.case_close(
            case=case, actor=lead_worker, outcome="doelen_bereikt", at=at + step
        )
    return case


def seed(*, stdout) -> None:
    """Create this app's demo data; running it twice changes nothing."""
    world = _World()
    now = timezone.now().replace(second=0, microsecond=0)
    existing = set(
        Case.objects.filter(label__endswith=FICTITIOUS).values_list("label", flat=True)
    )
    created = 0
    for index, (label, municipality, lead, scenario, other) in enumerate(SCENARIOS):
        if label + FICTITIOUS in existing:
            continue
        rng = random.Random(f"casusregie-demo-{index}")  # noqa: S311 (demo data)
        with services.notifications_suppressed(), transaction.atomic():
            _build(label, municipality, lead, scenario, other, world, rng, now)
        created += 1
    stdout.write(
        f"  casusregie: {created} casussen aangemaakt, {Case.objects.count()} in totaal, "
        f"{Handover.objects.count()} overdrachten"
    )
