"""Demo data of the action agenda, built through its services. Called by ``seed_demo``.

* **Aa en Hunze**, "Zelf weer aan het stuur" (seed 002, chapter 5): the action table
  exactly, imported from ``demo/data/aa-en-hunze-tijdspad.csv`` through the importer (so
  the demo proves it), with the nine bouwstenen of chapter 4. The plan's words are kept
  (its Dutch "Jaarlijks Q3", "Doorlopend"; DOMAIN.md renders them in English). The plan
  does not say which bouwstenen are main goals: the demo marks the four execution
  processes (3 toegang, 4 vroegsignalering, 6 schuldhulpverlening, 7 jeugd) as main goals,
  an assumption for illustration. Period 2020-2021 (the latest year in the table),
  quarterly rounds, updates over six rounds.
* **Coevorden** (seeds 000/001): the "vervolgstappen" of the interim evaluation 2020 under
  the plan's four elements, with the Voorzieningenwijzer, Doe-Mee-Pas and collective
  insurance figures as indicators.
* **Midden-Drenthe** (seed 003): the action lines of "Structureel versterken
  armoedeaanpak", 2025-2028, quarterly rounds up to the current one.
* **Assen** (seed 004): a plan answering the rekenkamer 2025 (monitoring with partners,
  main vs side goals, vroegsignalering capacity), with rounds on the council's calendar.
* **Drentsche Aa** (regional): a few shared actions of the three municipalities.

Updates are submitted by the demo coordinators (``coordinator.<organisation>``) and, for
actions of the pact itself, by its pact admin (``pactbeheer.<pact>``), at fixed moments
inside each round, so running the demo twice changes nothing.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from agenda import services
from agenda.constants import (
    Aggregation,
    Direction,
    OwnerRole,
    RoundCadence,
    Status,
    UpdateState,
)
from agenda.models import Action, Plan, Round, Update
from pact.models import Organisation, Pact

DATA = Path(__file__).parent / "data"
S = Status

AA_BLOCKS = [
    (1, "De inwoner weer zelf aan het stuur", False),
    (2, "Samen aan de slag om armoede te beperken / voorkomen", False),
    (3, "Eenvoudige en toegankelijke toegang voor de inwoner", True),
    (4, "Vroegsignalering", True),
    (5, "Preventie door voorlichting", False),
    (6, "Duidelijke toegang tot en passende schuldhulpverlening", True),
    (7, "Jeugd heeft de toekomst", True),
    (8, "Sociale energie", False),
    (9, "Meedoen voor iedereen", False),
]

# Per action: {round number (1 = Q1 2020): (status, progress, story, signal, values)}
# values: {indicator name: {organisation slug: number}}
AA_UPDATES: dict[str, dict[int, tuple]] = {
    "Conferentie armoede": {
        2: (
            S.ON_TRACK,
            40,
            "Datum en locatie vastgelegd; de werkgroep met Attenta, Impuls en de gemeente bereidt het programma voor.",
            "",
            {},
        ),
        3: (
            S.DONE,
            100,
            "De conferentie vond online plaats met 85 deelnemers, onder wie ervaringsdeskundigen en raadsleden. Verslag gedeeld met alle partners.",
            "Veel vrijwilligers misten de digitale vaardigheden om mee te doen.",
            {"deelnemers conferentie": {"pact-aa-en-hunze": 85}},
        ),
        5: (
            S.NOT_STARTED,
            0,
            "De conferentie van 2021 wordt voorbereid; de vorm hangt af van de coronamaatregelen.",
            "",
            {},
        ),
        6: (S.AT_RISK, 20, "Nog geen locatie voor september.", "", {}),
    },
    "Plan van aanpak voorzieningenwijzer": {
        1: (
            S.ON_TRACK,
            60,
            "Attenta en WPDA schreven samen het plan; Impuls en de woningcorporaties lezen mee.",
            "",
            {},
        ),
        2: (
            S.DELAYED,
            80,
            "Het plan is klaar, de vaststelling schuift door corona naar het derde kwartaal.",
            "Huisbezoeken voor de voorzieningenwijzer liggen stil door corona.",
            {},
        ),
        3: (
            S.DONE,
            100,
            "Plan vastgesteld. Start met twintig huishoudens in Gieten en Rolde.",
            "",
            {},
        ),
    },
    "Onderzoeken verstevigen Adviesloket": {
        1: (
            S.ON_TRACK,
            25,
            "Inventarisatie van vragen bij het Adviesloket (2 uur per week, één vrijwilliger).",
            "",
            {"bezoekers Adviesloket": {"impuls": 31}},
        ),
        2: (
            S.ON_TRACK,
            70,
            "Voorstel: openingstijd naar 4 uur per week, Humanitas levert een tweede vrijwilliger.",
            "",
            {"bezoekers Adviesloket": {"impuls": 24}},
        ),
        3: (
            S.DONE,
            100,
            "Het Adviesloket is nu 4 uur per week open, ook in Rolde.",
            "",
            {"bezoekers Adviesloket": {"impuls": 48}},
        ),
        4: (
            S.DONE,
            100,
            "Loopt; het aantal bezoekers groeit.",
            "",
            {"bezoekers Adviesloket": {"impuls": 61}},
        ),
    },
    "Begrijpelijke taal in aanvraagformulieren en brieven": {
        2: (
            S.ON_TRACK,
            30,
            "Werkgroep Onbeperkt toegang en Stichting Lezen en Schrijven toetsen de eerste tien brieven.",
            "",
            {"brieven herschreven": {"pact-aa-en-hunze": 10}},
        ),
        3: (
            S.ON_TRACK,
            75,
            "Bijzondere bijstand en kwijtschelding zijn herschreven op B1.",
            "",
            {"brieven herschreven": {"pact-aa-en-hunze": 26}},
        ),
        4: (
            S.DELAYED,
            85,
            "De laatste formulieren van de partners zijn nog niet aangeleverd.",
            "",
            {"brieven herschreven": {"pact-aa-en-hunze": 31}},
        ),
    },
    "Plan van aanpak vroegsignalering": {
        1: (
            S.ON_TRACK,
            50,
            "GKB, Attenta, Impuls en WPDA werken het voorstel uit, met activering van de inwoner als extra stap.",
            "",
            {},
        ),
        2: (
            S.AT_RISK,
            70,
            "Afspraken met energieleveranciers over het delen van signalen lopen nog.",
            "Zonder afspraken met energieleveranciers missen we een belangrijke bron van signalen.",
            {},
        ),
        3: (
            S.DONE,
            100,
            "Plan vastgesteld; de eerste signalen komen binnen bij GKB.",
            "",
            {},
        ),
    },
    "Opstellen communicatieplan": {
        1: (
            S.ON_TRACK,
            40,
            "Boodschappen gericht op schaamte en taboe; kanalen: de Schakel, gemeentelijke website en social media.",
            "",
            {},
        ),
        2: (S.DONE, 100, "Communicatieplan vastgesteld in het pactoverleg.", "", {}),
    },
    "Opstellen sociale kaart": {
        1: (S.ON_TRACK, 50, "Attenta verzamelt de gegevens van alle partners.", "", {}),
        2: (
            S.DONE,
            100,
            "De sociale kaart staat online, voor inwoners en professionals.",
            "",
            {},
        ),
    },
    "Terugdringen kosten bewindvoering": {
        2: (
            S.ON_TRACK,
            20,
            "GKB start de pilot met een lichter middel dan bewind.",
            "",
            {"mensen in beschermingsbewind": {"gkb": 10}},
        ),
        4: (
            S.ON_TRACK,
            45,
            "Eerste deelnemers van de pilot stromen uit bewind.",
            "",
            {"mensen in beschermingsbewind": {"gkb": 9}},
        ),
        6: (
            S.ON_TRACK,
            60,
            "Twee nieuwe producten als alternatief voor bewind toegevoegd.",
            "",
            {"mensen in beschermingsbewind": {"gkb": 8}},
        ),
    },
    "Onverminderd inzetten op kindpakket": {
        1: (
            S.ON_TRACK,
            None,
            "Aanvragen komen binnen via scholen en sportclubs.",
            "",
            {
                "kinderen bereikt": {
                    "jeugdfonds-sport-cultuur": 64,
                    "leergeld-noord-drenthe": 88,
                }
            },
        ),
        2: (
            S.AT_RISK,
            None,
            "Door corona minder sportactiviteiten, dus minder aanvragen.",
            "Gezinnen vragen minder aan nu clubs dicht zijn; we zoeken ze actief op.",
            {
                "kinderen bereikt": {
                    "jeugdfonds-sport-cultuur": 41,
                    "leergeld-noord-drenthe": 70,
                }
            },
        ),
        3: (
            S.ON_TRACK,
            None,
            "Aanvragen weer op niveau; Jarige Job levert via de Voedselbank.",
            "",
            {
                "kinderen bereikt": {
                    "jeugdfonds-sport-cultuur": 77,
                    "leergeld-noord-drenthe": 95,
                }
            },
        ),
        4: (
            S.ON_TRACK,
            None,
            "Winteractie met Kinderhulp.",
            "",
            {
                "kinderen bereikt": {
                    "jeugdfonds-sport-cultuur": 80,
                    "leergeld-noord-drenthe": 101,
                }
            },
        ),
        5: (
            S.ON_TRACK,
            None,
            "Stabiel.",
            "",
            {
                "kinderen bereikt": {
                    "jeugdfonds-sport-cultuur": 83,
                    "leergeld-noord-drenthe": 104,
                }
            },
        ),
    },
    "Vaststellen project sociale energie": {
        3: (
            S.ON_TRACK,
            30,
            "Energiecoaches geworven; subsidieaanvraag bij de provincie ingediend.",
            "",
            {},
        ),
        5: (
            S.ON_TRACK,
            55,
            "Eerste 40 huishoudens met een smalle beurs bezocht door een energiecoach.",
            "",
            {},
        ),
    },
    "Prestatieovereenkomst vaststellen": {
        1: (
            S.DONE,
            100,
            "Prestatieovereenkomst met WPDA vastgesteld, volgend uit de Kadernota participatie 2020–2023.",
            "",
            {},
        ),
    },
    "Project sociale activering": {
        1: (
            S.ON_TRACK,
            None,
            "Wekelijkse ontmoetingsgroepen in vier dorpen.",
            "",
            {"deelnemers sociale activering": {"impuls": 34}},
        ),
        2: (
            S.DELAYED,
            None,
            "Groepen tijdelijk gestopt door corona; belrondes in plaats daarvan.",
            "Eenzaamheid neemt toe bij deelnemers.",
            {"deelnemers sociale activering": {"impuls": 12}},
        ),
        3: (
            S.ON_TRACK,
            None,
            "Groepen weer gestart, in kleinere samenstelling.",
            "",
            {"deelnemers sociale activering": {"impuls": 29}},
        ),
        4: (
            S.ON_TRACK,
            None,
            "Samenwerking met WPDA voor doorstroom naar participatie.",
            "",
            {"deelnemers sociale activering": {"impuls": 31}},
        ),
        6: (
            S.ON_TRACK,
            None,
            "Nieuwe groep in Annen.",
            "",
            {"deelnemers sociale activering": {"impuls": 38}},
        ),
    },
    "Evaluatie huidige instrumenten": {
        2: (
            S.ON_TRACK,
            30,
            "Overzicht van alle instrumenten gemaakt, met gebruik en kosten 2014–2018.",
            "",
            {},
        ),
        4: (
            S.DELAYED,
            60,
            "Effectmeting van de minimaregelingen kost meer tijd dan gepland.",
            "",
            {},
        ),
    },
}
AA_INDICATORS = {
    "Conferentie armoede": [
        (
            "deelnemers conferentie",
            "deelnemers",
            None,
            "",
            80,
            "per jaar",
            Direction.UP,
            Aggregation.SUM,
        )
    ],
    "Onderzoeken verstevigen Adviesloket": [
        (
            "bezoekers Adviesloket",
            "bezoekers per kwartaal",
            30,
            "2019",
            60,
            "2021",
            Direction.UP,
            Aggregation.SUM,
        )
    ],
    "Begrijpelijke taal in aanvraagformulieren en brieven": [
        (
            "brieven herschreven",
            "brieven en formulieren",
            0,
            "2019",
            30,
            "eind 2020",
            Direction.UP,
            Aggregation.SUM,
        )
    ],
    "Terugdringen kosten bewindvoering": [
        (
            "mensen in beschermingsbewind",
            "mensen (instroom GKB)",
            10,
            "2018",
            6,
            "2021",
            Direction.DOWN,
            Aggregation.SUM,
        )
    ],
    "Onverminderd inzetten op kindpakket": [
        (
            "kinderen bereikt",
            "kinderen",
            152,
            "2018",
            200,
            "2021",
            Direction.UP,
            Aggregation.SUM,
        )
    ],
    "Project sociale activering": [
        (
            "deelnemers sociale activering",
            "deelnemers",
            30,
            "2019",
            40,
            "2021",
            Direction.UP,
            Aggregation.SUM,
        )
    ],
}
# Round 6 (Q2 2021): the pact admin returns Impuls's update with a question.
AA_RETURN = (
    "Project sociale activering",
    6,
    "Hoeveel van de 38 deelnemers zijn via WPDA doorgestroomd naar participatie? Graag een aantal erbij.",
)
# Leads appointed by the pact admin after the first round (data quality improves).
AA_LEADS = [
    ("Plan van aanpak voorzieningenwijzer", "wpda"),
    ("Terugdringen kosten bewindvoering", "gkb"),
    ("Prestatieovereenkomst vaststellen", "gemeente-aa-en-hunze"),
]

COEVORDEN_BLOCKS = [
    (
        1,
        "Eigen kracht",
        True,
        "Volwassenen, kinderen en inwoners met hoge zorgkosten ondersteunen zodat de eigen kracht terugkomt.",
    ),
    (
        2,
        "Integrale aanpak",
        False,
        "Gemeente en partners stemmen hun inzet op elkaar af.",
    ),
    (
        3,
        "Preventie",
        True,
        "Voorzieningenwijzer, voorlichting en de pilot intergenerationele armoede.",
    ),
    (
        4,
        "Monitoring",
        False,
        "Tellen en vertellen: indicatoren en het gesprek met partners.",
    ),
]
# (block, title, owners text, timing, published, indicators)
COEVORDEN_ACTIONS = [
    (
        1,
        "Onderzoeken inzet maatwerkbudgetten voor kinderen en volwassenen",
        "Gemeente (trekker), Rudie Zwols Fonds",
        "2020 - 2021",
        True,
        [],
    ),
    (
        1,
        "Minima ondersteunen bij de energietransitie (elektrisch koken via de Doe-Mee-webwinkel)",
        "Gemeente",
        "vanaf 2021",
        True,
        [],
    ),
    (
        1,
        "Doe-Mee-Pas bekender maken en deelnemers blijvend binden aan verenigingen",
        "Gemeente",
        "2021",
        True,
        [
            (
                "kinderen met Doe-Mee-Pas",
                "kinderen",
                571,
                "juli 2018",
                650,
                "2021",
                Direction.UP,
                Aggregation.SUM,
            )
        ],
    ),
    (
        1,
        "Gesprek met Loods13 over theater als boost voor zelfvertrouwen van moeders",
        "Loods13",
        "",
        False,
        [],
    ),
    (
        1,
        "Verordening Doe-Mee-Pas aanpassen voor de webwinkel",
        "Gemeente",
        "december 2020",
        True,
        [],
    ),
    (
        1,
        "Implementatie webwinkel voor minima met het kindpakket",
        "Gemeente",
        "tweede helft 2020",
        True,
        [],
    ),
    (1, "Deelnemers-ervaringsonderzoek webwinkel", "Gemeente", "2020", True, []),
    (
        1,
        "Collectieve zorgverzekering actief onder de aandacht brengen",
        "Gemeente (trekker), Univé, Zilveren Kruis",
        "Jaarlijks Q4",
        True,
        [
            (
                "verzekerden collectieve zorgverzekering",
                "verzekerden",
                922,
                "2019",
                950,
                "2021",
                Direction.UP,
                Aggregation.SUM,
            )
        ],
    ),
    (
        1,
        "Proef eigen risico voor jongeren met jeugdhulp die 18 worden",
        "Gemeente",
        "2021",
        True,
        [],
    ),
    (
        2,
        "Gezamenlijk aanvraagformulier voor regelingen en het Rudie Zwols Fonds",
        "Gemeente (trekker), Rudie Zwols Fonds",
        "Q4 2020",
        True,
        [],
    ),
    (2, "Doe-Mee-Markt organiseren", "Gemeente", "2021", True, []),
    (
        3,
        "Pilot intergenerationele armoede (5 gezinnen)",
        "MWC (trekker), Gemeente",
        "Q3 2020 - Q4 2021",
        True,
        [
            (
                "gezinnen in de pilot",
                "gezinnen",
                5,
                "2020",
                7,
                "2021",
                Direction.UP,
                Aggregation.SUM,
            )
        ],
    ),
    (
        3,
        "Plan om het aantal gesprekken met de Voorzieningenwijzer te verhogen",
        "Gemeente, Domesta, MWC",
        "Doorlopend",
        True,
        [
            (
                "gesprekken Voorzieningenwijzer",
                "gesprekken per kwartaal",
                30,
                "2019-2020",
                75,
                "per kwartaal (300 per jaar)",
                Direction.UP,
                Aggregation.SUM,
            )
        ],
    ),
    (4, "Tweede minima-effectrapportage", "Gemeente", "eind 2020", True, []),
]
COEVORDEN_UPDATES: dict[str, dict[int, tuple]] = {
    # round 1 = Q3 2020
    "Onderzoeken inzet maatwerkbudgetten voor kinderen en volwassenen": {
        1: (
            S.ON_TRACK,
            20,
            "Afspraken met het Rudie Zwols Fonds over rolverdeling gemaakt.",
            "",
            {},
        ),
        3: (
            S.ON_TRACK,
            50,
            "Dossieranalyse van 60 maatwerkaanvragen.",
            "Betonnen vloeren in kinderkamers komen vaker voor dan gedacht.",
            {},
        ),
        4: (S.ON_TRACK, 70, "Knelpunt armoedeval bij bijverdiensten in beeld.", "", {}),
    },
    "Verordening Doe-Mee-Pas aanpassen voor de webwinkel": {
        1: (S.ON_TRACK, 50, "Concept-verordening besproken met de adviesraad.", "", {}),
        2: (S.DONE, 100, "De raad stelde de verordening in december vast.", "", {}),
    },
    "Implementatie webwinkel voor minima met het kindpakket": {
        1: (
            S.AT_RISK,
            40,
            "Aanbesteding met Emmen en Borger-Odoorn afgerond; de techniek loopt achter.",
            "",
            {},
        ),
        2: (S.DONE, 100, "De webwinkel is op 1 januari 2021 live gegaan.", "", {}),
    },
    "Doe-Mee-Pas bekender maken en deelnemers blijvend binden aan verenigingen": {
        3: (
            S.ON_TRACK,
            30,
            "Campagne met het sport- en preventieakkoord gestart.",
            "",
            {"kinderen met Doe-Mee-Pas": {"gemeente-coevorden": 598}},
        ),
        4: (
            S.ON_TRACK,
            55,
            "Proeflessen in de webwinkel.",
            "",
            {"kinderen met Doe-Mee-Pas": {"gemeente-coevorden": 621}},
        ),
    },
    "Collectieve zorgverzekering actief onder de aandacht brengen": {
        2: (
            S.DONE,
            100,
            "Brief met flyer aan alle bekende minima; spreekuren bij MWC met Univé.",
            "",
            {"verzekerden collectieve zorgverzekering": {"gemeente-coevorden": 886}},
        ),
    },
    "Pilot intergenerationele armoede (5 gezinnen)": {
        1: (
            S.ON_TRACK,
            25,
            "Vijf gezinnen doen mee; de gezinscoaches van MWC werken aan onderliggende patronen.",
            "",
            {"gezinnen in de pilot": {"mwc": 5}},
        ),
        2: (
            S.ON_TRACK,
            35,
            "Hardenberg sluit in januari aan.",
            "",
            {"gezinnen in de pilot": {"mwc": 5}},
        ),
        3: (
            S.ON_TRACK,
            50,
            "Eén gezin extra gestart.",
            "",
            {"gezinnen in de pilot": {"mwc": 6}},
        ),
        4: (
            S.ON_TRACK,
            60,
            "Tussenmeting door de Rijksuniversiteit Groningen.",
            "",
            {"gezinnen in de pilot": {"mwc": 6}},
        ),
    },
    "Plan om het aantal gesprekken met de Voorzieningenwijzer te verhogen": {
        1: (
            S.AT_RISK,
            None,
            "Door corona minder doorverwijzingen en minder gesprekken.",
            "Corona maakt huisbezoeken lastig.",
            {"gesprekken Voorzieningenwijzer": {"mwc": 38, "domesta": 12}},
        ),
        2: (
            S.ON_TRACK,
            None,
            "Nieuwe huurders krijgen de Voorzieningenwijzer standaard aangeboden.",
            "",
            {"gesprekken Voorzieningenwijzer": {"mwc": 51, "domesta": 19}},
        ),
        3: (
            S.ON_TRACK,
            None,
            "Gesprekken ook bij de collectieve zorgverzekering ingezet.",
            "",
            {"gesprekken Voorzieningenwijzer": {"mwc": 58, "domesta": 22}},
        ),
        4: (
            S.ON_TRACK,
            None,
            "Gemiddelde besparing vele honderden euro's per huishouden.",
            "",
            {"gesprekken Voorzieningenwijzer": {"mwc": 63, "domesta": 21}},
        ),
    },
    "Tweede minima-effectrapportage": {
        2: (
            S.DELAYED,
            80,
            "Rapport verschijnt in februari in plaats van eind 2020.",
            "",
            {},
        ),
        3: (
            S.DONE,
            100,
            "Rapport gedeeld met de raad en de adviesraad sociaal domein.",
            "",
            {},
        ),
    },
}

MD_BLOCKS = [
    (
        1,
        "Inkomensondersteuning verbreden",
        True,
        "Regelingen tot 130% van het sociaal minimum, meer benutting.",
    ),
    (
        2,
        "Jongeren en schulden",
        True,
        "Jongeren met schulden een ondersteuningsplan en perspectief bieden.",
    ),
    (
        3,
        "Eenvoudiger regelingen",
        False,
        "Minder administratieve lasten voor inwoners.",
    ),
    (
        4,
        "Informatie en communicatie",
        False,
        "Inwoners en ondernemers weten wat er is.",
    ),
]
MD_ACTIONS = [
    (
        1,
        "Verbreden Uitkering Activiteiten naar 130% (€165 tot 12 jaar, €350 voor 12–18 jaar)",
        "Gemeente",
        "2025 - 2026",
        True,
        [
            (
                "benutting Uitkering Activiteiten",
                "%",
                Decimal("52.85"),
                "2024",
                60,
                "2026",
                Direction.UP,
                Aggregation.AVERAGE,
            )
        ],
    ),
    (
        1,
        "Verordening Minimaregelingen herzien (ook Jeugdfonds voor 0–4 jaar overwegen)",
        "Gemeente (trekker), Adviesraad Sociaal Domein, Jeugdfonds Sport & Cultuur",
        "Q2 2025 - Q4 2025",
        True,
        [],
    ),
    (1, "Participatiepremie €150 per zes maanden", "Gemeente", "Doorlopend", True, []),
    (
        1,
        "Coulanter toepassen van de hardheidsclausule",
        "Gemeente",
        "Doorlopend",
        True,
        [],
    ),
    (
        2,
        "Trajectbegeleider (Consulent Werk Jongeren) met budgetconsulent voor jongeren met schulden",
        "Gemeente (trekker), GKB",
        "Q3 2025 - Q4 2027",
        True,
        [
            (
                "jongeren met ondersteuningsplan",
                "jongeren",
                0,
                "2025",
                40,
                "2027",
                Direction.UP,
                Aggregation.SUM,
            )
        ],
    ),
    (
        2,
        "Onderzoeken lokaal Midden-Drents doorbraakteam (buddyproject)",
        "Gemeente",
        "2026",
        True,
        [],
    ),
    (
        3,
        "Rechtmatigheidscontrole per half jaar in plaats van per maand",
        "Gemeente",
        "Q1 2026",
        True,
        [],
    ),
    (
        3,
        "Aansluiten bij het Convenant Lokale Overheden onderzoeken",
        "Gemeente (trekker), GKB",
        "Q4 2025 - Q2 2026",
        True,
        [],
    ),
    (3, "Verkorten referteperiode onderzoeken", "Gemeente", "", True, []),
    (
        4,
        "Informatie voor ondernemers en zzp'ers op de website",
        "Gemeente",
        "Q1 2026",
        True,
        [],
    ),
    (
        4,
        "Voedselbank en Humanitas informeren hun klanten over de verbrede regelingen",
        "Voedselbank, Humanitas",
        "Jaarlijks Q1",
        True,
        [],
    ),
]
MD_UPDATES: dict[str, dict[int, tuple]] = {
    # round 1 = Q1 2025
    "Verbreden Uitkering Activiteiten naar 130% (€165 tot 12 jaar, €350 voor 12–18 jaar)": {
        2: (
            S.ON_TRACK,
            20,
            "Raadsvoorstel in voorbereiding, budget kindpakket (Klijnsma-gelden) ingezet voor het tekort.",
            "",
            {
                "benutting Uitkering Activiteiten": {
                    "gemeente-midden-drenthe": Decimal("52.85")
                }
            },
        ),
        4: (
            S.ON_TRACK,
            50,
            "Nieuwe bedragen gelden sinds 1 januari.",
            "",
            {
                "benutting Uitkering Activiteiten": {
                    "gemeente-midden-drenthe": Decimal("54.10")
                }
            },
        ),
        6: (
            S.ON_TRACK,
            70,
            "Benutting stijgt, vooral bij gezinnen met kinderen boven 12.",
            "",
            {
                "benutting Uitkering Activiteiten": {
                    "gemeente-midden-drenthe": Decimal("57.30")
                }
            },
        ),
        7: (
            S.AT_RISK,
            75,
            "Benutting blijft achter bij alleenstaanden.",
            "Alleenstaanden vinden de regeling niet; Voedselbank ziet dit ook.",
            {
                "benutting Uitkering Activiteiten": {
                    "gemeente-midden-drenthe": Decimal("57.90")
                }
            },
        ),
    },
    "Verordening Minimaregelingen herzien (ook Jeugdfonds voor 0–4 jaar overwegen)": {
        2: (
            S.ON_TRACK,
            30,
            "Twee bijeenkomsten met de themagroep Minima van de adviesraad.",
            "",
            {},
        ),
        3: (
            S.ON_TRACK,
            70,
            "Concept-verordening met financiële doorrekening van 0–4 jaar bij het Jeugdfonds.",
            "",
            {},
        ),
        4: (
            S.DONE,
            100,
            "Verordening vastgesteld; 0–4 jaar bij het Jeugdfonds mogelijk vanaf 2026.",
            "",
            {},
        ),
    },
    "Trajectbegeleider (Consulent Werk Jongeren) met budgetconsulent voor jongeren met schulden": {
        3: (
            S.ON_TRACK,
            10,
            "Consulent Werk Jongeren aangesteld.",
            "",
            {
                "jongeren met ondersteuningsplan": {
                    "gemeente-midden-drenthe": 4,
                    "gkb": 2,
                }
            },
        ),
        4: (
            S.ON_TRACK,
            20,
            "Eerste ondersteuningsplannen samen met de jongeren opgesteld.",
            "",
            {
                "jongeren met ondersteuningsplan": {
                    "gemeente-midden-drenthe": 9,
                    "gkb": 5,
                }
            },
        ),
        5: (
            S.ON_TRACK,
            30,
            "Effectmeting: ervaringen van jongeren en hulpverleners plus gestarte opleidingen en banen.",
            "",
            {
                "jongeren met ondersteuningsplan": {
                    "gemeente-midden-drenthe": 13,
                    "gkb": 7,
                }
            },
        ),
        6: (
            S.ON_TRACK,
            40,
            "Vier jongeren zijn gestart met een opleiding of werk.",
            "",
            {
                "jongeren met ondersteuningsplan": {
                    "gemeente-midden-drenthe": 17,
                    "gkb": 8,
                }
            },
        ),
        7: (
            S.ON_TRACK,
            45,
            "Doorlopend.",
            "",
            {
                "jongeren met ondersteuningsplan": {
                    "gemeente-midden-drenthe": 19,
                    "gkb": 10,
                }
            },
        ),
    },
    "Aansluiten bij het Convenant Lokale Overheden onderzoeken": {
        4: (
            S.ON_TRACK,
            30,
            "Afstemming met belastingen en invordering over het pauzeren van incasso.",
            "",
            {},
        ),
        5: (
            S.AT_RISK,
            40,
            "Processtappen bij meerdere afdelingen moeten worden aangepast.",
            "Capaciteit bij invordering is krap.",
            {},
        ),
        6: (S.DELAYED, 50, "Besluit schuift naar het vierde kwartaal.", "", {}),
    },
    "Rechtmatigheidscontrole per half jaar in plaats van per maand": {
        5: (
            S.DONE,
            100,
            "Sinds januari vullen inwoners het formulier twee keer per jaar in.",
            "",
            {},
        ),
    },
    "Informatie voor ondernemers en zzp'ers op de website": {
        5: (
            S.DONE,
            100,
            "Pagina over Bbz, startkrediet en krediet voor een bestaand bedrijf staat online.",
            "",
            {},
        ),
    },
    "Voedselbank en Humanitas informeren hun klanten over de verbrede regelingen": {
        1: (
            S.DONE,
            100,
            "Folder in de pakketten en bij de thuisadministratie.",
            "",
            {},
        ),
        5: (
            S.DONE,
            100,
            "Herhaald in 2026, nu ook met de bedragen voor 12–18 jaar.",
            "",
            {},
        ),
    },
}
MD_DRAFT = (
    "Onderzoeken lokaal Midden-Drents doorbraakteam (buddyproject)",
    8,
    (S.ON_TRACK, 40, "Gesprekken met drie buddyorganisaties gevoerd.", "", {}),
)

ASSEN_BLOCKS = [
    (
        1,
        "Inwoners in armoede eerder en beter bereiken",
        True,
        "Het rekenkamerrapport: een deel van de doelgroep is niet in beeld.",
    ),
    (
        2,
        "Vroegsignalering met opvolging",
        True,
        "Van 270 signalen per maand naar meer contact en meer geaccepteerde hulp.",
    ),
    (
        3,
        "Regie en samenwerking met ketenpartners",
        True,
        "Afspraken over wie welke bijdrage levert.",
    ),
    (4, "Meedoen van kinderen", False, "Kindpakket en Sport- en Cultuurfonds."),
    (
        5,
        "Monitoring: tellen en vertellen",
        False,
        "Monitoring samen met de ketenpartners ingericht.",
    ),
]
ASSEN_ACTIONS = [
    (
        2,
        "Capaciteit huisbezoeken na vroegsignalering uitbreiden",
        "Vaart Welzijn (trekker), GKB, Gemeente (financier)",
        "2026",
        True,
        [
            (
                "huisbezoeken na vroegsignalering",
                "bezoeken per maand",
                30,
                "2024",
                60,
                "2026",
                Direction.UP,
                Aggregation.SUM,
            ),
            (
                "acceptatie van hulp",
                "%",
                19,
                "2024",
                35,
                "2027",
                Direction.UP,
                Aggregation.AVERAGE,
            ),
        ],
    ),
    (
        1,
        "Ervaringsdeskundigen inzetten bij het eerste contact",
        "Gemeente (trekker), Vaart Welzijn",
        "Q1 2026 - Q4 2027",
        True,
        [],
    ),
    (
        1,
        "Brieven en communicatie afstemmen op laaggeletterden",
        "Gemeente",
        "Doorlopend",
        True,
        [],
    ),
    (
        3,
        "Regelarme Stad: naar één loket voor financiële hulp",
        "Gemeente (trekker), WPDA, GKB, Vaart Welzijn",
        "2026 - 2027",
        True,
        [],
    ),
    (
        3,
        "Afspraken per partner over bijdrage en verantwoording (hoofd- en bijzaken)",
        "Gemeente",
        "Q4 2025 - Q2 2026",
        True,
        [],
    ),
    (
        3,
        "Leerkring en ketenoverleg armoede",
        "Gemeente (trekker), Voedselbank, Kledingbank Assen, Humanitas, Leergeld",
        "Jaarlijks Q2 en Q4",
        True,
        [],
    ),
    (
        4,
        "Kindpakket: bereik van 95% vasthouden",
        "Gemeente (trekker), Leergeld, Jeugdfonds Sport & Cultuur",
        "Doorlopend",
        True,
        [
            (
                "bereik kindpakket",
                "% huishoudens met kinderen",
                95,
                "2024",
                95,
                "elk jaar",
                Direction.STABLE,
                Aggregation.AVERAGE,
            )
        ],
    ),
    (
        5,
        "Monitor armoede opzetten met de ketenpartners",
        "Gemeente (trekker), GKB, WPDA, Vaart Welzijn",
        "Q3 2025 - Q2 2026",
        True,
        [],
    ),
]
ASSEN_ROUNDS = [
    # title, period start, period end, opens, closes, council meeting
    (
        "Juli–december 2025",
        "2025-07-01",
        "2025-12-31",
        "2025-12-01",
        "2026-01-20",
        "2026-02-05",
    ),
    (
        "Januari–april 2026",
        "2026-01-01",
        "2026-04-30",
        "2026-04-01",
        "2026-05-15",
        "2026-06-04",
    ),
    (
        "Mei–augustus 2026",
        "2026-05-01",
        "2026-08-31",
        "2026-08-01",
        "2026-09-15",
        "2026-10-01",
    ),
    (
        "September–december 2026",
        "2026-09-01",
        "2026-12-31",
        "2026-09-01",
        "2027-01-15",
        "2027-02-04",
    ),
]
ASSEN_UPDATES: dict[str, dict[int, tuple]] = {
    "Capaciteit huisbezoeken na vroegsignalering uitbreiden": {
        2: (
            S.ON_TRACK,
            25,
            "Twee extra medewerkers bij Vaart Welzijn; GKB belt bekende klanten zelf.",
            "",
            {
                "huisbezoeken na vroegsignalering": {"vaart-welzijn": 38, "gkb": 6},
                "acceptatie van hulp": {"vaart-welzijn": 22},
            },
        ),
        3: (
            S.AT_RISK,
            40,
            "Werving van de derde medewerker loopt moeizaam.",
            "Van 270 signalen per maand kunnen we er nog steeds maar een deel bezoeken.",
            {
                "huisbezoeken na vroegsignalering": {"vaart-welzijn": 44, "gkb": 7},
                "acceptatie van hulp": {"vaart-welzijn": 24},
            },
        ),
        4: (
            S.ON_TRACK,
            55,
            "Ervaringsdeskundigen gaan mee op huisbezoek; acceptatie stijgt.",
            "",
            {
                "huisbezoeken na vroegsignalering": {"vaart-welzijn": 51, "gkb": 8},
                "acceptatie van hulp": {"vaart-welzijn": 27},
            },
        ),
    },
    "Afspraken per partner over bijdrage en verantwoording (hoofd- en bijzaken)": {
        1: (
            S.ON_TRACK,
            30,
            "Gesprekken met GKB, WPDA en Vaart Welzijn over hoofd- en bijzaken.",
            "",
            {},
        ),
        2: (
            S.ON_TRACK,
            70,
            "Concept-afspraken per partner; vrijwilligersorganisaties lezen mee.",
            "",
            {},
        ),
        3: (
            S.DONE,
            100,
            "Afspraken vastgelegd; ze staan als acties in deze agenda.",
            "",
            {},
        ),
    },
    "Monitor armoede opzetten met de ketenpartners": {
        1: (
            S.ON_TRACK,
            40,
            "Indicatoren gekozen met de partners, scherpe keuzes om de administratieve last te beperken.",
            "",
            {},
        ),
        2: (
            S.DONE,
            100,
            "De actieagenda is de monitor: partners rapporteren per raadscyclus.",
            "",
            {},
        ),
    },
    "Kindpakket: bereik van 95% vasthouden": {
        1: (
            S.ON_TRACK,
            None,
            "Bereik stabiel.",
            "",
            {"bereik kindpakket": {"gemeente-assen": 95}},
        ),
        2: (
            S.ON_TRACK,
            None,
            "Leergeld en Jeugdfonds melden meer aanvragen voor 12+.",
            "",
            {"bereik kindpakket": {"gemeente-assen": 96}},
        ),
        3: (
            S.ON_TRACK,
            None,
            "Stabiel.",
            "",
            {"bereik kindpakket": {"gemeente-assen": 95}},
        ),
    },
    "Leerkring en ketenoverleg armoede": {
        3: (
            S.DONE,
            100,
            "Leerkring over schaamte en wantrouwen, met 40 deelnemers.",
            "Vrijwilligersorganisaties willen vaker aansluiten.",
            {},
        ),
    },
}

DRENTSCHE_AA_ACTIONS = [
    (
        None,
        "Gezamenlijke werkwijze bijzondere bijstand in de drie gemeenten",
        "WPDA (trekker), Gemeente Aa en Hunze, Gemeente Assen, Gemeente Tynaarlo",
        "2026",
        True,
        [],
    ),
    (
        None,
        "Leergeld en WPDA: automatische doorverwijzing van gezinnen met kinderen",
        "Leergeld (trekker), WPDA",
        "Q2 2026 - Q4 2026",
        True,
        [],
    ),
    (
        None,
        "Regionale afspraken over vroegsignalering met energieleveranciers",
        "GKB (trekker), WPDA",
        "Doorlopend",
        True,
        [],
    ),
]
DRENTSCHE_AA_UPDATES = {
    "Gezamenlijke werkwijze bijzondere bijstand in de drie gemeenten": {
        1: (
            S.ON_TRACK,
            30,
            "Verschillen tussen de drie verordeningen in kaart gebracht.",
            "",
            {},
        ),
        3: (S.AT_RISK, 50, "Tynaarlo wil eerst de eigen evaluatie afronden.", "", {}),
    },
    "Regionale afspraken over vroegsignalering met energieleveranciers": {
        2: (
            S.ON_TRACK,
            None,
            "Convenant met twee energieleveranciers getekend.",
            "",
            {},
        ),
        3: (
            S.ON_TRACK,
            None,
            "Signalen komen nu binnen bij GKB voor alle drie gemeenten.",
            "",
            {},
        ),
    },
}


# --- Building ---------------------------------------------------------------------------------------


def _users():
    return {
        u.username: u for u in get_user_model().objects.filter(username__contains=".")
    }


def _plan(
    pact_slug: str,
    *,
    title: str,
    slug: str,
    starts: str,
    ends: str,
    description: str,
    cadence=RoundCadence.QUARTERLY,
) -> Plan:
    pact = Pact.objects.get(slug=pact_slug)
    plan = Plan.objects.filter(pact=pact, slug=slug).first()
    if plan is None:
        plan = services.plan_create(
            pact=pact,
            title=title,
            slug=slug,
            starts_on=datetime.date.fromisoformat(starts),
            ends_on=datetime.date.fromisoformat(ends),
            description=description,
            cadence=cadence,
            is_published=True,
        )
    return plan


def _blocks(plan: Plan, blocks) -> None:
    for number, title, main, *rest in blocks:
        services.building_block_upsert(
            plan=plan,
            number=number,
            title=title,
            is_main_goal=main,
            description=rest[0] if rest else "",
        )


def _indicators(action: Action, specs) -> None:
    for (
        name,
        unit,
        baseline,
        baseline_label,
        target,
        target_label,
        direction,
        aggregation,
    ) in specs:
        services.indicator_upsert(
            action=action,
            name=name,
            unit=unit,
            baseline=Decimal(str(baseline)) if baseline is not None else None,
            baseline_label=baseline_label,
            target=Decimal(str(target)) if target is not None else None,
            target_label=target_label,
            direction=direction,
            aggregation=aggregation,
        )


def _actions(plan: Plan, specs) -> None:
    matcher = services.OwnerMatcher(plan.pact)
    blocks = {b.number: b for b in plan.building_blocks.all()}
    for number, title, owners_text, timing, published, indicators in specs:
        action = plan.actions.filter(title=title).first()
        if action is None:
            owners, problems = matcher.parse(owners_text)
            if problems:
                raise ValueError(f"demo owners of {title!r}: {problems}")
            action = services.action_create(
                plan=plan,
                title=title,
                building_block=blocks.get(number),
                timing_text=timing,
                owners=services.owner_roles(owners),
                is_published=published,
            )
        _indicators(action, indicators)


def _reporter(action: Action, users) -> object:
    """The demo person who reports: the lead's (or first owner's) coordinator, or the
    pact admin for the pact's own actions and organisations without a coordinator."""
    owners = sorted(
        action.owners.select_related("organisation"),
        key=lambda o: (o.role != OwnerRole.LEAD, o.position),
    )
    for owner in owners:
        user = users.get(f"coordinator.{owner.organisation.slug}")
        if user is not None:
            return user
    return users[f"pactbeheer.{action.plan.pact.slug}"]


