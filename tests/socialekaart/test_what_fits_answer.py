"""The answer of "Wat past bij mij?": amounts in euros, a yearly estimate, one reason
per criterion, the order that matters, and what does not fit (folded)."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation

import pytest

from socialekaart.constants import AgeSubject, BenefitPeriod, BenefitUnit, HouseholdType
from socialekaart.eligibility import (
    Amount,
    Outcome,
    Rule,
    Situation,
    amount_text,
    euros_cents,
    evaluate,
)
from socialekaart.selectors.matching import Match, ServiceSummary, order_key
from tests.factories import socialekaart as f
from tests.factories.socialekaart import NORMS_2024

ASSEN = 1
URL = "/wat-past-bij-mij/"


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def parent(**fields):
    values = {
        "municipality_id": ASSEN,
        "household_type": HouseholdType.SINGLE_PARENT,
        "income": Decimal(1400),
        "children_ages": (6, 13),
    }
    values.update(fields)
    return Situation(**values)


def verdict(rules, situation):
    return evaluate(rules, situation, area_ids=[ASSEN], norms=NORMS_2024)


class AmountTests:
    def test_per_child_counts_the_children_inside_the_rules_ages(self):
        rule = Rule(
            age_subject=AgeSubject.CHILD,
            min_age=12,
            max_age=17,
            benefit_amount=Decimal(350),
            benefit_unit=BenefitUnit.CHILD,
        )
        result = verdict([rule], parent(children_ages=(6, 13, 15)))
        assert result.amounts[0].count == 2
        assert result.yearly == Decimal(700)

    def test_per_adult_counts_two_in_a_couple(self):
        rule = Rule(benefit_amount=Decimal(165), benefit_unit=BenefitUnit.ADULT)
        couple = parent(household_type=HouseholdType.COUPLE_WITH_CHILDREN)
        assert verdict([rule], couple).yearly == Decimal(330)
        assert verdict([rule], parent()).yearly == Decimal(165)

    def test_half_yearly_amounts_count_twice_a_year(self):
        rule = Rule(benefit_amount=Decimal(150), benefit_period=BenefitPeriod.HALF_YEAR)
        assert verdict([rule], parent()).yearly == Decimal(300)

    def test_amounts_of_every_fitting_rule_add_up(self):
        rules = [
            Rule(benefit_amount=Decimal(165), benefit_unit=BenefitUnit.ADULT),
            Rule(
                age_subject=AgeSubject.CHILD,
                max_age=11,
                benefit_amount=Decimal(165),
                benefit_unit=BenefitUnit.CHILD,
            ),
            Rule(
                age_subject=AgeSubject.CHILD,
                min_age=12,
                max_age=17,
                benefit_amount=Decimal(350),
                benefit_unit=BenefitUnit.CHILD,
            ),
        ]
        assert verdict(rules, parent()).yearly == Decimal(165 + 165 + 350)

    def test_without_known_children_there_is_no_yearly_estimate(self):
        rule = Rule(benefit_amount=Decimal(35), benefit_unit=BenefitUnit.CHILD)
        result = verdict([rule], parent(children_ages=()))
        assert result.amounts[0].count is None
        assert result.yearly is None

    def test_dutch_number_format(self):
        assert euros_cents(Decimal("1600")) == "€ 1.600,00"
        text = amount_text(
            Amount(Decimal(350), BenefitPeriod.YEAR, BenefitUnit.CHILD, count=2)
        )
        assert text == "€ 350,00 per kind per jaar (2 kinderen: € 700,00)"


class ReasonTests:
    def test_each_answer_that_made_it_fit_is_a_reason_of_its_own(self):
        rule = Rule(
            income_limit_percent=130,
            age_subject=AgeSubject.CHILD,
            min_age=0,
            max_age=17,
            household_types=frozenset({HouseholdType.SINGLE_PARENT}),
        )
        result = verdict([rule], parent())
        assert result.outcome == Outcome.FITS
        assert result.because == (
            "Uw inkomen is lager dan € 1.616, de grens voor deze regeling.",
            "De regeling is er voor uw soort huishouden.",
            "U heeft kinderen van 6 en 13 jaar, en de regeling is voor kinderen "
            "van 0 tot en met 17 jaar.",
        )
        assert result.open_questions == () and result.against == ()

    def test_a_missing_answer_is_an_open_question(self):
        result = verdict([Rule(income_limit_percent=130)], parent(income=None))
        assert result.outcome == Outcome.MIGHT_FIT
        assert result.open_questions == (
            "Het hangt af van uw inkomen: de grens is € 1.616 per maand voor uw "
            "huishouden.",
        )

    def test_what_does_not_fit_says_why(self):
        result = verdict([Rule(income_limit_percent=100)], parent())
        assert result.against == (
            "Uw inkomen is hoger dan € 1.243, de grens voor deze regeling.",
        )

    def test_an_offering_for_everyone_says_so(self):
        result = evaluate(
            [],
            parent(),
            area_ids=[ASSEN],
            norms=NORMS_2024,
        )
        assert result.because == ("Deze hulp is er voor iedereen in uw gemeente.",)


def match(title, *, free=True, automatic=False, yearly=None):
    amounts = (
        (Amount(Decimal(yearly), BenefitPeriod.YEAR, BenefitUnit.HOUSEHOLD, 1),)
        if yearly is not None
        else ()
    )
    page = ServiceSummary(
        pk=hash(title) % 1000,
        title=title,
        summary="",
        url="/",
        is_free=free,
        status="active",
        organisation_title="",
        is_automatic=automatic,
    )
    return Match(page, evaluate_stub(amounts))


def evaluate_stub(amounts):
    from socialekaart.eligibility import Verdict

    return Verdict(Outcome.FITS, "", amounts=amounts)


class OrderTests:
    def test_automatic_then_free_then_most_money_then_name(self):
        matches = [
            match("Betaald", free=False, yearly=1000),
            match("B gratis"),
            match("A gratis"),
            match("Veel geld", yearly=600),
            match("Weinig geld", yearly=70),
            match("Vanzelf", automatic=True),
        ]
        ordered = [m.page.title for m in sorted(matches, key=order_key)]
        assert ordered == [
            "Vanzelf",
            "Veel geld",
            "Weinig geld",
            "A gratis",
            "B gratis",
            "Betaald",
        ]


@pytest.mark.django_db
class AnswerPageTests:
    @pytest.fixture
    def answer_kaart(self, kaart):
        f.service_page(
            kaart.org_a,
            title="Verjaardagsbox",
            rules=[
                {
                    "age_subject": AgeSubject.CHILD,
                    "min_age": 4,
                    "max_age": 17,
                    "benefit_amount": Decimal(35),
                    "benefit_unit": BenefitUnit.CHILD,
                }
            ],
        )
        f.service_page(
            kaart.org_a,
            title="Alleen voor heel lage inkomens",
            rules=[{"income_limit_percent": 100}],
        )
        return kaart

    def post(self, client, kaart, **headers):
        municipality = kaart.org_a.organisation.municipalities.first()
        return client.post(
            URL,
            {
                "gemeente": municipality.slug,
                "huishouden": HouseholdType.SINGLE_PARENT,
                "inkomen": "1.400",
                "kinderen": "6, 13",
            },
            headers=headers,
        )

    def test_the_answer_shows_amounts_a_total_and_what_does_not_fit(
        self, client, answer_kaart
    ):
        html = self.post(client, answer_kaart).content.decode().replace("\xa0", " ")
        assert "€ 35,00 per kind per jaar (2 kinderen: € 70,00)" in html
        assert "Samen ongeveer <strong>€ 70,00 per jaar</strong>" in html
        assert "Waarom dit past:" in html
        assert '<details class="not-fitting">' in html
        assert "Wat past (nog) niet, en waarom" in html
        assert "Alleen voor heel lage inkomens" in html
        assert "Uw inkomen is hoger dan € 1.243" in html

    def test_a_script_gets_only_the_answer_never_stored(self, client, answer_kaart):
        response = self.post(client, answer_kaart, x_requested_with="fetch")
        html = response.content.decode()
        assert html.lstrip().startswith("<section")
        assert "<form" not in html
        assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
class NationalPointerTests:
    @pytest.fixture
    def national(self, kaart):
        from socialekaart import services

        index = kaart.index
        toeslagen = services.organisation_page_create(
            parent=index,
            organisation=None,
            title="Dienst Toeslagen",
            summary="Toeslagen van het Rijk.",
            website="https://www.belastingdienst.nl/",
            is_national=True,
        )
        municipalities = list(kaart.org_a.organisation.municipalities.all())
        f.service_page(
            toeslagen,
            title="Kinderopvangtoeslag",
            summary="Geld voor de kinderopvang.",
            municipalities=municipalities,
            target_groups=[kaart.parents],
        )
        f.service_page(
            toeslagen,
            title="Zorgtoeslag",
            summary="Geld voor de zorgverzekering.",
            municipalities=municipalities,
        )
        return kaart

    def post(self, client, kaart, household, children=""):
        municipality = kaart.org_a.organisation.municipalities.first()
        return client.post(
            URL,
            {
                "gemeente": municipality.slug,
                "huishouden": household,
                "inkomen": "1400",
                "kinderen": children,
            },
        ).content.decode()

    def test_national_schemes_are_pointers_not_the_pacts_offerings(
        self, client, national
    ):
        html = self.post(client, national, HouseholdType.SINGLE_PARENT, "6")
        pointers = html[html.index("Regelingen van het Rijk") :]
        answer = html[: html.index("Regelingen van het Rijk")]
        assert "Kinderopvangtoeslag" in pointers and "Zorgtoeslag" in pointers
        assert pointers.index("Kinderopvangtoeslag") < pointers.index("Zorgtoeslag")
        assert "Kinderopvangtoeslag" not in answer
        assert "op de website van Dienst Toeslagen" in pointers

    def test_schemes_for_children_are_left_out_without_children(self, client, national):
        html = self.post(client, national, HouseholdType.SINGLE)
        pointers = html[html.index("Regelingen van het Rijk") :]
        assert "Zorgtoeslag" in pointers
        assert "Kinderopvangtoeslag" not in pointers


@pytest.mark.django_db
class LimitTests:
    """Issue 9: with many offerings the answer evaluates the best candidates first and
    stops; without a limit it is the full evaluation (the property tests' reference)."""

    @pytest.fixture
    def many(self, kaart):
        for number in range(30):
            f.service_page(kaart.org_a, title=f"Gratis hulp {number:02d}")
        f.service_page(
            kaart.org_a,
            title="Zz vanzelf",
            is_automatic=True,
        )
        f.service_page(
            kaart.org_a,
            title="Zz met geld",
            rules=[{"benefit_amount": Decimal(500)}],
        )
        return kaart

    def situation(self, kaart):
        municipality = kaart.org_a.organisation.municipalities.first()
        return Situation(
            municipality_id=municipality.pk,
            household_type=HouseholdType.SINGLE,
            income=Decimal(1000),
        )

    def test_the_best_come_first_and_the_rest_is_counted(self, many):
        from socialekaart.selectors import services_matching

        full = services_matching(self.situation(many))
        limited = services_matching(self.situation(many), limit=2)
        titles = [m.page.title for m in limited.fits[:2]]
        assert titles == ["Zz vanzelf", "Zz met geld"]
        assert [m.page.title for m in full.fits[:2]] == titles
        assert full.unchecked == 0
        evaluated = len(limited.fits) + len(limited.might_fit)
        assert limited.unchecked > 0
        assert evaluated + limited.unchecked >= len(full.fits)

    def test_show_all_evaluates_everything(self, client, many):
        municipality = many.org_a.organisation.municipalities.first()
        form = {
            "gemeente": municipality.slug,
            "huishouden": HouseholdType.SINGLE,
            "inkomen": "1000",
        }
        html = client.post(URL, form).content.decode()
        assert "Laat alles zien" in html
        everything = client.post(URL, {**form, "alles": "1"}).content.decode()
        assert "Gratis hulp 29" in everything
        assert "niet bekeken" not in everything

    def test_a_change_of_the_kaart_is_in_the_next_answer(self, many):
        """The municipality's offerings in best-first order are kept in the cache under
        the content generation: a new offering is seen at once."""
        from socialekaart.selectors import services_matching

        before = services_matching(self.situation(many), limit=2)
        assert before.fits[0].page.title == "Zz vanzelf"
        f.service_page(many.org_a, title="Aa vanzelf", is_automatic=True)
        after = services_matching(self.situation(many), limit=2)
        assert after.fits[0].page.title == "Aa vanzelf"

    def test_what_was_not_looked_at_is_not_counted_as_not_fitting(self, many):
        from socialekaart.selectors import services_matching

        limited = services_matching(self.situation(many), limit=2)
        assert limited.unchecked > 0
        assert not limited.does_not_fit_counted_all
        assert services_matching(self.situation(many)).does_not_fit_counted_all


@pytest.mark.django_db
class FewFitTests:
    """Issue 9: when little fits among the best offerings, the database narrows them
    all and the answer still finds what fits further down, with complete counts."""

    @pytest.fixture
    def kaart_for_couples(self, kaart):
        for number in range(20):
            f.service_page(
                kaart.org_a,
                title=f"Voor stellen {number:02d}",
                is_automatic=True,
                rules=[{"household_types": [HouseholdType.COUPLE]}],
            )
        f.service_page(kaart.org_a, title="Zz past", is_free=False)
        return kaart

    def test_what_fits_further_down_is_found(self, kaart_for_couples):
        from socialekaart.selectors import services_matching

        municipality = kaart_for_couples.org_a.organisation.municipalities.first()
        situation = Situation(
            municipality_id=municipality.pk,
            household_type=HouseholdType.SINGLE,
            income=Decimal(1000),
        )
        limited = services_matching(situation, limit=2)
        full = services_matching(situation)
        assert "Zz past" in [m.page.title for m in limited.fits]
        assert limited.does_not_fit_counted_all
        assert limited.does_not_fit_count == full.does_not_fit_count >= 20
