"""Forms of the vroegsignalering pages (labels Dutch, B1)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from casusregie.constants import ConsentForm
from pact.models import Municipality, Organisation
from vroegsignalering.constants import AttemptKind, DeclineReason, RoutingCondition

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class UploadForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=Municipality.objects.none(), empty_label=None
    )
    file = forms.FileField(
        label=_("Bestand met signalen (CSV)"),
        help_text=_("Zie de uitleg hieronder voor de kolommen."),
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 5 MB."))
        return upload


class AttemptForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat heeft u gedaan?"), choices=AttemptKind.choices
    )
    contact_made = forms.TypedChoiceField(
        label=_("Contact gehad?"),
        choices=[("nee", _("Nee")), ("ja", _("Ja"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        initial="nee",
    )
    by_peer = forms.BooleanField(
        label=_("Door een ervaringsdeskundige"), required=False
    )


class AcceptForm(forms.Form):
    goal = forms.CharField(
        label=_("Wat wil de inwoner bereiken? (in zijn eigen woorden)"), max_length=300
    )
    consent_scope = forms.CharField(
        label=_("Voor welke gegevens geeft de inwoner toestemming?"),
        max_length=300,
        initial=_("De betalingsachterstanden en wat nodig is om te helpen"),
    )
    consent_form = forms.ChoiceField(
        label=_("Hoe gaf de inwoner toestemming?"), choices=ConsentForm.choices
    )


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reden"), choices=DeclineReason.choices)


class ChildrenForm(forms.Form):
    has_children = forms.TypedChoiceField(
        label=_("Wonen er minderjarige kinderen?"),
        choices=[("", _("Niet bekend")), ("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda value: {"ja": True, "nee": False}.get(value),
        required=False,
        empty_value=None,
    )


class RuleForm(forms.Form):
    position = forms.IntegerField(label=_("Volgorde"), min_value=1, max_value=99)
    condition = forms.ChoiceField(
        label=_("Voorwaarde"), choices=RoutingCondition.choices
    )
    organisation = forms.ModelChoiceField(
        label=_("Naar partner"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CapacityForm(forms.Form):
    visits_per_week = forms.IntegerField(
        label=_("Huisbezoeken per week"), min_value=0, max_value=1000
    )
    calls_per_week = forms.IntegerField(
        label=_("Telefoongesprekken per week"), min_value=0, max_value=1000
    )


class EmptyForm(forms.Form):
    """A button without fields (the CSRF token is checked by the middleware)."""


class ReassignForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Naar partner"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class CreditorKeyForm(forms.Form):
    creditor = forms.CharField(
        label=_("Schuldeiser"),
        max_length=100,
        help_text=_("De naam zoals de schuldeiser die levert, bijvoorbeeld Actium."),
    )
