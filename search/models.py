"""Tables of the search app.

* The embedded index (``IndexedDocument`` with its facets and locations, the vocabulary
  ``IndexedTerm``): a copy of public sociale kaart content, rebuilt at any time from the
  database by ``manage.py search_reindex``. The full-text part lives next to it: a
  ``tsvector`` column with a GIN index on PostgreSQL, an FTS5 table on SQLite (created
  by migration 0002, see ``search/backends/database.py``).
* ``SynonymGroup``: words that mean the same to the people who search, edited by pact
  admins in the Wagtail admin.
* ``MissedSearch``: what people searched for and did not find, counted per normalised
  query text. No user, no IP address, no time of day: only the words and two dates.
* ``PostcodeArea``: PC4 postcode areas with a centre point, to sort by distance.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from search.analysis import normalise


class IndexedDocument(models.Model):
    """One searchable offering or organisation (a public page), as a flat document."""

    doc_id = models.CharField(_("document-id"), max_length=64, unique=True)
    kind = models.CharField(_("soort"), max_length=20)
    page_id = models.BigIntegerField(_("pagina-id"), null=True, db_index=True)
    title = models.CharField(_("titel"), max_length=255)
    sort_title = models.CharField(_("sorteertitel"), max_length=255, db_index=True)
    is_free = models.BooleanField(_("gratis"), default=False)
    age_min = models.PositiveSmallIntegerField(_("minimumleeftijd"), null=True)
    age_max = models.PositiveSmallIntegerField(_("maximumleeftijd"), null=True)
    status = models.CharField(_("status"), max_length=30, default="active")
    data = models.JSONField(_("document"))
    # The analysed text per field (stems), the source of the full-text index.
    analysed = models.JSONField(_("geanalyseerde tekst"), default=dict)
    # Normalised words of the document, for the vocabulary (typo correction).
    words = models.TextField(_("woorden"), blank=True)
    indexed_at = models.DateTimeField(_("geïndexeerd op"), auto_now=True)

    class Meta:
        verbose_name = _("geïndexeerd document")
        verbose_name_plural = _("geïndexeerde documenten")
        # Covers the filter attributes the search backend caches per index version
        # (``search/backends/filters.py``): read without touching the wide rows.
        indexes = [
            models.Index(
                fields=["status", "kind", "is_free", "age_min", "age_max"],
                name="pactsearch_doc_filters",
            )
        ]

    def __str__(self) -> str:
        return self.doc_id


class IndexedFacet(models.Model):
    """A facet value of a document (category, municipality, target group)."""

    document = models.ForeignKey(
        IndexedDocument, on_delete=models.CASCADE, related_name="facets"
    )
    facet = models.CharField(_("facet"), max_length=20)
    value = models.CharField(_("waarde"), max_length=100)
    label = models.CharField(_("label"), max_length=200)

    class Meta:
        verbose_name = _("facetwaarde")
        verbose_name_plural = _("facetwaarden")
        indexes = [models.Index(fields=["facet", "value", "document"])]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class IndexedLocation(models.Model):
    """A place where an offering is available (documents may have several)."""

    document = models.ForeignKey(
        IndexedDocument, on_delete=models.CASCADE, related_name="locations"
    )
    lat = models.FloatField(_("breedtegraad"))
    lng = models.FloatField(_("lengtegraad"))

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self) -> str:
        return f"{self.lat:.4f},{self.lng:.4f}"


class IndexedTerm(models.Model):
    """A word of the index with the number of documents using it (typo correction)."""

    term = models.CharField(_("woord"), max_length=100, primary_key=True)
    document_count = models.PositiveIntegerField(_("aantal documenten"), default=0)

    class Meta:
        verbose_name = _("woord in de index")
        verbose_name_plural = _("woorden in de index")

    def __str__(self) -> str:
        return self.term


class IndexState(models.Model):
    """One row: tells every process when its cached vocabulary or filters are stale."""

    # Random numbers, not counters, so a rolled-back change can never leave a process
    # with a matching stale version. ``vocabulary_version`` changes whenever the set
    # of words changes, ``documents_version`` whenever any indexed document changes.
    vocabulary_version = models.BigIntegerField(default=0)
    documents_version = models.BigIntegerField(default=0)
    # The filter sets of every document at ``documents_version``, patched by every
    # write (``search/backends/filters.py``, decision 24); empty until the first.
    filters = models.BinaryField(null=True, editable=False)

    class Meta:
        verbose_name = _("indexstatus")
        verbose_name_plural = _("indexstatus")

    def __str__(self) -> str:
        return (
            f"vocabulary {self.vocabulary_version}, documents {self.documents_version}"
        )


class SynonymGroup(models.Model):
    """Words and phrases that mean the same thing to people who search.

    Searching for any of them finds pages that use any of the others. Kept as entered;
    matching uses the normalised, stemmed form.
    """

    terms = models.TextField(
        _("woorden"),
        help_text=_(
            "Woorden of korte zinnen met dezelfde betekenis, gescheiden door komma's. "
            "Bijvoorbeeld: schulden, geldzorgen, rekeningen niet betalen."
        ),
    )
    is_active = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_("Zet uit om de groep tijdelijk niet te gebruiken."),
    )
    note = models.CharField(
        _("toelichting"),
        max_length=255,
        blank=True,
        help_text=_("Waarom deze woorden bij elkaar horen (alleen voor beheerders)."),
    )
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("synoniemen")
        verbose_name_plural = _("synoniemen")
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms[:100]

    def clean(self) -> None:
        if len(self.term_list) < 2:
            raise ValidationError(
                {"terms": _("Vul minstens twee woorden in, gescheiden door een komma.")}
            )

    @property
    def term_list(self) -> list[str]:
        """The terms, normalised, without empty entries or duplicates."""
        seen: list[str] = []
        for raw in self.terms.replace(";", ",").replace("=", ",").split(","):
            term = normalise(raw)
            if term and term not in seen:
                seen.append(term)
        return seen


class MissedSearch(models.Model):
    """A search text that found nothing, with how often and between which dates."""

    query = models.CharField(_("zoekvraag"), max_length=100, unique=True)
    count = models.PositiveIntegerField(_("aantal keer"), default=0)
    first_seen_on = models.DateField(_("eerst gezien op"))
    last_seen_on = models.DateField(_("laatst gezien op"), db_index=True)

    class Meta:
        verbose_name = _("zoekvraag zonder resultaat")
        verbose_name_plural = _("zoekvragen zonder resultaat")
        ordering = ["-count", "query"]

    def __str__(self) -> str:
        return self.query


class PostcodeArea(models.Model):
    """A four-digit postcode area (PC4) and its centre, for distance sorting."""

    code = models.CharField(_("postcode (4 cijfers)"), max_length=4, primary_key=True)
    lat = models.FloatField(_("breedtegraad"))
    lng = models.FloatField(_("lengtegraad"))
    place = models.CharField(_("plaats"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")

    def __str__(self) -> str:
        return f"{self.code} {self.place}".strip()
