"""Does an offering fit a resident's situation? ("Wat past bij mij?")

Pure logic, no database: the selector loads the rules and the norm amounts and calls
``evaluate`` per offering. Each condition of a rule answers *yes*, *no* or *unknown*
(the resident left it empty or chose "weet ik niet"):

* a rule **fits** when every condition says yes;
* it **might fit** when none says no and at least one is unknown;
* it **does not fit** when one says no.

An offering fits when one of its rules for the resident's municipality fits, might fit
when one might, and does not fit otherwise. The reason comes from the best rule (fewest
open questions, then the most that is known to hold: a rule about the resident's
teenager says more than one about every adult); what the resident gets lists the
benefit of every rule with that best outcome (Uitkering activiteiten: the parent's and
the teenager's). An offering without rules is open to everyone in its service area; one
outside the resident's municipality is never shown. "Other conditions" the form does
not ask about (a referral, a participation placement) keep an offering at "might fit".

Income limits are percentages of the social minimum for the resident's household,
converted to whole euros per month (rounded half up); the resident's net income is
compared with that rounded limit, so what the page says and what is decided agree.
Every verdict comes with one sentence in plain Dutch saying why.
"""

from socialekaart.eligibility.conditions import evaluate_rule, income_limit, rule_amount
from socialekaart.eligibility.offering import evaluate
from socialekaart.eligibility.situation import (
    ADULT_AGE,
    AOW_AGE,
    COUPLES,
    Amount,
    Outcome,
    Rule,
    Situation,
    Verdict,
    amount_text,
)
from socialekaart.eligibility.wording import age_range, euros, euros_cents, join_clauses

__all__ = [
    "ADULT_AGE",
    "AOW_AGE",
    "Amount",
    "COUPLES",
    "Outcome",
    "Rule",
    "Situation",
    "Verdict",
    "age_range",
    "amount_text",
    "euros",
    "euros_cents",
    "evaluate",
    "evaluate_rule",
    "income_limit",
    "join_clauses",
    "rule_amount",
]
