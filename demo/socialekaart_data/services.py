"""Help offerings of the demo, with the rules the documents give.

Values the documents do not give are marked ASSUMED here and listed in
docs/socialekaart.md ("Demo content").
"""

from decimal import Decimal

from demo.socialekaart_data.organisations import hours
from socialekaart.constants import AgeSubject, BenefitPeriod, BenefitUnit, ServiceStatus
from socialekaart.constants import HouseholdType as H

AAH, ASN, TYN, COE, MDR = (
    "aa-en-hunze",
    "assen",
    "tynaarlo",
    "coevorden",
    "midden-drenthe",
)
WITH_CHILDREN = [H.SINGLE_PARENT, H.COUPLE_WITH_CHILDREN]


def rule(
    percent=None,
    *,
    where=(),
    households=(),
    child=None,
    applicant=None,
    years=None,
    benefit="",
    amount=None,
    every=BenefitPeriod.YEAR,
    per=BenefitUnit.HOUSEHOLD,
):
    """One eligibility rule; ``amount`` (euros) ``every`` period ``per`` unit when
    the rule pays a fixed amount."""
    ages = child or applicant or (None, None)
    return {
        "benefit_amount": None if amount is None else Decimal(amount),
        "benefit_period": every,
        "benefit_unit": per,
        "municipalities": list(where),
        "income_limit_percent": percent,
        "household_types": list(households),
        "age_subject": AgeSubject.CHILD if child else AgeSubject.APPLICANT,
        "min_age": ages[0],
        "max_age": ages[1],
        "min_low_income_years": years,
        "benefit": benefit,
    }


def service(
    organisation, title, summary, *, categories, area, description="", **fields
):
    return {
        "organisation": organisation,
        "title": title,
        "summary": summary,
        "categories": categories,
        "area": area,
        "description": description,
        **fields,
    }


ID = "Uw identiteitsbewijs (paspoort, ID-kaart of verblijfsdocument)"
BANK = "Uw bankafschriften van de laatste 3 maanden"
INCOME = "Bewijs van uw inkomen, bijvoorbeeld uw loonstrook of uitkeringsspecificatie"
LETTERS = "Brieven van schuldeisers en aanmaningen (ook ongeopend)"


def kwijtschelding(municipality, name, organisation):
    return service(
        organisation,
        "Kwijtschelding gemeentelijke belastingen",
        f"Met een laag inkomen hoeft u de gemeentelijke belastingen in {name} soms niet te betalen.",
        slug="kwijtschelding",
        categories=["geld-en-schulden", "wonen-en-energie"],
        target_groups=["volwassenen"],
        area=[municipality],
        description=(
            "<p>Elk jaar krijgt u een aanslag voor de gemeentelijke belastingen: afvalstoffenheffing, "
            "rioolheffing en soms onroerendezaakbelasting. Is uw inkomen laag en heeft u weinig "
            "spaargeld? Dan kunt u vragen of u niet hoeft te betalen. Dat heet kwijtschelding.</p>"
        ),
        benefit="U hoeft de gemeentelijke belastingen (of een deel) niet te betalen.",
        rules=[rule(100, applicant=(18, None))],
        eligibility_note="U mag weinig spaargeld hebben. In Assen is de grens € 1.775.",
        steps=[
            "Vraag kwijtschelding aan binnen 3 maanden na de datum op de aanslag.",
            "Vul het formulier in op de website van de gemeente of vraag een papieren formulier.",
            "Stuur de bewijsstukken mee. Binnen 8 weken krijgt u antwoord.",
        ],
        documents=["De aanslag gemeentelijke belastingen", INCOME, BANK],
        keywords="belasting, afvalstoffenheffing, rioolheffing, OZB, aanslag, kwijtschelden",
        location_names=[],
    )


