"""Forms of the casusregie pages. They validate input; the services decide."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from casusregie.constants import (
    BreakGlassReason,
    CaseOutcome,
    Complexity,
    ConsentForm,
    GoalStatus,
    LegalGround,
    ResidentRegie,
)
from pact.models import Municipality, Organisation

ISO_DATE = "%Y-%m-%d"


class CaseOpenForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Namens organisatie"), queryset=Organisation.objects.none()
    )
    label = forms.CharField(
        label=_("Naam van het huishouden"),
        max_length=80,
        help_text=_(
            "Een roepnaam of schuilnaam, bijvoorbeeld 'Fam. Zonnebloem'. Geen BSN, geen volledige naam, geen adres."
        ),
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=Municipality.objects.all()
    )
    complexity = forms.ChoiceField(
        label=_("Complexiteit"), choices=Complexity.choices, initial=Complexity.SINGLE
    )
    resident_regie = forms.ChoiceField(
        label=_("Regie van de inwoner"),
        choices=ResidentRegie.choices,
        initial=ResidentRegie.SHARES,
    )
    goals = forms.CharField(
        label=_("Doelen van de inwoner, in zijn woorden"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén doel per regel, het belangrijkste eerst."),
    )
    legal_ground = forms.ChoiceField(
        label=_("Grondslag"),
        choices=[("", _("Toestemming van de inwoner"))] + list(LegalGround.choices),
        required=False,
        help_text=_("Kies alleen een wettelijke taak als uw organisatie die heeft."),
    )
    consent_scope = forms.CharField(
        label=_("Toestemming: voor welke gegevens"),
        max_length=300,
        required=False,
        initial=_(
            "Doelen, betrokken organisaties, notities en overdrachtsnotities van deze casus"
        ),
    )
    consent_form = forms.ChoiceField(
        label=_("Vorm van de toestemming"), choices=ConsentForm.choices, required=False
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )
        if organisations is not None and organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()

    def clean_goals(self):
        goals = [
            line.strip()
            for line in self.cleaned_data["goals"].splitlines()
            if line.strip()
        ]
        if not goals:
            raise forms.ValidationError(_("Schrijf minstens één doel op."))
        if any(len(goal) > 300 for goal in goals):
            raise forms.ValidationError(_("Een doel is hooguit 300 tekens."))
        return goals


class GoalForm(forms.Form):
    text = forms.CharField(
        label=_("Nieuw doel, in de woorden van de inwoner"), max_length=300
    )


class GoalUpdateForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=GoalStatus.choices, required=False
    )
    move = forms.ChoiceField(
        choices=[("", "-"), ("up", _("Omhoog")), ("down", _("Omlaag"))], required=False
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notitie"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConsentForm_(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Toestemming voor organisatie"), queryset=Organisation.objects.none()
    )
    scope = forms.CharField(label=_("Voor welke gegevens en waarvoor"), max_length=300)
    form = forms.ChoiceField(label=_("Vorm"), choices=ConsentForm.choices)
    # <input type="date"> shows only ISO dates (yyyy-mm-dd), whatever the language;
    # the Dutch format would leave the field empty (issue 11).
    given_on = forms.DateField(
        label=_("Gegeven op"),
        widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
    )
    valid_until = forms.DateField(
        label=_("Geldig tot (niet verplicht)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )
        self.fields["given_on"].initial = timezone.localdate()


class InvolvementForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie betrekken"), queryset=Organisation.objects.none()
    )
    legal_ground = forms.ChoiceField(
        label=_("Grondslag"),
        choices=[("", _("Toestemming van de inwoner (al vastgelegd)"))]
        + list(LegalGround.choices),
        required=False,
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )


class RegieForm(forms.Form):
    resident_regie = forms.ChoiceField(
        label=_("Regie van de inwoner"), choices=ResidentRegie.choices
    )
    complexity = forms.ChoiceField(label=_("Complexiteit"), choices=Complexity.choices)


class HandoverForm(forms.Form):
    to_organisation = forms.ModelChoiceField(
        label=_("Naar organisatie"), queryset=Organisation.objects.none()
    )
    legal_ground = forms.ChoiceField(
        label=_("Grondslag voor die organisatie"),
        choices=[("", _("Toestemming van de inwoner (al vastgelegd)"))]
        + list(LegalGround.choices),
        required=False,
    )
    priorities = forms.CharField(
        label=_("Wat vindt de inwoner zelf belangrijk? (in zijn woorden)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    tried = forms.CharField(
        label=_("Wat is al geprobeerd?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    commitments = forms.CharField(
        label=_("Lopende afspraken en termijnen"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    risks = forms.CharField(
        label=_("Risico's"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    next_appointment = forms.CharField(
        label=_("Volgende afspraak met de inwoner"), max_length=200, required=False
    )
    previous_lead_stays = forms.TypedChoiceField(
        label=_("Na de overdracht"),
        choices=[
            ("1", _("Wij blijven betrokken")),
            ("0", _("Wij stappen uit na het eerste contact")),
        ],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom wijst u het voorstel af?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EscalateForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom vraagt u de regisseur?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AdviceForm(forms.Form):
    advice = forms.CharField(
        label=_("Advies aan de regiehouder"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=CaseOutcome.choices)


class FirstContactForm(forms.Form):
    contact_at = forms.DateTimeField(
        label=_("Wanneer was het eerste contact?"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def __init__(self, *args, proposed_at=None, **kwargs):
        """``proposed_at``: the proposal of the accepted hand-over this contact
        completes; the contact cannot be earlier (the service refuses it too)."""
        super().__init__(*args, **kwargs)
        now = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["contact_at"].initial = now
        if proposed_at is not None:
            self.fields["contact_at"].help_text = _(
                "Niet eerder dan het voorstel tot overdracht: %(when)s."
            ) % {
                "when": formats.date_format(
                    timezone.localtime(proposed_at), "j F Y, H:i"
                )
            }


class BreakGlassForm(forms.Form):
    reference = forms.CharField(label=_("Kenmerk van de casus"), max_length=20)
    reason = forms.ChoiceField(label=_("Reden"), choices=BreakGlassReason.choices)
    explanation = forms.CharField(
        label=_("Toelichting"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Noem hier geen gegevens over de inwoner."),
    )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit uw app (6 cijfers)"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Herstelcode"),
        max_length=20,
        help_text=_("Bijvoorbeeld abcd-efgh. Het streepje mag u weglaten."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


class AcceptForm(forms.Form):
    """A coordinator accepts a hand-over for his organisation and names who leads."""

    worker = WorkerChoiceField(
        label=_("Wie wordt de casusbehandelaar?"),
        queryset=get_user_model().objects.none(),
        help_text=_(
            "Deze collega krijgt de casus en legt het eerste contact met de inwoner vast."
        ),
    )

    def __init__(self, *args, workers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if workers is not None:
            self.fields["worker"].queryset = workers