def _moment(round_: Round, offset_days: int) -> datetime.datetime:
    day = min(
        round_.period_ends_on + datetime.timedelta(days=offset_days), round_.closes_on
    )
    day = max(day, round_.opens_on)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 30)))
    # Never in the future: the current round's updates are dated at the latest an hour ago.
    latest = timezone.now().replace(
        minute=0, second=0, microsecond=0
    ) - datetime.timedelta(hours=1)
    return min(
        moment,
        max(
            latest,
            timezone.make_aware(
                datetime.datetime.combine(round_.opens_on, datetime.time(9))
            ),
        ),
    )


def _updates(
    plan: Plan, data: dict[str, dict[int, tuple]], users, *, submit: bool = True
) -> int:
    rounds = list(plan.rounds.order_by("period_starts_on"))
    organisations = {o.slug: o for o in Organisation.objects.all()}
    made = 0
    for title, per_round in data.items():
        action = plan.actions.get(title=title)
        indicators = {i.name: i for i in action.indicators.all()}
        for number, (status, progress, story, signal, values) in sorted(
            per_round.items()
        ):
            round_ = rounds[number - 1]
            if Update.objects.filter(action=action, round=round_).exists():
                continue
            actor = _reporter(action, users)
            at = _moment(round_, 3 + (action.position % 9))
            update = services.update_save(
                action=action,
                round=round_,
                actor=actor,
                status=status,
                progress=progress,
                story=story,
                signal=signal,
                status_explanation=story if status in (S.AT_RISK, S.DELAYED) else "",
                values={
                    (indicators[name].pk, organisations[slug].pk): Decimal(str(value))
                    for name, per_org in values.items()
                    for slug, value in per_org.items()
                },
                at=at,
            )
            if submit:
                services.update_submit(
                    update=update, actor=actor, at=at + datetime.timedelta(minutes=5)
                )
            made += 1
    return made


