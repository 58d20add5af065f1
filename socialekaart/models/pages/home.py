"""The front page and the organisation index: the top of the page tree."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page


class HomePage(RoutablePageMixin, Page):
    """The front page of the sociale kaart: categories, filters, "Wat past bij mij?".

    Its sub-addresses (``/categorie/<slug>/``, ``/hulp/``, ``/wat-past-bij-mij/``,
    ``/fout-melden/``) are routes on this page; the views live in
    ``socialekaart.views``. The routes import the views inside the method: the one
    deliberate upward import of this app (pages -> views, issue 12), since the views
    read through selectors that import these models.
    """

    intro = models.TextField(
        _("introductie"),
        blank=True,
        help_text=_("Eén of twee zinnen in eenvoudige taal (B1)."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["socialekaart.OrganisationIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")

    @path("")
    def home(self, request):
        from socialekaart import views

        return views.home(request, self)

    @path("hulp/")
    def service_list(self, request):
        from socialekaart import views

        return views.service_list(request, self)

    @path("categorie/<slug:slug>/")
    def category(self, request, slug):
        from socialekaart import views

        return views.service_list(request, self, category_slug=slug)

    @path("wat-past-bij-mij/")
    def what_fits_me(self, request):
        from socialekaart import views

        return views.what_fits_me(request, self)

    @path("fout-melden/")
    def report_mistake(self, request):
        # About the kaart as a whole (a listing, a missing category): the report has
        # no organisation, so it lands in the pact admins' queue.
        from socialekaart import views

        return views.report_mistake(request, self)


class OrganisationIndexPage(Page):
    """All organisations of the sociale kaart, A to Z."""

    intro = models.TextField(_("introductie"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["socialekaart.HomePage"]
    subpage_types = ["socialekaart.OrganisationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("overzicht van organisaties")
        verbose_name_plural = _("overzichten van organisaties")

    def get_context(self, request, *args, **kwargs):
        from socialekaart import views  # the page -> view seam (see HomePage)

        context = super().get_context(request, *args, **kwargs)
        return views.organisation_index_context(request, self, context)
