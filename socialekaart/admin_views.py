"""Wagtail admin pages of the sociale kaart: the mistake-report queue and the
freshness report with its one-click "Nog steeds juist". Thin adapters over
``socialekaart.services`` and ``socialekaart.selectors``; the policy is
``socialekaart.permissions``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from pact.roles import can
from socialekaart import selectors, services
from socialekaart.constants import ReportStatus
from socialekaart.permissions import (
    access_report,
    can_edit_page,
    can_see_freshness,
    freshness_scope,
    reports_visible_to,
)


class KaartAdminMixin(WagtailAdminTemplateMixin):
    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class ReportQueueView(KaartAdminMixin, TemplateView):
    page_title = gettext_lazy("Foutmeldingen")
    header_icon = "warning"
    template_name = "socialekaart/admin/report_queue.html"

    def dispatch(self, request, *args, **kwargs):
        if not can(request.user, "kaart.handle_reports"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", ReportStatus.OPEN)
        if status not in ReportStatus.values:
            status = ReportStatus.OPEN
        reports = (
            reports_visible_to(self.request.user)
            .filter(status=status)
            .select_related("organisation", "page", "handled_by")
            .order_by("-created_at")[:200]
        )
        return super().get_context_data(
            reports=reports,
            status=status,
            statuses=ReportStatus.choices,
            **kwargs,
        )


@require_POST
def report_handle(request, report_uuid):
    report = access_report(request.user, report_uuid)
    status = request.POST.get("status")
    if status not in (ReportStatus.HANDLED, ReportStatus.REJECTED):
        messages.error(
            request, _("Kies of de melding is afgehandeld of geen fout was.")
        )
    else:
        services.mistake_report_handle(
            report=report,
            actor=request.user,
            status=status,
            note=request.POST.get("note", ""),
        )
        messages.success(request, _("De melding is afgehandeld."))
    return redirect("socialekaart_reports:index")


class FreshnessReportView(KaartAdminMixin, TemplateView):
    page_title = gettext_lazy("Controleren: verouderde informatie")
    header_icon = "history"
    template_name = "socialekaart/admin/freshness_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_freshness(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from django.conf import settings

        entries = selectors.stale_pages(
            organisations=freshness_scope(self.request.user)
        )
        return super().get_context_data(
            entries=entries, days=settings.PACT_FRESHNESS_DAYS, **kwargs
        )


class ContentReportView(KaartAdminMixin, TemplateView):
    """Every live page the content rules find problems on (decision 0081): all pages
    for pact admins, their organisations' pages for editors."""

    page_title = gettext_lazy("Inhoud nakijken")
    header_icon = "warning"
    template_name = "socialekaart/admin/content_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_freshness(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        entries = selectors.pages_with_problems(
            organisations=freshness_scope(self.request.user)
        )
        return super().get_context_data(
            entries=entries,
            error_count=sum(
                1 for e in entries if any(p.is_error for p in e["problems"])
            ),
            **kwargs,
        )


class MarkCheckedView(KaartAdminMixin, TemplateView):
    """GET: a confirmation (for links); POST: "Nog steeds juist", one click."""

    page_title = gettext_lazy("Nog steeds juist?")
    header_icon = "tick"
    template_name = "socialekaart/admin/mark_checked.html"

    def dispatch(self, request, *args, **kwargs):
        self.page = Page.objects.filter(pk=kwargs["page_id"]).first()
        if self.page is None or not (
            can_edit_page(request.user, self.page) or can(request.user, "kaart.approve")
        ):
            raise Http404
        self.page = self.page.specific
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page, next_url=self._next_url(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        services.page_mark_checked(page=self.page, actor=request.user)
        messages.success(
            request,
            _("‘%(title)s’ is gemarkeerd als nog steeds juist.")
            % {"title": self.page.title},
        )
        return redirect(self._next_url())

    def _next_url(self) -> str:
        candidate = self.request.POST.get("next") or self.request.GET.get("next")
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={self.request.get_host()}
        ):
            return candidate
        return reverse("socialekaart_freshness:index")
