"""Roles people hold: granting and revoking them, logged and mailed to the coordinators."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from pact.constants import ROLES_COORDINATORS_GRANT, Role
from pact.models import Membership, Organisation, Pact
from pact.roles import CASE_ROLES, can, organisation_group, role_group
from pact.services.common import NotAllowed, _forget_cached_roles

User = get_user_model()

# --- People and roles --------------------------------------------------------------------------

# Wagtail audit-log actions of this module (registered in ``wagtail_hooks``).
LOG_GRANT = "pact.membership.grant"
LOG_REVOKE = "pact.membership.revoke"
LOG_DEACTIVATE = "pact.member.deactivate"
LOG_REACTIVATE = "pact.member.reactivate"
LOG_SECOND_FACTOR_RESET = "pact.second_factor.reset"


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _authorise_role_change(*, actor, organisation: Organisation, role: Role) -> None:
    if actor is None:
        return
    if role not in ROLES_COORDINATORS_GRANT and not can(actor, "network.manage"):
        raise NotAllowed(_("Alleen een pactbeheerder kan deze rol toekennen."))
    if not can(actor, "members.manage", organisation):
        raise NotAllowed(_("U mag de leden van deze organisatie niet beheren."))


def _refuse_mixing_admin_and_case_roles(user, role: Role) -> None:
    """Pact admins and superusers see case contents only by break-glass (0032, 0060)."""
    if role in CASE_ROLES and (
        user.is_superuser
        or Membership.objects.filter(user=user, role=Role.PACT_ADMIN).exists()
    ):
        raise ValidationError(
            _(
                "%(name)s is pactbeheerder of technisch beheerder en kan daarom "
                "geen rol in casusregie krijgen. Casussen zijn voor hen alleen "
                "via noodtoegang te zien."
            )
            % {"name": _name(user)}
        )
    if (
        role == Role.PACT_ADMIN
        and Membership.objects.filter(user=user, role__in=CASE_ROLES).exists()
    ):
        raise ValidationError(
            _(
                "%(name)s heeft een rol in casusregie en kan daarom geen pactbeheerder "
                "worden. Trek die rol eerst in."
            )
            % {"name": _name(user)}
        )


def _coordinator_ids(organisation: Organisation, *, exclude=()) -> set[int]:
    return set(
        User.objects.filter(
            is_active=True,
            memberships__organisation=organisation,
            memberships__role=Role.COORDINATOR,
        )
        .exclude(pk__in=[user.pk for user in exclude if user is not None])
        .values_list("pk", flat=True)
    )


def _mail_after_commit(user_ids: set[int], subject: str, body: str) -> None:
    """One e-mail per person (nobody sees the others' addresses), after commit."""

    def send() -> None:
        addresses = sorted(
            User.objects.filter(pk__in=user_ids, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
        if addresses:
            send_mass_mail(
                [(subject, body, None, [address]) for address in addresses],
                fail_silently=True,
            )

    if user_ids:
        transaction.on_commit(send)


def _tell_coordinators(organisation: Organisation, *, actor, lines: list[str]) -> None:
    """E-mail the organisation's coordinators (not the actor) about a change in its
    people. Changes by the system (``actor=None``: migrations, the demo) are not
    mailed."""
    if actor is None:
        return

    body = "\n\n".join(
        [
            *lines,
            _("Gedaan door: %(actor)s.") % {"actor": _name(actor)},
            _(
                "Klopt dit niet? Bekijk de leden hier en neem contact op met de "
                "pactbeheerder: %(url)s"
            )
            % {
                "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("pact_members:list", kwargs={"slug": organisation.slug})
            },
        ]
    )
    _mail_after_commit(
        _coordinator_ids(organisation, exclude=[actor]),
        _("Wijziging in de leden van %(organisation)s")
        % {"organisation": organisation},
        body,
    )


@transaction.atomic
def membership_grant(
    *,
    user,
    organisation: Organisation,
    role: Role,
    actor=None,
    pact: Pact | None = None,
    notify: bool = True,
) -> Membership:
    """Give ``user`` the ``role`` in ``organisation``; idempotent.

    Adds the user to the role's group and the organisation's role group, logs the grant
    in Wagtail's audit log and e-mails the organisation's coordinators (unless
    ``notify`` is off: the caller tells them itself). Pact admins need ``pact``. Raises
    ``NotAllowed`` when ``actor`` may not hand out this role here (or to himself) and
    ``ValidationError`` for a pact admin without a pact (or a pact for another role) and
    for a case role of a pact admin or superuser (and the reverse).
    """
    role = Role(role)
    _authorise_role_change(actor=actor, organisation=organisation, role=role)
    if actor is not None and actor.pk == user.pk:
        raise NotAllowed(_("U kunt uzelf geen rollen geven."))
    if (role == Role.PACT_ADMIN) != (pact is not None):
        raise ValidationError(
            _("Een pactbeheerder hoort bij precies één pact; andere rollen niet.")
        )
    _refuse_mixing_admin_and_case_roles(user, role)
    membership, created = Membership.objects.get_or_create(
        user=user,
        organisation=organisation,
        role=role,
        pact=pact,
        defaults={"invited_by": actor},
    )
    user.groups.add(role_group(role), organisation_group(organisation, role))
    _forget_cached_roles(user)
    if created:
        log(
            instance=membership,
            action=LOG_GRANT,
            user=actor,
            data=_log_data(user, organisation, role),
        )
        if notify:
            _tell_coordinators(
                organisation,
                actor=actor,
                lines=[
                    _("%(name)s heeft de rol %(role)s gekregen bij %(organisation)s.")
                    % {
                        "name": _name(user),
                        "role": role.label,
                        "organisation": organisation,
                    }
                ],
            )
    return membership


def _log_data(user, organisation: Organisation, role: Role | None = None) -> dict:
    data = {"user_id": user.pk, "organisation_id": organisation.pk}
    if role is not None:
        data["role"] = str(role)
    return data


@transaction.atomic
def membership_revoke(
    *, user, organisation: Organisation, role: Role, actor=None, notify: bool = True
) -> None:
    """Take ``role`` in ``organisation`` away from ``user``; keeps groups in step, logs
    and e-mails the organisation's coordinators (unless ``notify`` is off)."""
    role = Role(role)
    _authorise_role_change(actor=actor, organisation=organisation, role=role)
    memberships = list(
        Membership.objects.filter(user=user, organisation=organisation, role=role)
    )
    if not memberships:
        return
    if role == Role.COORDINATOR and actor is not None:
        _refuse_removing_last_coordinator(organisation, user)
    for membership in memberships:
        log(
            instance=membership,
            action=LOG_REVOKE,
            user=actor,
            data=_log_data(user, organisation, role),
        )
        membership.delete()
    user.groups.remove(organisation_group(organisation, role))
    if not Membership.objects.filter(user=user, role=role).exists():
        user.groups.remove(role_group(role))
    _forget_cached_roles(user)
    if notify:
        _tell_coordinators(
            organisation,
            actor=actor,
            lines=[
                _("%(name)s heeft de rol %(role)s niet meer bij %(organisation)s.")
                % {
                    "name": _name(user),
                    "role": role.label,
                    "organisation": organisation,
                }
            ],
        )


def _refuse_removing_last_coordinator(organisation: Organisation, user) -> None:
    others = Membership.objects.filter(
        organisation=organisation, role=Role.COORDINATOR, user__is_active=True
    ).exclude(user=user)
    if not others.exists():
        raise ValidationError(
            _(
                "%(name)s is de laatste coördinator van %(organisation)s. Maak eerst "
                "iemand anders coördinator."
            )
            % {
                "name": user.get_full_name() or user.get_username(),
                "organisation": organisation,
            }
        )
