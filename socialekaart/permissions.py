"""The sociale kaart's permission policy: the one place that decides who may do what.

* Editing pages: Wagtail's page permissions (``GroupPagePermission`` on an organisation
  page, for the organisation's editor group; granted in ``services.permissions``), read
  through Wagtail's page permission policy, so the admin and this module agree.
* Approving: the moderation workflow's task, for the pact admins' group.
* Handling reports: ``kaart.handle_reports`` in the report's organisation
  (editors, coordinators, pact admins of a pact the organisation belongs to).
* Professional notes: ``kaart.view_professional_notes``.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from pact.constants import Role
from pact.roles import can, has_role, organisations_where
from socialekaart.models import MistakeReport
from socialekaart.selectors import organisation_for_page

EDIT = "change"
page_policy = PagePermissionPolicy()


class NotAllowed(PermissionDenied):
    """The acting person may not do this."""


def can_edit_page(user, page: Page) -> bool:
    """May ``user`` change ``page`` (an organisation page or a service under it)?"""
    if not user.is_authenticated:
        return False
    return page_policy.user_has_permission_for_instance(user, EDIT, page)


def require_edit_page(user, page: Page) -> None:
    if not can_edit_page(user, page):
        raise NotAllowed("not allowed to edit this page")


def pages_editable_by(user) -> QuerySet[Page]:
    """Every page ``user`` may change (a queryset of ``Page``)."""
    if not user.is_authenticated:
        return Page.objects.none()
    return page_policy.instances_user_has_any_permission_for(user, {EDIT})


def is_own_page(user, page: Page) -> bool:
    """Is ``page`` one of the user's own organisation's pages (he is its editor)?

    Pact admins may change every page, but they confirm "Nog steeds juist" for another
    organisation's page only after opening it (issue 11)."""
    organisation_page = organisation_for_page(page)
    organisation = getattr(organisation_page, "organisation", None)
    return organisation is not None and has_role(
        user, Role.EDITOR, organisation=organisation
    )


def can_view_professional_notes(user) -> bool:
    return can(user, "kaart.view_professional_notes")


def can_handle_reports(user, organisation) -> bool:
    if organisation is None:
        return can(user, "kaart.approve")
    return can(user, "kaart.handle_reports", organisation)


def reports_visible_to(user):
    """Mistake reports ``user`` may see and handle: those of the organisations where he
    may ``kaart.handle_reports``; pact admins (``kaart.approve``) also see reports on
    pages without an organisation."""
    if not user.is_authenticated:
        return MistakeReport.objects.none()
    organisations = organisations_where(user, "kaart.handle_reports")
    reports = MistakeReport.objects.filter(organisation__in=organisations)
    if can(user, "kaart.approve"):
        reports = reports | MistakeReport.objects.filter(organisation__isnull=True)
    return reports


def can_manage_taxonomy(user) -> bool:
    return can(user, "kaart.manage_taxonomy")


def access_report(user, report_uuid):
    """The report with ``report_uuid`` if ``user`` may handle it; ``Http404`` otherwise
    (missing and forbidden look the same)."""
    report = (
        reports_visible_to(user)
        .select_related("organisation", "page")
        .filter(uuid=report_uuid)
        .first()
    )
    if report is None:
        raise Http404
    return report


def freshness_scope(user):
    """Whose stale pages ``user`` looks after: ``None`` for all (pact admins, who
    approve), else the organisations where he edits the sociale kaart."""
    if can(user, "kaart.approve"):
        return None
    return organisations_where(user, "kaart.edit")


def can_see_freshness(user) -> bool:
    return can(user, "kaart.approve") or can(user, "kaart.edit")
