"""Casusregie: who leads a resident's case, and how the lead moves warmly.

A **case** (``Case``) holds as little as it can: a reference, a household label or
pseudonym (never a BSN), the municipality, complexity, the resident's own *regie* and a
status (registered → active → closed with an outcome). The resident's **goals** are in
his own words, ordered by his priority.

**Involvement** says which organisations work on the case, in which role (exactly one
``LEAD`` at a time, others ``INVOLVED``, the municipality's ``REGISSEUR`` when escalated)
and on which **basis**: the resident's **consent** (given when, to whom, for which data,
recorded by whom, withdrawn when) or a legal task. Only an active involvement with a valid
basis gives an organisation's people access; the casusregie services translate
involvement into django-guardian group object permissions on the case
(``CaseGroupObjectPermission``).

A **hand-over** (``Handover``) moves the lead: proposed → accepted (the lead moves at
once; the previous lead stays involved) → completed at the first contact (the previous
lead steps out if the proposer chose so); or declined, withdrawn, expired (to the
regisseur) or cancelled. An **escalation** asks the regisseur to take over.

The **timeline** (``CaseEvent``) and the **access log** (``AccessLogEntry``) are
append-only. The access log outlives the case: it names the case only by its UUID and
holds no data about the resident, so purging the case leaves it anonymous.

The tables by sub-domain (issue 12, step 7): ``cases`` (the case, its goals and notes),
``basis`` (consent and involvement), ``handovers`` (hand-overs and escalations),
``audit`` (timeline, break-glass accesses, access log), ``append_only`` (the base of the
append-only tables) and ``object_permissions`` (django-guardian's direct permission
models). Every model is imported here, so Django finds them and
``from casusregie.models import Case`` keeps working.
"""

from casusregie.models.append_only import (
    AppendOnlyError,
    AppendOnlyModel,
    AppendOnlyQuerySet,
)
from casusregie.models.audit import AccessLogEntry, BreakGlassAccess, CaseEvent
from casusregie.models.basis import Consent, Involvement
from casusregie.models.cases import Case, Goal, Note
from casusregie.models.handovers import Escalation, Handover
from casusregie.models.object_permissions import (
    CaseGroupObjectPermission,
    CaseUserObjectPermission,
)

__all__ = [
    "AccessLogEntry",
    "AppendOnlyError",
    "AppendOnlyModel",
    "AppendOnlyQuerySet",
    "BreakGlassAccess",
    "Case",
    "CaseEvent",
    "CaseGroupObjectPermission",
    "CaseUserObjectPermission",
    "Consent",
    "Escalation",
    "Goal",
    "Handover",
    "Involvement",
    "Note",
]
