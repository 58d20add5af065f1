"""The sociale kaart in the Wagtail admin: taxonomy and norm table snippets, the
mistake-report queue, the freshness report, dashboard panels and log actions."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pact.roles import can
from socialekaart import admin_views, selectors
from socialekaart.models import (
    Category,
    EligibilityRule,
    Location,
    NormPeriod,
    OrganisationPage,
    ServicePage,
    TargetGroup,
)
from socialekaart.permissions import (
    can_see_freshness,
    freshness_scope,
    reports_visible_to,
)
from socialekaart.selectors import page_problems
from socialekaart.services import organisation_page_sync_permissions


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categorieën")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = _("Doelgroepen")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class NormPeriodViewSet(SnippetViewSet):
    model = NormPeriod
    icon = "table"
    menu_label = _("Normbedragen")
    list_display = ["__str__", "valid_from", "valid_until", "source"]
    ordering = ["-valid_from"]


class KaartSnippetGroup(SnippetViewSetGroup):
    menu_label = _("Sociale kaart")
    menu_icon = "site"
    menu_order = 300
    items = (CategoryViewSet, TargetGroupViewSet, NormPeriodViewSet)


kaart_snippets = KaartSnippetGroup()
register_snippet(kaart_snippets)


def norm_viewset_url() -> str:
    for viewset in kaart_snippets.registerables:
        if viewset.model is NormPeriod:
            return reverse(viewset.get_url_name("list"))
    return ""


@hooks.register("after_create_page")
def grant_editors_on_new_organisation_page(request, page):
    if isinstance(page.specific, OrganisationPage):
        organisation_page_sync_permissions(page.specific)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def show_content_problems(request, page):
    """After a save, the content rules' findings on what was saved (decision 0081)."""
    if page.specific_class not in (OrganisationPage, ServicePage):
        return
    latest = page.get_latest_revision_as_object()
    for problem in page_problems(latest):
        if problem.is_error:
            messages.error(request, problem.message)
        else:
            messages.warning(request, problem.message)


@hooks.register("register_log_actions")
def register_kaart_log_actions(actions):
    actions.register_action(
        "socialekaart.mark_checked",
        _("Gecontroleerd: nog steeds juist"),
        _("Gecontroleerd: nog steeds juist"),
    )
    actions.register_action(
        "socialekaart.editors_synced",
        _("Rechten van redacteuren bijgewerkt"),
        _("Rechten van redacteuren bijgewerkt"),
    )
    actions.register_action(
        "socialekaart.report_handled",
        _("Foutmelding afgehandeld"),
        _("Foutmelding afgehandeld"),
    )


# --- Report queue and freshness report ---------------------------------------------------

report_urls = (
    [
        path("", admin_views.ReportQueueView.as_view(), name="index"),
        path(
            "<uuid:report_uuid>/afhandelen/", admin_views.report_handle, name="handle"
        ),
    ],
    "socialekaart_reports",
)
freshness_urls = (
    [
        path("", admin_views.FreshnessReportView.as_view(), name="index"),
        path(
            "<int:page_id>/nog-steeds-juist/",
            admin_views.MarkCheckedView.as_view(),
            name="mark_checked",
        ),
    ],
    "socialekaart_freshness",
)
content_urls = (
    [path("", admin_views.ContentReportView.as_view(), name="index")],
    "socialekaart_content",
)


@hooks.register("register_admin_urls")
def register_kaart_admin_urls():
    return [
        path("kaart/foutmeldingen/", include(report_urls)),
        path("kaart/controleren/", include(freshness_urls)),
        path("kaart/inhoud/", include(content_urls)),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, "kaart.handle_reports")


class FreshnessMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_freshness(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Foutmeldingen"),
        reverse("socialekaart_reports:index"),
        icon_name="warning",
        order=310,
    )


@hooks.register("register_admin_menu_item")
def register_freshness_menu_item():
    return FreshnessMenuItem(
        _("Controleren"),
        reverse("socialekaart_freshness:index"),
        icon_name="history",
        order=320,
    )


@hooks.register("register_admin_menu_item")
def register_content_menu_item():
    return FreshnessMenuItem(
        _("Inhoud nakijken"),
        reverse("socialekaart_content:index"),
        icon_name="warning",
        order=325,
    )


class KaartDashboardPanel(Component):
    name = "sociale_kaart"
    template_name = "socialekaart/admin/dashboard_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        context = super().get_context_data(parent_context)
        show_freshness = can_see_freshness(user)
        show_reports = can(user, "kaart.handle_reports")
        context.update(
            show_freshness=show_freshness,
            show_reports=show_reports,
            stale_count=len(selectors.stale_pages(organisations=freshness_scope(user)))
            if show_freshness
            else 0,
            open_reports=reports_visible_to(user).filter(status="open").count()
            if show_reports
            else 0,
            norm_outdated=can(user, "kaart.manage_taxonomy")
            and selectors.norm_table_is_outdated(),
            norms_url=norm_viewset_url(),
        )
        return context


@hooks.register("construct_homepage_panels")
def add_kaart_dashboard_panel(request, panels):
    if can_see_freshness(request.user) or can(request.user, "kaart.handle_reports"):
        panels.append(KaartDashboardPanel(request))


class MarkCheckedButton(PageMenuItem):
    label = _("Nog steeds juist")
    icon_name = "tick"
    url_name = "socialekaart_freshness:mark_checked"
    priority = 45

    def is_shown(self, user):
        return self.page.live and self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_listing_more_buttons")
def kaart_page_listing_buttons(page, user, next_url=None):
    if page.specific_class in (OrganisationPage, ServicePage):
        yield MarkCheckedButton(page=page, next_url=next_url)


@hooks.register("after_copy_page")
def new_ids_for_copied_children(request, page, new_page):
    """A copied page gets new UUIDs for its locations and rules (HSDS ids stay unique);
    the page's own ``uuid`` is excluded from copying by ``exclude_fields_in_copy``."""
    for model in (Location, EligibilityRule):
        for pk in model.objects.filter(page_id=new_page.pk).values_list(
            "pk", flat=True
        ):
            model.objects.filter(pk=pk).update(uuid=uuid.uuid4())
    if isinstance(new_page.specific, OrganisationPage):
        organisation_page_sync_permissions(new_page.specific)