def _aa_en_hunze(users) -> Plan:
    plan = _plan(
        "aa-en-hunze",
        title="Zelf weer aan het stuur",
        slug="zelf-weer-aan-het-stuur",
        starts="2020-01-01",
        ends="2021-12-31",
        description="Aanpak armoede en schuldhulpverlening van het Armoedepact Aa en Hunze: negen bouwstenen en het tijdspad van acties (hoofdstuk 5).",
    )
    _blocks(plan, AA_BLOCKS)
    if not plan.actions.exists():
        path = DATA / "aa-en-hunze-tijdspad.csv"
        services.actions_import(
            plan=plan, filename=path.name, data=path.read_bytes(), publish=True
        )
    for title, specs in AA_INDICATORS.items():
        _indicators(plan.actions.get(title=title), specs)
    services.rounds_create_quarterly(plan=plan)
    _updates(
        plan,
        {t: {r: v for r, v in d.items() if r == 1} for t, d in AA_UPDATES.items()},
        users,
    )
    admin = users["pactbeheer.aa-en-hunze"]
    for title, slug in AA_LEADS:
        action = plan.actions.get(title=title)
        owner = action.owners.get(organisation__slug=slug)
        if owner.role != OwnerRole.LEAD:
            services.action_set_owner_role(
                action=action,
                organisation=owner.organisation,
                role=OwnerRole.LEAD,
                actor=admin,
            )
    _updates(plan, AA_UPDATES, users)
    title, number, question = AA_RETURN
    update = Update.objects.get(
        action__plan=plan,
        action__title=title,
        round=plan.rounds.order_by("period_starts_on")[number - 1],
    )
    if update.state == UpdateState.SUBMITTED and not update.returned_at:
        services.update_return(
            update=update,
            actor=admin,
            question=question,
            at=update.submitted_at + datetime.timedelta(days=2),
        )
    return plan


