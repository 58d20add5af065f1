"""URLs of vroegsignalering, under /vroegsignalering/; households by UUID."""

from django.urls import path

from vroegsignalering import api, views

app_name = "vroegsignalering"

household = "vroegsignalering/huishoudens/<uuid:household_uuid>/"

urlpatterns = [
    path("vroegsignalering/", views.queue, name="queue"),
    path(household, views.household_detail, name="household_detail"),
    path(household + "brief/", views.household_letter, name="household_letter"),
    path(household + "pogingen/", views.attempt_add, name="attempt_add"),
    path(household + "hulp-aanvaard/", views.household_accept, name="household_accept"),
    path(
        household + "hulp-afgewezen/", views.household_decline, name="household_decline"
    ),
    path(
        household + "geen-contact/",
        views.household_no_contact,
        name="household_no_contact",
    ),
    path(household + "kinderen/", views.household_children, name="household_children"),
    path(
        household + "andere-partner/",
        views.household_reassign,
        name="household_reassign",
    ),
    path("vroegsignalering/inlezen/", views.upload, name="upload"),
    path("vroegsignalering/regels/", views.rules, name="rules"),
    path("vroegsignalering/sleutels/", views.creditor_keys, name="creditor_keys"),
    path("vroegsignalering/capaciteit/", views.capacity, name="capacity"),
    path("vroegsignalering/cijfers/", views.figures, name="figures"),
    path("api/vroegsignalering/signalen/", api.signals_deliver, name="api_signals"),
]