SERVICES = [
    # --- Werkplein Drentsche Aa (Aa en Hunze, Assen, Tynaarlo) -------------------------
    service(
        "wpda",
        "Bijzondere bijstand",
        "Geld voor noodzakelijke kosten die u zelf niet kunt betalen, zoals een hoge energierekening.",
        categories=["inkomen-en-toeslagen", "geld-en-schulden"],
        target_groups=["volwassenen"],
        area=[AAH, ASN, TYN],
        description=(
            "<p>Soms heeft u kosten die u niet kunt betalen, terwijl ze wel nodig zijn. Bijvoorbeeld "
            "de eigen bijdrage voor een advocaat, een bril, of een hoge energierekening. Dan kunt u "
            "bijzondere bijstand aanvragen.</p><p>Vraag het aan vóórdat u de kosten maakt, als dat kan.</p>"
        ),
        benefit="Een vergoeding voor de kosten, helemaal of voor een deel.",
        rules=[rule(120, applicant=(18, None))],
        eligibility_note="Het Werkplein kijkt ook naar uw spaargeld en naar andere regelingen die de kosten al betalen.",
        steps=[
            "Vraag bijzondere bijstand aan op de website van het Werkplein, of bel ons.",
            "Stuur de rekening of offerte mee.",
            "Binnen 8 weken hoort u of u het geld krijgt.",
        ],
        documents=[ID, INCOME, BANK, "De rekening of offerte van de kosten"],
        location_names=["Werkplein Assen"],
        keywords="bijstand, noodzakelijke kosten, energierekening, bril, rechtshulp, eigen bijdrage",
        professional_handover="Bel de klantmanager. Bij spoed (afsluiting energie) kan een voorschot binnen 5 werkdagen.",
    ),
    service(
        "wpda",
        "Individuele inkomenstoeslag",
        "Eén keer per jaar extra geld als u al minstens 3 jaar een laag inkomen heeft.",
        categories=["inkomen-en-toeslagen"],
        target_groups=["volwassenen"],
        area=[AAH, ASN, TYN],
        description=(
            "<p>Heeft u al lang een laag inkomen? Dan kunt u één keer per jaar een toeslag krijgen. "
            "U mag zelf weten waar u het geld aan uitgeeft.</p>"
        ),
        benefit="Een bedrag per jaar dat u vrij mag besteden. De hoogte hangt af van uw huishouden.",
        rules=[rule(120, applicant=(21, 66), years=3)],
        eligibility_note="U heeft weinig kans om binnenkort meer te verdienen.",
        steps=[
            "Vraag de toeslag aan bij het Werkplein.",
            "Het Werkplein kijkt naar uw inkomen van de afgelopen 3 jaar.",
        ],
        documents=[ID, INCOME, BANK],
        location_names=["Werkplein Assen"],
        keywords="langdurigheidstoeslag, toeslag, extra geld, laag inkomen",
    ),
    service(
        "wpda",
        "Collectieve zorgverzekering (gemeentepolis)",
        "Een goede zorgverzekering met een lagere premie en weinig of geen eigen risico.",
        slug="gemeentepolis",
        categories=["zorg-en-gezondheid", "inkomen-en-toeslagen"],
        target_groups=["volwassenen", "ouderen"],
        area=[ASN],
        description=(
            "<p>Met de gemeentepolis betaalt u minder voor uw zorgverzekering. De gemeente Assen "
            "betaalt mee aan de premie. Het eigen risico is lager of u heeft helemaal geen eigen "
            "risico. U sluit de verzekering af bij Univé.</p>"
        ),
        benefit="Een lagere premie en een lager eigen risico.",
        is_free=False,
        cost_description="U betaalt de premie van de zorgverzekering; die is lager dan gewoonlijk.",
        rules=[rule(130, where=[ASN], applicant=(18, None))],
        steps=[
            "Vraag bij het Werkplein of u mee mag doen.",
            "Zeg uw oude zorgverzekering op vóór 31 december.",
            "Sluit de gemeentepolis af bij Univé. U bent dan vanaf 1 januari verzekerd.",
        ],
        documents=[INCOME],
        location_names=["Werkplein Assen"],
        keywords="zorgverzekering, eigen risico, premie, Univé, gemeentepolis, zorgkosten",
    ),
    service(
        "wpda",
        "Meedoenpremie",
        "Geld om mee te doen, voor schoolgaande kinderen en voor mensen die werken aan hun re-integratie.",
        categories=["meedoen-sport-en-cultuur", "kinderen-en-jongeren"],
        target_groups=["kinderen", "jongeren", "ouders"],
        area=[AAH],
        description=(
            "<p>In Aa en Hunze krijgen huishoudens met een laag inkomen geld om mee te doen. Voor "
            "schoolgaande kinderen, en voor volwassenen die werken aan hun re-integratie.</p>"
        ),
        rules=[
            rule(
                120, child=(4, 17), benefit="Een bedrag per schoolgaand kind per jaar."
            ),
            rule(
                120,
                applicant=(18, 66),
                benefit="Een premie als u werkt aan re-integratie.",
            ),
        ],
        eligibility_note="Voor de premie voor volwassenen werkt u mee aan een re-integratietraject van het Werkplein.",
        steps=[
            "Vraag de Meedoenpremie aan bij het Werkplein.",
            "U krijgt het geld op uw rekening.",
        ],
        documents=[ID, INCOME],
        location_names=["Werkplein Assen"],
        keywords="meedoen, schoolkosten, re-integratie, premie",
    ),
    # --- Gemeenten -----------------------------------------------------------------
    kwijtschelding(AAH, "Aa en Hunze", "gemeente-aa-en-hunze"),
    kwijtschelding(ASN, "Assen", "gemeente-assen"),
    kwijtschelding(TYN, "Tynaarlo", "gemeente-tynaarlo"),
    kwijtschelding(COE, "Coevorden", "gemeente-coevorden"),
    kwijtschelding(MDR, "Midden-Drenthe", "gemeente-midden-drenthe"),
    service(
        "gemeente-aa-en-hunze",
        "Kindpakket Aa en Hunze",
        "Zodat uw kind van 4 tot 18 jaar mee kan doen met sport, cultuur en activiteiten op school.",
        slug="kindpakket",
        categories=["kinderen-en-jongeren", "meedoen-sport-en-cultuur"],
        target_groups=["kinderen", "jongeren", "ouders"],
        area=[AAH],
        description=(
            "<p>Het Kindpakket bundelt de hulp van de gemeente, het Jeugdfonds Sport &amp; Cultuur, "
            "Leergeld, Kinderhulp en Jarige Job. Zo kan uw kind meedoen met sport, muziek, een "
            "schoolreisje of een verjaardag.</p>"
        ),
        benefit="Contributie, lesgeld, schoolspullen of een schoolreis, via de partners van het Kindpakket.",
        rules=[rule(120, child=(4, 17), households=WITH_CHILDREN)],
        steps=[
            "Bel de gemeente of vraag het aan op school.",
            "Samen kijken we welke partner uw vraag het beste kan betalen.",
        ],
        documents=[INCOME],
        keywords="kindpakket, sport, zwemles, schoolreis, contributie, kinderen",
    ),
    service(
        "gemeente-assen",
        "Kindpakket Assen",
        "Sport, cultuur, schoolspullen of een fiets voor uw kind, als het gezinsinkomen laag is.",
        slug="kindpakket",
        categories=["kinderen-en-jongeren", "meedoen-sport-en-cultuur"],
        target_groups=["kinderen", "jongeren", "ouders"],
        area=[ASN],
        description=(
            "<p>Met het Kindpakket Assen kan uw kind meedoen. U kiest zelf wat uw kind nodig heeft: "
            "een sportclub, muziekles, schoolspullen of een fiets. 95 van de 100 gezinnen die het "
            "mogen krijgen, gebruiken het al.</p>"
        ),
        benefit="Een tegoed per kind per jaar voor sport, cultuur, schoolspullen of een fiets.",
        # ASSUMED: EUR 300 per child per year (the documents give no amount).
        rules=[
            rule(
                130,
                child=(0, 17),
                households=WITH_CHILDREN,
                amount=300,
                per=BenefitUnit.CHILD,
            )
        ],
        steps=[
            "Vraag het Kindpakket aan op de website van de gemeente Assen.",
            "U krijgt een tegoed. Daarmee kiest u zelf wat uw kind nodig heeft.",
        ],
        documents=[INCOME, BANK],
        location_names=["Stadhuis Assen"],
        keywords="kindpakket, fiets, laptop, schoolspullen, sportclub, kinderen",
    ),
    service(
        "gemeente-coevorden",
        "Doe-Mee-Pas",
        "Met de Doe-Mee-Pas betaalt de gemeente mee aan sport, cultuur en uitjes, voor jong en oud.",
        categories=["meedoen-sport-en-cultuur", "inkomen-en-toeslagen"],
        target_groups=["kinderen", "jongeren", "volwassenen", "ouderen"],
        area=[COE],
        description=(
            "<p>Sinds 2018 kan iedereen met een laag inkomen in Coevorden een Doe-Mee-Pas krijgen, "
            "van jong tot oud. Met de pas betaalt u minder voor sport, muziek, de bibliotheek of "
            "een dagje uit. In de Doe-Mee-webwinkel kiest u zelf.</p>"
        ),
        benefit="Een tegoed per persoon per jaar in de Doe-Mee-webwinkel.",
        # ASSUMED: the documents speak of a "minimuminkomen" without a percentage.
        rules=[rule(120)],
        steps=[
            "Vraag de Doe-Mee-Pas aan bij de gemeente of tijdens het inloopspreekuur van MWC.",
            "U krijgt de pas thuisgestuurd. Kinderen met een pas krijgen vanzelf het Kindpakket.",
        ],
        documents=[ID, INCOME],
        location_names=["Gemeentehuis Coevorden"],
        keywords="doe mee pas, doemeepas, webwinkel, sport, cultuur, bibliotheek",
    ),
    service(
        "gemeente-coevorden",
        "Kindpakket Coevorden",
        "Twee keer per jaar een pakket voor kinderen van 3 tot 18 jaar. U hoeft het niet aan te vragen.",
        slug="kindpakket",
        categories=["kinderen-en-jongeren"],
        target_groups=["kinderen", "jongeren", "ouders"],
        area=[COE],
        description=(
            "<p>Kinderen met een Doe-Mee-Pas krijgen in de zomer en in de winter een pakket thuis. In "
            "het zomerpakket zit een bon voor een dagje uit. Gaat uw kind naar de middelbare school? "
            "Dan betaalt de gemeente de verplichte tablet.</p>"
        ),
        benefit="Een zomerpakket en een winterpakket, en de tablet voor de middelbare school.",
        rules=[rule(120, child=(3, 17), households=WITH_CHILDREN)],
        is_automatic=True,
        steps=[
            "Zorg dat uw kind een Doe-Mee-Pas heeft. Dan krijgt uw kind het pakket vanzelf."
        ],
        keywords="kindpakket, zomerpakket, tablet, middelbare school, dagje uit",
    ),
    service(
        "gemeente-coevorden",
        "Bijzondere bijstand Coevorden",
        "Geld voor noodzakelijke kosten die u zelf niet kunt betalen.",
        slug="bijzondere-bijstand",
        categories=["inkomen-en-toeslagen", "geld-en-schulden"],
        target_groups=["volwassenen"],
        area=[COE],
        description="<p>Heeft u onverwachte kosten die echt nodig zijn, en kunt u ze niet betalen? Vraag dan bijzondere bijstand aan bij de gemeente.</p>",
        rules=[
            rule(120, applicant=(18, None))
        ],  # ASSUMED: 120% as in the WPDA municipalities
        steps=["Vraag het aan bij de gemeente, liefst voordat u de kosten maakt."],
        documents=[ID, INCOME, BANK, "De rekening of offerte"],
        location_names=["Gemeentehuis Coevorden"],
        keywords="bijstand, noodzakelijke kosten",
    ),
    service(
        "gemeente-coevorden",
        "Collectieve zorgverzekering Coevorden",
        "Een goede zorgverzekering waarvan de gemeente een deel van de premie betaalt.",
        slug="gemeentepolis",
        categories=["zorg-en-gezondheid"],
        target_groups=["volwassenen", "ouderen"],
        area=[COE],
        description="<p>Met de gemeentepolis van Zilveren Kruis zijn hoge zorgkosten goed verzekerd. De gemeente betaalt mee aan de premie. Twijfelt u welk pakket past? Vraag het tijdens het inloopspreekuur van MWC.</p>",
        benefit="De gemeente betaalt een deel van de premie.",
        is_free=False,
        cost_description="U betaalt de rest van de premie van de zorgverzekering.",
        rules=[rule(120, applicant=(18, None))],  # ASSUMED
        steps=[
            "Kijk op de website van de gemeente welk pakket bij u past.",
            "Sluit de verzekering af vóór 1 januari.",
        ],
        keywords="zorgverzekering, Zilveren Kruis, gemeentepolis, eigen risico",
    ),
    service(
        "gemeente-midden-drenthe",
        "Uitkering activiteiten",
        "Geld om mee te doen: € 165 per persoon, en € 350 voor kinderen van 12 tot 18 jaar.",
        categories=[
            "meedoen-sport-en-cultuur",
            "kinderen-en-jongeren",
            "inkomen-en-toeslagen",
        ],
        target_groups=["volwassenen", "kinderen", "jongeren"],
        area=[MDR],
        description=(
            "<p>Met een laag inkomen krijgt u in Midden-Drenthe geld voor sport, cultuur of een "
            "uitje. Voor kinderen van 12 tot 18 jaar is het bedrag hoger, omdat zij ook schoolkosten "
            "hebben.</p>"
        ),
        rules=[
            rule(
                130,
                applicant=(18, None),
                benefit="€ 165 per volwassene per jaar.",
                amount=165,
                per=BenefitUnit.ADULT,
            ),
            rule(
                130,
                child=(0, 11),
                benefit="€ 165 per kind tot 12 jaar per jaar.",
                amount=165,
                per=BenefitUnit.CHILD,
            ),
            rule(
                130,
                child=(12, 17),
                benefit="€ 350 per kind van 12 tot 18 jaar per jaar.",
                amount=350,
                per=BenefitUnit.CHILD,
            ),
        ],
        steps=[
            "Vraag de uitkering aan bij de gemeente Midden-Drenthe.",
            "U krijgt het geld één keer per jaar.",
        ],
        documents=[ID, INCOME],
        location_names=["Gemeentehuis Beilen"],
        keywords="uitkering activiteiten, meedoen, schoolkosten, sport",
    ),
    service(
        "gemeente-midden-drenthe",
        "Participatiepremie",
        "€ 150 één keer per zes maanden als u werkt op een participatieplaats.",
        categories=["werk-en-dagbesteding", "inkomen-en-toeslagen"],
        target_groups=["volwassenen"],
        area=[MDR],
        description=(
            "<p>Werkt u met een bijstandsuitkering op een participatieplaats? Dan krijgt u voor het "
            "eerst na zes maanden een premie van € 150. Daarna krijgt u de premie elke zes maanden.</p>"
        ),
        benefit="€ 150 per zes maanden.",
        rules=[rule(applicant=(18, 66), amount=150, every=BenefitPeriod.HALF_YEAR)],
        is_automatic=True,
        eligibility_note="U werkt op een participatieplaats en heeft een bijstandsuitkering.",
        steps=["U hoeft niets aan te vragen: uw klantmanager regelt de premie."],
        keywords="participatieplaats, premie, werk, bijstand",
    ),
    service(
        "gemeente-midden-drenthe",
        "Bijzondere bijstand Midden-Drenthe",
        "Geld voor noodzakelijke kosten die u zelf niet kunt betalen.",
        slug="bijzondere-bijstand",
        categories=["inkomen-en-toeslagen", "geld-en-schulden"],
        target_groups=["volwassenen"],
        area=[MDR],
        description="<p>Voor kosten die echt nodig zijn en die u niet zelf kunt betalen, bijvoorbeeld een wasmachine die kapot is of reiskosten naar het ziekenhuis.</p>",
        rules=[rule(120, applicant=(18, None))],  # ASSUMED
        steps=["Vraag het aan bij de gemeente."],
        documents=[ID, INCOME, BANK],
        location_names=["Gemeentehuis Beilen"],
        keywords="bijstand, noodzakelijke kosten",
    ),
    # --- GKB -------------------------------------------------------------------------
    service(
        "gkb",
        "Schuldhulpverlening",
        "Hulp als u schulden heeft en er zelf niet meer uitkomt. Het is gratis.",
        categories=["geld-en-schulden"],
        target_groups=["mensen-met-schulden", "volwassenen"],
        area=[AAH, ASN, TYN, MDR],
        description=(
            "<p>Heeft u schulden? U bent niet de enige, en er is hulp. Eerst zorgen we samen dat uw "
            "huur, energie en zorgverzekering betaald worden. Daarna kijken we naar uw schulden. "
            "Soms is een schuldregeling mogelijk: na een paar jaar bent u dan schuldenvrij.</p>"
        ),
        benefit="Rust in uw geldzaken en een plan voor uw schulden.",
        steps=[
            "Bel de GKB of meld u aan op de website. U mag ook iemand meenemen.",
            "U krijgt binnen 2 weken een eerste gesprek.",
            "Samen maken we een plan. U krijgt één vaste contactpersoon.",
        ],
        documents=[ID, BANK, LETTERS, INCOME, "Uw huurcontract en energiecontract"],
        location_names=["GKB Assen", "GKB spreekuur Beilen"],
        keywords="schulden, rood staan, aanmaning, deurwaarder, incasso, betalingsachterstand, schuldsanering",
    ),
    service(
        "gkb",
        "Budgetbeheer",
        "De GKB betaalt uw vaste lasten voor u, zodat er geen nieuwe schulden komen.",
        categories=["geld-en-schulden"],
        target_groups=["mensen-met-schulden"],
        area=[AAH, ASN, TYN, MDR],
        description=(
            "<p>Bij budgetbeheer komt uw inkomen binnen bij de GKB. De GKB betaalt eerst uw huur, "
            "energie en verzekeringen. De rest krijgt u elke week als leefgeld.</p>"
        ),
        is_free=False,
        cost_description="Een kleine bijdrage per maand. Vaak betaalt de gemeente die voor u. De GKB vertelt u het bedrag.",
        steps=[
            "Vraag naar budgetbeheer in uw gesprek met de GKB.",
            "Samen maakt u een begroting.",
        ],
        documents=[ID, INCOME, BANK],
        location_names=["GKB Assen"],
        keywords="budgetbeheer, leefgeld, vaste lasten, inkomensbeheer",
    ),
    service(
        "gkb",
        "Cursus: grip op uw geld",
        "Een gratis cursus van drie avonden: overzicht in uw geld en schulden voorkomen.",
        slug="cursus-grip-op-geld",
        categories=["geld-en-schulden", "mensen-ontmoeten"],
        target_groups=["volwassenen", "jongeren"],
        area=[AAH, ASN, TYN, MDR],
        description="<p>In een kleine groep leert u hoe u overzicht houdt in uw geld. U leert ook wat u kunt doen als het toch misgaat.</p>",
        benefit="Drie avonden met tips en een huishoudboekje.",
        steps=[
            "Meld u aan bij de GKB.",
            "U krijgt een uitnodiging voor de eerstvolgende cursus.",
        ],
        location_names=["GKB Assen"],
        keywords="cursus, geld, preventie, huishoudboekje, overzicht",
    ),
    # --- Attenta ---------------------------------------------------------------------
    service(
        "attenta",
        "Hulp van een sociaal werker",
        "Een sociaal werker helpt u met geldzorgen, opvoeden, mantelzorg of eenzaamheid. Het is gratis.",
        slug="sociaal-werk",
        categories=["geld-en-schulden", "opvoeden-en-gezin", "zorg-en-gezondheid"],
        target_groups=["volwassenen", "ouders", "ouderen"],
        area=[AAH],
        description=(
            "<p>Met elke vraag kunt u bij Attenta terecht. Een sociaal werker luistert en zoekt met u "
            "naar wat helpt. Zijn er meer problemen tegelijk? Dan maakt u samen één plan, met één "
            "vast aanspreekpunt.</p>"
        ),
        steps=[
            "Bel Attenta of kom naar de inloop.",
            "U krijgt een afspraak, bij u thuis als u dat wilt.",
        ],
        location_names=["Attenta Gieten", "Attenta Annen"],
        is_at_home=True,
        keywords="maatschappelijk werk, sociaal werker, geldzorgen, opvoeding, mantelzorg, eenzaam",
    ),
    service(
        "attenta",
        "Voorzieningenwijzer Aa en Hunze",
        "In één gesprek kijken we naar alle regelingen en besparingen waar u recht op heeft.",
        slug="voorzieningenwijzer",
        categories=["inkomen-en-toeslagen", "geld-en-schulden"],
        target_groups=["volwassenen", "huurders"],
        area=[AAH],
        description=(
            "<p>Een consulent kijkt samen met u naar uw toeslagen, regelingen, zorgverzekering en "
            "energiecontract. Gemiddeld bespaart u zo honderden euro’s per jaar.</p>"
        ),
        benefit="Een overzicht van wat u kunt aanvragen en besparen.",
        steps=[
            "Maak een afspraak bij Attenta.",
            "De consulent komt bij u thuis of u komt naar Gieten.",
        ],
        documents=[INCOME, "Uw polis van de zorgverzekering", "Uw energierekening"],
        location_names=["Attenta Gieten"],
        is_at_home=True,
        keywords="voorzieningenwijzer, besparen, toeslagen, regelingen, check",
    ),
    # --- Impuls ----------------------------------------------------------------------
    service(
        "impuls",
        "Adviesloket Aa en Hunze",
        "Gratis hulp van een vrijwilliger bij brieven, formulieren en administratie.",
        slug="adviesloket",
        categories=["taal-en-formulieren", "geld-en-schulden"],
        target_groups=["volwassenen", "ouderen"],
        area=[AAH],
        description=(
            "<p>Snapt u een brief niet, of moet u een formulier invullen? Kom langs bij het Adviesloket. "
            "Een vrijwilliger helpt u. Het loket is 2 uur per week open.</p>"
        ),
        walk_in_hours=[hours("4", (10, 0), (12, 0), "zonder afspraak")],
        steps=[
            "Kom op donderdag tussen 10 en 12 uur langs.",
            "Neem de brief of het formulier mee.",
        ],
        documents=[
            "De brief of het formulier waar het om gaat",
            "Uw DigiD, als u die heeft",
        ],
        location_names=["Impuls Gieten"],
        keywords="formulier, brief, DigiD, administratie, invulhulp, toeslag aanvragen",
    ),
    service(
        "impuls",
        "Sociale activering",
        "Weer iets te doen hebben: vrijwilligerswerk of een activiteit die bij u past.",
        categories=["werk-en-dagbesteding", "mensen-ontmoeten"],
        target_groups=["volwassenen"],
        area=[AAH],
        description="<p>Zit u veel thuis en wilt u weer meedoen? Impuls zoekt met u naar vrijwilligerswerk of een activiteit in uw dorp.</p>",
        steps=[
            "Bel Impuls voor een kennismaking.",
            "Samen zoekt u een plek die bij u past.",
        ],
        location_names=["Impuls Gieten"],
        keywords="vrijwilligerswerk, dagbesteding, meedoen, activiteit",
    ),
    # --- Voedselbank -----------------------------------------------------------------
    service(
        "voedselbank-hart-van-drenthe",
        "Voedselpakket",
        "Elke week gratis boodschappen als u te weinig geld heeft voor eten.",
        categories=["eten-en-kleding"],
        target_groups=["volwassenen", "ouders"],
        area=[AAH, ASN, MDR, TYN],
        description=(
            "<p>Met een voedselpakket krijgt u elke week boodschappen: brood, groente, zuivel en "
            "houdbare producten. U haalt het pakket op bij een uitgiftepunt bij u in de buurt.</p>"
        ),
        benefit="Elke week een pakket met boodschappen, voor maximaal 3 jaar.",
        eligibility_note=(
            "De voedselbank kijkt naar wat u per maand overhoudt na uw vaste lasten. Een "
            "hulpverlener meldt u aan."
        ),
        steps=[
            "Vraag een hulpverlener (bijvoorbeeld een sociaal werker) om u aan te melden.",
            "De voedselbank belt u voor een gesprek.",
            "Haal elke week uw pakket op bij het uitgiftepunt.",
        ],
        documents=[
            INCOME,
            BANK,
            "Overzicht van uw vaste lasten (huur, energie, verzekeringen)",
        ],
        location_names=[
            "Uitgiftepunt Assen-Oost",
            "Uitgiftepunt Assen-West",
            "Uitgiftepunt Gieten",
            "Uitgiftepunt Rolde",
            "Uitgiftepunt Beilen",
            "Uitgiftepunt Vries",
            "Uitgiftepunt Zuidlaren",
        ],
        keywords="eten, boodschappen, voedsel, honger, pakket",
        languages=["nl", "en", "uk", "ar"],
    ),
    service(
        "voedselbank-hart-van-drenthe",
        "Kerstpakkettenactie",
        "In december een kerstpakket voor klanten van de voedselbank, samen met Stichting Helper.",
        categories=["eten-en-kleding"],
        target_groups=["volwassenen", "ouders"],
        area=[AAH],
        description="<p>Elk jaar in december geven de Voedselbank en Stichting Helper een kerstpakket aan huishoudens in Aa en Hunze die het moeilijk hebben.</p>",
        eligibility_note="U bent klant van de voedselbank, of een hulpverlener meldt u aan.",
        steps=[
            "Klanten van de voedselbank krijgen het pakket vanzelf.",
            "Anderen: vraag een hulpverlener u vóór 1 december aan te melden.",
        ],
        location_names=["Uitgiftepunt Gieten", "Uitgiftepunt Rolde"],
        keywords="kerst, kerstpakket, december",
    ),
    # --- Jeugdfonds, Kinderhulp, Jarige Job, Leergeld ----------------------------------
    service(
        "jeugdfonds-sport-cultuur",
        "Sport of cultuur betaald door het Jeugdfonds",
        "Het Jeugdfonds betaalt de contributie of het lesgeld van uw kind.",
        slug="sport-en-cultuur",
        categories=["meedoen-sport-en-cultuur", "kinderen-en-jongeren"],
        target_groups=["kinderen", "jongeren", "ouders"],
        area=[AAH, ASN, TYN, COE, MDR],
        description=(
            "<p>Wil uw kind op voetbal, muziekles, judo of theaterles? Het Jeugdfonds betaalt de "
            "contributie of het lesgeld rechtstreeks aan de club. Soms ook de spullen, zoals "
            "voetbalschoenen. De leeftijd verschilt per gemeente.</p>"
        ),
        benefit="Contributie of lesgeld, tot een vast bedrag per jaar.",
        rules=[
            rule(
                120, where=[AAH, TYN], child=(4, 17)
            ),  # ASSUMED: 120% as the meedoen-beleid of Aa en Hunze
            rule(
                130, where=[ASN], child=(4, 17), amount=225, per=BenefitUnit.CHILD
            ),  # ASSUMED: 130% as the Kindpakket Assen; EUR 225 per child per year
            rule(130, where=[MDR], child=(4, 17)),
            rule(
                120, where=[COE], child=(0, 17)
            ),  # ASSUMED: Coevorden as a 0-17 municipality
        ],
        steps=[
            "Vraag de leerkracht, de sociaal werker of de jeugdverpleegkundige om een aanvraag te doen.",
            "Kies samen met uw kind een club of les.",
            "Het Jeugdfonds betaalt de club. U hoeft niets voor te schieten.",
        ],
        keywords="sportclub, contributie, lesgeld, muziekles, zwemmen, voetbal, dansles",
    ),
    service(
        "nationaal-fonds-kinderhulp",
        "Hulp van Kinderhulp",
        "Kinderhulp betaalt wat een kind nodig heeft als er geen andere regeling is.",
        slug="hulp-voor-kinderen",
        categories=["kinderen-en-jongeren"],
        target_groups=["kinderen", "jongeren", "professionals"],
        area=[AAH, ASN, TYN, COE, MDR],
        description="<p>Bijvoorbeeld een fiets, een schoolkamp of zwemles. Kinderhulp helpt alleen als geen andere regeling het betaalt.</p>",
        rules=[rule(child=(0, 20))],
        eligibility_note="Een hulpverlener doet de aanvraag, en andere regelingen betalen het niet.",
        steps=["Vraag uw hulpverlener om een aanvraag te doen bij Kinderhulp."],
        keywords="fonds, fiets, zwemles, schoolkamp, kinderen",
    ),
    service(
        "jarige-job",
        "Verjaardagsbox",
        "Een box ter waarde van € 35 met alles om de verjaardag van uw kind te vieren.",
        categories=["kinderen-en-jongeren", "eten-en-kleding"],
        target_groups=["kinderen", "ouders"],
        area=[AAH, ASN, TYN, COE, MDR],
        description="<p>In de verjaardagsbox zitten slingers, een cadeautje, iets om te trakteren op school en ingrediënten voor een taart.</p>",
        benefit="Een verjaardagsbox ter waarde van € 35.",
        rules=[rule(child=(4, 17), amount=35, per=BenefitUnit.CHILD)],
        steps=[
            "Vraag de voedselbank of uw hulpverlener om uw kind aan te melden, minstens 6 weken voor de verjaardag.",
            "De box wordt bij u thuis bezorgd.",
        ],
        keywords="verjaardag, traktatie, jarig, feestje, cadeau",
    ),
    service(
        "leergeld-noord-drenthe",
        "Leergeld: spullen voor school",
        "Een laptop, fiets of schoolreis voor kinderen van 4 tot 18 jaar als er thuis weinig geld is.",
        slug="spullen-voor-school",
        categories=["kinderen-en-jongeren", "meedoen-sport-en-cultuur"],
        target_groups=["kinderen", "jongeren", "ouders"],
        area=[ASN, AAH, TYN],
        description=(
            "<p>Leergeld helpt als uw kind niet mee kan doen op school of in de vrije tijd. Een "
            "vrijwilliger komt bij u thuis en kijkt met u wat nodig is.</p>"
        ),
        benefit="Bijvoorbeeld een laptop, fiets, schoolreis of sportspullen.",
        rules=[rule(120, child=(4, 17), households=WITH_CHILDREN)],  # ASSUMED: 120%
        steps=[
            "Bel of mail Leergeld.",
            "Een vrijwilliger maakt een afspraak bij u thuis.",
            "Leergeld betaalt de winkel of de school.",
        ],
        documents=[INCOME, BANK],
        is_at_home=True,
        keywords="laptop, fiets, schoolreis, schoolspullen, leergeld",
    ),
    # --- Humanitas -------------------------------------------------------------------
    service(
        "humanitas",
        "Thuisadministratie",
        "Een vrijwilliger helpt u thuis om uw papieren en geldzaken op orde te krijgen.",
        categories=["geld-en-schulden", "taal-en-formulieren"],
        target_groups=["volwassenen", "ouderen", "mensen-met-schulden"],
        area=[AAH, ASN, COE, MDR],
        description=(
            "<p>Een vrijwilliger komt bij u thuis. Samen sorteert u uw post, maakt u een overzicht "
            "van inkomsten en uitgaven en vraagt u toeslagen aan. Als het nodig is, helpt de "
            "vrijwilliger bij een aanvraag voor schuldhulp bij de GKB.</p>"
        ),
        benefit="Een vaste vrijwilliger, zolang als nodig.",
        steps=[
            "Bel of mail Humanitas.",
            "Een vrijwilliger belt u binnen een week voor een eerste afspraak.",
        ],
        is_at_home=True,
        keywords="administratie, post, papieren, toeslagen, vrijwilliger, thuis",
    ),
    service(
        "humanitas",
        "Kindervakantieweek",
        "Een week vakantie voor kinderen die thuis geen zorgeloze tijd hebben.",
        categories=["kinderen-en-jongeren", "mensen-ontmoeten"],
        target_groups=["kinderen"],
        area=[AAH],
        description="<p>Een week spelen, zwemmen en samen eten met andere kinderen, met vrijwilligers van Humanitas. De week is in de zomervakantie.</p>",
        rules=[rule(child=(7, 12))],  # ASSUMED: ages
        steps=["Vraag de school of uw hulpverlener om uw kind aan te melden."],
        status=ServiceStatus.TEMPORARILY_CLOSED,
        status_note="Aanmelden voor de zomer kan weer vanaf 1 maart.",
        keywords="vakantie, kamp, zomer, kinderen",
    ),
    # --- Stichting Helper -------------------------------------------------------------
    service(
        "stichting-helper",
        "Advies en noodhulp",
        "Advies als u geldzorgen heeft, en in nood een tas met boodschappen.",
        categories=["geld-en-schulden", "eten-en-kleding"],
        target_groups=["volwassenen", "mensen-met-schulden"],
        area=[AAH],
        description="<p>De mensen van Stichting Helper weten hoe het is om weinig geld te hebben. Ze luisteren, geven advies en helpen u op weg naar de juiste hulp.</p>",
        steps=[
            "Bel of mail Stichting Helper.",
            "U krijgt snel antwoord, ook in het weekend.",
        ],
        keywords="noodhulp, advies, boodschappen, geldzorgen",
    ),
    # --- MWC (Coevorden) --------------------------------------------------------------
    service(
        "mwc",
        "Voorzieningenwijzer Coevorden",
        "In één gesprek ziet u alle regelingen en besparingen. Gemiddeld bespaart u honderden euro’s.",
        slug="voorzieningenwijzer",
        categories=["inkomen-en-toeslagen", "geld-en-schulden", "wonen-en-energie"],
        target_groups=["volwassenen", "huurders"],
        area=[COE],
        description=(
            "<p>Een consulent van MWC kijkt met u naar toeslagen, gemeentelijke regelingen, uw "
            "zorgverzekering en uw energiecontract. Nieuwe huurders van Domesta krijgen dit gesprek "
            "altijd aangeboden.</p>"
        ),
        benefit="Een persoonlijk overzicht van wat u kunt aanvragen en besparen.",
        steps=["Maak een afspraak bij MWC of kom naar het inloopspreekuur."],
        documents=[INCOME, "Uw polis van de zorgverzekering", "Uw energierekening"],
        location_names=["MWC Coevorden", "MWC Dalen"],
        is_at_home=True,
        keywords="voorzieningenwijzer, besparen, regelingen, check, toeslagen",
    ),
    service(
        "mwc",
        "Inloopspreekuur MWC",
        "Zonder afspraak langskomen met vragen over geld, brieven, uw gezin of de zorgverzekering.",
        slug="inloopspreekuur",
        categories=["geld-en-schulden", "taal-en-formulieren", "opvoeden-en-gezin"],
        target_groups=["volwassenen", "ouders"],
        area=[COE],
        description="<p>Op maandag, woensdag en vrijdag kunt u zonder afspraak binnenlopen. Een sociaal werker helpt u direct of maakt een afspraak.</p>",
        walk_in_hours=[hours("1,3,5", (9, 0), (11, 0))],
        steps=[
            "Kom langs tijdens het spreekuur. Neem de brieven mee waar het om gaat."
        ],
        location_names=["MWC Coevorden"],
        keywords="inloop, spreekuur, vragen, hulp, brieven",
    ),
    service(
        "mwc",
        "Gezinscoach",
        "Een gezinscoach helpt uw gezin als er veel tegelijk speelt, ook met geld.",
        categories=["opvoeden-en-gezin", "kinderen-en-jongeren"],
        target_groups=["ouders"],
        area=[COE],
        description="<p>De gezinscoach komt bij u thuis en helpt met opvoeden, geld en de toekomst van uw kinderen. Samen breekt u patronen die al lang in de familie zitten.</p>",
        rules=[rule(households=WITH_CHILDREN)],
        steps=["Bel MWC en vraag naar een gezinscoach."],
        is_at_home=True,
        keywords="gezin, opvoeding, coach, ouders, kinderen",
    ),
    # --- Coevorden: fondsen, cultuur, wonen ----------------------------------------------
    service(
        "rudie-zwols-fonds",
        "Steun uit het Rudie Zwols Fonds",
        "Geld voor iets wat u echt nodig heeft, als er geen andere regeling is.",
        slug="steun",
        categories=["geld-en-schulden", "wonen-en-energie"],
        target_groups=["volwassenen", "professionals"],
        area=[COE],
        description="<p>Bijvoorbeeld een bed, keukenspullen of reiskosten. Het fonds helpt inwoners van Coevorden die net buiten de regelingen vallen.</p>",
        eligibility_note="Een hulpverlener doet de aanvraag, en andere regelingen betalen het niet.",
        steps=["Vraag uw hulpverlener, bijvoorbeeld bij MWC, om een aanvraag te doen."],
        keywords="fonds, noodfonds, bed, meubels, reiskosten",
    ),
    service(
        "loods13",
        "Project Moederliefde",
        "Theater en muzieklessen voor alleenstaande moeders. Dit project is afgelopen.",
        slug="moederliefde",
        categories=["mensen-ontmoeten", "meedoen-sport-en-cultuur"],
        target_groups=["ouders"],
        area=[COE],
        description="<p>Acht alleenstaande moeders maakten samen een voorstelling en kregen lessen bij Loods13. Het project heeft hun zelfvertrouwen versterkt.</p>",
        status=ServiceStatus.ENDED,
        status_note="Het project is afgelopen. Vraag MWC naar andere activiteiten.",
        keywords="theater, moeders, cultuur",
    ),
    service(
        "domesta",
        "Hulp bij een huurachterstand",
        "Loopt u achter met de huur? Bel op tijd, dan zoeken we samen een oplossing.",
        slug="huurachterstand",
        categories=["wonen-en-energie", "geld-en-schulden"],
        target_groups=["huurders", "mensen-met-schulden"],
        area=[COE],
        description="<p>Een medewerker maakt met u een betaalregeling. Is er meer aan de hand? Dan brengen we u met uw toestemming in contact met MWC.</p>",
        steps=[
            "Bel Domesta zodra u een betaling mist.",
            "Samen maakt u een betaalregeling.",
        ],
        keywords="huur, huurachterstand, betaalregeling, huisuitzetting",
    ),
    # --- Assen: Vaart Welzijn, Kledingbank, ruilen, babyspullen, Actium --------------------
    service(
        "vaart-welzijn",
        "Maatwerkregeling gebruiksgoederen",
        "Geld voor een koelkast, wasmachine of fiets als die ontbreekt of kapot is.",
        categories=["wonen-en-energie", "inkomen-en-toeslagen"],
        target_groups=["volwassenen", "ouders"],
        area=[ASN],
        description=(
            "<p>Is uw koelkast, wasmachine of fiets kapot, en heeft u geen geld voor een nieuwe? "
            "Dan kunt u de maatwerkregeling aanvragen bij Vaart Welzijn. De regeling was vroeger de "
            "witgoedregeling.</p>"
        ),
        benefit="Een nieuwe of goede tweedehands koelkast, wasmachine, fiets of ander noodzakelijk spul.",
        rules=[rule(140)],
        steps=[
            "Bel Vaart Welzijn of kom naar de inloop.",
            "Een consulent bekijkt met u wat nodig is.",
        ],
        documents=[ID, INCOME, BANK],
        location_names=["Buurthuis Assen-Oost", "Buurthuis Kloosterveen"],
        keywords="witgoed, wasmachine, koelkast, fiets, kapot, gebruiksgoederen",
    ),
    service(
        "vaart-welzijn",
        "Huisbezoek bij een betalingsachterstand",
        "Heeft u een brief gekregen over een achterstand? Een buurtteam komt langs om te helpen.",
        slug="huisbezoek-achterstand",
        categories=["geld-en-schulden", "wonen-en-energie"],
        target_groups=["mensen-met-schulden", "huurders"],
        area=[ASN],
        description=(
            "<p>Als u achterloopt met huur, energie of water, krijgt de gemeente een seintje. U krijgt "
            "dan een brief. Een buurtteam van Vaart Welzijn kan bij u langskomen. Samen kijkt u hoe "
            "u de achterstand oplost, voordat het een grote schuld wordt.</p>"
        ),
        steps=[
            "Bel het nummer in de brief, of bel Vaart Welzijn.",
            "Het buurtteam maakt een afspraak bij u thuis.",
        ],
        is_at_home=True,
        keywords="vroegsignalering, achterstand, brief, huur, energie, water, huisbezoek",
    ),
    service(
        "vaart-welzijn",
        "Voorzieningenwijzer Assen",
        "Een consulent kijkt met u welke regelingen en besparingen er voor u zijn.",
        slug="voorzieningenwijzer",
        categories=["inkomen-en-toeslagen", "geld-en-schulden"],
        target_groups=["volwassenen", "huurders"],
        area=[ASN],
        description="<p>Samen met WPDA en woningcorporatie Actium helpt Vaart Welzijn u uitzoeken waar u recht op heeft. U kunt ook zelf kijken op datgeldtvoormij.nl.</p>",
        steps=[
            "Maak een afspraak met de consulent Voorzieningenwijzer van Vaart Welzijn."
        ],
        documents=[INCOME, "Uw polis van de zorgverzekering", "Uw energierekening"],
        location_names=["Buurthuis Assen-Oost"],
        keywords="voorzieningenwijzer, besparen, regelingen, datgeldtvoormij",
    ),
    service(
        "vaart-welzijn",
        "Gesprek voor je 18e verjaardag",
        "Word je bijna 18? Dan verandert er veel met geld. Praat erover met Vaart Welzijn.",
        slug="bijna-18",
        categories=["geld-en-schulden", "kinderen-en-jongeren"],
        target_groups=["jongeren"],
        area=[ASN],
        description=(
            "<p>Als je 18 wordt, moet je zelf een zorgverzekering regelen, zorgtoeslag aanvragen en "
            "kun je leningen afsluiten. Alle jongeren in Assen krijgen een half jaar voor hun 18e "
            "verjaardag een brief met een uitnodiging voor een gesprek.</p>"
        ),
        rules=[rule(applicant=(17, 18))],
        steps=["Bel of app Vaart Welzijn om een afspraak te maken."],
        keywords="18 jaar, jongeren, zorgverzekering, zorgtoeslag, volwassen",
    ),
    service(
        "kledingbank-assen",
        "Kleding uitzoeken",
        "Gratis kleding en schoenen uitzoeken voor uzelf en uw kinderen.",
        categories=["eten-en-kleding"],
        target_groups=["volwassenen", "ouders", "kinderen"],
        area=[ASN],
        description="<p>In de Kledingbank zoekt u zelf kleding en schoenen uit. Voor volwassenen, kinderen en baby’s.</p>",
        eligibility_note="U heeft een laag inkomen. Neem een verwijzing mee van een hulpverlener.",
        steps=[
            "Vraag een verwijzing aan uw hulpverlener.",
            "Kom op dinsdag of donderdag langs.",
        ],
        documents=["De verwijzing van uw hulpverlener"],
        location_names=["Kledingbank Assen"],
        keywords="kleding, schoenen, jas, kinderkleding, sociale winkel",
    ),
    service(
        "wij-ruilen-en-geven-weg",
        "Ruilen en weggeven",
        "Spullen die u niet meer nodig heeft geven aan anderen, of zelf iets krijgen.",
        categories=["eten-en-kleding", "mensen-ontmoeten"],
        target_groups=["volwassenen", "ouders"],
        area=[ASN],
        description="<p>Kleding, speelgoed, meubels: wat de een over heeft, kan de ander goed gebruiken. Iedereen mag meedoen.</p>",
        steps=[
            "Kom naar de ruilmiddag of doe mee in de groep van ‘Wij ruilen en geven weg’."
        ],
        keywords="ruilen, weggeven, tweedehands, gratis, speelgoed, meubels",
    ),
    service(
        "stichting-babyspullen",
        "Babypakket",
        "Een pakket met kleertjes, luiers en spullen voor de eerste tijd met uw baby.",
        categories=["kinderen-en-jongeren", "eten-en-kleding", "opvoeden-en-gezin"],
        target_groups=["ouders"],
        area=[ASN, MDR],
        description="<p>Krijgt u een baby en heeft u weinig geld? Dan krijgt u een babypakket met alles voor de eerste maanden.</p>",
        eligibility_note="Een verloskundige, het consultatiebureau of een hulpverlener vraagt het pakket aan.",
        steps=[
            "Vraag uw verloskundige of hulpverlener om het pakket aan te vragen, uiterlijk 6 weken voor de uitgerekende datum."
        ],
        keywords="baby, zwanger, luiers, babykleding, kraampakket",
    ),
    service(
        "actium",
        "Hulp bij een huurachterstand",
        "Kunt u de huur niet betalen? Bel Actium op tijd, dan maken we samen een regeling.",
        slug="huurachterstand",
        categories=["wonen-en-energie", "geld-en-schulden"],
        target_groups=["huurders", "mensen-met-schulden"],
        area=[ASN],
        description="<p>Samen maken we een betaalregeling. Nieuwe huurders kunnen ook de Voorzieningenwijzer doen bij Vaart Welzijn.</p>",
        steps=["Bel Actium zodra u een betaling mist."],
        keywords="huur, huurachterstand, betaalregeling",
    ),
    service(
        "adviesraad-sociaal-domein-midden-drenthe",
        "Meepraten over armoedebeleid",
        "Vertel de adviesraad wat u meemaakt. Zo wordt het beleid beter.",
        slug="meepraten",
        categories=["mensen-ontmoeten"],
        target_groups=["volwassenen"],
        area=[MDR],
        description="<p>De adviesraad praat met inwoners over regelingen zoals de Uitkering activiteiten. Uw ervaring helpt de gemeente om regelingen beter te maken.</p>",
        steps=["Mail de adviesraad. U kunt ook naar een open bijeenkomst komen."],
        keywords="adviesraad, meepraten, inspraak, beleid",
    ),
]

# Pages with an old check, to show the freshness report and reminders in the demo.
STALE_DEMO = {
    # (organisation slug, service slug or None): days since the last check
    ("kledingbank-assen", "kleding-uitzoeken"): 240,
    ("stichting-helper", None): 300,
    ("rudie-zwols-fonds", "steun"): 200,
    ("wij-ruilen-en-geven-weg", "ruilen-en-weggeven"): 400,
}

# Open mistake reports in the demo queue: (organisation slug, service slug, kind, message)
DEMO_REPORTS = [
    (
        "kledingbank-assen",
        "kleding-uitzoeken",
        "wrong_address",
        "De kledingbank is op donderdag al om 14.00 uur dicht.",
    ),
    (
        "gkb",
        "schuldhulpverlening",
        "wrong_phone",
        "Het nummer geeft een bandje dat het niet meer in gebruik is.",
    ),
]
