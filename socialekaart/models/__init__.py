"""Models of the sociale kaart (split by topic; import from here)."""

from socialekaart.models.feedback import MistakeReport, PageCheck
from socialekaart.models.norms import NormAmount, NormPeriod
from socialekaart.models.pages import (
    EligibilityRule,
    HomePage,
    Location,
    OrganisationIndexPage,
    OrganisationPage,
    ServicePage,
)
from socialekaart.models.taxonomy import Category, TargetGroup

__all__ = [
    "Category",
    "EligibilityRule",
    "HomePage",
    "Location",
    "MistakeReport",
    "NormAmount",
    "NormPeriod",
    "OrganisationIndexPage",
    "OrganisationPage",
    "PageCheck",
    "ServicePage",
    "TargetGroup",
]
