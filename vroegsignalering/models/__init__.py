"""Vroegsignalering: early signals of payment arrears, one household at a time.

Creditors (housing corporations, energy and water companies, health insurers, the
municipality's tax office, the Belastingdienst) report payment arrears to the
municipality (Wgs art. 3, Besluit gemeentelijke schuldhulpverlening §2). A **signal**
(``Signal``) is one creditor's report about one address; reports of the same creditor
within ``MERGE_PERIOD_DAYS`` merge. All open signals at one address make one
**household** (``Household``) with the total arrears, a transparent **score** with its
reasons, the partner it is **routed** to and a **next step with a due date**:

    nieuw → ingepland (huisbezoek / bellen / brief) → brief verstuurd → in contact
          → hulp aanvaard (a case in casusregie) | hulp afgewezen (reason) | geen contact

Data minimisation: an address is postcode and house number only (enough for a letter
"aan de bewoners van"), never a name, BSN, phone number or free text. Households that
led to no help are deleted after the retention period, leaving anonymous counts
(``PurgedTally``). Which partner knows a household is a keyed hash (``KnownClient``): the
platform learns "known to GKB", never why.

The models by sub-domain: ``households`` (the delivered file, households, signals,
attempts), ``partners`` (routing rules, known clients, capacity), ``retention`` (the
counts left after purging) and ``keys`` (creditors' API keys). Every module is imported
here, so Django finds every model and ``vroegsignalering.models`` names them all.
"""

# In the order of the former models.py, so the models register (apps.get_models(),
# dumpdata, flush) in the same order as before the split.
from vroegsignalering.models.households import Attempt, Household, ImportBatch, Signal
from vroegsignalering.models.partners import KnownClient, PartnerCapacity, RoutingRule
from vroegsignalering.models.retention import PurgedTally

# isort: split
from vroegsignalering.models.keys import CreditorKey

__all__ = [
    "Attempt",
    "CreditorKey",
    "Household",
    "ImportBatch",
    "KnownClient",
    "PartnerCapacity",
    "PurgedTally",
    "RoutingRule",
    "Signal",
]
