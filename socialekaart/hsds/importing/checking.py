"""Our rules, part 1: organisations (the lookups and helpers are in ``checking_base``)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from socialekaart.hsds import mapping
from socialekaart.hsds.importing.checking_services import ServiceChecks
from socialekaart.hsds.importing.reading import (
    UNSUPPORTED_ORGANIZATION,
    OrganisationRecord,
)

# --- Checking: our rules --------------------------------------------------------------


class Checker(ServiceChecks):
    """Turns records into plans (field values for the writes), collecting problems."""

    # -- Organisations --

    def organisation(self, record: OrganisationRecord) -> None:
        data, where, plan = record.data, record.where, record.plan
        key = str(data.get("id") or "")
        if not self.once(where, "organization", key):
            return
        page = self.lookups.organisation_pages.get(key)
        organisation = page.organisation if page is not None else None
        if page is None:
            organisation = self._match_organisation(data)
            if organisation is not None:
                page = next(
                    (
                        p
                        for p in self.lookups.organisation_pages.values()
                        if p.organisation_id == organisation.pk
                    ),
                    None,
                )
        plan["page"] = page
        plan["organisation"] = organisation
        plan["is_national"] = (
            page.is_national
            if page is not None
            else (organisation is None and self._is_national(data))
        )
        if page is None and organisation is None and not plan["is_national"]:
            name = data.get("name") or key
            if record.plan.get("from_service") and len(data) <= 1:
                self.error(
                    where,
                    _(
                        "Onbekende organisatie %(id)s, en de dienst bevat haar gegevens "
                        "niet."
                    )
                    % {"id": key},
                )
                return
            self.error(
                where,
                _(
                    "Onbekende organisatie '%(name)s' (id %(id)s): geen organisatie "
                    "in het pactnetwerk met deze naam. Een pactbeheerder voegt haar "
                    "eerst toe aan het netwerk, of koppel haar bij het inlezen met "
                    "--link-organisation '%(id)s=<korte naam>'."
                )
                % {"name": name, "id": key},
            )
            return
        if page is not None and record.plan.get("from_service"):
            # Only named by a service (a service package): the organisation's own
            # data is not all there, so its page is left as it is.
            plan["keep"] = True
            return
        for name in UNSUPPORTED_ORGANIZATION:
            if data.get(name):
                self.warn(
                    where, _("'%(field)s' wordt niet ingelezen.") % {"field": name}
                )
        plan["title"] = self.text(where, "name", data.get("name"), 255)
        summary, description = self.split_description(where, data.get("description"))
        plan["summary"], plan["description"] = (
            summary or plan["title"][:160],
            description,
        )
        phones = [p.get("number", "") for p in data.get("phones") or []]
        if len(phones) > 1:
            self.warn(where, _("Alleen het eerste telefoonnummer wordt ingelezen."))
        plan["phone"] = self.text(where, "phone", phones[0] if phones else "", 30)
        plan["email"] = self.email(where, data.get("email"))
        uri = data.get("uri") or ""
        plan["slug"] = self.own_slug(uri) or (organisation.slug if organisation else "")
        plan["website"] = self.website(where, data.get("website"))
        if organisation is not None:
            for name in ("phone", "email", "website"):
                if plan[name] == getattr(organisation, name):
                    plan[name] = ""  # the network's value is shown anyway
        locations = list(data.get("locations") or [])
        known = {str(loc.get("id")) for loc in locations}
        for service in record.services:
            for link in service.data.get("service_at_locations") or []:
                location = link.get("location") or {}
                if location.get("id") and str(location["id"]) not in known:
                    known.add(str(location["id"]))
                    locations.append(location)
        plan["locations"] = []
        walk_in: list[dict] = []
        languages: list[str] = []
        for number, location in enumerate(locations):
            checked = self.location(f"{where}.locations[{number}]", location, walk_in)
            if checked is not None:
                plan["locations"].append(checked)
            for language in location.get("languages") or []:
                code = self.language(f"{where}.locations[{number}]", language)
                if code and code not in languages:
                    languages.append(code)
        plan["languages"] = languages
        plan["walk_in_hours"] = walk_in

    @staticmethod
    def _is_national(data: dict) -> bool:
        """Marked as a national organisation outside the pact (our export does so)."""
        return any(
            identifier.get("identifier_scheme") == mapping.NATIONAL_SCHEME
            for identifier in data.get("organization_identifiers") or []
        )

    def _match_organisation(self, data: dict):
        for key in (data.get("id"), data.get("name")):
            linked = self.lookups.links.get(str(key or "").strip().casefold())
            if linked is not None:
                return linked
        for identifier in data.get("organization_identifiers") or []:
            if identifier.get("identifier_scheme") == mapping.ORGANISATION_SCHEME:
                found = next(
                    (
                        o
                        for o in self.lookups.organisations
                        if o.slug == identifier.get("identifier")
                    ),
                    None,
                )
                if found is not None:
                    return found
        names = {
            (data.get(key) or "").strip().casefold()
            for key in ("name", "alternate_name")
        } - {""}
        matches = [
            organisation
            for organisation in self.lookups.organisations
            if names
            & {
                organisation.name.casefold(),
                organisation.short_name.casefold(),
                *(alias.casefold() for alias in organisation.alias_list),
            }
            - {""}
        ]
        return matches[0] if len(matches) == 1 else None
