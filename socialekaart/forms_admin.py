"""Admin forms of the sociale kaart pages and snippets: checks across fields and rules."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm


def _live_forms(formset):
    for form in formset.forms:
        if not hasattr(form, "cleaned_data") or not form.cleaned_data:
            continue
        if form.cleaned_data.get("DELETE"):
            continue
        yield form


class OrganisationPageForm(WagtailAdminPageForm):
    pass


class ServicePageForm(WagtailAdminPageForm):
    """Limits the locations to the organisation's own, and checks the rules."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "locations" in self.fields:
            from socialekaart.models import Location

            parent = self.parent_page
            if parent is None and self.instance.pk:
                parent = self.instance.get_parent()
            self.fields["locations"].queryset = (
                Location.objects.filter(page_id=parent.pk)
                if parent
                else Location.objects.none()
            )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("is_free", True) and not (
            cleaned.get("cost_amount") is not None or cleaned.get("cost_description")
        ):
            self.add_error(
                "cost_description",
                _("Het is niet gratis: schrijf op wat het kost."),
            )
        area = set(cleaned.get("municipalities") or [])
        rules = self.formsets.get("eligibility_rules")
        if rules is not None and area:
            for form in _live_forms(rules):
                outside = set(form.cleaned_data.get("municipalities") or []) - area
                if outside:
                    form.add_error(
                        "municipalities",
                        _("Deze gemeenten horen niet bij het werkgebied: %(names)s.")
                        % {"names": ", ".join(sorted(m.name for m in outside))},
                    )
        return cleaned


class NormPeriodForm(WagtailAdminModelForm):
    """One amount per household type in a period."""

    def clean(self):
        cleaned = super().clean()
        amounts = self.formsets.get("amounts")
        if amounts is not None:
            seen = set()
            for form in _live_forms(amounts):
                household = form.cleaned_data.get("household_type")
                if household in seen:
                    form.add_error(
                        "household_type",
                        _("Dit huishouden staat al in deze periode."),
                    )
                seen.add(household)
        return cleaned
