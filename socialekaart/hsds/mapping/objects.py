"""Pages as HSDS objects: locations, services, organisations."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from socialekaart.constants import (
    ServiceStatus,
)
from socialekaart.hsds import vocabulary as v
from socialekaart.hsds.mapping.common import (
    COUNTRY,
    CURRENCY,
    LANGUAGE_NAMES,
    NATIONAL_SCHEME,
    ORGANISATION_SCHEME,
    STATUS_TO_HSDS,
    TOOI_MUNICIPALITY,
    Site,
    _clean,
    _number,
    _stream,
    block_id,
    checked_on,
    iso_datetime,
    last_modified,
)
from socialekaart.hsds.mapping.eligibility import (
    _position,
    age_bounds,
    eligibility_description,
    service_attributes,
    term_attribute,
)
from socialekaart.hsds.mapping.schedules import (
    location_schedules,
    walk_in_schedules,
)
from socialekaart.hsds.texts import html_to_text, join_paragraphs, numbered

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
                else [
                    {
                        "id": v.derived_id(
                            organisation_page.uuid, "identifier:national"
                        ),
                        "organization_id": str(organisation_page.uuid),
                        "identifier_scheme": NATIONAL_SCHEME,
                        "identifier_type": "Landelijke organisatie, niet in het pact",
                        "identifier": organisation_page.slug,
                    }
                ]
                if organisation_page.is_national
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
