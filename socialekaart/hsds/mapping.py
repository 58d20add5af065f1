"""Our pages as HSDS 3.0 objects: the one place that decides what leaves the kaart.

Only what residents may see is mapped: never the ``professional_*`` fields, never
revisions that are not live (callers pass live pages from ``hsds.selectors``). The
full field-by-field mapping is in docs/hsds.md; the choices behind it are decisions
0050 (scope, ids) and 0051 (NL taxonomy in ``attributes``).

Every function takes objects with their related rows already loaded (see
``hsds.selectors``), so mapping a page of results runs no queries.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from socialekaart.constants import (
    LANGUAGE_CHOICES,
    WEEKDAY_ICAL,
    AgeSubject,
    HouseholdType,
    ServiceStatus,
    Weekday,
)
from socialekaart.hsds import vocabulary as v
from socialekaart.hsds.texts import html_to_text, join_paragraphs, numbered

STATUS_TO_HSDS = {
    ServiceStatus.ACTIVE: "active",
    ServiceStatus.TEMPORARILY_CLOSED: "temporarily closed",
    ServiceStatus.ENDED: "defunct",
}
CURRENCY = "EUR"
COUNTRY = "NL"
WALK_IN = "Inloopspreekuur: zonder afspraak langskomen"
TOOI_MUNICIPALITY = "https://identifier.overheid.nl/tooi/id/gemeente/"
ORGANISATION_SCHEME = f"{v.URN}:organisatie"
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


@dataclass
class Site:
    """Where the kaart is published: absolute addresses of pages."""

    base_url: str
    root_paths: list[str] = field(default_factory=list)

    @classmethod
    def current(cls) -> Site:
        from wagtail.models import Site as WagtailSite

        roots = sorted(
            (root.root_path for root in WagtailSite.get_site_root_paths()),
            key=len,
            reverse=True,
        )
        return cls(settings.WAGTAILADMIN_BASE_URL.rstrip("/"), roots)

    def page_url(self, page) -> str:
        path = page.url_path
        for root in self.root_paths:
            if path.startswith(root):
                path = "/" + path[len(root) :]
                break
        return self.base_url + path


# --- Small values -----------------------------------------------------------------


def iso_datetime(value: datetime.datetime | None) -> str | None:
    if value is None:
        return None
    value = value.astimezone(datetime.UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def last_modified(service, organisation_page) -> datetime.datetime | None:
    stamps = [
        stamp
        for stamp in (
            service.last_published_at,
            getattr(organisation_page, "last_published_at", None),
        )
        if stamp is not None
    ]
    return max(stamps) if stamps else None


def _number(value: Decimal | int | None):
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _clean(data: dict) -> dict:
    """Leave out empty values: HSDS fields are optional, and ``null`` is not allowed."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _time(value: str | None) -> str | None:
    return value[:5] if value else None


def checked_on(page) -> datetime.date | None:
    check = getattr(page, "kaart_check", None)
    return check.checked_on if check is not None else None


def _stream(stream) -> list[dict]:
    return list(stream.raw_data) if stream else []


def block_id(base, block: dict, label: str) -> str:
    """The id of a StreamField block as an HSDS id: the block's own UUID (stable across
    revisions; the import sets it back), or one derived from ``base`` when it has none."""
    raw = block.get("id") or ""
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        return v.derived_id(base, f"{label}:{raw}")


# --- Schedules --------------------------------------------------------------------


def day_names(days: Iterable[str]) -> str:
    names = [str(Weekday(day).label) for day in sorted(days)]
    if len(names) <= 1:
        return "".join(names)
    return _("%(first)s en %(last)s") % {
        "first": ", ".join(names[:-1]),
        "last": names[-1],
    }


def hours_text(opens: str | None, closes: str | None) -> str:
    if not (opens and closes):
        return ""
    return _("van %(opens)s tot %(closes)s uur") % {
        "opens": (_time(opens) or "").replace(":", "."),
        "closes": (_time(closes) or "").replace(":", "."),
    }


