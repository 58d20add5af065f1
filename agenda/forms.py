"""Forms of the agenda. They only collect and check input; services do the work."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from agenda.constants import SIGNAL_MAX_LENGTH, STORY_MAX_LENGTH, Status
from agenda.models import Action, BuildingBlock, Indicator, Plan, Round
from agenda.services.importing import OwnerMatcher, owner_roles
from agenda.timing import Schedule, TimingError, parse_timing


class UpdateForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=Status.choices, widget=forms.RadioSelect
    )
    status_explanation = forms.CharField(
        label=_("Toelichting op de status"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Verplicht bij Risico en Vertraagd: wat is er aan de hand en wat doet u eraan?"
        ),
    )
    progress = forms.IntegerField(
        label=_("Voortgang in procenten"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_("Van 0 tot 100. Laat leeg als u het niet weet."),
    )
    story = forms.CharField(
        label=_("Het verhaal achter de cijfers"),
        required=False,
        max_length=STORY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Wat is er gedaan en wat heeft het opgeleverd? Schrijf geen namen of andere "
            "gegevens van inwoners. Bij een openbare actie is dit openbaar."
        ),
    )
    signal = forms.CharField(
        label=_("Signaal of probleem"),
        required=False,
        max_length=SIGNAL_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat moeten het pact en de raad weten? Laat leeg als er niets is."),
    )

    def __init__(self, *args, action: Action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.value_fields: list[tuple[str, object, object]] = []
        owners = [o.organisation for o in action.owners.all()]
        for indicator in action.indicators.all():
            for organisation in owners:
                name = f"value_{indicator.pk}_{organisation.pk}"
                self.fields[name] = forms.DecimalField(
                    label=f"{indicator.name} – {organisation.name}",
                    required=False,
                    max_digits=12,
                    decimal_places=2,
                    help_text=indicator.unit,
                )
                self.value_fields.append((name, indicator, organisation))

    def indicator_values(self) -> dict[tuple[int, int], Decimal | None]:
        return {
            (indicator.pk, organisation.pk): self.cleaned_data.get(name)
            for name, indicator, organisation in self.value_fields
        }

    @property
    def value_bound_fields(self):
        return [self[name] for name, _i, _o in self.value_fields]


class ReturnForm(forms.Form):
    question = forms.CharField(
        label=_("Uw vraag aan de partner"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "De partner krijgt de update terug met deze vraag, in de app en per e-mail."
        ),
    )


class TimingField(forms.CharField):
    """A text field for the plan's timing words, parsed with the one timing parser."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Actie"), max_length=300)
    building_block = forms.ModelChoiceField(
        label=_("Bouwsteen"),
        queryset=BuildingBlock.objects.none(),
        required=False,
        empty_label=_("Geen (overkoepelend)"),
    )
    owners = forms.CharField(
        label=_("Uitvoering"),
        required=False,
        max_length=500,
        help_text=_(
            "Organisaties gescheiden door komma's, zoals in het plan. Rol tussen haakjes: "
            "WPDA (trekker), Attenta, Gemeente (financier)."
        ),
    )
    timing_text = TimingField(
        label=_("Planning (zoals in het plan)"),
        help_text=_(
            "Bijvoorbeeld Q1, Q2 2021, Q3 2020 - Q2 2021, 2020 - 2021, Jaarlijks Q3 of Doorlopend."
        ),
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    is_published = forms.BooleanField(
        label=_("Openbaar"),
        required=False,
        help_text=_("Raadsleden en inwoners zien de actie en haar ingediende updates."),
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["building_block"].queryset = plan.building_blocks.order_by(
            "position", "number"
        )
        self.schedule: Schedule | None = None

    def clean_timing_text(self) -> str:
        text = self.cleaned_data["timing_text"].strip()
        try:
            self.schedule = parse_timing(text, self.plan.period)
        except TimingError as error:
            raise ValidationError(str(error)) from error
        return text

    def clean_owners(self):
        matcher = OwnerMatcher(self.plan.pact)
        owners, problems = matcher.parse(self.cleaned_data["owners"])
        if problems:
            raise ValidationError(problems)
        return owner_roles(owners)


class RoundForm(forms.ModelForm):
    class Meta:
        model = Round
        fields = [
            "title",
            "period_starts_on",
            "period_ends_on",
            "opens_on",
            "closes_on",
            "council_meeting_on",
        ]
        widgets = {
            name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            for name in [
                "period_starts_on",
                "period_ends_on",
                "opens_on",
                "closes_on",
                "council_meeting_on",
            ]
        }


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand (CSV of Excel)"),
        help_text=_(
            "Kolommen: bouwsteen, actie, uitvoering, planning. Alles of niets: bij één fout wordt niets ingelezen."
        ),
    )
    publish = forms.BooleanField(
        label=_("Nieuwe acties meteen openbaar maken"), required=False
    )


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = [
            "title",
            "description",
            "starts_on",
            "ends_on",
            "cadence",
            "is_published",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "baseline",
            "baseline_label",
            "target",
            "target_label",
            "direction",
            "aggregation",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
