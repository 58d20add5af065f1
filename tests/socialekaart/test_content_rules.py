"""Content rules (issue 11): complete and consistent offering and organisation pages.

The rules are pure functions over ``PageContent``; see socialekaart/content_rules.py
and docs/decisions/0081-content-rules-and-bel-of-loop-binnen.md.
"""

from __future__ import annotations

from socialekaart.content_rules import (
    ERROR,
    ORGANISATION,
    SERVICE,
    WARNING,
    PageContent,
    RuleFacts,
    check_content,
)


def service(**changes) -> PageContent:
    """A complete offering; each test breaks one thing."""
    values = {
        "kind": SERVICE,
        "title": "Voedselpakket",
        "texts": {"summary": "Elke week gratis boodschappen."},
        "phone": "0592-000 100",
        "has_steps": True,
        "rules": [RuleFacts(number=1, income_limit_percent=120)],
    }
    values.update(changes)
    return PageContent(**values)


def codes(content: PageContent) -> dict[str, str]:
    return {problem.code: problem.level for problem in check_content(content)}


class ContentRuleTests:
    def test_a_complete_offering_has_no_problems(self):
        assert check_content(service()) == []

    def test_no_way_to_reach_anyone_is_an_error(self):
        assert codes(service(phone="")) == {"no_contact": ERROR}

    def test_the_organisations_contact_details_count_for_its_offerings(self):
        assert codes(service(phone="", organisation_email="info@gkb.example")) == {}

    def test_a_location_walk_in_hours_or_home_visits_are_a_way_to_reach(self):
        for change in (
            {"has_locations": True},
            {"has_walk_in": True},
            {"is_at_home": True},
        ):
            assert codes(service(phone="", **change)) == {}

    def test_text_sending_people_to_a_website_that_is_not_there_is_an_error(self):
        texts = {"application_steps": "Bel de GKB of meld u aan op de website."}
        assert codes(service(texts=texts)) == {"website_missing": ERROR}
        assert (
            codes(service(texts=texts, organisation_website="https://gkb.example"))
            == {}
        )

    def test_asking_to_call_without_a_number_is_a_warning(self):
        texts = {"application_steps": "Bel ons voor een afspraak."}
        assert codes(service(phone="", email="a@b.example", texts=texts)) == {
            "phone_missing": WARNING
        }

    def test_asking_to_mail_without_an_address_is_a_warning(self):
        texts = {"application_steps": "Mail ons uw vraag."}
        assert codes(service(texts=texts)) == {"email_missing": WARNING}

    def test_for_everyone_next_to_only_through_a_professional_is_an_error(self):
        texts = {"application_steps": "Een hulpverlener meldt u aan."}
        assert codes(service(rules=[], texts=texts)) == {"referral_for_everyone": ERROR}
        unconditioned = [RuleFacts(number=1)]
        assert codes(service(rules=unconditioned, texts=texts)) == {
            "referral_for_everyone": ERROR
        }

    def test_saying_who_it_is_for_in_the_other_conditions_settles_it(self):
        texts = {"application_steps": "Vraag uw hulpverlener om een aanvraag te doen."}
        note = "Alleen via een hulpverlener: die doet de aanvraag."
        assert codes(service(rules=[], texts=texts, eligibility_note=note)) == {}

    def test_a_rule_with_conditions_is_not_for_everyone(self):
        texts = {"application_steps": "Alleen met een verwijzing van uw hulpverlener."}
        assert codes(service(texts=texts)) == {}

    def test_two_rules_with_the_same_conditions_are_a_warning(self):
        rules = [
            RuleFacts(
                number=1, income_limit_percent=120, municipalities=frozenset({"assen"})
            ),
            RuleFacts(number=2, income_limit_percent=130),
            RuleFacts(
                number=3,
                income_limit_percent=120,
                municipalities=frozenset({"tynaarlo"}),
            ),
        ]
        problems = check_content(service(rules=rules))
        assert [(p.code, p.level) for p in problems] == [("duplicate_rules", WARNING)]
        assert "Regel 1 en regel 3" in problems[0].message

    def test_an_offering_without_steps_gets_a_warning(self):
        assert codes(service(has_steps=False)) == {"no_steps": WARNING}

    def test_errors_come_before_warnings(self):
        texts = {"application_steps": "Kijk op de website."}
        problems = check_content(service(phone="", has_steps=False, texts=texts))
        levels = [p.level for p in problems]
        assert levels == sorted(levels, key=lambda level: level != ERROR)
        assert {"no_contact", "website_missing", "no_steps"} == {
            p.code for p in problems
        }

    def test_organisation_pages_need_a_way_to_reach_but_no_steps_or_rules(self):
        organisation = PageContent(kind=ORGANISATION, title="Wij ruilen")
        assert codes(organisation) == {"no_contact": ERROR}
        organisation.email = "wij@ruilen.example"
        assert codes(organisation) == {}