def _coevorden(users) -> Plan:
    plan = _plan(
        "coevorden",
        title="Ondersteuning op maat: vervolgstappen",
        slug="ondersteuning-op-maat",
        starts="2020-07-01",
        ends="2021-12-31",
        description="De vervolgstappen uit de tussentijdse evaluatie 2020 van het beleidsplan ondersteuning minima 2017–2021.",
    )
    _blocks(plan, COEVORDEN_BLOCKS)
    _actions(plan, COEVORDEN_ACTIONS)
    services.rounds_create_quarterly(plan=plan)
    _updates(plan, COEVORDEN_UPDATES, users)
    return plan


def _midden_drenthe(users) -> Plan:
    plan = _plan(
        "midden-drenthe",
        title="Structureel versterken armoedeaanpak",
        slug="structureel-versterken-armoedeaanpak",
        starts="2025-01-01",
        ends="2028-12-31",
        description="Actielijnen, opgesteld met de themagroep Minima van de Adviesraad Sociaal Domein.",
    )
    _blocks(plan, MD_BLOCKS)
    _actions(plan, MD_ACTIONS)
    services.rounds_create_quarterly(plan=plan)
    _updates(plan, MD_UPDATES, users)
    title, number, values = MD_DRAFT
    _updates(plan, {title: {number: values}}, users, submit=False)
    return plan


