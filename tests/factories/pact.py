"""Factories of the pact network. Roles are given through ``pact.services`` so groups
stay in step, exactly as in real use."""

from __future__ import annotations

from django.contrib.auth import get_user_model

import factory

from pact import services
from pact.constants import OrganisationKind, PactKind
from pact.models import Municipality, Organisation, Pact


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")
    # GM9000-GM9999 (no real municipality): the counter runs over the whole session, and
    # past a thousand municipalities "GM10000" broke the CBS-code rule (CI, 2026-12-07).
    cbs_code = factory.Sequence(lambda n: f"GM{9000 + n % 1000:04d}")
    province = "Drenthe"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    kind = OrganisationKind.WELZIJN

    class Params:
        gemeente = factory.Trait(kind=OrganisationKind.GEMEENTE)
        fonds = factory.Trait(kind=OrganisationKind.FONDS)

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)


class PactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pact
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Armoedepact {n}")
    slug = factory.Sequence(lambda n: f"pact-{n}")
    kind = PactKind.MUNICIPAL

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            import datetime

            for organisation in extracted:
                services.pact_member_set(
                    pact=self,
                    organisation=organisation,
                    joined_on=datetime.date(2020, 1, 1),
                )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"persoon{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("test-wachtwoord-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """``UserFactory(roles=[(organisation, Role.EDITOR), ...])``."""
        for entry in extracted or []:
            organisation, role, *rest = entry
            services.membership_grant(
                user=self,
                organisation=organisation,
                role=role,
                pact=rest[0] if rest else None,
            )
