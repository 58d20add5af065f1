"""StreamField blocks of the sociale kaart: opening hours, exceptions, steps, documents.

Everything residents filter or search on is a real model field; these blocks hold the
structured lists a page shows (and the HSDS export reads: schedules and required
documents), each with its own template.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from socialekaart.constants import Weekday


class OpeningPeriodBlock(blocks.StructBlock):
    """Regular hours: on these weekdays from ``opens`` to ``closes``."""

    days = blocks.MultipleChoiceBlock(
        label=_("Dagen"),
        choices=Weekday.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies de dagen met dezelfde tijden."),
    )
    opens = blocks.TimeBlock(label=_("Open vanaf"))
    closes = blocks.TimeBlock(label=_("Tot"))
    note = blocks.CharBlock(
        label=_("Toelichting"),
        required=False,
        max_length=120,
        help_text=_("Bijvoorbeeld: alleen op afspraak, of: inloop zonder afspraak."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value["opens"] and value["closes"] and value["closes"] <= value["opens"]:
            raise StructBlockValidationError(
                block_errors={
                    "closes": ErrorList(
                        [
                            ValidationError(
                                _("De sluitingstijd moet na de openingstijd liggen.")
                            )
                        ]
                    )
                }
            )
        return value

    class Meta:
        icon = "time"
        label = _("Openingstijden")
        template = "socialekaart/blocks/opening_period.html"
        preview_value = {
            "days": ["1", "2", "3"],
            "opens": datetime.time(9, 0),
            "closes": datetime.time(12, 0),
            "note": "Inloop zonder afspraak",
        }


class OpeningExceptionBlock(blocks.StructBlock):
    """A day or period with other hours, such as a holiday closure."""

    date_from = blocks.DateBlock(label=_("Van"))
    date_until = blocks.DateBlock(
        label=_("Tot en met"), required=False, help_text=_("Leeg: alleen die ene dag.")
    )
    is_closed = blocks.BooleanBlock(label=_("Gesloten"), required=False, default=True)
    opens = blocks.TimeBlock(label=_("Open vanaf"), required=False)
    closes = blocks.TimeBlock(label=_("Tot"), required=False)
    note = blocks.CharBlock(label=_("Toelichting"), required=False, max_length=120)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["date_until"] and value["date_until"] < value["date_from"]:
            errors["date_until"] = _("De einddatum ligt voor de begindatum.")
        if not value["is_closed"] and not (value["opens"] and value["closes"]):
            errors["opens"] = _("Vul de tijden in, of kies 'Gesloten'.")
        if errors:
            raise StructBlockValidationError(
                block_errors={
                    name: ErrorList([ValidationError(message)])
                    for name, message in errors.items()
                }
            )
        return value

    class Meta:
        icon = "date"
        label = _("Afwijkende openingstijden")
        template = "socialekaart/blocks/opening_exception.html"
        preview_value = {
            "date_from": datetime.date(2026, 12, 24),
            "date_until": datetime.date(2027, 1, 1),
            "is_closed": True,
            "note": "Kerstvakantie",
        }


class ApplicationStepBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label=_("Stap"),
        max_length=400,
        help_text=_("Eén stap, in één of twee korte zinnen. Begin met een werkwoord."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Stap")
        template = "socialekaart/blocks/application_step.html"
        preview_value = {"text": "Bel het Werkplein en vraag naar bijzondere bijstand."}


class RequiredDocumentBlock(blocks.StructBlock):
    document = blocks.CharBlock(label=_("Wat neemt u mee?"), max_length=200)
    note = blocks.CharBlock(label=_("Toelichting"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Meenemen")
        template = "socialekaart/blocks/required_document.html"
        preview_value = {"document": "Uw bankafschriften van de laatste 3 maanden"}


class OpeningHoursBlock(blocks.StreamBlock):
    period = OpeningPeriodBlock()

    class Meta:
        required = False


class OpeningExceptionsBlock(blocks.StreamBlock):
    exception = OpeningExceptionBlock()

    class Meta:
        required = False


class ApplicationStepsBlock(blocks.StreamBlock):
    step = ApplicationStepBlock()

    class Meta:
        required = False


class RequiredDocumentsBlock(blocks.StreamBlock):
    document = RequiredDocumentBlock()

    class Meta:
        required = False
