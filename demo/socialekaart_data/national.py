"""National schemes residents look for that the pact does not run (issue 11): pages of
the national organisations, marked ``is_national``. They are findable in search and
listed in "Wat past bij mij?" as pointers, not as the pact's offerings. No address or
phone number here: the pages send residents to the organisations' own websites (real
addresses, public information).
"""

from demo.socialekaart_data.services import service

ALL = ["aa-en-hunze", "assen", "tynaarlo", "coevorden", "midden-drenthe"]
TOESLAGEN = "https://www.belastingdienst.nl/wps/wcm/connect/nl/toeslagen/toeslagen"

NATIONAL_ORGANISATION_PAGES = {
    "dienst-toeslagen": {
        "title": "Dienst Toeslagen",
        "summary": "Huurtoeslag, zorgtoeslag, kinderopvangtoeslag en kindgebonden budget vraagt u aan bij de Dienst Toeslagen.",
        "description": "<p>De Dienst Toeslagen hoort bij het ministerie van Financiën. Het is geen partner van het armoedepact. Op de website rekent u uit of u een toeslag krijgt, en vraagt u hem aan met DigiD.</p>",
        "website": TOESLAGEN,
    },
    "svb": {
        "title": "Sociale Verzekeringsbank (SVB)",
        "summary": "Kinderbijslag en AOW vraagt u aan bij de SVB.",
        "description": "<p>De SVB betaalt de kinderbijslag en de AOW. Het is geen partner van het armoedepact.</p>",
        "website": "https://www.svb.nl",
    },
    "uwv": {
        "title": "UWV",
        "summary": "Een WW-uitkering, een uitkering als u ziek bent of Wajong vraagt u aan bij het UWV.",
        "description": "<p>Het UWV betaalt uitkeringen als u werkloos of ziek bent, en helpt bij werk zoeken. Het is geen partner van het armoedepact.</p>",
        "website": "https://www.uwv.nl",
    },
}


def national(organisation, title, summary, *, website, **fields):
    return service(
        organisation,
        title,
        summary,
        area=ALL,
        website=website,
        eligibility_note=(
            "Dit is een landelijke regeling. De organisatie kijkt zelf of u hem krijgt."
        ),
        **fields,
    )


NATIONAL_SERVICES = [
    national(
        "dienst-toeslagen",
        "Huurtoeslag",
        "Geld van het Rijk voor uw huur, als u een huis huurt en een laag inkomen heeft.",
        categories=["wonen-en-energie", "inkomen-en-toeslagen"],
        target_groups=["huurders"],
        website="https://www.belastingdienst.nl/wps/wcm/connect/nl/huurtoeslag/huurtoeslag",
        steps=[
            "Reken op de website van de Dienst Toeslagen uit of u huurtoeslag krijgt.",
            "Vraag het aan met DigiD.",
        ],
        keywords="huurtoeslag, huur, toeslag, belastingdienst, dienst toeslagen",
    ),
    national(
        "dienst-toeslagen",
        "Zorgtoeslag",
        "Geld van het Rijk voor de premie van uw zorgverzekering, als uw inkomen laag is.",
        categories=["zorg-en-gezondheid", "inkomen-en-toeslagen"],
        target_groups=["volwassenen"],
        website="https://www.belastingdienst.nl/wps/wcm/connect/nl/zorgtoeslag/zorgtoeslag",
        steps=[
            "Reken op de website van de Dienst Toeslagen uit of u zorgtoeslag krijgt.",
            "Vraag het aan met DigiD.",
        ],
        keywords="zorgtoeslag, zorgverzekering, premie, toeslag, belastingdienst",
    ),
    national(
        "dienst-toeslagen",
        "Kinderopvangtoeslag",
        "Geld van het Rijk voor de kinderopvang, als u werkt of een opleiding volgt.",
        categories=["kinderen-en-jongeren", "inkomen-en-toeslagen"],
        target_groups=["ouders", "kinderen"],
        website="https://www.belastingdienst.nl/wps/wcm/connect/nl/kinderopvangtoeslag/kinderopvangtoeslag",
        steps=[
            "Reken op de website van de Dienst Toeslagen uit of u kinderopvangtoeslag krijgt.",
            "Vraag het aan met DigiD, binnen 3 maanden na de start van de opvang.",
        ],
        keywords="kinderopvangtoeslag, kinderopvang, opvang, creche, bso, gastouder, toeslag",
    ),
    national(
        "dienst-toeslagen",
        "Kindgebonden budget",
        "Geld van het Rijk voor de kosten van uw kinderen tot 18 jaar, naast de kinderbijslag.",
        categories=["kinderen-en-jongeren", "inkomen-en-toeslagen"],
        target_groups=["ouders", "kinderen"],
        website="https://www.belastingdienst.nl/wps/wcm/connect/nl/kindgebonden-budget/kindgebonden-budget",
        steps=[
            "Heeft u kinderbijslag? Dan krijgt u het kindgebonden budget vaak vanzelf.",
            "Reken op de website van de Dienst Toeslagen uit of u het krijgt.",
        ],
        keywords="kindgebonden budget, alleenstaande-ouderkop, kinderen, toeslag",
    ),
    national(
        "svb",
        "Kinderbijslag",
        "Geld van de SVB voor de kosten van uw kinderen tot 18 jaar.",
        categories=["kinderen-en-jongeren", "inkomen-en-toeslagen"],
        target_groups=["ouders", "kinderen"],
        website="https://www.svb.nl/nl/kinderbijslag",
        steps=["Vraag kinderbijslag aan op de website van de SVB, met DigiD."],
        keywords="kinderbijslag, svb, kinderen",
    ),
    national(
        "svb",
        "AOW",
        "Het pensioen van het Rijk vanaf uw AOW-leeftijd, van de SVB.",
        categories=["inkomen-en-toeslagen"],
        target_groups=["ouderen"],
        website="https://www.svb.nl/nl/aow",
        steps=["Vraag de AOW aan op de website van de SVB, met DigiD."],
        keywords="aow, pensioen, svb, ouderen",
    ),
    national(
        "uwv",
        "WW-uitkering en andere uitkeringen van het UWV",
        "Geld als u werkloos of ziek bent, of als u door een beperking niet kunt werken.",
        categories=["inkomen-en-toeslagen", "werk-en-dagbesteding"],
        target_groups=["volwassenen"],
        website="https://www.uwv.nl",
        steps=["Vraag de uitkering aan op de website van het UWV, met DigiD."],
        keywords="ww, werkloos, uwv, wia, ziektewet, wajong, uitkering",
    ),
]
