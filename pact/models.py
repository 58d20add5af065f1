"""The pact network: municipalities, organisations, pacts, and people's roles in them.

Every module refers to these identities. An ``Organisation`` is one real organisation
(GKB, Attenta, the municipality of Assen, ...) whatever part of the platform mentions it:
its sociale kaart page, the cases it leads, the actions it carries out. A ``Pact`` is a
municipality's armoedepact or a regional one, with its member organisations and the date
each joined. A ``Membership`` gives a person one role in one organisation; a person can
hold several. Pact admins hold their role for a pact (``Membership.pact``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pact.constants import CBS_CODE_PATTERN, OrganisationKind, PactKind, Role


class Municipality(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("korte naam in adressen"), max_length=100, unique=True)
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        validators=[
            RegexValidator(CBS_CODE_PATTERN, _("Een CBS-code ziet eruit als GM0106."))
        ],
        help_text=_("De gemeentecode van het CBS, bijvoorbeeld GM0106 voor Assen."),
    )
    province = models.CharField(_("provincie"), max_length=50, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("naam"), max_length=200, unique=True)
    short_name = models.CharField(
        _("afkorting"),
        max_length=40,
        blank=True,
        help_text=_("Hoe mensen de organisatie noemen, bijvoorbeeld GKB of WPDA."),
    )
    slug = models.SlugField(_("korte naam in adressen"), max_length=100, unique=True)
    kind = models.CharField(_("soort"), max_length=30, choices=OrganisationKind.choices)
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("werkgebied"),
        related_name="organisations",
        blank=True,
        help_text=_("De gemeenten waar deze organisatie inwoners helpt."),
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    aliases = models.CharField(
        _("andere namen"),
        max_length=300,
        blank=True,
        help_text=_(
            "Andere namen waaronder de organisatie in plannen staat, gescheiden door "
            "komma's (voor het inlezen van actietabellen)."
        ),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        if self.short_name and self.short_name.lower() not in self.name.lower():
            return f"{self.name} ({self.short_name})"
        return self.name

    @property
    def alias_list(self) -> list[str]:
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]


class Pact(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam in adressen"), max_length=100, unique=True)
    kind = models.CharField(
        _("soort"), max_length=20, choices=PactKind.choices, default=PactKind.MUNICIPAL
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("gemeenten"), related_name="pacts"
    )
    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("het pact als organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="as_pact",
        help_text=_(
            "Het pact zelf kan eigenaar zijn van acties ('Armoedepact' in de actietabel)."
        ),
    )
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    members = models.ManyToManyField(
        Organisation,
        through="PactMembership",
        verbose_name=_("leden"),
        related_name="pacts",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("armoedepact")
        verbose_name_plural = _("armoedepacten")

    def __str__(self) -> str:
        return self.name


class PactMembership(models.Model):
    pact = models.ForeignKey(
        Pact,
        verbose_name=_("pact"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="pact_memberships",
    )
    joined_on = models.DateField(_("lid sinds"))
    left_on = models.DateField(_("lid tot"), null=True, blank=True)

    class Meta:
        ordering = ["pact", "organisation__name"]
        verbose_name = _("lidmaatschap van een pact")
        verbose_name_plural = _("lidmaatschappen van pacten")
        constraints = [
            models.UniqueConstraint(
                fields=["pact", "organisation"], name="pact_membership_unique"
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True)
                | Q(left_on__gte=models.F("joined_on")),
                name="pact_membership_left_after_joined",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.pact}"


class Membership(models.Model):
    """One role of one person in one organisation (pact admins: for one pact)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    pact = models.ForeignKey(
        Pact,
        verbose_name=_("pact"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="admin_memberships",
        help_text=_("Alleen voor pactbeheerders: het pact dat zij beheren."),
    )
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgenodigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["organisation__name", "user__last_name", "role"]
        verbose_name = _("rol van een persoon")
        verbose_name_plural = _("rollen van personen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                condition=Q(pact__isnull=True),
                name="membership_unique_role",
            ),
            models.UniqueConstraint(
                fields=["user", "organisation", "role", "pact"],
                condition=Q(pact__isnull=False),
                name="membership_unique_pact_role",
            ),
            models.CheckConstraint(
                condition=(Q(role=Role.PACT_ADMIN) & Q(pact__isnull=False))
                | (~Q(role=Role.PACT_ADMIN) & Q(pact__isnull=True)),
                name="membership_pact_only_for_pact_admin",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "role"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"


class OrganisationGroup(models.Model):
    """The Django group of the people with one role in one organisation.

    Apps attach object permissions to these groups; see ``pact.roles.organisation_group``.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="role_groups",
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("groep"),
        on_delete=models.CASCADE,
        related_name="organisation_link",
    )

    class Meta:
        verbose_name = _("groep van een organisatie")
        verbose_name_plural = _("groepen van organisaties")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "role"], name="organisation_group_unique"
            )
        ]

    def __str__(self) -> str:
        return self.group.name
