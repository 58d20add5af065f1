"""What the organisation and service pages share: the rich-text features, the summary
field and the contact fields (public and for professionals)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField

from socialekaart.blocks import OpeningHoursBlock
from socialekaart.constants import LANGUAGE_CHOICES, SUMMARY_MAX_LENGTH
from socialekaart.fields import ChoiceListField

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
