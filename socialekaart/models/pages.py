"""Pages of the sociale kaart: home, organisations, their locations and help offerings.

The tree::

    HomePage                     /            (categories, filters, "Wat past bij mij?")
      OrganisationIndexPage      /organisaties/
        OrganisationPage         /organisaties/<organisatie>/     (tied to pact.Organisation)
          ServicePage            /organisaties/<organisatie>/<hulp>/

An organisation page owns its locations (address, coordinates, opening hours,
accessibility); its services pick the locations where they are offered. A service's
*eligibility* is a list of rules; each rule holds in some municipalities of the
service area and combines an income limit (percentage of the social minimum), age
limits, household types and a minimum duration of low income. Matching lives in
``socialekaart.eligibility``.

Editors of an organisation get page permissions on its organisation page (and so on
its services) when the page is created; see ``socialekaart.services.permissions``.
Freshness ("last checked") is kept outside the revisions, in ``PageCheck``, so marking
a page as still correct never creates a revision or a moderation round.

Professional-only fields (``professional_*``) never reach public templates, search
documents or exports.
"""

from __future__ import annotations

import uuid

from django import forms
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

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from socialekaart.blocks import (
    ApplicationStepsBlock,
    OpeningExceptionsBlock,
    OpeningHoursBlock,
    RequiredDocumentsBlock,
)
from socialekaart.constants import (
    LANGUAGE_CHOICES,
    SUMMARY_MAX_LENGTH,
    AgeSubject,
    BenefitPeriod,
    BenefitUnit,
    HouseholdType,
    ServiceStatus,
)
from socialekaart.fields import ChoiceListField
from socialekaart.forms_admin import OrganisationPageForm, ServicePageForm
from socialekaart.panels import FreshnessPanel

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


def summary_field():
    return models.CharField(
        _("korte samenvatting"),
        max_length=SUMMARY_MAX_LENGTH,
        help_text=_(
            "Hoogstens %(max)d tekens, in eenvoudige taal (B1): korte zinnen, "
            "gewone woorden, 'u'."
        )
        % {"max": SUMMARY_MAX_LENGTH},
    )


class ContactFields(models.Model):
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    walk_in_hours = StreamField(
        OpeningHoursBlock(),
        verbose_name=_("inloopspreekuur"),
        blank=True,
        help_text=_("Wanneer kunnen mensen zonder afspraak langskomen?"),
    )
    languages = ChoiceListField(
        _("gesproken talen"),
        choices=LANGUAGE_CHOICES,
        help_text=_("In welke talen kunnen mensen hier geholpen worden?"),
    )
    professional_phone = models.CharField(
        _("direct nummer voor professionals"),
        max_length=30,
        blank=True,
        help_text=_("Alleen zichtbaar voor ingelogde professionals."),
    )
    professional_handover = models.TextField(
        _("zo draagt u warm over"),
        blank=True,
        help_text=_(
            "Alleen voor professionals: wie belt u, wat geeft u door, wat spreekt u af?"
        ),
    )
    professional_notes = models.TextField(
        _("notities voor professionals"),
        blank=True,
        help_text=_("Alleen zichtbaar voor ingelogde professionals."),
    )

    contact_panels = [
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("website"),
        FieldPanel("walk_in_hours"),
        FieldPanel("languages"),
    ]
    professional_panels = [
        FieldPanel("professional_phone"),
        FieldPanel("professional_handover"),
        FieldPanel("professional_notes"),
    ]

    class Meta:
        abstract = True


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


class EligibilityRule(Orderable, ClusterableModel):
    """Who qualifies for a service in some municipalities.

    Every condition left empty does not count. A resident qualifies under a rule when
    all its conditions hold; for a service, when one of the rules for the resident's
    municipality holds (see ``socialekaart.eligibility``).
    """

    page = ParentalKey(
        ServicePage,
        verbose_name=_("hulpaanbod"),
        on_delete=models.CASCADE,
        related_name="eligibility_rules",
    )
    uuid = models.UUIDField(
        _("UUID"), default=uuid.uuid4, editable=False, db_index=True
    )
    municipalities = ParentalManyToManyField(
        "pact.Municipality",
        verbose_name=_("gemeenten"),
        related_name="+",
        blank=True,
        help_text=_("Leeg: in het hele werkgebied."),
    )
    income_limit_percent = models.PositiveSmallIntegerField(
        _("inkomensgrens (% van het sociaal minimum)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(400)],
        help_text=_("Bijvoorbeeld 120. Leeg: geen inkomensgrens."),
    )
    household_types = ChoiceListField(
        _("huishoudens"),
        choices=HouseholdType.choices,
        help_text=_("Leeg: alle huishoudens."),
    )
    age_subject = models.CharField(
        _("de leeftijd geldt voor"),
        max_length=20,
        choices=AgeSubject.choices,
        default=AgeSubject.APPLICANT,
    )
    min_age = models.PositiveSmallIntegerField(
        _("minimumleeftijd"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximumleeftijd (tot en met)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("Tot 18 jaar? Vul dan 17 in."),
    )
    min_low_income_years = models.PositiveSmallIntegerField(
        _("minstens zoveel jaar een laag inkomen"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(50)],
        help_text=_("Bijvoorbeeld 3 voor de individuele inkomenstoeslag."),
    )
    benefit = models.CharField(
        _("wat krijgt u onder deze regel?"),
        max_length=200,
        blank=True,
        help_text=_("Alleen als het per regel verschilt, bijv. € 350 per kind."),
    )

    benefit_amount = models.DecimalField(
        _("bedrag in euro"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Alleen als het bedrag vastligt, bijv. 350. Dan ziet de inwoner bij "
            '"Wat past bij mij?" wat hij ongeveer per jaar krijgt.'
        ),
    )
    benefit_period = models.CharField(
        _("hoe vaak"),
        max_length=20,
        choices=BenefitPeriod.choices,
        default=BenefitPeriod.YEAR,
    )
    benefit_unit = models.CharField(
        _("voor wie"),
        max_length=20,
        choices=BenefitUnit.choices,
        default=BenefitUnit.HOUSEHOLD,
        help_text=_("Per kind: voor elk kind binnen de leeftijdsgrenzen van de regel."),
    )

    panels = [
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("income_limit_percent"),
        FieldPanel("household_types"),
        FieldRowPanel(
            [FieldPanel("age_subject"), FieldPanel("min_age"), FieldPanel("max_age")]
        ),
        FieldPanel("min_low_income_years"),
        FieldPanel("benefit"),
        FieldRowPanel(
            [
                FieldPanel("benefit_amount"),
                FieldPanel("benefit_period"),
                FieldPanel("benefit_unit"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("regel")
        verbose_name_plural = _("regels")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(max_age__gte=models.F("min_age")),
                name="eligibility_rule_age_order",
            )
        ]

    def __str__(self) -> str:
        return str(_("Regel %(number)s")) % {"number": (self.sort_order or 0) + 1}

    def clean(self) -> None:
        if (
            self.min_age is not None
            and self.max_age is not None
            and self.max_age < self.min_age
        ):
            raise ValidationError(
                {"max_age": _("De maximumleeftijd is lager dan de minimumleeftijd.")}
            )
