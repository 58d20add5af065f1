"""Reading search parameters: one form for the search page and the JSON API.

Bad input gets a message a person understands, in Dutch; nothing typed is lost (the
page shows the form again with the words still in it).
"""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from pact.models import Municipality
from search.geo import NearError, resolve_near
from search.services import MAX_PAGE, MAX_PER_PAGE, SearchFilters

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
TRUE_VALUES = {"1", "true", "ja", "on", "yes"}
FALSE_VALUES = {"", "0", "false", "nee", "off", "no"}
MAX_QUERY_LENGTH = 200
MAX_VALUES = 20
PARAMETERS = (
    "q",
    "municipality",
    "category",
    "target_group",
    "age",
    "free",
    "near",
    "page",
    "per_page",
    "live",
    "fragment",
)


class SlugListField(forms.Field):
    """Repeated parameter with short codes (``municipality=assen&municipality=tynaarlo``)."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, what, example, **kwargs):
        self.what = what
        self.example = example
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        values = [v.strip().lower() for v in (value or []) if v and v.strip()]
        return list(dict.fromkeys(values))

    def validate(self, value):
        if len(value) > MAX_VALUES:
            raise forms.ValidationError(
                _("Kies hoogstens %(count)s waarden voor %(what)s.")
                % {"count": MAX_VALUES, "what": self.what}
            )
        for item in value:
            if not SLUG.match(item):
                raise forms.ValidationError(
                    _(
                        "%(value)s is geen geldige code voor %(what)s. Gebruik kleine "
                        "letters, cijfers en streepjes, zoals %(example)s."
                    )
                    % {
                        "value": repr(item[:40]),
                        "what": self.what,
                        "example": self.example,
                    }
                )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Waar zoekt u hulp bij?"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        strip=False,
        error_messages={
            "max_length": _(
                "Uw zoekvraag is te lang. Gebruik hoogstens %(limit_value)d tekens."
            )
        },
    )
    municipality = SlugListField(
        label=_("Gemeente"), what=_("gemeente"), example="aa-en-hunze"
    )
    category = SlugListField(
        label=_("Onderwerp"), what=_("onderwerp"), example="geld-en-schulden"
    )
    target_group = SlugListField(
        label=_("Voor wie"), what=_("doelgroep"), example="kinderen"
    )
    age = forms.IntegerField(
        label=_("Leeftijd"),
        required=False,
        min_value=0,
        max_value=120,
        error_messages={
            "invalid": _("Vul de leeftijd in als een getal, bijvoorbeeld 9."),
            "min_value": _("De leeftijd kan niet lager zijn dan 0."),
            "max_value": _("Vul een leeftijd in van 0 tot en met 120."),
        },
    )
    free = forms.CharField(label=_("Alleen gratis"), required=False)
    near = forms.CharField(
        label=_("Dichtbij postcode"),
        required=False,
        max_length=60,
        error_messages={"max_length": _("Vul alleen een postcode in, zoals 9401 AB.")},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": _("Het paginanummer moet een getal zijn."),
            "min_value": _("Het paginanummer begint bij 1."),
            "max_value": _("Zoveel pagina's zijn er niet."),
        },
    )
    per_page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PER_PAGE,
        error_messages={
            "invalid": _("per_page moet een getal zijn."),
            "min_value": _("per_page moet minstens 1 zijn."),
            "max_value": _("per_page mag hoogstens %(limit_value)s zijn."),
        },
    )

    def clean_free(self):
        value = (self.cleaned_data.get("free") or "").strip().lower()
        if value in TRUE_VALUES:
            return True
        if value in FALSE_VALUES:
            return None
        raise forms.ValidationError(
            _("Gebruik free=1 om alleen gratis hulp te zien (of laat het weg).")
        )

    def clean_near(self):
        value = (self.cleaned_data.get("near") or "").strip()
        if not value:
            return None
        try:
            return resolve_near(value)
        except NearError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_municipality(self):
        values = self.cleaned_data.get("municipality") or []
        known = set(
            Municipality.objects.filter(slug__in=values).values_list("slug", flat=True)
        )
        unknown = [value for value in values if value not in known]
        if unknown:
            raise forms.ValidationError(
                _("Deze gemeente kennen we niet: %(value)s. Kies uit: %(choices)s.")
                % {
                    "value": unknown[0],
                    "choices": ", ".join(
                        Municipality.objects.order_by("slug").values_list(
                            "slug", flat=True
                        )
                    ),
                }
            )
        return values

    def filters(
        self, *, count_missed: bool = True, per_page: int = 10
    ) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            municipalities=tuple(data.get("municipality") or ()),
            categories=tuple(data.get("category") or ()),
            target_groups=tuple(data.get("target_group") or ()),
            age=data.get("age"),
            is_free=data.get("free"),
            near=data.get("near"),
            page=data.get("page") or 1,
            per_page=data.get("per_page") or per_page,
            count_missed=count_missed,
        )

    def chosen_count(self) -> int:
        """How many filters the person chose, as sent (shown on the folded filters)."""
        data = self.data
        lists = ("municipality", "category", "target_group")
        chosen = 0
        for name in (*lists, "age", "free", "near"):
            values = (
                data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
            )
            chosen += len([v for v in values if isinstance(v, str) and v.strip()])
        return chosen

    def filter_errors(self) -> bool:
        """Does a filter field (not the search words) need correcting?"""
        return any(name != "q" for name in self.errors)

    def error_list(self) -> list[str]:
        return [
            str(message) for messages in self.errors.values() for message in messages
        ]


def unknown_parameters(query_dict) -> list[str]:
    return sorted(set(query_dict) - set(PARAMETERS))
