"""Eligibility rules as HSDS attributes and in words."""

from __future__ import annotations

from django.utils.translation import gettext as _

from socialekaart.constants import (
    AgeSubject,
    HouseholdType,
)
from socialekaart.hsds import vocabulary as v
from socialekaart.hsds.mapping.common import (
    _clean,
)
from socialekaart.hsds.texts import join_paragraphs

# --- Attributes -------------------------------------------------------------------


def attribute(
    *,
    link_id,
    link_entity: str,
    link_type: str,
    term_id: str,
    term: dict,
    value: str = "",
) -> dict:
    return _clean(
        {
            "id": v.derived_id(link_id, f"attribute:{term_id}:{value}"),
            "link_id": str(link_id),
            "taxonomy_term_id": term_id,
            "link_type": link_type,
            "link_entity": link_entity,
            "value": value,
            "taxonomy_term": term,
        }
    )


def term_attribute(code: str, *, link_id, link_entity, link_type, value="") -> dict:
    term = v.TERMS[code]
    return attribute(
        link_id=link_id,
        link_entity=link_entity,
        link_type=link_type,
        term_id=term.id,
        term=term.as_hsds(nested=True),
        value=str(value),
    )


def rule_attributes(rule, position: int) -> list[dict]:
    def add(code, value=""):
        found.append(
            term_attribute(
                code,
                link_id=rule.uuid,
                link_entity=v.ENTITY_RULE,
                link_type=v.LINK_ELIGIBILITY,
                value=value,
            )
        )

    found: list[dict] = []
    add(v.RULE, position)
    for municipality in sorted(rule.municipalities.all(), key=lambda m: m.cbs_code):
        add(v.MUNICIPALITY, municipality.cbs_code)
    if rule.income_limit_percent is not None:
        add(v.INCOME_LIMIT, rule.income_limit_percent)
    for household in HouseholdType.values:
        if household in (rule.household_types or []):
            add(v.HOUSEHOLD_TERMS[household])
    is_child = rule.age_subject == AgeSubject.CHILD
    if rule.min_age is not None:
        add(v.CHILD_MIN_AGE if is_child else v.APPLICANT_MIN_AGE, rule.min_age)
    if rule.max_age is not None:
        add(v.CHILD_MAX_AGE if is_child else v.APPLICANT_MAX_AGE, rule.max_age)
    if rule.min_low_income_years is not None:
        add(v.LOW_INCOME_YEARS, rule.min_low_income_years)
    if rule.benefit:
        add(v.BENEFIT, rule.benefit)
    return found


def service_attributes(service) -> list[dict]:
    found = []
    for category in sorted(service.categories.all(), key=lambda c: c.slug):
        found.append(
            attribute(
                link_id=service.uuid,
                link_entity="service",
                link_type=v.LINK_CATEGORY,
                term_id=str(category.uuid),
                term=v.snippet_term(category, v.CATEGORIES, nested=True),
            )
        )
    for group in sorted(service.target_groups.all(), key=lambda g: g.slug):
        found.append(
            attribute(
                link_id=service.uuid,
                link_entity="service",
                link_type=v.LINK_AUDIENCE,
                term_id=str(group.uuid),
                term=v.snippet_term(group, v.TARGET_GROUPS, nested=True),
            )
        )

    def feature(code, value):
        found.append(
            term_attribute(
                code,
                link_id=service.uuid,
                link_entity="service",
                link_type=v.LINK_FEATURE,
                value=value,
            )
        )

    if service.benefit:
        feature(v.BENEFIT, service.benefit)
    if service.eligibility_note:
        feature(v.OTHER_CONDITIONS, service.eligibility_note)
    if service.keywords:
        feature(v.KEYWORDS, service.keywords)
    if service.is_at_home:
        feature(v.AT_HOME, "true")
    if service.is_automatic:
        feature(v.AUTOMATIC, "true")
    for position, rule in enumerate(ordered_rules(service), 1):
        found.extend(rule_attributes(rule, position))
    return found


def _position(row) -> tuple:
    return (row.sort_order or 0, row.pk or 0)


def ordered_rules(service) -> list:
    return sorted(service.eligibility_rules.all(), key=_position)


# --- Eligibility in words -----------------------------------------------------------


def _names(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s en %(last)s") % {
        "first": ", ".join(items[:-1]),
        "last": items[-1],
    }


def age_words(min_age, max_age) -> str:
    if min_age is not None and max_age is not None:
        return _("van %(min)d tot en met %(max)d jaar") % {
            "min": min_age,
            "max": max_age,
        }
    if min_age is not None:
        return _("van %(min)d jaar of ouder") % {"min": min_age}
    return _("tot en met %(max)d jaar") % {"max": max_age}


def rule_sentence(rule) -> str:
    parts = []
    if rule.income_limit_percent is not None:
        parts.append(
            _("een netto inkomen tot %(percent)d%% van het sociaal minimum")
            % {"percent": rule.income_limit_percent}
        )
    if rule.household_types:
        labels = [
            str(HouseholdType(code).label).lower()
            for code in HouseholdType.values
            if code in rule.household_types
        ]
        parts.append(_("huishouden: %(types)s") % {"types": _names(labels)})
    if rule.min_age is not None or rule.max_age is not None:
        ages = age_words(rule.min_age, rule.max_age)
        if rule.age_subject == AgeSubject.CHILD:
            parts.append(_("voor kinderen %(ages)s") % {"ages": ages})
        else:
            parts.append(_("voor mensen %(ages)s") % {"ages": ages})
    if rule.min_low_income_years is not None:
        parts.append(
            _("minstens %(years)d jaar een laag inkomen")
            % {"years": rule.min_low_income_years}
        )
    text = "; ".join(parts) if parts else _("voor iedereen")
    municipalities = sorted(m.name for m in rule.municipalities.all())
    if municipalities:
        text = _("In %(where)s: %(conditions)s") % {
            "where": _names(municipalities),
            "conditions": text,
        }
    else:
        text = text[:1].upper() + text[1:]
    if rule.benefit:
        text += ". " + _("U krijgt: %(benefit)s") % {
            "benefit": rule.benefit.rstrip(".")
        }
    return text + "."


def eligibility_description(service) -> str:
    rules = ordered_rules(service)
    sentences = [rule_sentence(rule) for rule in rules]
    if not rules:
        sentences = [_("Voor iedereen in het werkgebied.")]
    return join_paragraphs("\n".join(sentences), service.eligibility_note)


def age_bounds(service) -> tuple[int | None, int | None]:
    """The widest age range over the rules; ``None`` where some rule has no bound."""
    rules = list(service.eligibility_rules.all())
    if not rules:
        return None, None
    minimums = [rule.min_age for rule in rules]
    maximums = [rule.max_age for rule in rules]
    return (
        None if None in minimums else min(minimums),
        None if None in maximums else max(maximums),
    )
