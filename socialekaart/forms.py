"""Public forms: filters, "Wat past bij mij?" and "Fout melden".

Messages are plain Dutch (B1) and say what to do. Nothing entered in "Wat past bij
mij?" is stored: the form is posted (so nothing lands in addresses or logs) and the
answer is rendered directly.
"""

from __future__ import annotations

import re
import time
from decimal import Decimal, InvalidOperation

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from pact.models import Municipality
from socialekaart.constants import (
    REPORT_MAX_AGE_SECONDS,
    REPORT_MIN_SECONDS,
    HouseholdType,
    ReportKind,
)
from socialekaart.eligibility import Situation

FREE_ONLY = "gratis"
MAX_INCOME = Decimal("100000")


class MunicipalityChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=Municipality.objects.order_by("name"),
            to_field_name="slug",
            **kwargs,
        )

    def label_from_instance(self, obj):
        return obj.name


class ServiceFilterForm(forms.Form):
    """Filters of the service listings (GET; the address is the shareable link)."""

    gemeente = MunicipalityChoiceField(
        label=_("Gemeente"), required=False, empty_label=_("Alle gemeenten")
    )
    leeftijd = forms.IntegerField(
        label=_("Leeftijd"),
        required=False,
        min_value=0,
        max_value=120,
        help_text=_("Van wie zoekt u hulp? Bijvoorbeeld 8 voor een kind van 8."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "size": 4}),
        error_messages={
            "invalid": _("Vul een leeftijd in jaren in, bijvoorbeeld 8."),
            "min_value": _("Vul een leeftijd van 0 tot 120 in."),
            "max_value": _("Vul een leeftijd van 0 tot 120 in."),
        },
    )
    kosten = forms.ChoiceField(
        label=_("Kosten"),
        required=False,
        choices=[("", _("Gratis en betaald")), (FREE_ONLY, _("Alleen gratis"))],
    )

    def __init__(self, *args, categories=None, **kwargs):
        super().__init__(*args, **kwargs)
        if categories is not None:
            self.fields["categorie"] = forms.ModelChoiceField(
                label=_("Onderwerp"),
                queryset=categories,
                to_field_name="slug",
                required=False,
                empty_label=_("Alle onderwerpen"),
            )
            self.order_fields(["categorie", "gemeente", "leeftijd", "kosten"])

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "category": data.get("categorie"),
            "municipality": data.get("gemeente"),
            "age": data.get("leeftijd"),
            "is_free": data.get("kosten") == FREE_ONLY or None,
        }


def _decimal_separator(number: str) -> str | None:
    """The decimal separator of ``number`` ("," or "."), or None when it has only
    thousands separators. With both, the last one is decimal ("1.450,50" and
    "1,450.50"); with one, it is decimal unless three digits follow it ("1.450" and
    "1,450" are thousands; a euro amount has no third decimal)."""
    if "," in number and "." in number:
        return "," if number.rfind(",") > number.rfind(".") else "."
    for separator in ",.":
        if number.count(separator) == 1:
            after = len(number) - number.rfind(separator) - 1
            return None if after == 3 else separator
    return None


def parse_euros(text: str) -> Decimal:
    """An amount in Dutch or English notation -> Decimal: ``"€ 1.450,50"``,
    ``"1450.50"``, ``"1,450"``, ``"1450"``. Raises ValueError."""
    cleaned = re.sub(r"[€\s]|eur(o)?", "", text.strip(), flags=re.IGNORECASE)
    if not re.fullmatch(r"[\d.,]+", cleaned):
        raise ValueError(text)
    decimal = _decimal_separator(cleaned)
    whole, fraction = cleaned.rsplit(decimal, 1) if decimal else (cleaned, "")
    grouped = re.fullmatch(r"\d+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+", whole)
    if not grouped or not re.fullmatch(r"\d{0,2}", fraction):
        raise ValueError(text)
    digits = re.sub(r"[.,]", "", whole)
    try:
        return Decimal(f"{digits}.{fraction}" if fraction else digits)
    except InvalidOperation as error:
        raise ValueError(text) from error


LOW_INCOME_YEARS = [
    ("", _("Weet ik niet")),
    ("0", _("Minder dan 1 jaar")),
    ("1", _("1 jaar")),
    ("2", _("2 jaar")),
    ("3", _("3 jaar")),
    ("4", _("4 jaar")),
    ("5", _("5 jaar of langer")),
]


