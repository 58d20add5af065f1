"""Demo content of the sociale kaart, written for residents in plain Dutch (B1).

The organisations, the offerings and their rules come from the source documents
(see docs/socialekaart.md, "Demo content", for every value that had to be assumed).
Phone numbers, e-mail addresses and street addresses are fictitious: phone numbers have
a subscriber part starting with 000 (which no Dutch number has), e-mail addresses end in
``.example`` and streets are called ``Voorbeeld...``.
"""

from demo.socialekaart_data.national import (
    NATIONAL_ORGANISATION_PAGES,
    NATIONAL_SERVICES,
)
from demo.socialekaart_data.organisations import ORGANISATION_PAGES
from demo.socialekaart_data.services import DEMO_REPORTS, SERVICES, STALE_DEMO
from demo.socialekaart_data.taxonomy import CATEGORIES, NORM_PERIODS, TARGET_GROUPS

__all__ = [
    "CATEGORIES",
    "DEMO_REPORTS",
    "NATIONAL_ORGANISATION_PAGES",
    "NATIONAL_SERVICES",
    "NORM_PERIODS",
    "ORGANISATION_PAGES",
    "SERVICES",
    "STALE_DEMO",
    "TARGET_GROUPS",
]
