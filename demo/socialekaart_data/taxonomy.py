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
# The statutory Participatiewet norms (articles 21 and 22: 21 up to the AOW age, and
# from the AOW age), net per month WITHOUT holiday pay (the law's amounts include 5%
# holiday pay: without = with x 0.95, rounded to cents, which reproduces the published
# "exclusief vakantietoeslag" figures, e.g. 1 July 2024: 1,308.45 -> 1,243.03).
# Columns: single (and single parent), couple, single from AOW age, couple from AOW
# age. The source of each figure is listed in docs/socialekaart.md. The norms of
# 1 July 2026 are not here: no publication of them was at hand (see that page).
STATUTORY_NORMS = [
    (
        datetime.date(2025, 1, 1),
        "Normenbrief SZW 1 januari 2025 (bedragen met vakantietoeslag x 0,95): "
        "1.345,45 / 1.922,07 / 1.501,07 / 2.053,48 met vakantietoeslag.",
        Decimal("1278.18"),
        Decimal("1825.97"),
        Decimal("1426.02"),
        Decimal("1950.81"),
    ),
    (
        datetime.date(2025, 7, 1),
        "Normenbrief SZW 1 juli 2025, bedragen zonder vakantietoeslag.",
        Decimal("1300.61"),
        Decimal("1858.01"),
        Decimal("1453.70"),
        Decimal("1990.23"),
    ),
    (
        datetime.date(2026, 1, 1),
        "Normenbrief SZW 1 januari 2026 (gecorrigeerd 9 december 2025; bedragen met "
        "vakantietoeslag x 0,95): 1.401,50 / 2.002,13 / 1.564,69 / 2.144,16 met "
        "vakantietoeslag.",
        Decimal("1331.43"),
        Decimal("1902.02"),
        Decimal("1486.46"),
        Decimal("2036.95"),
    ),
]

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
    *(
        (
            valid_from,
            None,
            source,
            {
                H.SINGLE: single,
                H.SINGLE_PARENT: single,
                H.COUPLE: couple,
                H.COUPLE_WITH_CHILDREN: couple,
                H.SINGLE_PENSIONER: single_aow,
                H.COUPLE_PENSIONER: couple_aow,
            },
        )
        for valid_from, source, single, couple, single_aow, couple_aow in (
            STATUTORY_NORMS
        )
    ),
]
