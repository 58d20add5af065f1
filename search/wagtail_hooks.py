"""Search in the Wagtail admin: synonyms (pact admins) and missed searches (editors)."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pact.roles import can
from search import services
from search.admin_views import MissedSearchReportView
from search.models import SynonymGroup

SUBMENU_HOOK = "register_search_menu_item"


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Synoniemen")
    menu_name = "synonyms"
    list_display = ["terms", "is_active", "updated_at"]
    list_filter = ["is_active"]
    ordering = ["terms"]
    panels = [FieldPanel("terms"), FieldPanel("is_active"), FieldPanel("note")]


class SearchViewSetGroup(SnippetViewSetGroup):
    items = (SynonymGroupViewSet,)
    menu_label = _("Zoeken")
    menu_name = "search"
    menu_icon = "search"
    menu_order = 250
    submenu_hook = SUBMENU_HOOK


register_snippet(SearchViewSetGroup)


class MissedSearchMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, "search.view_missed")


@hooks.register(SUBMENU_HOOK)
def missed_search_menu_item():
    return MissedSearchMenuItem(
        _("Gezocht, niet gevonden"),
        reverse("search_missed"),
        name="missed-searches",
        icon_name="search",
        order=900,
    )


@hooks.register("register_admin_urls")
def missed_search_urls():
    return [
        path(
            "zoeken/gemist/",
            MissedSearchReportView.as_view(),
            name="search_missed",
        ),
        path(
            "zoeken/gemist/resultaten/",
            MissedSearchReportView.as_view(results_only=True),
            name="search_missed_results",
        ),
    ]


def _synonyms_saved(request, instance):
    if isinstance(instance, SynonymGroup):
        services.synonyms_changed()


for hook_name in ("after_create_snippet", "after_edit_snippet"):
    hooks.register(hook_name, _synonyms_saved)


@hooks.register("after_delete_snippet")
def _synonyms_deleted(request, instances):
    if any(isinstance(instance, SynonymGroup) for instance in instances):
        services.synonyms_changed()
