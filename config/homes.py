"""Where a professional starts: the home of each of his roles.

A case worker works in casusregie, an editor in the admin (the sociale kaart), a
coordinator reports in the agenda, answers hand-overs for his organisation and manages
its members in the admin. After logging in a person with one home goes straight there;
a person with several chooses (``/mijn-werk/``, also linked in the header).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pact.constants import Role
from pact.roles import can, user_roles

CASUSREGIE, AGENDA, ADMIN = "casusregie", "agenda", "admin"


@dataclass(frozen=True)
class Home:
    key: str
    title: str
    description: str
    url: str


def _casusregie() -> Home:
    return Home(
        CASUSREGIE,
        str(_("Casusregie")),
        str(_("Casussen, warme overdrachten en wat op uw antwoord wacht.")),
        reverse("casusregie:dashboard"),
    )


def _agenda(roles: set[Role]) -> Home:
    if Role.COORDINATOR in roles:
        return Home(
            AGENDA,
            str(_("Actieagenda")),
            str(_("De acties van uw organisatie: voortgang melden in de open ronde.")),
            reverse("agenda:mine"),
        )
    return Home(
        AGENDA,
        str(_("Actieagenda")),
        str(_("Het actieplan van het pact: acties, rondes en de raadsrapportage.")),
        reverse("agenda:index"),
    )


def _admin(roles: set[Role]) -> Home:
    if roles & {Role.PACT_ADMIN}:
        text = _(
            "Het netwerk, de sociale kaart goedkeuren, normbedragen en synoniemen."
        )
    elif Role.EDITOR in roles:
        text = _("De pagina's van uw organisatie in de sociale kaart bijwerken.")
    elif Role.COORDINATOR in roles:
        text = _("Leden van uw organisatie en foutmeldingen over uw pagina's.")
    else:
        text = _("Beheer van de sociale kaart en het netwerk.")
    return Home(ADMIN, str(_("Beheer")), str(text), reverse("wagtailadmin_home"))


def homes_for(user) -> list[Home]:
    """The homes of ``user``'s roles, the main one first (empty: no role yet)."""
    if not user.is_authenticated or not user.is_active:
        return []
    roles = user_roles(user)
    keys: list[str] = []
    if roles & {Role.CASE_WORKER, Role.REGISSEUR}:
        keys.append(CASUSREGIE)
    if Role.COORDINATOR in roles:
        keys += [AGENDA, CASUSREGIE]
    if Role.EDITOR in roles or Role.PACT_ADMIN in roles or user.is_superuser:
        keys.append(ADMIN)
    if Role.PACT_ADMIN in roles:
        keys.append(AGENDA)
    if Role.COORDINATOR in roles:
        keys.append(ADMIN)
    build = {
        CASUSREGIE: _casusregie,
        AGENDA: lambda: _agenda(roles),
        ADMIN: lambda: _admin(roles),
    }
    return [build[key]() for key in dict.fromkeys(keys)]


def may_open(user, path: str) -> bool:
    """Is ``path`` a place ``user`` may work? Only the admin is asked: Wagtail refuses
    people without ``admin.access`` with an error page, so they go home instead."""
    if path.startswith(reverse("wagtailadmin_home")):
        return can(user, "admin.access")
    return True
