"""State changes of the pact network. Every write to these tables goes through here.

Memberships are the roles people hold. Granting or revoking one also keeps the person's
Django groups in step (the role's group and the organisation's role group) and writes an
entry to Wagtail's audit log, so "who gave whom which role" is always answerable.

``actor=None`` means the system itself (migrations, ``seed_demo``); any person acting is
authorised through ``pact.roles.can``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from pact.constants import ROLES_COORDINATORS_GRANT, Role
from pact.models import Membership, Municipality, Organisation, Pact, PactMembership
from pact.roles import can, organisation_group, role_group

User = get_user_model()


class NotAllowed(PermissionDenied):
    """The acting person may not do this."""


def _forget_cached_roles(user) -> None:
    user.__dict__.pop("_pact_roles", None)


# --- Municipalities, organisations, pacts ---------------------------------------------------


def municipality_upsert(
    *, slug: str, name: str, cbs_code: str, province: str = ""
) -> Municipality:
    """Create or update the municipality with ``slug``; returns it. Idempotent."""
    municipality = Municipality.objects.filter(slug=slug).first() or Municipality(
        slug=slug
    )
    municipality.name, municipality.cbs_code, municipality.province = (
        name,
        cbs_code,
        province,
    )
    municipality.full_clean()
    municipality.save()
    return municipality


@transaction.atomic
def organisation_upsert(
    *,
    slug: str,
    name: str,
    kind: str,
    municipalities: Iterable[Municipality] = (),
    short_name: str = "",
    website: str = "",
    email: str = "",
    phone: str = "",
    aliases: str = "",
) -> Organisation:
    """Create or update the organisation with ``slug`` and the municipalities it serves."""
    organisation = Organisation.objects.filter(slug=slug).first() or Organisation(
        slug=slug
    )
    for field, value in {
        "name": name,
        "kind": kind,
        "short_name": short_name,
        "website": website,
        "email": email,
        "phone": phone,
        "aliases": aliases,
    }.items():
        setattr(organisation, field, value)
    organisation.full_clean()
    organisation.save()
    organisation.municipalities.set(municipalities)
    return organisation


@transaction.atomic
def pact_upsert(
    *,
    slug: str,
    name: str,
    kind: str,
    municipalities: Iterable[Municipality],
    started_on: datetime.date | None = None,
    description: str = "",
    organisation: Organisation | None = None,
) -> Pact:
    """Create or update the pact with ``slug``."""
    pact = Pact.objects.filter(slug=slug).first() or Pact(slug=slug)
    pact.name, pact.kind, pact.started_on = name, kind, started_on
    pact.description, pact.organisation = description, organisation
    pact.full_clean()
    pact.save()
    pact.municipalities.set(municipalities)
    return pact


def pact_member_set(
    *, pact: Pact, organisation: Organisation, joined_on: datetime.date, left_on=None
) -> PactMembership:
    """Record that ``organisation`` is (or was) a member of ``pact``."""
    membership, _created = PactMembership.objects.update_or_create(
        pact=pact,
        organisation=organisation,
        defaults={"joined_on": joined_on, "left_on": left_on},
    )
    return membership


# --- People and roles --------------------------------------------------------------------------


def _authorise_role_change(*, actor, organisation: Organisation, role: Role) -> None:
    if actor is None:
        return
    if role not in ROLES_COORDINATORS_GRANT and not can(actor, "network.manage"):
        raise NotAllowed(_("Alleen een pactbeheerder kan deze rol toekennen."))
    if not can(actor, "members.manage", organisation):
        raise NotAllowed(_("U mag de leden van deze organisatie niet beheren."))


@transaction.atomic
def membership_grant(
    *,
    user,
    organisation: Organisation,
    role: Role,
    actor=None,
    pact: Pact | None = None,
) -> Membership:
    """Give ``user`` the ``role`` in ``organisation``; idempotent.

    Adds the user to the role's group and the organisation's role group. Pact admins need
    ``pact``. Raises ``NotAllowed`` when ``actor`` may not hand out this role here and
    ``ValidationError`` for a pact admin without a pact (or a pact for another role).
    """
    role = Role(role)
    _authorise_role_change(actor=actor, organisation=organisation, role=role)
    if (role == Role.PACT_ADMIN) != (pact is not None):
        raise ValidationError(
            _("Een pactbeheerder hoort bij precies één pact; andere rollen niet.")
        )
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
        log(instance=membership, action="pact.membership.grant", user=actor)
    return membership


@transaction.atomic
def membership_revoke(
    *, user, organisation: Organisation, role: Role, actor=None
) -> None:
    """Take ``role`` in ``organisation`` away from ``user``; keeps groups in step."""
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
        log(instance=membership, action="pact.membership.revoke", user=actor)
        membership.delete()
    user.groups.remove(organisation_group(organisation, role))
    if not Membership.objects.filter(user=user, role=role).exists():
        user.groups.remove(role_group(role))
    _forget_cached_roles(user)


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


@transaction.atomic
def member_invite(
    *,
    email: str,
    first_name: str,
    last_name: str,
    organisation: Organisation,
    roles: Iterable[Role],
    actor,
) -> User:
    """Invite a person into ``organisation`` with ``roles``.

    A new person gets an account without a password and an e-mail with a link to set one
    (Wagtail's password reset pages); an existing person simply gets the roles. The
    e-mail is sent after the transaction commits.
    """
    roles = [Role(role) for role in roles]
    if not roles:
        raise ValidationError(_("Kies minstens één rol."))
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    is_new = user is None
    if is_new:
        user = User(
            username=email, email=email, first_name=first_name, last_name=last_name
        )
        user.set_unusable_password()
        user.full_clean()
        user.save()
    elif not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    for role in roles:
        membership_grant(user=user, organisation=organisation, role=role, actor=actor)
    transaction.on_commit(
        lambda: _send_invitation(
            user=user, organisation=organisation, actor=actor, is_new=is_new
        )
    )
    return user


def _send_invitation(*, user, organisation: Organisation, actor, is_new: bool) -> None:
    from django.conf import settings

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
    account never outlives the work it was for. The last coordinator cannot be removed.
    """
    if not can(actor, "members.manage", organisation):
        raise NotAllowed(_("U mag de leden van deze organisatie niet beheren."))
    roles = set(
        Membership.objects.filter(user=user, organisation=organisation).values_list(
            "role", flat=True
        )
    )
    if Role.COORDINATOR in roles:
        _refuse_removing_last_coordinator(organisation, user)
    for role in roles:
        role_actor = actor if role in ROLES_COORDINATORS_GRANT else None
        if role not in ROLES_COORDINATORS_GRANT and not can(actor, "network.manage"):
            raise NotAllowed(_("Alleen een pactbeheerder kan deze rol intrekken."))
        membership_revoke(
            user=user, organisation=organisation, role=role, actor=role_actor
        )
    if not user.is_superuser and not Membership.objects.filter(user=user).exists():
        user.is_active = False
        user.save(update_fields=["is_active"])
