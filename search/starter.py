"""The starter data of search: Dutch (and English) synonyms and the PC4 centres of the
demo municipalities.

Installed by migration 0003 (with the migration's historical models) and restored by
``ensure`` where a test flushed the tables. Pact admins edit the synonyms afterwards
in the Wagtail admin (Zoeken > Synoniemen).
"""

from __future__ import annotations

import csv
from pathlib import Path

STARTER_SYNONYMS = [
    (
        "schulden, schuld, geldzorgen, geldproblemen, rekeningen niet betalen, "
        "betalingsachterstand, betalingsachterstanden, achterstanden, schuldhulp, "
        "schuldhulpverlening, schuldsanering, deurwaarder, aanmaning, incasso",
        "Wat inwoners zeggen en wat professionals zeggen over schulden.",
    ),
    (
        "voedselbank, eten, voedselpakket, voedsel, boodschappen, honger, levensmiddelen, "
        "noodpakket",
        "Eten en voedselhulp.",
    ),
    ("kledingbank, kleding, kleren, kinderkleding, jas, schoenen", "Kleding."),
    (
        "sport, sporten, zwemmen, zwemles, zwemdiploma, voetbal, contributie, sportclub, "
        "sportvereniging, lidmaatschap, dansen, turnen",
        "Sport en de kosten ervan.",
    ),
    (
        "huur, huurachterstand, huur niet betalen, huisuitzetting, uitzetting, "
        "woningcorporatie",
        "Wonen en huurproblemen.",
    ),
    (
        "energie, energierekening, gas, stroom, elektriciteit, energietoeslag, "
        "energiearmoede, energiecoach",
        "Energiekosten.",
    ),
    (
        "zorgverzekering, zorgpremie, ziektekostenverzekering, gemeentepolis, "
        "collectieve zorgverzekering, eigen risico",
        "Zorgkosten.",
    ),
    (
        "bijstand, uitkering, bijstandsuitkering, participatiewet",
        "Inkomen van de gemeente.",
    ),
    (
        "bijzondere bijstand, tegemoetkoming, vergoeding, extra kosten",
        "Vergoeding van bijzondere kosten.",
    ),
    (
        "kwijtschelding, gemeentelijke belastingen, afvalstoffenheffing, "
        "waterschapsbelasting, belastingen niet betalen",
        "Lokale belastingen.",
    ),
    (
        "formulieren, papieren, post, brieven, administratie, thuisadministratie, "
        "formulierenhulp, adviesloket, invullen, formulier invullen",
        "Hulp bij papierwerk.",
    ),
    (
        "budgetbeheer, budgetcoach, budgetteren, geld beheren, beschermingsbewind, "
        "bewindvoering, bewindvoerder",
        "Hulp bij het beheren van geld.",
    ),
    (
        "kinderen, kind, jeugd, jongeren, tieners, zoon, dochter",
        "Kinderen en jongeren.",
    ),
    (
        "schoolspullen, schoolkosten, schoolreisje, schoolreis, laptop, schooltas",
        "Kosten van school.",
    ),
    ("verjaardag, jarig, verjaardagsbox, verjaardagsfeest, traktatie", "Verjaardagen."),
    (
        "muziekles, muziek, cultuur, dansles, theater, tekenles, creatief",
        "Cultuur en lessen.",
    ),
    (
        "vakantie, uitje, dagje uit, kindervakantieweek, vakantieweek",
        "Vakantie en uitjes.",
    ),
    (
        "werk, baan, solliciteren, werkloos, reintegratie, re-integratie, werkzoekend",
        "Werk vinden.",
    ),
    # Each toeslag with the general word only, not with each other (decision 0080): a
    # search for "toeslagen" finds them all, "kinderopvangtoeslag" not "zorgtoeslag".
    ("huurtoeslag, toeslagen", "Toeslagen van de Belastingdienst: huurtoeslag."),
    ("zorgtoeslag, toeslagen", "Toeslagen van de Belastingdienst: zorgtoeslag."),
    (
        "kinderopvangtoeslag, toeslagen",
        "Toeslagen van de Belastingdienst: kinderopvangtoeslag.",
    ),
    (
        "kindgebonden budget, toeslagen",
        "Toeslagen van de Belastingdienst: kindgebonden budget.",
    ),
    (
        "eenzaam, eenzaamheid, ontmoeting, buurthuis, inloop, koffieochtend",
        "Contact en ontmoeting.",
    ),
    (
        "maatschappelijk werk, sociaal werk, welzijn, wijkteam, buurtteam, gezinscoach, "
        "hulpverlener",
        "Welzijnswerk.",
    ),
    (
        "taal, nederlands leren, taalles, taalhulp, laaggeletterd, lezen en schrijven, "
        "taalcafe",
        "Taal.",
    ),
    ("babyspullen, baby, kinderwagen, luiers, zwanger, babyuitzet", "Baby."),
    (
        "tweedehands, kringloop, kringloopwinkel, weggeefwinkel, ruilen, gratis spullen, "
        "sociale winkel",
        "Spullen zonder of voor weinig geld.",
    ),
    (
        "gebruiksgoederen, wasmachine, koelkast, witgoed, meubels, inrichting",
        "Spullen voor in huis.",
    ),
    ("kerstpakket, kerst, feestdagen", "Kerst."),
    (
        "voorzieningenwijzer, regelingen, waar heb ik recht op, rechten, geld besparen",
        "Alle regelingen op een rij.",
    ),
    (
        "minimaregeling, minima, laag inkomen, weinig geld, krap bij kas, niet rondkomen, "
        "armoede",
        "Rondkomen met weinig geld.",
    ),
    (
        "meedoen, doe mee pas, doe-mee-pas, meedoenpremie, meedoenregeling, kindpakket, "
        "uitkering activiteiten",
        "Regelingen om mee te doen.",
    ),
    ("ouderen, senioren, pensioen, aow, gepensioneerd", "Ouderen."),
    ("scheiding, echtscheiding, uit elkaar", "Scheiden."),
    (
        "rechtshulp, juridisch, advocaat, juridisch loket, sociaal raadslieden",
        "Juridische hulp.",
    ),
]

