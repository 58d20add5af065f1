"""Reads for "Wat past bij mij?": which offerings fit a resident's situation.

``answer.services_matching`` is the entry point; ``best_first`` keeps the
municipality's order and walks it (decision 0074); ``evaluation`` gives verdicts;
``national`` the national schemes as pointers; ``results`` what is answered.
"""

from socialekaart.selectors.matching.answer import services_matching
from socialekaart.selectors.matching.best_first import BEST_FIRST_SECONDS, best_first
from socialekaart.selectors.matching.evaluation import RULE_FIELDS, rule_from_model
from socialekaart.selectors.matching.national import NationalScheme, national_schemes
from socialekaart.selectors.matching.results import (
    NOT_FIT_SHOWN,
    Match,
    MatchResult,
    ServiceSummary,
    order_key,
)

__all__ = [
    "BEST_FIRST_SECONDS",
    "NOT_FIT_SHOWN",
    "RULE_FIELDS",
    "Match",
    "MatchResult",
    "NationalScheme",
    "ServiceSummary",
    "best_first",
    "national_schemes",
    "order_key",
    "rule_from_model",
    "services_matching",
]
