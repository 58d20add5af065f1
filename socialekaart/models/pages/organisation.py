"""An organisation's page and its locations (HSDS ``organization`` and ``location``)."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
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
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from socialekaart.blocks import OpeningExceptionsBlock, OpeningHoursBlock
from socialekaart.forms_admin import OrganisationPageForm
from socialekaart.models.pages.common import (
    RICH_TEXT_FEATURES,
    ContactFields,
    summary_field,
)
from socialekaart.panels import FreshnessPanel


class OrganisationPage(RoutablePageMixin, ContactFields, Page):
    """One organisation of the pact network, as residents and professionals see it."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "pact.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "De organisatie in het pactnetwerk. Haar redacteuren mogen deze pagina's "
            "bewerken. Leeg alleen bij een landelijke organisatie."
        ),
    )
    summary = summary_field()
    description = RichTextField(
        _("over de organisatie"), features=RICH_TEXT_FEATURES, blank=True
    )
    is_national = models.BooleanField(
        _("landelijke organisatie, niet van het pact"),
        default=False,
        help_text=_(
            "Bijvoorbeeld de Dienst Toeslagen, de SVB of het UWV. Inwoners zoeken hun "
            'regelingen; "Wat past bij mij?" toont ze apart, als verwijzing.'
        ),
    )

    content_panels = [
        FreshnessPanel(),
        *Page.content_panels,
        FieldPanel("organisation", permission="socialekaart.manage_organisation_link"),
        FieldPanel("is_national", permission="socialekaart.manage_organisation_link"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(ContactFields.contact_panels, heading=_("Contact")),
        InlinePanel("locations", heading=_("Locaties"), label=_("Locatie")),
    ]
    professional_panels = ContactFields.professional_panels
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhoud")),
            ObjectList(professional_panels, heading=_("Voor professionals")),
            ObjectList(Page.promote_panels, heading=_("Adres en zoeken")),
        ]
    )
    base_form_class = OrganisationPageForm
    parent_page_types = ["socialekaart.OrganisationIndexPage"]
    subpage_types = ["socialekaart.ServicePage"]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
    ]
    exclude_fields_in_copy = ["uuid"]

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        permissions = [
            (
                "manage_organisation_link",
                _("Kan kiezen bij welke organisatie een pagina hoort"),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        # Only national organisations (not in the pact) have a page without one.
        if self.organisation_id is None and not self.is_national:
            raise ValidationError(
                {"organisation": _("Kies de organisatie in het pactnetwerk.")}
            )

    @path("")
    def detail(self, request):
        from socialekaart import views

        return views.organisation_detail(request, self)

    @path("fout-melden/")
    def report_mistake(self, request):
        from socialekaart import views

        return views.report_mistake(request, self)


class Location(Orderable):
    """A place where an organisation receives people (HSDS ``location``)."""

    page = ParentalKey(
        OrganisationPage,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="locations",
    )
    uuid = models.UUIDField(
        _("UUID"), default=uuid.uuid4, editable=False, db_index=True
    )
    name = models.CharField(
        _("naam van de locatie"),
        max_length=120,
        help_text=_("Bijvoorbeeld: Kantoor Assen, of: Uitdeelpunt Gieten."),
    )
    street_address = models.CharField(
        _("straat en huisnummer"), max_length=120, blank=True
    )
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("plaats"), max_length=80)
    municipality = models.ForeignKey(
        "pact.Municipality",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    latitude = models.DecimalField(
        _("breedtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Bijvoorbeeld 52.993 (Assen)."),
    )
    longitude = models.DecimalField(
        _("lengtegraad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Bijvoorbeeld 6.562 (Assen)."),
    )
    opening_hours = StreamField(
        OpeningHoursBlock(), verbose_name=_("openingstijden"), blank=True
    )
    opening_exceptions = StreamField(
        OpeningExceptionsBlock(),
        verbose_name=_("afwijkende openingstijden"),
        blank=True,
        help_text=_("Feestdagen, vakanties, tijdelijke sluiting."),
    )
    is_wheelchair_accessible = models.BooleanField(
        _("toegankelijk met rolstoel"), null=True, blank=True
    )
    has_accessible_toilet = models.BooleanField(
        _("toegankelijk toilet"), null=True, blank=True
    )
    has_hearing_loop = models.BooleanField(_("ringleiding"), null=True, blank=True)
    has_parking = models.BooleanField(_("parkeren bij de deur"), null=True, blank=True)
    accessibility_note = models.CharField(
        _("toegankelijkheid: toelichting"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: lift aanwezig, of: bel aan bij de zijingang."),
    )
    public_transport = models.CharField(
        _("met het openbaar vervoer"), max_length=200, blank=True
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("street_address"), FieldPanel("postal_code")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("municipality")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("opening_hours"),
        FieldPanel("opening_exceptions"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("is_wheelchair_accessible"),
                        FieldPanel("has_accessible_toilet"),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("has_hearing_loop"), FieldPanel("has_parking")]
                ),
                FieldPanel("accessibility_note"),
                FieldPanel("public_transport"),
            ],
            heading=_("Toegankelijkheid van het gebouw"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self) -> str:
        return f"{self.name}, {self.city}" if self.city else self.name

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def clean(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                _("Vul de breedtegraad én de lengtegraad in, of geen van beide.")
            )