# English words residents with little Dutch type (the site has an English interface),
# each tied to the Dutch words of the pages. No single English word that is also a
# Dutch stem ("rent" is the stem of "rente"): only phrases for those.
ENGLISH_SYNONYMS = [
    (
        "food bank, foodbank, food, groceries, hungry, food parcel, voedselbank",
        "Engels: eten.",
    ),
    ("debt, debts, bailiff, unpaid bills, debt help, schulden", "Engels: schulden."),
    (
        "rent arrears, behind on rent, pay the rent, pay rent, eviction, huurachterstand",
        "Engels: huur.",
    ),
    ("clothes, clothing, coat, shoes, kleding", "Engels: kleding."),
    ("sports, sport club, swimming lessons, club fees, sport", "Engels: sport."),
    ("birthday, verjaardag", "Engels: verjaardag."),
    ("forms, paperwork, help with forms, formulieren", "Engels: papierwerk."),
    ("energy bill, energy, heating, energierekening", "Engels: energie."),
    ("health insurance, zorgverzekering", "Engels: zorgverzekering."),
    ("lonely, loneliness, eenzaam", "Engels: eenzaamheid."),
    ("job, work, unemployed, werk", "Engels: werk."),
    ("holiday, vacation, vakantie", "Engels: vakantie."),
    ("school costs, school trip, school supplies, schoolspullen", "Engels: school."),
    ("budgeting, money management, budgetbeheer", "Engels: geld beheren."),
    ("low income, poverty, little money, weinig geld", "Engels: weinig geld."),
    ("second hand, secondhand, tweedehands", "Engels: tweedehands."),
    ("legal aid, lawyer, rechtshulp", "Engels: rechtshulp."),
    ("christmas, christmas parcel, kerstpakket", "Engels: kerst."),
    ("pregnant, baby things, babyspullen", "Engels: baby."),
    ("housing benefit, rent benefit, huurtoeslag", "Engels: huurtoeslag."),
    (
        "healthcare allowance, health care allowance, zorgtoeslag",
        "Engels: zorgtoeslag.",
    ),
    (
        "childcare benefit, childcare allowance, kinderopvangtoeslag",
        "Engels: kinderopvangtoeslag.",
    ),
    ("benefits, allowances, toeslagen", "Engels: toeslagen."),
]

# Replaced by the pairs above (decision 0080); removed where nobody changed it.
OLD_TOESLAGEN = (
    "toeslagen, huurtoeslag, zorgtoeslag, kinderopvangtoeslag, kindgebonden budget"
)

POSTCODES = Path(__file__).resolve().parent / "data" / "postcodes_pc4_demo.csv"


def load(SynonymGroup, PostcodeArea) -> None:  # noqa: N803 (model classes)
    """Add the starter synonyms and postcodes that are missing (idempotent)."""
    SynonymGroup.objects.filter(terms=OLD_TOESLAGEN).delete()
    for terms, note in [*STARTER_SYNONYMS, *ENGLISH_SYNONYMS]:
        SynonymGroup.objects.get_or_create(terms=terms, defaults={"note": note})
    with POSTCODES.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            PostcodeArea.objects.update_or_create(
                code=row["postcode"],
                defaults={
                    "lat": float(row["lat"]),
                    "lng": float(row["lng"]),
                    "place": row["place"],
                },
            )


def ensure() -> None:
    """Restore the starter data when the tables are empty (after a test flush)."""
    # Imported here: migrations 0003 and 0007 import this module, and a migration must
    # not load the current models (it passes its historical ones to ``load``).
    from search.models import PostcodeArea, SynonymGroup

    if not SynonymGroup.objects.exists() or not PostcodeArea.objects.exists():
        load(SynonymGroup, PostcodeArea)
