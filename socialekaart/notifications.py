"""Wagtail's moderation e-mail ("a page waits for your approval"), to the right people.

Wagtail sends it to every member of the approving group: every pact admin of every
pact, for a page of any organisation. Issue 11: it goes to the pact admins of the
pacts the page's organisation is a member of (now). A page without an organisation,
or of an organisation in no pact, still goes to the whole group, so that someone
approves it.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier

from pact.constants import Role
from pact.models import Membership
from socialekaart.selectors import organisation_for_page

# Wagtail connects its notifier under this id; connecting ours first under the same id
# (socialekaart comes before wagtail.admin in INSTALLED_APPS) makes Wagtail's a no-op.
WAGTAIL_DISPATCH_UID = "group_approval_task_submitted_email_notification"


def pact_admin_ids_for(organisation) -> set[int]:
    """The people who are pact admin of a pact ``organisation`` is a member of today."""
    today = timezone.localdate()
    current = Q(pact__memberships__left_on__isnull=True) | Q(
        pact__memberships__left_on__gte=today
    )
    return set(
        Membership.objects.filter(
            current,
            role=Role.PACT_ADMIN,
            pact__memberships__organisation=organisation,
            pact__memberships__joined_on__lte=today,
        ).values_list("user_id", flat=True)
    )


class PactAdminSubmissionNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    def get_recipient_users(self, task_state, **kwargs):
        recipients = super().get_recipient_users(task_state, **kwargs)
        page = task_state.workflow_state.content_object
        organisation_page = organisation_for_page(page) if page is not None else None
        organisation = getattr(organisation_page, "organisation", None)
        if organisation is None:
            return recipients
        admins = pact_admin_ids_for(organisation)
        narrowed = recipients.filter(pk__in=admins)
        return narrowed if narrowed.exists() else recipients


submission_notifier = PactAdminSubmissionNotifier()