class WhatFitsForm(forms.Form):
    """ "Wat past bij mij?". Every question but municipality and household is optional."""

    gemeente = MunicipalityChoiceField(
        label=_("In welke gemeente woont u?"),
        empty_label=_("Kies uw gemeente"),
        error_messages={"required": _("Kies de gemeente waar u woont.")},
    )
    huishouden = forms.ChoiceField(
        label=_("Hoe woont u?"),
        choices=HouseholdType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe u woont.")},
    )
    inkomen = forms.CharField(
        label=_("Wat is het netto inkomen van uw huishouden per maand?"),
        required=False,
        max_length=20,
        help_text=_(
            "Alles bij elkaar: loon, uitkering, pensioen, alimentatie. Zonder toeslagen "
            "en kinderbijslag. Bijvoorbeeld: 1450."
        ),
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "autocomplete": "off", "size": 10}
        ),
    )
    inkomen_onbekend = forms.BooleanField(
        label=_("Ik weet mijn inkomen niet"), required=False
    )
    kinderen = forms.CharField(
        label=_("Hoe oud zijn uw kinderen?"),
        required=False,
        max_length=60,
        help_text=_(
            "Schrijf de leeftijden met een komma ertussen, bijvoorbeeld: 4, 9, 15. Geen kinderen? Laat het leeg."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "size": 20}),
    )
    leeftijd = forms.IntegerField(
        label=_("Hoe oud bent u? (mag leeg blijven)"),
        required=False,
        min_value=16,
        max_value=120,
        widget=forms.NumberInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4}
        ),
        error_messages={
            "invalid": _("Vul uw leeftijd in jaren in, of laat het leeg."),
            "min_value": _("Dit formulier is voor mensen van 16 jaar of ouder."),
            "max_value": _("Vul een leeftijd tot 120 in."),
        },
    )
    jaren_laag_inkomen = forms.ChoiceField(
        label=_("Hoe lang heeft u al een laag inkomen? (mag leeg blijven)"),
        required=False,
        choices=LOW_INCOME_YEARS,
    )

    def clean_inkomen(self):
        text = self.cleaned_data.get("inkomen", "").strip()
        if not text:
            return None
        try:
            amount = parse_euros(text)
        except ValueError:
            raise forms.ValidationError(
                _(
                    "Vul een bedrag in euro's in, bijvoorbeeld 1450. Of kies 'Ik weet mijn inkomen niet'."
                )
            ) from None
        if amount > MAX_INCOME:
            raise forms.ValidationError(
                _("Vul het inkomen per maand in, niet per jaar.")
            )
        return amount

    def clean_kinderen(self):
        text = self.cleaned_data.get("kinderen", "").strip()
        if not text:
            return ()
        parts = [part for part in re.split(r"[,;\s]+|\ben\b", text) if part.strip()]
        ages = []
        for part in parts:
            if not part.strip().isdigit() or int(part) > 30:
                raise forms.ValidationError(
                    _(
                        "Schrijf alleen leeftijden in jaren, met een komma ertussen. Bijvoorbeeld: 4, 9, 15."
                    )
                )
            ages.append(int(part))
        if len(ages) > 15:
            raise forms.ValidationError(_("Vul hoogstens 15 kinderen in."))
        return tuple(ages)

    def situation(self) -> Situation:
        data = self.cleaned_data
        years = data.get("jaren_laag_inkomen")
        municipality = data["gemeente"]
        return Situation(
            municipality_id=municipality.pk,
            municipality_name=municipality.name,
            household_type=data["huishouden"],
            income=None if data.get("inkomen_onbekend") else data.get("inkomen"),
            children_ages=data.get("kinderen") or (),
            own_age=data.get("leeftijd"),
            low_income_years=int(years) if years not in (None, "") else None,
        )


REPORT_SALT = "socialekaart.report-form"


def issue_form_token() -> str:
    return signing.dumps({"t": int(time.time())}, salt=REPORT_SALT)


class MistakeReportForm(forms.Form):
    """ "Fout melden": what is wrong, and optionally how. Spam checks: a honeypot field
    people never see (``website``) and a signed time stamp (``token``) that must be
    at least ``REPORT_MIN_SECONDS`` and at most ``REPORT_MAX_AGE_SECONDS`` old."""

    kind = forms.ChoiceField(
        label=_("Wat klopt er niet?"),
        choices=ReportKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat er niet klopt.")},
    )
    message = forms.CharField(
        label=_("Wat is er anders? (mag leeg blijven)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 40}),
        help_text=_(
            "Bijvoorbeeld het goede telefoonnummer. Schrijf geen gegevens over uzelf: "
            "wij kunnen u niet terugbellen."
        ),
        error_messages={"max_length": _("Schrijf hoogstens 1000 tekens.")},
    )
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    token = forms.CharField(widget=forms.HiddenInput)

    too_fast = False
    is_bot = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            self.is_bot = True
        try:
            issued = signing.loads(
                cleaned.get("token", ""),
                salt=REPORT_SALT,
                max_age=REPORT_MAX_AGE_SECONDS,
            )["t"]
            if time.time() - issued > REPORT_MAX_AGE_SECONDS:
                raise signing.SignatureExpired("form too old")
        except (signing.BadSignature, KeyError, TypeError):
            raise forms.ValidationError(
                _(
                    "Dit formulier is verlopen. Controleer uw melding en verstuur hem opnieuw."
                ),
                code="expired",
            ) from None
        if time.time() - issued < REPORT_MIN_SECONDS:
            self.too_fast = True
            raise forms.ValidationError(
                _("Dat ging erg snel. Controleer uw melding en verstuur hem opnieuw."),
                code="too_fast",
            )
        return cleaned