def period_schedule(block: dict, *, schedule_id: str, walk_in: bool) -> dict | None:
    value = block.get("value") or {}
    days = [day for day in value.get("days") or [] if day in WEEKDAY_ICAL]
    if not days:
        return None
    return _clean(
        {
            "id": schedule_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": ",".join(WEEKDAY_ICAL[day] for day in sorted(days)),
            "opens_at": _time(value.get("opens")),
            "closes_at": _time(value.get("closes")),
            "description": f"{day_names(days)} "
            f"{hours_text(value.get('opens'), value.get('closes'))}".strip(),
            "attending_type": WALK_IN if walk_in else None,
            "notes": (value.get("note") or "").strip(),
        }
    )


def exception_schedule(block: dict, *, schedule_id: str) -> dict | None:
    value = block.get("value") or {}
    if not value.get("date_from"):
        return None
    closed = bool(value.get("is_closed")) or not (
        value.get("opens") and value.get("closes")
    )
    description = (
        _("Gesloten")
        if closed
        else _("Afwijkende tijden: %(hours)s")
        % {"hours": hours_text(value.get("opens"), value.get("closes"))}
    )
    return _clean(
        {
            "id": schedule_id,
            "valid_from": value["date_from"],
            "valid_to": value.get("date_until") or value["date_from"],
            "opens_at": None if closed else _time(value.get("opens")),
            "closes_at": None if closed else _time(value.get("closes")),
            "description": description,
            "notes": (value.get("note") or "").strip(),
        }
    )


def walk_in_schedules(page, *, base=None) -> list[dict]:
    """Walk-in hours as schedules. With ``base`` (a location's UUID) the ids are
    derived from it and the position, because the same hours then appear at every
    location of the organisation."""
    schedules = []
    periods = [b for b in _stream(page.walk_in_hours) if b.get("type") == "period"]
    for position, block in enumerate(periods):
        schedule_id = (
            v.derived_id(base, f"walk-in:{position}")
            if base is not None
            else block_id(page.uuid, block, "walk-in")
        )
        schedule = period_schedule(block, schedule_id=schedule_id, walk_in=True)
        if schedule:
            schedules.append(schedule)
    return schedules


def location_schedules(location, organisation_page) -> list[dict]:
    schedules = []
    for block in _stream(location.opening_hours):
        if block.get("type") == "period":
            schedule = period_schedule(
                block,
                schedule_id=block_id(location.uuid, block, "hours"),
                walk_in=False,
            )
            if schedule:
                schedules.append(schedule)
    for block in _stream(location.opening_exceptions):
        if block.get("type") == "exception":
            schedule = exception_schedule(
                block, schedule_id=block_id(location.uuid, block, "exception")
            )
            if schedule:
                schedules.append(schedule)
    if organisation_page is not None:
        # HSDS organisations have no schedules: the organisation's walk-in hours are
        # held at its locations (read back by the import; see docs/hsds.md).
        schedules.extend(walk_in_schedules(organisation_page, base=location.uuid))
    return schedules


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


# --- Objects ------------------------------------------------------------------------


def phones(owner, number: str) -> list[dict]:
    if not number:
        return []
    return [
        {"id": v.derived_id(owner.uuid, "phone"), "number": number, "type": "voice"}
    ]


def languages(owner, codes: Iterable[str]) -> list[dict]:
    return [
        {
            "id": v.derived_id(owner.uuid, f"language:{code}"),
            "name": str(LANGUAGE_NAMES.get(code, code)),
            "code": code,
        }
        for code in codes or []
    ]


def address(location) -> list[dict]:
    if not (location.street_address or location.city):
        return []
    municipality = location.municipality
    # address_1, city, state_province and postal_code are required by HSDS: empty
    # strings when we do not know them.
    return [
        {
            "id": v.derived_id(location.uuid, "address"),
            "address_1": location.street_address or "",
            "city": location.city or "",
            **({"region": municipality.name} if municipality else {}),
            "state_province": (municipality.province if municipality else "") or "",
            "postal_code": location.postal_code or "",
            "country": COUNTRY,
            "address_type": "physical",
        }
    ]


