"""State changes of the pact network. Every write to these tables goes through here.

Memberships are the roles people hold. Granting or revoking one also keeps the person's
Django groups in step (the role's group and the organisation's role group), writes an
entry to Wagtail's audit log, so "who gave whom which role" is always answerable, and
e-mails the organisation's coordinators.

The rules that keep case data behind involvement (decision 0060):

* case roles (case worker, coordinator, regisseur) are never given to a pact admin or a
  superuser, and a person with a case role never becomes pact admin;
* an invitation never adds roles to the inviter, never adds roles to an account that
  holds roles in an organisation the inviter does not coordinate, and never brings back
  a removed (deactivated) account, except when the organisation that removed it invites
  it again: then the person must choose a new password and link the app anew.

``actor=None`` means the system itself (migrations, ``seed_demo``); any person acting is
authorised through ``pact.roles.can``.
"""

from __future__ import annotations

from pact.services.common import (
    NotAllowed,
)
from pact.services.members import (
    member_invite,
    member_remove,
    member_second_factor_reset,
)
from pact.services.memberships import (
    LOG_DEACTIVATE,
    LOG_GRANT,
    LOG_REACTIVATE,
    LOG_REVOKE,
    LOG_SECOND_FACTOR_RESET,
    membership_grant,
    membership_revoke,
)
from pact.services.network import (
    municipality_upsert,
    organisation_upsert,
    pact_member_set,
    pact_upsert,
)

__all__ = [
    "NotAllowed",
    "municipality_upsert",
    "organisation_upsert",
    "pact_upsert",
    "pact_member_set",
    "LOG_GRANT",
    "LOG_REVOKE",
    "LOG_DEACTIVATE",
    "LOG_REACTIVATE",
    "LOG_SECOND_FACTOR_RESET",
    "membership_grant",
    "membership_revoke",
    "member_invite",
    "member_remove",
    "member_second_factor_reset",
]
