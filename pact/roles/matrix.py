"""The capability matrix: every platform action with the roles allowed to do it, its
scope and whether superusers pass. ``docs/permissions.md`` shows the same matrix and
``tests/pact/test_roles_matrix.py`` asserts that the two agree."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from pact.constants import Role

ORGANISATION = "organisation"
PLATFORM = "platform"


@dataclass(frozen=True)
class Capability:
    label: str
    roles: frozenset[Role]
    scope: str = PLATFORM
    superuser: bool = True


def _cap(label, roles, scope=PLATFORM, superuser=True) -> Capability:
    return Capability(str(label), frozenset(roles), scope, superuser)


E, W, C, R, A = (
    Role.EDITOR,
    Role.CASE_WORKER,
    Role.COORDINATOR,
    Role.REGISSEUR,
    Role.PACT_ADMIN,
)

CAPABILITIES: dict[str, Capability] = {
    # Network and people
    "admin.access": _cap(_("Beheeromgeving (Wagtail) gebruiken"), {E, C, R, A}),
    "network.manage": _cap(_("Gemeenten, organisaties en pacten beheren"), {A}),
    "members.manage": _cap(
        _("Leden van de eigen organisatie uitnodigen en verwijderen"),
        {C, A},
        ORGANISATION,
    ),
    # Sociale kaart
    "kaart.edit": _cap(
        _("Pagina's van de eigen organisatie in de sociale kaart bewerken"),
        {E},
        ORGANISATION,
    ),
    "kaart.approve": _cap(_("Wijzigingen in de sociale kaart goedkeuren"), {A}),
    "kaart.manage_taxonomy": _cap(
        _("Categorieën, doelgroepen, normbedragen en synoniemen beheren"), {A}
    ),
    "kaart.handle_reports": _cap(
        _("Foutmeldingen over de eigen organisatie afhandelen"), {E, C, A}, ORGANISATION
    ),
    "kaart.view_professional_notes": _cap(
        _("Notities voor professionals lezen"), {E, W, C, R, A}
    ),
    "search.view_missed": _cap(
        _("Zien wat mensen zoeken en niet vinden"), {E, C, R, A}
    ),
    # Casusregie
    "cases.work": _cap(
        _("Casussen openen en behandelen waarbij de eigen organisatie betrokken is"),
        {W, R},
        ORGANISATION,
        superuser=False,
    ),
    "cases.view_organisation": _cap(
        _("Overzicht van de casussen van de eigen organisatie"),
        {C},
        ORGANISATION,
        superuser=False,
    ),
    "cases.regie": _cap(
        _("Geëscaleerde casussen zien en de regie overnemen"), {R}, superuser=False
    ),
    "cases.view_figures": _cap(
        _("Cijfers over casusregie (zonder persoonsgegevens)"), {C, R, A}
    ),
    "cases.break_glass": _cap(
        _("Noodtoegang tot een casus met reden (gelogd en gerapporteerd)"), {A}
    ),
    # Vroegsignalering (see vroegsignalering/permissions.py for which household)
    "signals.work": _cap(
        _(
            "Signalen van betalingsachterstanden oppakken die naar de eigen organisatie gaan"
        ),
        {W, C},
        ORGANISATION,
        superuser=False,
    ),
    "signals.plan": _cap(
        _(
            "De capaciteit voor huisbezoeken en gesprekken van de eigen organisatie instellen"
        ),
        {C},
        ORGANISATION,
        superuser=False,
    ),
    "signals.regie": _cap(
        _("Signalen van de gemeente inlezen, routeren en alle huishoudens zien"),
        {R},
        superuser=False,
    ),
    "signals.view_figures": _cap(
        _("Cijfers over vroegsignalering (zonder persoonsgegevens)"), {C, R, A}
    ),
    # Agenda
    "agenda.view": _cap(
        _("Het actieplan van het pact bekijken, ook niet-gepubliceerd"), {E, W, C, R, A}
    ),
    "agenda.report": _cap(
        _("Acties van de eigen organisatie bijwerken en voortgang melden"),
        {C, A},
        ORGANISATION,
    ),
    "agenda.edit_plan": _cap(
        _("Het actieplan, rapportagerondes en indicatoren beheren"), {A}
    ),
}