def _assen(users) -> Plan:
    plan = _plan(
        "assen",
        title="Armoede- en schuldenaanpak 2025–2028",
        slug="armoede-en-schuldenaanpak",
        starts="2025-07-01",
        ends="2028-12-31",
        description="Na het rekenkamerrapport 2025: hoofd- en bijzaken gescheiden, monitoring samen met de ketenpartners, rapportage per raadscyclus.",
        cadence=RoundCadence.COUNCIL,
    )
    _blocks(plan, ASSEN_BLOCKS)
    _actions(plan, ASSEN_ACTIONS)
    for title, *dates in ASSEN_ROUNDS:
        start, end, opens, closes, council = (
            datetime.date.fromisoformat(d) for d in dates
        )
        if not plan.rounds.filter(period_starts_on=start).exists():
            services.round_create(
                plan=plan,
                title=title,
                period_starts_on=start,
                period_ends_on=end,
                opens_on=opens,
                closes_on=closes,
                council_meeting_on=council,
            )
    _updates(plan, ASSEN_UPDATES, users)
    return plan


def _drentsche_aa(users) -> Plan:
    plan = _plan(
        "drentsche-aa",
        title="Regionale samenwerking 2026",
        slug="regionale-samenwerking-2026",
        starts="2026-01-01",
        ends="2026-12-31",
        description="Acties die Aa en Hunze, Assen en Tynaarlo samen met WPDA, GKB en Leergeld uitvoeren.",
    )
    _actions(plan, DRENTSCHE_AA_ACTIONS)
    services.rounds_create_quarterly(plan=plan)
    _updates(plan, DRENTSCHE_AA_UPDATES, users)
    return plan


@transaction.atomic
def seed(*, stdout) -> None:
    """Create this app's demo data; running it twice changes nothing."""
    users = _users()
    plans = [
        builder(users)
        for builder in (
            _aa_en_hunze,
            _coevorden,
            _midden_drenthe,
            _assen,
            _drentsche_aa,
        )
    ]
    stdout.write(
        f"  actieagenda: {len(plans)} plannen, {Action.objects.count()} acties, "
        f"{Round.objects.count()} rondes, {Update.objects.count()} updates"
    )