def accessibility(location) -> list[dict]:
    items = []
    labels = {
        "is_wheelchair_accessible": (
            _("Toegankelijk met een rolstoel."),
            _("Niet toegankelijk met een rolstoel."),
        ),
        "has_accessible_toilet": (
            _("Er is een toegankelijk toilet."),
            _("Er is geen toegankelijk toilet."),
        ),
        "has_hearing_loop": (_("Er is een ringleiding."), _("Er is geen ringleiding.")),
        "has_parking": (
            _("U kunt parkeren bij de deur."),
            _("U kunt niet parkeren bij de deur."),
        ),
    }
    for field_name, code in v.ACCESSIBILITY_TERMS.items():
        value = getattr(location, field_name)
        if value is None:
            continue
        item_id = v.derived_id(location.uuid, f"accessibility:{code}")
        items.append(
            {
                "id": item_id,
                "description": str(labels[field_name][0 if value else 1]),
                "attributes": [
                    term_attribute(
                        code,
                        link_id=item_id,
                        link_entity="accessibility",
                        link_type=v.LINK_ACCESSIBILITY,
                        value="true" if value else "false",
                    )
                ],
            }
        )
    if location.accessibility_note:
        items.append(
            {
                "id": v.derived_id(location.uuid, "accessibility:note"),
                "description": location.accessibility_note,
            }
        )
    return items


def location_full(location, organisation_page) -> dict:
    return _clean(
        {
            "id": str(location.uuid),
            "location_type": "physical",
            "organization_id": str(organisation_page.uuid)
            if organisation_page is not None
            else None,
            "name": location.name,
            "transportation": location.public_transport,
            "latitude": _number(location.latitude),
            "longitude": _number(location.longitude),
            "languages": languages(location, organisation_page.languages)
            if organisation_page is not None
            else [],
            "addresses": address(location),
            "accessibility": accessibility(location),
            "schedules": location_schedules(location, organisation_page),
        }
    )


def service_areas(service) -> list[dict]:
    return [
        _clean(
            {
                "id": v.derived_id(service.uuid, f"area:{municipality.cbs_code}"),
                "service_id": str(service.uuid),
                "name": municipality.name,
                "description": service.service_area_note,
                "uri": TOOI_MUNICIPALITY + municipality.cbs_code.lower(),
            }
        )
        for municipality in sorted(service.municipalities.all(), key=lambda m: m.name)
    ]


def cost_options(service) -> list[dict]:
    option: dict[str, object] = {
        "id": v.derived_id(service.uuid, "cost"),
        "service_id": str(service.uuid),
        "currency": CURRENCY,
    }
    if service.is_free:
        option.update(option=str(_("Gratis")), amount=0)
    else:
        option.update(
            option=str(_("Eigen bijdrage")),
            amount=_number(service.cost_amount),
            amount_description=service.cost_description,
        )
    return [_clean(option)]


def fees_description(service) -> str:
    if service.is_free:
        return join_paragraphs(str(_("Gratis.")), service.cost_description)
    return service.cost_description or ""


def required_documents(service) -> list[dict]:
    documents = []
    for block in _stream(service.required_documents):
        value = block.get("value") or {}
        text = (value.get("document") or "").strip()
        if not text:
            continue
        note = (value.get("note") or "").strip()
        documents.append(
            {
                "id": block_id(service.uuid, block, "document"),
                "service_id": str(service.uuid),
                "document": f"{text} ({note})" if note else text,
            }
        )
    return documents


def application_process(service) -> str:
    steps = [
        (block.get("value") or {}).get("text", "").strip()
        for block in _stream(service.application_steps)
    ]
    return numbered([step for step in steps if step])


def service_at_locations(service, organisation_page) -> list[dict]:
    return [
        {
            "id": v.derived_id(service.uuid, f"location:{location.uuid}"),
            "service_id": str(service.uuid),
            "location_id": str(location.uuid),
            "location": location_full(location, organisation_page),
        }
        for location in sorted(service.locations.all(), key=_position)
    ]


def organisation_name(organisation_page) -> str:
    return organisation_page.title


