"""Wagtail admin pages of the sociale kaart: the mistake-report queue and the
freshness report with its one-click "Nog steeds juist". Thin adapters over
``socialekaart.services`` and ``socialekaart.selectors``; the policy is
``socialekaart.permissions``."""

from __future__ import annotations

from django.conf import settings
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

from pact.constants import Role
from pact.models import Membership
from pact.roles import can
from socialekaart import selectors, services
from socialekaart.constants import ReportStatus
from socialekaart.permissions import (
    access_report,
    can_edit_page,
    can_see_freshness,
    freshness_scope,
    is_own_page,
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
        entries = selectors.stale_pages(
            organisations=freshness_scope(self.request.user)
        )
        own = _edited_organisation_ids(self.request.user)
        for entry in entries:
            # One click only for one's own organisation's pages; another's is opened
            # first (issue 11).
            organisation = entry["organisation"]
            entry["one_click"] = organisation is not None and organisation.pk in own
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


def _edited_organisation_ids(user) -> set[int]:
    """The organisations ``user`` is an editor of himself (not as pact admin)."""
    return set(
        Membership.objects.filter(user=user, role=Role.EDITOR).values_list(
            "organisation_id", flat=True
        )
    )


class MarkCheckedView(KaartAdminMixin, TemplateView):
    """GET: a confirmation that shows the page; POST: "Nog steeds juist".

    One click from the lists for one's own organisation's pages. For another
    organisation's page (a pact admin's), only from this confirmation, after the page
    was opened here (issue 11): a POST without ``opened`` shows the confirmation.
    """

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
        organisation_page = selectors.organisation_for_page(self.page)
        return super().get_context_data(
            page=self.page,
            next_url=self._next_url(),
            organisation_page=organisation_page,
            problems=selectors.page_problems(self.page),
            check=selectors.page_check_of(self.page),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if request.POST.get("opened") != "1" and not is_own_page(
            request.user, self.page
        ):
            messages.warning(
                request,
                _(
                    "Dit is een pagina van een andere organisatie. Bekijk haar eerst; "
                    "klopt alles, klik dan op ‘Nog steeds juist’."
                ),
            )
            return self.get(request, *args, **kwargs)
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
