"""Admin forms of the sociale kaart pages and snippets: checks across fields and rules.

The models name these forms (``base_form_class``), so this module sits below the
models: it imports only the pure content rules, never models or selectors (issue 12).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from socialekaart.content_rules import (
    ORGANISATION,
    SERVICE,
    PageContent,
    RuleFacts,
    check_content,
    plain_text,
)


def _live_forms(formset):
    for form in formset.forms:
        if not hasattr(form, "cleaned_data") or not form.cleaned_data:
            continue
        if form.cleaned_data.get("DELETE"):
            continue
        yield form


# The buttons that send a page to residents (or to the pact admin who approves it).
PUBLISHING_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
)


class ContentRulesMixin:
    """Content rules on save (``socialekaart.content_rules``, decision 0081).

    Errors block publishing and submitting for approval; a draft is saved anyway
    (nothing typed is lost) and the ``after_edit_page`` hook shows its problems.
    """

    def check_content_rules(self, content) -> None:
        assert isinstance(self, forms.BaseForm)  # noqa: S101 (a mixin of forms only)

        if not any(self.data.get(action) for action in PUBLISHING_ACTIONS):
            return
        for problem in check_content(content):
            if problem.is_error:
                field = problem.field if problem.field in self.fields else None
                self.add_error(field, problem.message)


class OrganisationPageForm(ContentRulesMixin, WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        locations = self.formsets.get("locations")
        self.check_content_rules(
            PageContent(
                kind=ORGANISATION,
                title=cleaned.get("title") or "",
                texts={
                    "summary": cleaned.get("summary") or "",
                    "description": plain_text(cleaned.get("description")),
                },
                phone=cleaned.get("phone") or "",
                email=cleaned.get("email") or "",
                website=cleaned.get("website") or "",
                has_walk_in=bool(cleaned.get("walk_in_hours")),
                has_locations=bool(locations and list(_live_forms(locations))),
            )
        )
        return cleaned


class ServicePageForm(ContentRulesMixin, WagtailAdminPageForm):
    """Limits the locations to the organisation's own, and checks the rules."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "locations" in self.fields:
            parent = self.parent_page
            if parent is None and self.instance.pk:
                parent = self.instance.get_parent()
            locations = self.fields["locations"].queryset  # every ``Location``
            self.fields["locations"].queryset = (
                locations.filter(page_id=parent.pk) if parent else locations.none()
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
        self.check_content_rules(self._content(cleaned, rules))
        return cleaned

    def _content(self, cleaned, rules):
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        organisation = parent.specific if parent is not None else None
        facts = []
        for number, form in enumerate(_live_forms(rules) if rules else [], start=1):
            data = form.cleaned_data
            facts.append(
                RuleFacts(
                    number=number,
                    income_limit_percent=data.get("income_limit_percent"),
                    household_types=tuple(data.get("household_types") or ()),
                    age_subject=data.get("age_subject") or "",
                    min_age=data.get("min_age"),
                    max_age=data.get("max_age"),
                    min_low_income_years=data.get("min_low_income_years"),
                    benefit=data.get("benefit") or "",
                    municipalities=frozenset(
                        m.slug for m in data.get("municipalities") or []
                    ),
                )
            )
        return PageContent(
            kind=SERVICE,
            title=cleaned.get("title") or "",
            texts={
                "summary": cleaned.get("summary") or "",
                "description": plain_text(cleaned.get("description")),
                "benefit": cleaned.get("benefit") or "",
                "application_steps": plain_text(cleaned.get("application_steps")),
                "required_documents": plain_text(cleaned.get("required_documents")),
                "cost_description": cleaned.get("cost_description") or "",
            },
            phone=cleaned.get("phone") or "",
            email=cleaned.get("email") or "",
            website=cleaned.get("website") or "",
            has_walk_in=bool(cleaned.get("walk_in_hours")),
            has_locations=bool(cleaned.get("locations")),
            is_at_home=bool(cleaned.get("is_at_home")),
            organisation_phone=getattr(organisation, "phone", ""),
            organisation_email=getattr(organisation, "email", ""),
            organisation_website=getattr(organisation, "website", ""),
            organisation_has_walk_in=bool(getattr(organisation, "walk_in_hours", None)),
            has_steps=bool(cleaned.get("application_steps")),
            eligibility_note=cleaned.get("eligibility_note") or "",
            rules=facts,
        )


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
