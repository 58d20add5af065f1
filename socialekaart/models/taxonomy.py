"""The pact's Dutch taxonomy: categories of help and target groups.

Pact admins maintain both as snippets. Each term has a stable UUID and a slug (the
HSDS ``taxonomy_term`` id and code); slugs appear in public addresses and filters.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class TaxonomyTerm(index.Indexed, models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(
        _("korte naam in adressen"),
        max_length=80,
        unique=True,
        help_text=_("Kleine letters en streepjes, bijvoorbeeld geld-en-schulden."),
    )
    description = models.CharField(
        _("uitleg"),
        max_length=200,
        blank=True,
        help_text=_("Eén zin in eenvoudige taal: waar gaat dit over?"),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("volgorde"), default=100, help_text=_("Lager staat eerder.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Category(TaxonomyTerm):
    """A theme residents look for help in ("Geld en schulden", ...)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")


class TargetGroup(TaxonomyTerm):
    """Who an offering is meant for ("Ouders met kinderen", "Ouderen", ...)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
