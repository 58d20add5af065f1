"""The pact network in the Wagtail admin.

Pact admins maintain municipalities, organisations, pacts and pact memberships through
model viewsets (Django model permissions from ``pact.roles``). Coordinators get a
"Leden" menu to invite and remove the members of their own organisation.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from pact import admin_views
from pact.models import Municipality, Organisation, Pact, PactMembership
from pact.roles import can


class MunicipalityViewSet(ModelViewSet):
    model = Municipality
    icon = "site"
    menu_label = _("Gemeenten")
    list_display = ["name", "cbs_code", "province"]
    search_fields = ["name", "cbs_code"]
    form_fields = ["name", "slug", "cbs_code", "province"]
    add_to_admin_menu = False


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisaties")
    list_display = ["name", "short_name", "kind", "is_active"]
    list_filter = ["kind", "is_active", "municipalities"]
    search_fields = ["name", "short_name", "aliases"]
    form_fields = [
        "name",
        "short_name",
        "slug",
        "kind",
        "municipalities",
        "website",
        "email",
        "phone",
        "aliases",
        "is_active",
    ]


class PactViewSet(ModelViewSet):
    model = Pact
    icon = "link"
    menu_label = _("Pacten")
    list_display = ["name", "kind", "started_on"]
    form_fields = [
        "name",
        "slug",
        "kind",
        "municipalities",
        "organisation",
        "started_on",
        "description",
    ]


class PactMembershipViewSet(ModelViewSet):
    model = PactMembership
    icon = "date"
    menu_label = _("Lidmaatschappen")
    list_display = ["organisation", "pact", "joined_on", "left_on"]
    list_filter = ["pact"]
    form_fields = ["pact", "organisation", "joined_on", "left_on"]


class NetworkViewSetGroup(ModelViewSetGroup):
    menu_label = _("Pactnetwerk")
    menu_icon = "globe"
    menu_order = 800
    items = (
        MunicipalityViewSet,
        OrganisationViewSet,
        PactViewSet,
        PactMembershipViewSet,
    )


@hooks.register("register_admin_viewset")
def register_network_viewsets():
    return NetworkViewSetGroup()


member_urls = (
    [
        path("", admin_views.MemberOrganisationListView.as_view(), name="index"),
        path("<slug:slug>/", admin_views.MemberListView.as_view(), name="list"),
        path(
            "<slug:slug>/<int:user_id>/verwijderen/",
            admin_views.MemberRemoveView.as_view(),
            name="remove",
        ),
        path(
            "<slug:slug>/<int:user_id>/tweestaps-opnieuw/",
            admin_views.MemberSecondFactorResetView.as_view(),
            name="second_factor_reset",
        ),
    ],
    "pact_members",
)


@hooks.register("register_admin_urls")
def register_member_urls():
    return [path("leden/", include(member_urls))]


class MembersMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, "members.manage")


@hooks.register("register_admin_menu_item")
def register_members_menu_item():
    return MembersMenuItem(
        _("Leden"), reverse("pact_members:index"), icon_name="user", order=790
    )


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    actions.register_action(
        "pact.membership.grant", _("Rol toegekend"), _("Rol toegekend")
    )
    actions.register_action(
        "pact.membership.revoke", _("Rol ingetrokken"), _("Rol ingetrokken")
    )
    actions.register_action(
        "pact.member.deactivate", _("Account uitgeschakeld"), _("Account uitgeschakeld")
    )
    actions.register_action(
        "pact.member.reactivate",
        _("Account opnieuw uitgenodigd"),
        _("Account opnieuw uitgenodigd"),
    )
    actions.register_action(
        "pact.second_factor.reset",
        _("Tweestapsverificatie opnieuw ingesteld"),
        _("Tweestapsverificatie opnieuw ingesteld"),
    )
