"""Wagtail admin pages where coordinators manage the members of their organisation.

Thin adapters: the rules (who may invite whom, the last coordinator stays) live in
``pact.services``; the list comes from ``pact.selectors``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pact import selectors, services
from pact.forms import MemberInviteForm
from pact.models import Organisation
from pact.roles import can

User = get_user_model()


def _organisation_for(request, slug: str) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not can(request.user, "members.manage", organisation):
        raise Http404
    return organisation


class MemberOrganisationListView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Leden van uw organisatie")
    header_icon = "group"
    template_name = "pact/admin/member_organisations.html"

    def get(self, request, *args, **kwargs):
        organisations = selectors.organisation_list_for_member_management(request.user)
        if not can(request.user, "members.manage"):
            raise PermissionDenied
        if organisations.count() == 1:
            return redirect("pact_members:list", slug=organisations.get().slug)
        return self.render_to_response(
            self.get_context_data(organisations=organisations)
        )


class MemberListView(WagtailAdminTemplateMixin, FormView):
    header_icon = "group"
    template_name = "pact/admin/member_list.html"
    form_class = MemberInviteForm

    def dispatch(self, request, *args, **kwargs):
        self.organisation = _organisation_for(request, kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Leden van %(organisation)s") % {"organisation": self.organisation}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.organisation
        context["members"] = selectors.organisation_members(self.organisation)
        return context

    def form_valid(self, form):
        try:
            user = services.member_invite(
                email=form.cleaned_data["email"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                organisation=self.organisation,
                roles=form.cleaned_data["roles"],
                actor=self.request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        except services.NotAllowed as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s is uitgenodigd. Er is een e-mail gestuurd naar %(email)s.")
            % {"name": user.get_full_name(), "email": user.email},
        )
        return redirect("pact_members:list", slug=self.organisation.slug)


class _MemberView(WagtailAdminTemplateMixin, TemplateView):
    """A page about one active member of an organisation the user manages."""

    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.organisation = _organisation_for(request, kwargs["slug"])
        self.member = (
            User.objects.filter(
                pk=kwargs["user_id"],
                memberships__organisation=self.organisation,
                is_active=True,
            )
            .distinct()
            .first()
        )
        if self.member is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(organisation=self.organisation, member=self.member)
        return context

    def back(self):
        return redirect(
            reverse("pact_members:list", kwargs={"slug": self.organisation.slug})
        )


class MemberRemoveView(_MemberView):
    template_name = "pact/admin/member_remove.html"

    def get_page_title(self) -> str:
        return _("Lid verwijderen")

    def post(self, request, *args, **kwargs):
        try:
            services.member_remove(
                user=self.member, organisation=self.organisation, actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except services.NotAllowed as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s is geen lid meer van %(organisation)s.")
                % {
                    "name": self.member.get_full_name() or self.member.get_username(),
                    "organisation": self.organisation,
                },
            )
        return self.back()


class MemberSecondFactorResetView(_MemberView):
    """A coordinator resets a member's second factor (a lost phone), logged."""

    template_name = "pact/admin/member_second_factor_reset.html"

    def get_page_title(self) -> str:
        return _("Tweestapsverificatie opnieuw instellen")

    def post(self, request, *args, **kwargs):
        try:
            services.member_second_factor_reset(
                user=self.member, organisation=self.organisation, actor=request.user
            )
        except services.NotAllowed as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _(
                    "De tweestapsverificatie van %(name)s is opnieuw ingesteld. Bij de "
                    "volgende inlog koppelt %(name)s de app opnieuw."
                )
                % {"name": self.member.get_full_name() or self.member.get_username()},
            )
        return self.back()
