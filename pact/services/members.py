"""People: invitations, removal, second-factor reset."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from django_otp import devices_for_user

from pact.constants import ROLES_COORDINATORS_GRANT, Role
from pact.models import Membership, Organisation
from pact.roles import can, organisations_where
from pact.services.common import NotAllowed
from pact.services.memberships import (
    LOG_DEACTIVATE,
    LOG_REACTIVATE,
    LOG_SECOND_FACTOR_RESET,
    _mail_after_commit,
    _name,
    _refuse_removing_last_coordinator,
    _tell_coordinators,
    membership_grant,
    membership_revoke,
)
from pact.types import Actor
from pact.types import User as UserModel

User = get_user_model()


def _removed_by(user) -> int | None:
    """The organisation whose removal deactivated ``user`` last (from the audit log)."""

    entry = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User),
            object_id=str(user.pk),
            action__in=[LOG_DEACTIVATE, LOG_REACTIVATE],
        )
        .order_by("-timestamp", "-pk")
        .first()
    )
    if entry is None or entry.action != LOG_DEACTIVATE:
        return None
    return (entry.data or {}).get("organisation_id")


def _check_invitation_target(user, *, organisation: Organisation, actor) -> None:
    """Refuse an invitation that would bend the rules (decision 0060)."""
    if actor is not None and user.pk == actor.pk:
        raise NotAllowed(
            _(
                "U kunt uzelf niet uitnodigen of uzelf rollen geven. Vraag een andere "
                "coördinator of de pactbeheerder."
            )
        )
    if not user.is_active:
        if _removed_by(user) != organisation.pk:
            raise NotAllowed(
                _(
                    "Dit account is uitgeschakeld. Alleen de organisatie die deze "
                    "persoon heeft verwijderd, kan hem opnieuw uitnodigen."
                )
            )
        return
    elsewhere = set(
        Membership.objects.filter(user=user)
        .exclude(organisation=organisation)
        .values_list("organisation_id", flat=True)
    )
    if actor is not None:
        elsewhere -= set(
            Membership.objects.filter(user=actor, role=Role.COORDINATOR).values_list(
                "organisation_id", flat=True
            )
        )
    names = ", ".join(
        str(org)
        for org in Organisation.objects.filter(pk__in=elsewhere).order_by("name")
    )
    if names:
        raise NotAllowed(
            _(
                "Dit e-mailadres hoort bij een account van %(organisations)s. Alleen "
                "een coördinator van die organisatie kan dit account ook rollen bij u "
                "geven. Nodig anders het werkadres van deze persoon bij uw organisatie "
                "uit."
            )
            % {"organisations": names}
        )


@transaction.atomic
def member_invite(
    *,
    email: str,
    first_name: str,
    last_name: str,
    organisation: Organisation,
    roles: Iterable[Role],
    actor: Actor,
) -> UserModel:
    """Invite a person into ``organisation`` with ``roles``.

    A new person gets an account without a password and an e-mail with a link to set one
    (Wagtail's password reset pages). An existing active person gets the roles, but
    only when he holds no roles in an organisation the inviter does not coordinate. A
    removed (deactivated) account comes back only when this organisation removed it:
    it is reactivated without password or second-factor app, and gets the link to set
    a new password. Never the inviter himself. Raises ``NotAllowed`` for those
    refusals and for roles the actor may not give here, ``ValidationError`` for bad
    input. The e-mails (to the person, and to the organisation's coordinators) are sent
    after the transaction commits.
    """
    roles = [Role(role) for role in roles]
    if not roles:
        raise ValidationError(_("Kies minstens één rol."))
    email = User.objects.normalize_email(email).lower()
    user = User.objects.select_for_update().filter(email__iexact=email).first()
    if user is None and actor is not None and email == (actor.email or "").lower():
        raise NotAllowed(_("U kunt uzelf niet uitnodigen of uzelf rollen geven."))
    needs_password = user is None
    if user is None:
        user = User(
            username=email, email=email, first_name=first_name, last_name=last_name
        )
        user.set_unusable_password()
        user.full_clean()
        user.save()
    else:
        _check_invitation_target(user, organisation=organisation, actor=actor)
        if not user.is_active:
            _reactivate(user, organisation=organisation, actor=actor)
            needs_password = True
    for role in roles:
        membership_grant(
            user=user, organisation=organisation, role=role, actor=actor, notify=False
        )
    _tell_coordinators(
        organisation,
        actor=actor,
        lines=[
            _("%(name)s (%(email)s) is uitgenodigd bij %(organisation)s als %(roles)s.")
            % {
                "name": _name(user),
                "email": user.email,
                "organisation": organisation,
                "roles": ", ".join(str(role.label) for role in roles),
            }
        ],
    )
    transaction.on_commit(
        lambda: _send_invitation(
            user=user, organisation=organisation, actor=actor, is_new=needs_password
        )
    )
    return user


def _forget_second_factor(user) -> int:
    """Delete ``user``'s second-factor devices (app and recovery codes)."""

    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    return len(devices)


def _reactivate(user, *, organisation: Organisation, actor) -> None:
    user.is_active = True
    user.set_unusable_password()
    user.save(update_fields=["is_active", "password"])
    _forget_second_factor(user)
    log(
        instance=user,
        action=LOG_REACTIVATE,
        user=actor,
        data={"organisation_id": organisation.pk},
    )


def _send_invitation(*, user, organisation: Organisation, actor, is_new: bool) -> None:

    link = ""
    if is_new:
        path = reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    context = {
        "user": user,
        "organisation": organisation,
        "actor": actor,
        "link": link,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "login_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("login"),
    }
    send_mail(
        subject=_("Uitnodiging voor %(organisation)s op het armoedepact-platform")
        % {"organisation": organisation},
        message=render_to_string("pact/email/invitation.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


@transaction.atomic
def member_remove(*, user, organisation: Organisation, actor) -> None:
    """Take all roles in ``organisation`` away from ``user``.

    A person left without any role anywhere is deactivated (superusers excepted), so an
    account never outlives the work it was for: the password and the second-factor
    devices go too, so only a fresh invitation by this organisation brings the account
    back. The last coordinator cannot be removed. Logged; the coordinators are told.
    """
    if not can(actor, "members.manage", organisation):
        raise NotAllowed(_("U mag de leden van deze organisatie niet beheren."))
    roles = {
        Role(role)
        for role in Membership.objects.filter(
            user=user, organisation=organisation
        ).values_list("role", flat=True)
    }
    if Role.COORDINATOR in roles:
        _refuse_removing_last_coordinator(organisation, user)
    for role in roles:
        role_actor = actor if role in ROLES_COORDINATORS_GRANT else None
        if role not in ROLES_COORDINATORS_GRANT and not can(actor, "network.manage"):
            raise NotAllowed(_("Alleen een pactbeheerder kan deze rol intrekken."))
        membership_revoke(
            user=user,
            organisation=organisation,
            role=role,
            actor=role_actor,
            notify=False,
        )
    deactivated = (
        not user.is_superuser and not Membership.objects.filter(user=user).exists()
    )
    if deactivated:
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])
        _forget_second_factor(user)
        log(
            instance=user,
            action=LOG_DEACTIVATE,
            user=actor,
            data={"organisation_id": organisation.pk},
        )
    _tell_coordinators(
        organisation,
        actor=actor,
        lines=[
            _("%(name)s is geen lid meer van %(organisation)s.")
            % {"name": _name(user), "organisation": organisation}
            + (" " + _("Het account is uitgeschakeld.") if deactivated else "")
        ],
    )


@transaction.atomic
def member_second_factor_reset(*, user, organisation: Organisation, actor) -> int:
    """Forget ``user``'s second-factor app and recovery codes (a lost phone): at the
    next login he links an app anew. Returns how many devices were removed.

    Only someone who manages the members of ``organisation`` (its coordinators, its
    pact's admins), for a member of it who holds no roles in organisations the actor
    does not manage; never for himself (his own recovery codes are for that) and never
    for a superuser. Logged in Wagtail's audit log; the person and the organisation's
    coordinators are e-mailed. Raises ``NotAllowed`` otherwise.
    """
    if not can(actor, "members.manage", organisation):
        raise NotAllowed(_("U mag de leden van deze organisatie niet beheren."))
    if user.pk == actor.pk:
        raise NotAllowed(
            _(
                "Uw eigen tweestapsverificatie stelt u niet zelf opnieuw in. Gebruik "
                "een herstelcode, of vraag een andere coördinator."
            )
        )
    if user.is_superuser or not user.is_active:
        raise NotAllowed(_("Dit kan alleen voor actieve leden van uw organisatie."))
    organisation_ids = set(
        Membership.objects.filter(user=user).values_list("organisation_id", flat=True)
    )
    if organisation.pk not in organisation_ids:
        raise NotAllowed(_("Dit kan alleen voor actieve leden van uw organisatie."))

    managed = set(
        organisations_where(actor, "members.manage")
        .filter(pk__in=organisation_ids)
        .values_list("pk", flat=True)
    )
    if organisation_ids - managed:
        raise NotAllowed(
            _(
                "Deze persoon werkt ook bij een organisatie waarvan u de leden niet "
                "beheert. Vraag de pactbeheerder."
            )
        )
    removed = _forget_second_factor(user)
    log(
        instance=user,
        action=LOG_SECOND_FACTOR_RESET,
        user=actor,
        data={"organisation_id": organisation.pk, "devices": removed},
    )
    _mail_after_commit(
        {user.pk},
        _("Uw tweestapsverificatie is opnieuw ingesteld"),
        "\n\n".join(
            [
                _(
                    "%(actor)s heeft de tweestapsverificatie van uw account opnieuw "
                    "ingesteld. Bij uw volgende inlog koppelt u uw app opnieuw."
                )
                % {"actor": _name(actor)},
                _(
                    "Heeft u hier niet om gevraagd? Neem dan direct contact op met uw "
                    "coördinator."
                ),
            ]
        ),
    )
    _tell_coordinators(
        organisation,
        actor=actor,
        lines=[
            _("De tweestapsverificatie van %(name)s is opnieuw ingesteld.")
            % {"name": _name(user)}
        ],
    )
    return removed
