"""The pact's taxonomy and the norm table, as demo values."""

import datetime
from decimal import Decimal

from socialekaart.constants import HouseholdType as H

# slug, name, one sentence for residents
CATEGORIES = [
    (
        "geld-en-schulden",
        "Geld en schulden",
        "Hulp als u schulden heeft of moeilijk rondkomt.",
    ),
    (
        "inkomen-en-toeslagen",
        "Inkomen en toeslagen",
        "Extra geld van de gemeente als uw inkomen laag is.",
    ),
    (
        "eten-en-kleding",
        "Eten en kleding",
        "Boodschappen, een voedselpakket of kleding als het geld op is.",
    ),
    (
        "kinderen-en-jongeren",
        "Kinderen en jongeren",
        "Zodat uw kind mee kan doen op school, bij sport en op verjaardagen.",
    ),
    (
        "meedoen-sport-en-cultuur",
        "Meedoen: sport en cultuur",
        "Sportclub, muziekles, zwemmen of een uitje, ook met weinig geld.",
    ),
    (
        "wonen-en-energie",
        "Wonen en energie",
        "Hulp bij huur, energie en spullen voor in huis.",
    ),
    (
        "zorg-en-gezondheid",
        "Zorg en gezondheid",
        "Een goedkopere zorgverzekering en hulp bij zorgkosten.",
    ),
    (
        "werk-en-dagbesteding",
        "Werk en dagbesteding",
        "Werk, vrijwilligerswerk en iets zinvols doen overdag.",
    ),
    (
        "taal-en-formulieren",
        "Taal en formulieren",
        "Hulp bij brieven, formulieren en uw administratie.",
    ),
    ("opvoeden-en-gezin", "Opvoeden en gezin", "Steun voor ouders en gezinnen."),
    (
        "mensen-ontmoeten",
        "Mensen ontmoeten",
        "Samen iets doen, anderen ontmoeten en meepraten.",
    ),
]

TARGET_GROUPS = [
    (
        "kinderen",
        "Kinderen (tot 12 jaar)",
        "Voor kinderen op de basisschool of jonger.",
    ),
    ("jongeren", "Jongeren (12 tot 27 jaar)", "Voor tieners en jongvolwassenen."),
    ("ouders", "Ouders", "Voor vaders en moeders, ook alleenstaande ouders."),
    ("volwassenen", "Volwassenen", "Voor iedereen van 18 jaar of ouder."),
    ("ouderen", "Ouderen (met AOW)", "Voor mensen met AOW."),
    (
        "mensen-met-schulden",
        "Mensen met schulden",
        "Voor mensen met betalingsachterstanden of schulden.",
    ),
    ("huurders", "Huurders", "Voor mensen die een huis huren."),
    ("professionals", "Hulpverleners", "Voor hulpverleners die iemand aanmelden."),
]

# The amounts at 100% of the social minimum, net per month without holiday pay.
# Single and couple: derived from the 2024 Assen rekenkamer report (seed 004), which
# gives 120% = EUR 1,491 and 130% = EUR 1,616 for a single person and 120% =
# EUR 2,130.90 and 130% = EUR 2,308 for a multi-person household; EUR 1,242.80 and
# EUR 1,775.75 reproduce all four when rounded to whole euros. Single parents have the
# single norm (Participatiewet since 2015). The two pensioner amounts are ASSUMED
# (the documents give none). See docs/decisions/0012-norm-table.md.
NORM_PERIODS = [
    (
        datetime.date(2024, 1, 1),
        None,
        "Afgeleid uit het rapport van de rekenkamer Assen (2024/2025); AOW-bedragen "
        "aangenomen voor de demo.",
        {
            H.SINGLE: Decimal("1242.80"),
            H.SINGLE_PARENT: Decimal("1242.80"),
            H.COUPLE: Decimal("1775.75"),
            H.COUPLE_WITH_CHILDREN: Decimal("1775.75"),
            H.SINGLE_PENSIONER: Decimal("1384.00"),
            H.COUPLE_PENSIONER: Decimal("1874.00"),
        },
    ),
]
