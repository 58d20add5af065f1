"""Forms of the agenda. They only collect and check input; services do the work."""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from agenda.constants import (
    SIGNAL_MAX_LENGTH,
    STORY_MAX_LENGTH,
    RoundCadence,
    Status,
)
from agenda.models import Action, BuildingBlock, Indicator, Plan, Round
from agenda.services.owners import OwnerMatcher, owner_roles
from agenda.timing import Schedule, TimingError, parse_timing
from pact.models import Organisation, Pact


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
        self.value_fields: list[tuple[str, Indicator, Organisation]] = []
        owners = [o.organisation for o in action.owners.all()]
        for indicator in action.indicators.all():
            for organisation in owners:
                name = f"value_{indicator.pk}_{organisation.pk}"
                # Localised: "38,00" in Dutch, "38.00" in English, both ways.
                self.fields[name] = forms.DecimalField(
                    label=f"{indicator.name} – {organisation.name}",
                    required=False,
                    max_digits=12,
                    decimal_places=2,
                    help_text=indicator.unit,
                    localize=True,
                    widget=forms.TextInput(attrs={"inputmode": "decimal"}),
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
        # The plan's order: main goals first.
        field = cast(forms.ModelChoiceField, self.fields["building_block"])
        field.queryset = plan.building_blocks.order_by(
            "-is_main_goal", "position", "number"
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
            "Kolommen: bouwsteen, actie, uitvoering, planning; mag ook: bouwsteen titel, "
            "omschrijving, openbaar, id (uit de export). U ziet eerst wat er verandert."
        ),
    )
    publish = forms.BooleanField(
        label=_("Nieuwe acties meteen openbaar maken"), required=False
    )


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _check_period(form: forms.Form, cleaned: dict) -> None:
    starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
    if starts and ends and ends < starts:
        form.add_error("ends_on", _("De einddatum ligt vóór de begindatum."))


class PlanCreateForm(forms.Form):
    """A new plan of one of the pacts the person administers."""

    pact = forms.ModelChoiceField(
        label=_("Armoedepact"), queryset=Pact.objects.none(), empty_label=None
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Zelf weer aan het stuur 2026–2029."),
    )
    slug = forms.SlugField(
        label=_("Korte naam in het webadres"),
        max_length=100,
        required=False,
        help_text=_(
            "Kleine letters, cijfers en streepjes. Laat leeg: dan maken wij hem van "
            "de titel."
        ),
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    starts_on = forms.DateField(label=_("Begint op"), widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("Eindigt op"), widget=DATE_WIDGET)
    cadence = forms.ChoiceField(
        label=_("Rapportageritme"),
        choices=RoundCadence.choices,
        initial=RoundCadence.QUARTERLY,
        widget=forms.RadioSelect,
    )
    is_published = forms.BooleanField(
        label=_("Openbaar"),
        required=False,
        help_text=_(
            "Raadsleden en inwoners zien het plan en de openbare acties zonder in te "
            "loggen. U kunt dit later aanzetten."
        ),
    )

    def __init__(self, *args, pacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pact"].queryset = pacts

    def clean(self):
        cleaned = super().clean()
        _check_period(self, cleaned)
        pact, title = cleaned.get("pact"), cleaned.get("title")
        if pact and title:
            slug = cleaned.get("slug") or slugify(title)[:100] or "plan"
            if Plan.objects.filter(pact=pact, slug=slug).exists():
                self.add_error(
                    "slug",
                    _(
                        "Dit pact heeft al een plan met de korte naam “%(slug)s”. "
                        "Kies een andere."
                    )
                    % {"slug": slug},
                )
            cleaned["slug"] = slug
        return cleaned


class BuildingBlockForm(forms.Form):
    """A building block (bouwsteen): number, title, main or side goal, order."""

    number = forms.IntegerField(
        label=_("Nummer"),
        min_value=1,
        max_value=999,
        help_text=_("Het nummer van de bouwsteen in het plan, bijvoorbeeld 4."),
    )
    title = forms.CharField(label=_("Titel"), max_length=200)
    goal = forms.ChoiceField(
        label=_("Soort doel"),
        choices=[
            ("main", _("Hoofddoel")),
            ("side", _("Bijzaak (nevendoel)")),
        ],
        initial="side",
        widget=forms.RadioSelect,
        help_text=_(
            "Hoofddoelen staan in overzichten en in de raadsrapportage vooraan."
        ),
    )
    position = forms.IntegerField(
        label=_("Volgorde"),
        min_value=0,
        max_value=999,
        required=False,
        help_text=_(
            "Een lager getal staat eerder, binnen de hoofddoelen en binnen de bijzaken. "
            "Laat leeg: dan telt het nummer."
        ),
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, plan: Plan, block: BuildingBlock | None = None, **kwargs):
        if block is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "number": block.number,
                "title": block.title,
                "goal": "main" if block.is_main_goal else "side",
                "position": block.position,
                "description": block.description,
            }
        super().__init__(*args, **kwargs)
        self.plan, self.block = plan, block

    def clean_number(self) -> int:
        number = self.cleaned_data["number"]
        taken = self.plan.building_blocks.filter(number=number)
        if self.block is not None:
            taken = taken.exclude(pk=self.block.pk)
        if taken.exists():
            raise ValidationError(
                _("Dit plan heeft al een bouwsteen met nummer %(n)s.") % {"n": number}
            )
        return number

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "number": data["number"],
            "title": data["title"],
            "is_main_goal": data["goal"] == "main",
            "position": data["position"],
            "description": data["description"],
        }


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
        widgets = {"starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET}

    def clean(self):
        cleaned = super().clean()
        _check_period(self, cleaned)
        return cleaned


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
        localized_fields = ["baseline", "target"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "baseline": forms.TextInput(attrs={"inputmode": "decimal"}),
            "target": forms.TextInput(attrs={"inputmode": "decimal"}),
        }
