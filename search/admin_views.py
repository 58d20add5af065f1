"""Wagtail admin report: what people search for and do not find.

Shown to everyone with the capability ``search.view_missed`` (editors, coordinators,
the regisseur and pact admins). Only the normalised words and how often they were
searched are known; there is nothing about who searched.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from pact.roles import can
from pact.spreadsheets import neutralise_row
from search.models import MissedSearch


class MissedSearchFilterSet(WagtailFilterSet):
    last_seen_on = django_filters.DateFromToRangeFilter(
        label=_("Laatst gezocht"), widget=DateRangePickerWidget
    )
    query = django_filters.CharFilter(label=_("Bevat"), lookup_expr="icontains")

    class Meta:
        model = MissedSearch
        fields = ["query", "last_seen_on"]


class MissedSearchReportView(ReportView):
    page_title = _("Wat mensen zoeken en niet vinden")
    header_icon = "search"
    index_url_name = "search_missed"
    index_results_url_name = "search_missed_results"
    filterset_class = MissedSearchFilterSet
    paginate_by = 50
    columns = [
        Column("query", label=_("Zoekvraag")),
        Column("count", label=_("Aantal keer")),
        DateColumn("first_seen_on", label=_("Eerst gezocht")),
        DateColumn("last_seen_on", label=_("Laatst gezocht")),
    ]
    list_export = ["query", "count", "first_seen_on", "last_seen_on"]

    def write_csv_row(self, writer, row_dict):
        # Wagtail keeps formulas out of its XLSX, not out of its CSV.
        return super().write_csv_row(writer, neutralise_row(row_dict))

    export_headings = {
        "query": _("Zoekvraag"),
        "count": _("Aantal keer"),
        "first_seen_on": _("Eerst gezocht"),
        "last_seen_on": _("Laatst gezocht"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can(request.user, "search.view_missed"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def user_has_permission(self, permission):
        return can(self.request.user, "search.view_missed")

    def get_queryset(self):
        return MissedSearch.objects.order_by("-count", "query")

    def get_filename(self):
        return "gemiste-zoekvragen"
