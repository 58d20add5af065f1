"""Pages of the sociale kaart: home, organisations, their locations and help offerings.

The tree::

    HomePage                     /            (categories, filters, "Wat past bij mij?")
      OrganisationIndexPage      /organisaties/
        OrganisationPage         /organisaties/<organisatie>/     (tied to pact.Organisation)
          ServicePage            /organisaties/<organisatie>/<hulp>/

An organisation page owns its locations (address, coordinates, opening hours,
accessibility); its services pick the locations where they are offered. A service's
*eligibility* is a list of rules; each rule holds in some municipalities of the
service area and combines an income limit (percentage of the social minimum), age
limits, household types and a minimum duration of low income. Matching lives in
``socialekaart.eligibility``.

Editors of an organisation get page permissions on its organisation page (and so on
its services) when the page is created; see ``socialekaart.services.permissions``.
Freshness ("last checked") is kept outside the revisions, in ``PageCheck``, so marking
a page as still correct never creates a revision or a moderation round.

Professional-only fields (``professional_*``) never reach public templates, search
documents or exports.

One module per part of the tree (``home``, ``organisation``, ``service``,
``eligibility_rules``; ``common`` for what they share). The pages' routes and
``get_context`` import ``socialekaart.views`` inside the method: the one deliberate
upward import of the app (issue 12; the import-linter contract names it).
"""

from socialekaart.models.pages.common import (
    RICH_TEXT_FEATURES,
    ContactFields,
    summary_field,
)
from socialekaart.models.pages.eligibility_rules import EligibilityRule
from socialekaart.models.pages.home import HomePage, OrganisationIndexPage
from socialekaart.models.pages.organisation import Location, OrganisationPage
from socialekaart.models.pages.service import ServicePage

__all__ = [
    "ContactFields",
    "EligibilityRule",
    "HomePage",
    "Location",
    "OrganisationIndexPage",
    "OrganisationPage",
    "RICH_TEXT_FEATURES",
    "ServicePage",
    "summary_field",
]