def organization_basic(organisation_page, site: Site) -> dict:
    organisation = organisation_page.organisation
    return _clean(
        {
            "id": str(organisation_page.uuid),
            "name": organisation_name(organisation_page),
            "alternate_name": organisation.short_name if organisation else "",
            "description": join_paragraphs(
                organisation_page.summary, html_to_text(organisation_page.description)
            )
            or organisation_page.title,
            "email": organisation_page.email
            or (organisation.email if organisation else ""),
            "website": organisation_page.website
            or (organisation.website if organisation else ""),
            "uri": site.page_url(organisation_page),
        }
    )


def organization_full(organisation_page, site: Site, *, services: list[dict]) -> dict:
    organisation = organisation_page.organisation
    data = organization_basic(organisation_page, site)
    data["description"] = data.get("description") or organisation_page.title
    data.update(
        _clean(
            {
                "phones": phones(
                    organisation_page,
                    organisation_page.phone
                    or (organisation.phone if organisation else ""),
                ),
                "locations": [
                    location_full(location, organisation_page)
                    for location in sorted(
                        organisation_page.locations.all(),
                        key=_position,
                    )
                ],
                "organization_identifiers": [
                    {
                        "id": v.derived_id(organisation_page.uuid, "identifier:pact"),
                        "organization_id": str(organisation_page.uuid),
                        "identifier_scheme": ORGANISATION_SCHEME,
                        "identifier_type": "Organisatie in het pactnetwerk",
                        "identifier": organisation.slug,
                    }
                ]
                if organisation is not None
                else [],
            }
        )
    )
    data["services"] = services
    return data


def service_basic(service, organisation_page, site: Site, *, organization=True) -> dict:
    """The one-to-one fields of a service (``compiled/service_list.json``)."""
    minimum_age, maximum_age = age_bounds(service)
    checked = checked_on(service)
    data = _clean(
        {
            "id": str(service.uuid),
            "organization_id": str(organisation_page.uuid)
            if organisation_page is not None
            else None,
            "name": service.title,
            "description": join_paragraphs(
                service.summary, html_to_text(service.description)
            ),
            "url": service.website or site.page_url(service),
            "email": service.email,
            "status": STATUS_TO_HSDS[ServiceStatus(service.status)],
            "application_process": application_process(service),
            "fees_description": fees_description(service),
            "eligibility_description": eligibility_description(service),
            "minimum_age": minimum_age,
            "maximum_age": maximum_age,
            "assured_date": checked.isoformat() if checked else None,
            "alert": service.status_note,
            "last_modified": iso_datetime(last_modified(service, organisation_page)),
        }
    )
    if organization and organisation_page is not None:
        data["organization"] = organization_basic(organisation_page, site)
    return data


def service_minimal(service, organisation_page) -> dict:
    """``minimal=true``: what a consumer needs to see what changed (plus the two fields
    the list schema requires)."""
    return minimal_values(
        uuid=service.uuid,
        title=service.title,
        status=service.status,
        stamps=(
            service.last_published_at,
            getattr(organisation_page, "last_published_at", None),
        ),
    )


def minimal_values(*, uuid, title: str, status: str, stamps) -> dict:
    known = [stamp for stamp in stamps if stamp is not None]
    return _clean(
        {
            "id": str(uuid),
            "name": title,
            "status": STATUS_TO_HSDS[ServiceStatus(status)],
            "last_modified": iso_datetime(max(known)) if known else None,
        }
    )


def service_full(
    service, organisation_page, site: Site, *, organization: bool = True
) -> dict:
    data = service_basic(service, organisation_page, site, organization=organization)
    data.update(
        _clean(
            {
                "phones": phones(service, service.phone),
                "schedules": walk_in_schedules(service),
                "service_areas": service_areas(service),
                "service_at_locations": service_at_locations(
                    service, organisation_page
                ),
                "languages": languages(service, service.languages),
                "cost_options": cost_options(service),
                "required_documents": required_documents(service),
                "attributes": service_attributes(service),
            }
        )
    )
    return data


def now_iso() -> str:
    return iso_datetime(timezone.now()) or ""
