"""A help offering's page (HSDS ``service``); its eligibility rules are in
``eligibility_rules``."""

from __future__ import annotations

import uuid

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from socialekaart.blocks import ApplicationStepsBlock, RequiredDocumentsBlock
from socialekaart.constants import ServiceStatus
from socialekaart.forms_admin import ServicePageForm
from socialekaart.models.pages.common import (
    RICH_TEXT_FEATURES,
    ContactFields,
    summary_field,
)
from socialekaart.models.pages.organisation import Location
from socialekaart.panels import FreshnessPanel


class ServicePage(RoutablePageMixin, ContactFields, Page):
    """A help offering (regeling or voorziening) of one organisation."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    summary = summary_field()
    description = RichTextField(
        _("uitleg"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Wat is het, wat krijgt u, en voor wie is het?"),
    )
    benefit = models.CharField(
        _("wat krijgt u?"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: € 165 per persoon per jaar, of: een voedselpakket."),
    )
    categories = ParentalManyToManyField(
        "socialekaart.Category",
        verbose_name=_("categorieën"),
        related_name="services",
        help_text=_("Waar zoeken inwoners deze hulp? Kies er één of meer."),
    )
    target_groups = ParentalManyToManyField(
        "socialekaart.TargetGroup",
        verbose_name=_("doelgroepen"),
        related_name="services",
        blank=True,
    )
    municipalities = ParentalManyToManyField(
        "pact.Municipality",
        verbose_name=_("werkgebied"),
        related_name="+",
        help_text=_("In welke gemeenten kunnen inwoners deze hulp krijgen?"),
    )
    service_area_note = models.CharField(
        _("werkgebied: toelichting"),
        max_length=200,
        blank=True,
        help_text=_("Alleen invullen als het werkgebied kleiner is, bijv. één wijk."),
    )
    eligibility_note = models.TextField(
        _("andere voorwaarden"),
        blank=True,
        help_text=_(
            "Voorwaarden die niet in de regels hieronder passen, bijvoorbeeld over "
            "spaargeld. Kort en in eenvoudige taal."
        ),
    )
    is_free = models.BooleanField(_("gratis"), default=True)
    is_automatic = models.BooleanField(
        _("vanzelf"),
        default=False,
        help_text=_(
            "De inwoner krijgt het zonder aanvraag, bijvoorbeeld omdat de gemeente "
            "het toestuurt."
        ),
    )
    cost_amount = models.DecimalField(
        _("kosten in euro"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    cost_description = models.CharField(
        _("kosten: toelichting"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: € 5 per maand eigen bijdrage."),
    )
    application_steps = StreamField(
        ApplicationStepsBlock(),
        verbose_name=_("zo vraagt u het aan"),
        blank=True,
        help_text=_("Stap voor stap. Eén stap per blok."),
    )
    required_documents = StreamField(
        RequiredDocumentsBlock(), verbose_name=_("dit neemt u mee"), blank=True
    )
    locations = ParentalManyToManyField(
        Location,
        verbose_name=_("locaties"),
        related_name="services",
        blank=True,
        help_text=_("Waar kunnen mensen voor deze hulp terecht?"),
    )
    is_at_home = models.BooleanField(
        _("aan huis"),
        default=False,
        help_text=_("Komt de organisatie voor deze hulp bij mensen thuis?"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ServiceStatus.choices,
        default=ServiceStatus.ACTIVE,
    )
    status_note = models.CharField(
        _("status: toelichting"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: gesloten tot 1 maart wegens verbouwing."),
    )
    keywords = models.CharField(
        _("zoekwoorden"),
        max_length=300,
        blank=True,
        help_text=_(
            "Woorden die mensen gebruiken als ze dit zoeken, gescheiden door komma's. "
            "Bijvoorbeeld: rood staan, aanmaning, deurwaarder."
        ),
    )

    content_panels = [
        FreshnessPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("benefit"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("keywords"),
            ],
            heading=_("Indeling"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldPanel("is_automatic"),
                FieldRowPanel(
                    [FieldPanel("cost_amount"), FieldPanel("cost_description")]
                ),
            ],
            heading=_("Kosten"),
        ),
        FieldPanel("application_steps"),
        FieldPanel("required_documents"),
    ]
    eligibility_panels = [
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("service_area_note"),
        InlinePanel(
            "eligibility_rules",
            heading=_("Regels: wie komt in aanmerking?"),
            label=_("Regel"),
            help_text=_(
                "Eén regel per groep gemeenten met dezelfde voorwaarden. Geen regels: "
                "iedereen in het werkgebied."
            ),
        ),
        FieldPanel("eligibility_note"),
    ]
    where_panels = [
        FieldPanel("locations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_at_home"),
        MultiFieldPanel(
            ContactFields.contact_panels,
            heading=_("Contact (leeg: dat van de organisatie)"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(eligibility_panels, heading=_("Voor wie")),
            ObjectList(where_panels, heading=_("Waar en contact")),
            ObjectList(
                ContactFields.professional_panels, heading=_("Voor professionals")
            ),
            ObjectList(Page.promote_panels, heading=_("Adres en zoeken")),
        ]
    )
    base_form_class = ServicePageForm
    parent_page_types = ["socialekaart.OrganisationPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("keywords"),
        index.FilterField("status"),
    ]
    exclude_fields_in_copy = ["uuid"]

    class Meta:
        verbose_name = _("hulpaanbod")
        verbose_name_plural = _("hulpaanbod")

    def __str__(self) -> str:
        return self.title

    @property
    def is_ended(self) -> bool:
        return self.status == ServiceStatus.ENDED

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]

    @path("")
    def detail(self, request):
        from socialekaart import views

        return views.service_detail(request, self)

    @path("fout-melden/")
    def report_mistake(self, request):
        from socialekaart import views

        return views.report_mistake(request, self)

    @path("voor-de-inwoner/")
    def resident_summary(self, request):
        from socialekaart import views

        return views.service_resident_summary(request, self)
