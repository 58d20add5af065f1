"""Matching the names in a plan's "uitvoering" column to organisations of the pact.

Names are matched (``OwnerMatcher``) to the pact's own organisation ("Armoedepact",
"Pact", "partners"), then to organisations that are members of the pact or serve one of
its municipalities, by name, short name, slug or alias ("Gemeente" is the alias of every
municipality's organisation, so it is unambiguous only within a pact of one municipality).
Unknown or ambiguous names are reported, never created. A role can follow a name in
brackets: ``WPDA (trekker)``. See docs/decisions/0041-import-owner-roles.md.
"""

from __future__ import annotations

import re
import unicodedata

from django.db.models import Q
from django.utils.translation import gettext as _

from agenda.constants import OwnerRole
from pact.constants import OrganisationKind
from pact.models import Organisation, Pact

ROLE_WORDS = {
    "trekker": OwnerRole.LEAD,
    "lead": OwnerRole.LEAD,
    "penvoerder": OwnerRole.LEAD,
    "regie": OwnerRole.LEAD,
    "uitvoering": OwnerRole.EXECUTING,
    "uitvoerend": OwnerRole.EXECUTING,
    "uitvoerder": OwnerRole.EXECUTING,
    "financier": OwnerRole.FUNDING,
    "financiering": OwnerRole.FUNDING,
    "funding": OwnerRole.FUNDING,
}
# Words in a plan that stand for the pact's partners together: read as the pact itself.
COLLECTIVE_WORDS = {
    "partners",
    "de partners",
    "alle partners",
    "pactpartners",
    "partners van het pact",
    "haar partners",
}


def name_key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = name.casefold().replace("&", " en ")
    return re.sub(r"[^a-z0-9]+", " ", name).strip()


class OwnerMatcher:
    """Matches names in a plan to organisations, within one pact (see module docstring)."""

    def __init__(self, pact: Pact):
        self.pact = pact
        municipalities = pact.municipalities.all()
        candidates = (
            Organisation.objects.filter(is_active=True)
            .filter(
                Q(pact_memberships__pact=pact, pact_memberships__left_on__isnull=True)
                | Q(municipalities__in=municipalities)
            )
            .exclude(kind=OrganisationKind.PACT)
            .distinct()
        )
        member_ids = set(pact.memberships.values_list("organisation_id", flat=True))
        self.names: dict[str, list[Organisation]] = {}
        for organisation in candidates:
            for name in {
                organisation.name,
                organisation.short_name,
                organisation.slug,
                *organisation.alias_list,
            }:
                if name:
                    self.names.setdefault(name_key(name), []).append(organisation)
        for key, found in self.names.items():
            members = [o for o in found if o.pk in member_ids]
            # A pact member wins over an organisation that merely serves the area.
            self.names[key] = sorted(set(members or found), key=lambda o: o.name)
        self.pact_names = {
            name_key(pact.name),
            *(name_key(w) for w in COLLECTIVE_WORDS),
        }
        if pact.organisation:
            self.pact_names |= {
                name_key(n)
                for n in [pact.organisation.name, *pact.organisation.alias_list]
            }

    def match(self, name: str) -> Organisation | list[Organisation] | None:
        """The organisation, a list when ambiguous, or None when unknown."""
        key = name_key(name)
        if key in self.pact_names and self.pact.organisation:
            return self.pact.organisation
        found = self.names.get(key, [])
        if len(found) == 1:
            return found[0]
        return found or None

    def parse(
        self, text: str
    ) -> tuple[list[tuple[Organisation, str | None]], list[str]]:
        """Owners in ``text`` with their explicit role (or None), and the problems found."""
        owners: list[tuple[Organisation, str | None]] = []
        problems: list[str] = []
        for part in re.split(r"\s*[,;\n]\s*", text):
            part = part.strip()
            if not part:
                continue
            role = None
            marker = re.search(r"\(([^)]*)\)\s*$", part)
            if marker:
                role = ROLE_WORDS.get(marker[1].strip().casefold())
                if role is None:
                    problems.append(
                        _(
                            "onbekende rol “%(role)s” (gebruik trekker, uitvoering of financier)"
                        )
                        % {"role": marker[1]}
                    )
                    continue
                part = part[: marker.start()].strip()
            found, part_problems = self._segment(part)
            problems += part_problems
            owners += [(organisation, role) for organisation in found]
        return owners, problems

    def _segment(self, part: str) -> tuple[list[Organisation], list[str]]:
        whole = self.match(part)
        if isinstance(whole, Organisation):
            return [whole], []
        pieces = [p for p in re.split(r"\s+(?:en|&|\+)\s+", part) if p.strip()]
        # Join neighbouring pieces where that makes a known name ("Sport en Cultuur").
        best: list[list[Organisation] | None] = [None] * (len(pieces) + 1)
        best[0] = []
        for end in range(1, len(pieces) + 1):
            for start in range(end):
                previous = best[start]
                if previous is None:
                    continue
                found = self.match(" en ".join(pieces[start:end]))
                if isinstance(found, Organisation):
                    best[end] = [*previous, found]
                    break
        if best[-1] is not None:
            return best[-1], []
        problems = []
        for piece in pieces if len(pieces) > 1 else [part]:
            found = self.match(piece)
            if isinstance(found, list):
                problems.append(
                    _(
                        "“%(name)s” kan meerdere organisaties zijn (%(options)s); schrijf de volledige naam"
                    )
                    % {"name": piece, "options": ", ".join(o.name for o in found)}
                )
            elif found is None:
                problems.append(
                    _(
                        "organisatie “%(name)s” onbekend in dit pact (voeg haar toe of gebruik een bekende naam)"
                    )
                    % {"name": piece}
                )
        return [], problems


def owner_roles(
    owners: list[tuple[Organisation, str | None]],
) -> list[tuple[Organisation, str]]:
    """Default roles: one owner leads; several owners without a marker all execute."""
    if len(owners) == 1 and owners[0][1] is None:
        return [(owners[0][0], OwnerRole.LEAD)]
    return [(o, role or OwnerRole.EXECUTING) for o, role in owners]
