"""A model field for a small set of fixed choices (household types, languages).

Stored as a JSON list of codes, edited as checkboxes. Used only for values that are
matched in Python ("Wat past bij mij?") or shown, never for database filtering.
"""

from __future__ import annotations

from django import forms
from django.core import checks, exceptions
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def check(self, **kwargs):
        errors = super().check(**kwargs)
        if not self.choices:
            errors.append(checks.Error("ChoiceListField needs choices.", obj=self))
        return errors

    def validate(self, value, model_instance):
        if value is None or not isinstance(value, list):
            raise exceptions.ValidationError(_("Kies uit de lijst."), code="invalid")
        allowed = {str(key) for key, _label in self.flatchoices}
        unknown = [item for item in value if str(item) not in allowed]
        if unknown:
            raise exceptions.ValidationError(
                _("Onbekende keuze: %(value)s"),
                code="invalid_choice",
                params={"value": ", ".join(map(str, unknown))},
            )
        if not self.blank and not value:
            raise exceptions.ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        # Bypass JSONField's and Field's choice handling: a list, not one value.
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def to_python(self, value):
        return list(value or [])

    def get_prep_value(self, value):
        return super().get_prep_value(list(value or []))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            kwargs.pop("default")
        if kwargs.get("blank") is True:
            kwargs.pop("blank")
        return name, path, args, kwargs
