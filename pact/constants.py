"""Choices and named constants of the pact network."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    KETENPARTNER = "ketenpartner", _("Ketenpartner")
    WELZIJN = "welzijn", _("Welzijnsorganisatie")
    VRIJWILLIGERS = "vrijwilligersorganisatie", _("Vrijwilligersorganisatie")
    FONDS = "fonds", _("Fonds")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    ZORGVERZEKERAAR = "zorgverzekeraar", _("Zorgverzekeraar")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    PACT = "pact", _("Armoedepact (samenwerkingsverband)")
    OVERIG = "overig", _("Overig")


class PactKind(models.TextChoices):
    MUNICIPAL = "gemeentelijk", _("Gemeentelijk pact")
    REGIONAL = "regionaal", _("Regionaal pact")


class Role(models.TextChoices):
    """The roles a person can have in an organisation.

    What each role may do is the matrix in ``pact/roles/matrix.py`` and
    ``docs/permissions.md``.
    """

    EDITOR = "editor", _("Redacteur sociale kaart")
    CASE_WORKER = "case_worker", _("Casusbehandelaar")
    COORDINATOR = "coordinator", _("Coördinator")
    REGISSEUR = "regisseur", _("Regisseur armoede en schulden")
    PACT_ADMIN = "pact_admin", _("Pactbeheerder")


# Roles a coordinator may hand out within his own organisation. Regisseur and pact
# admin are appointed by a pact admin.
ROLES_COORDINATORS_GRANT = (Role.EDITOR, Role.CASE_WORKER, Role.COORDINATOR)

CBS_CODE_PATTERN = r"^GM\d{4}$"
