"""Our rules, part 3: services, costs, service areas, attributes and rules."""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from socialekaart.constants import (
    SUMMARY_MAX_LENGTH,
    AgeSubject,
    ServiceStatus,
)
from socialekaart.hsds import mapping
from socialekaart.hsds import vocabulary as v
from socialekaart.hsds.importing.checking_locations import LocationChecks
from socialekaart.hsds.importing.reading import (
    STATUS_FROM_HSDS,
    UNSUPPORTED_SERVICE,
    ServiceRecord,
)
from socialekaart.hsds.texts import paragraphs, shorten, unnumbered

# The word our export writes for free options (always Dutch: the API and the export
# answer in Dutch whatever the language of the command).
FREE_WORD = "Gratis"


class ServiceChecks(LocationChecks):
    """Part of ``Checker`` (``checking.py``)."""

    # -- Services --

    def service(self, record: ServiceRecord) -> None:
        data, where, plan = record.data, record.where, record.plan
        key = str(data.get("id") or "")
        if not self.once(where, "service", key):
            return
        owner = record.organisation
        existing = self.lookups.services.get(key)
        plan["page"] = existing
        owner_page = owner.plan.get("page") if owner else None
        if (
            existing is not None
            and owner_page is not None
            and not existing.path.startswith(owner_page.path)
        ):
            self.error(
                where,
                _(
                    "Deze dienst hoort hier bij een andere organisatie; verhuizen "
                    "gaat niet met een import."
                ),
            )
        for name in UNSUPPORTED_SERVICE:
            if data.get(name):
                self.warn(
                    where, _("'%(field)s' wordt niet ingelezen.") % {"field": name}
                )
        plan["title"] = self.text(where, "name", data.get("name"), 255)
        summary, description = self.split_description(where, data.get("description"))
        if not summary:
            summary = shorten(plan["title"], SUMMARY_MAX_LENGTH)
            self.warn(where, _("Geen beschrijving: de naam is de samenvatting."))
        plan["summary"], plan["description"] = summary, description
        plan["status"] = STATUS_FROM_HSDS.get(
            str(data.get("status") or ""), ServiceStatus.ACTIVE
        )
        plan["status_note"] = self.text(where, "alert", data.get("alert"), 200)
        url = data.get("url") or ""
        plan["slug"] = self.own_slug(url) or slugify(plan["title"])[:80] or "hulp"
        plan["website"] = "" if self.own_slug(url) else self.website(where, url)
        plan["email"] = self.email(where, data.get("email"))
        phones = [p.get("number", "") for p in data.get("phones") or []]
        if len(phones) > 1:
            self.warn(where, _("Alleen het eerste telefoonnummer wordt ingelezen."))
        plan["phone"] = self.text(where, "phone", phones[0] if phones else "", 30)
        plan["application_steps"] = [
            {
                "type": "step",
                "value": {"text": self.fit(f"{where}.application_process", step, 400)},
            }
            for step in unnumbered(data.get("application_process") or "")
        ]
        plan["required_documents"] = [
            {
                "type": "document",
                "value": {
                    "document": self.fit(
                        f"{where}.required_documents[{number}]", d["document"], 200
                    ),
                    "note": "",
                },
                "id": self.block_id(d),
            }
            for number, d in enumerate(data.get("required_documents") or [])
            if (d.get("document") or "").strip()
        ]
        self.costs(where, data, plan)
        plan["languages"] = [
            code
            for number, language in enumerate(data.get("languages") or [])
            if (code := self.language(f"{where}.languages[{number}]", language))
        ]
        plan["walk_in_hours"] = []
        for number, item in enumerate(data.get("schedules") or []):
            spot = f"{where}.schedules[{number}]"
            if item.get("attending_type") == mapping.WALK_IN:
                block = self.period(spot, item)
                if block:
                    plan["walk_in_hours"].append(block)
            else:
                self.warn(
                    spot,
                    _(
                        "Alleen inlooptijden van een dienst worden ingelezen; "
                        "openingstijden horen bij een locatie."
                    ),
                )
        self.area(where, data, plan)
        self.attributes(where, data, plan)
        plan["location_ids"] = [
            str(link.get("location_id") or (link.get("location") or {}).get("id") or "")
            for link in data.get("service_at_locations") or []
        ]
        known = (
            {loc["uuid"] for loc in (owner.plan.get("locations") or [])}
            if owner
            else set()
        )
        if owner_page is not None:
            known |= {str(loc.uuid) for loc in owner_page.locations.all()}
        for location_id in plan["location_ids"]:
            if location_id not in known:
                self.error(
                    where,
                    _("Locatie %(id)s is geen locatie van deze organisatie.")
                    % {"id": location_id},
                )
        assured = data.get("assured_date")
        plan["checked_on"] = None
        if assured:
            try:
                plan["checked_on"] = datetime.date.fromisoformat(assured[:10])
            except ValueError:
                self.warn(where, _("Ongeldige assured_date: niet ingelezen."))

    def costs(self, where: str, data: dict, plan: dict) -> None:
        options = data.get("cost_options") or []
        fees = (data.get("fees_description") or "").strip()
        amounts = [o.get("amount") for o in options if o.get("amount") is not None]
        paid = [a for a in amounts if a and a > 0]
        free_word = FREE_WORD
        if options:
            # Free when every option says so: amount 0, or "Gratis" without amount.
            is_free = all(
                o.get("amount") == 0
                or (
                    o.get("amount") is None
                    and str(o.get("option", "")).strip().lower() == free_word.lower()
                )
                for o in options
            )
        else:
            is_free = not fees or fees.lower().startswith(free_word.lower())
            if not fees:
                self.warn(where, _("Geen kosten vermeld: ingelezen als gratis."))
        plan["is_free"] = is_free
        description = ""
        if is_free:
            parts = paragraphs(fees)
            if parts and parts[0].rstrip(".").lower() == free_word.lower():
                parts = parts[1:]
            description = " ".join(parts)
        else:
            option: dict = next(
                (o for o in options if o.get("amount") or o.get("amount_description")),
                {},
            )
            description = option.get("amount_description") or fees
            try:
                plan["cost_amount"] = (
                    Decimal(str(paid[0])).quantize(Decimal("0.01")) if paid else None
                )
            except InvalidOperation:
                plan["cost_amount"] = None
            if len(paid) > 1:
                self.warn(where, _("Alleen de eerste prijs wordt ingelezen."))
        plan.setdefault("cost_amount", None)
        plan["cost_description"] = self.text(
            where, "fees_description", description, 200
        )

    def area(self, where: str, data: dict, plan: dict) -> None:
        municipalities = []
        for number, area in enumerate(data.get("service_areas") or []):
            uri = area.get("uri") or ""
            found = None
            if uri.startswith(mapping.TOOI_MUNICIPALITY):
                found = self.lookups.municipality_by_code(uri.rsplit("/", 1)[-1])
            found = found or self.lookups.municipality_by_name(area.get("name") or "")
            if found is None:
                message = _(
                    "Onbekend werkgebied '%(name)s': geen gemeente van het pact."
                ) % {"name": (area.get("name") or uri)[:80]}
                if self.lookups.default_municipality is not None:
                    self.warn(f"{where}.service_areas[{number}]", message)
                else:
                    self.error(f"{where}.service_areas[{number}]", message)
                continue
            if found not in municipalities:
                municipalities.append(found)
        if not municipalities and self.lookups.default_municipality is not None:
            municipalities = [self.lookups.default_municipality]
        if not municipalities:
            self.error(
                where,
                _(
                    "Geen werkgebied: noem minstens één gemeente in service_areas (of "
                    "lees in met --municipality)."
                ),
            )
        plan["municipalities"] = municipalities
        notes = [a.get("description") for a in data.get("service_areas") or []]
        plan["service_area_note"] = self.text(
            where, "service_areas.description", next((n for n in notes if n), ""), 200
        )

    def attributes(self, where: str, data: dict, plan: dict) -> None:
        categories, groups, rules = [], [], defaultdict(list)
        features: dict[str, str] = {}
        for number, attribute in enumerate(data.get("attributes") or []):
            spot = f"{where}.attributes[{number}]"
            term_id = str(attribute.get("taxonomy_term_id") or "")
            nested = attribute.get("taxonomy_term") or {}
            code = self.term_code(attribute)
            if attribute.get("link_entity") == v.ENTITY_RULE and code:
                rules[str(attribute.get("link_id"))].append((spot, code, attribute))
                continue
            if code in (
                v.BENEFIT,
                v.OTHER_CONDITIONS,
                v.KEYWORDS,
                v.AT_HOME,
                v.AUTOMATIC,
            ):
                features[code] = str(attribute.get("value") or "")
                continue
            category = (
                self.lookups.category(term_id, nested.get("code", ""))
                if (nested.get("taxonomy_id") in (None, v.CATEGORIES.id))
                else None
            )
            if category is not None:
                categories.append(category)
                continue
            group = (
                self.lookups.target_group(term_id, nested.get("code", ""))
                if (nested.get("taxonomy_id") in (None, v.TARGET_GROUPS.id))
                else None
            )
            if group is not None:
                groups.append(group)
                continue
            self.warn(
                spot,
                _("Onbekende term '%(term)s': niet ingelezen.")
                % {"term": nested.get("name") or term_id},
            )
        if not categories and self.lookups.default_category is not None:
            categories = [self.lookups.default_category]
        if not categories:
            self.error(
                where,
                _(
                    "Geen bekende categorie: geef minstens één attribuut met een term "
                    "uit /api/hsds/taxonomy_terms (of lees in met --category)."
                ),
            )
        plan["categories"] = list(dict.fromkeys(categories))
        plan["target_groups"] = list(dict.fromkeys(groups))
        plan["benefit"] = self.text(where, v.BENEFIT, features.get(v.BENEFIT), 200)
        plan["keywords"] = self.text(where, v.KEYWORDS, features.get(v.KEYWORDS), 300)
        plan["is_at_home"] = features.get(v.AT_HOME, "").lower() == "true"
        plan["is_automatic"] = features.get(v.AUTOMATIC, "").lower() == "true"
        note = features.get(v.OTHER_CONDITIONS)
        ours = {t.id for t in v.TAXONOMIES}
        from_a_kaart = any(
            (a.get("taxonomy_term") or {}).get("taxonomy_id") in ours
            or str(a.get("taxonomy_term_id")) in v.TERMS_BY_ID
            for a in data.get("attributes") or []
        )
        if note is None and not from_a_kaart:
            # Another directory's free text: kept as the "other conditions"; ours is
            # generated from the rules and the note, so it is not read back.
            note = (data.get("eligibility_description") or "").strip()
        plan["eligibility_note"] = note or ""
        plan["rules"] = []
        for link_id, items in rules.items():
            rule = self.rule(items, plan["municipalities"])
            if rule is not None:
                try:
                    rule["uuid"] = str(uuid.UUID(link_id))
                except ValueError:
                    rule["uuid"] = str(uuid.uuid4())
                plan["rules"].append(rule)
        plan["rules"].sort(key=lambda rule: rule.pop("_position"))
        if not rules and (
            data.get("minimum_age") is not None or data.get("maximum_age") is not None
        ):
            plan["rules"].append(
                {
                    "municipalities": [],
                    "income_limit_percent": None,
                    "household_types": [],
                    "age_subject": AgeSubject.APPLICANT,
                    "min_age": self.age(where, data.get("minimum_age")),
                    "max_age": self.age(where, data.get("maximum_age")),
                    "min_low_income_years": None,
                    "benefit": "",
                }
            )

    def rule(self, items: list, area: list) -> dict | None:
        rule: dict[str, Any] = {
            "municipalities": [],
            "income_limit_percent": None,
            "household_types": [],
            "age_subject": AgeSubject.APPLICANT,
            "min_age": None,
            "max_age": None,
            "min_low_income_years": None,
            "benefit": "",
            "_position": 0,
        }
        subjects = set()
        for spot, code, attribute in items:
            value = str(attribute.get("value") or "")
            if code == v.RULE:
                rule["_position"] = self.number(spot, value, low=0, high=10_000) or 0
            elif code == v.MUNICIPALITY:
                municipality = self.lookups.municipality_by_code(value)
                if municipality is None:
                    self.error(
                        spot, _("Onbekende CBS-code '%(code)s'.") % {"code": value}
                    )
                elif area and municipality not in area:
                    self.error(
                        spot,
                        _("De regel noemt %(name)s, dat niet in het werkgebied ligt.")
                        % {"name": municipality.name},
                    )
                else:
                    rule["municipalities"].append(municipality)
            elif code == v.INCOME_LIMIT:
                rule["income_limit_percent"] = self.number(spot, value, low=1, high=400)
            elif code in v.HOUSEHOLD_BY_TERM:
                rule["household_types"].append(v.HOUSEHOLD_BY_TERM[code])
            elif code in (v.APPLICANT_MIN_AGE, v.CHILD_MIN_AGE):
                rule["min_age"] = self.number(spot, value, low=0, high=120)
                subjects.add(code == v.CHILD_MIN_AGE)
            elif code in (v.APPLICANT_MAX_AGE, v.CHILD_MAX_AGE):
                rule["max_age"] = self.number(spot, value, low=0, high=120)
                subjects.add(code == v.CHILD_MAX_AGE)
            elif code == v.LOW_INCOME_YEARS:
                rule["min_low_income_years"] = self.number(spot, value, low=0, high=50)
            elif code == v.BENEFIT:
                rule["benefit"] = self.text(spot, v.BENEFIT, value, 200)
            else:
                self.warn(
                    spot,
                    _("Term '%(code)s' hoort niet bij een regel.") % {"code": code},
                )
        spot = items[0][0]
        if len(subjects) > 1:
            self.error(
                spot,
                _(
                    "Een regel heeft leeftijden van de aanvrager én van een kind; dat "
                    "moeten twee regels zijn."
                ),
            )
        if True in subjects:
            rule["age_subject"] = AgeSubject.CHILD
        if (
            rule["min_age"] is not None
            and rule["max_age"] is not None
            and rule["max_age"] < rule["min_age"]
        ):
            self.error(spot, _("De maximumleeftijd is lager dan de minimumleeftijd."))
        return rule
