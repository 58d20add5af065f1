"""Factories of casusregie. Cases are opened through ``casusregie.services.case_open``
so the lead invariant and the guardian grants hold exactly as in real use."""

from __future__ import annotations

import datetime

import factory

from casusregie import services
from casusregie.constants import CaseOutcome, Complexity, ResidentRegie
from casusregie.models import Case


class CaseFactory(factory.django.DjangoModelFactory):
    """``CaseFactory(actor=worker, organisation=org, municipality=m)``; traits:
    ``legal_task=True`` (basis Wgs instead of consent), ``closed=True``."""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    actor = None
    organisation = None
    municipality = None
    label = factory.Sequence(lambda n: f"Huishouden Zonnebloem {n}")
    goals = factory.LazyFunction(lambda: ["Rust in mijn hoofd over de rekeningen"])
    complexity = Complexity.SINGLE
    resident_regie = ResidentRegie.SHARES
    legal_ground = ""
    consent_scope = "Doelen, betrokkenheid en notities van deze casus"
    at = None

    class Params:
        legal_task = factory.Trait(legal_ground="wgs")
        closed = factory.Trait(close_with=CaseOutcome.GOALS_REACHED)

    close_with = None

    @classmethod
    def _create(cls, model_class, *args, close_with=None, **kwargs):
        case = services.case_open(**kwargs)
        if close_with:
            case = services.case_close(
                case=case,
                actor=kwargs["actor"],
                outcome=close_with,
                at=(kwargs.get("at") or case.created_at) + datetime.timedelta(days=1),
            )
        return case

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        for key in (
            "actor",
            "goals",
            "legal_ground",
            "consent_scope",
            "at",
            "close_with",
        ):
            kwargs.pop(key, None)
        organisation = kwargs.pop("organisation")
        return model_class(
            lead_organisation=organisation, reference="CR-0000-BUILD", **kwargs
        )
