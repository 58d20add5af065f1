"""URLs of the action agenda, under ``/agenda/`` (mounted at the site root)."""

from django.urls import path

from agenda import views

app_name = "agenda"

plan = "agenda/<slug:pact>/<slug:plan>/"

urlpatterns = [
    path("agenda/", views.index, name="index"),
    path("agenda/mijn/", views.mine, name="mine"),
    path("agenda/meldingen/", views.notifications, name="notifications"),
    path("agenda/nieuw-plan/", views.plan_new, name="plan_new"),
    path("agenda/actie/<uuid:action_uuid>/", views.action_detail, name="action"),
    path(
        "agenda/actie/<uuid:action_uuid>/bewerken/",
        views.action_edit,
        name="action_edit",
    ),
    path(
        "agenda/actie/<uuid:action_uuid>/indicator/",
        views.indicator_add,
        name="indicator_add",
    ),
    path(
        "agenda/actie/<uuid:action_uuid>/planning-nagekeken/",
        views.action_confirm_timing,
        name="action_confirm_timing",
    ),
    path(
        "agenda/actie/<uuid:action_uuid>/ronde/<uuid:round_uuid>/",
        views.update_edit,
        name="update_edit",
    ),
    path(
        "agenda/update/<uuid:update_uuid>/terugsturen/",
        views.update_return,
        name="update_return",
    ),
    path("agenda/<slug:pact>/", views.pact_redirect, name="pact"),
    path(plan, views.dashboard, name="dashboard"),
    path(plan + "live/", views.dashboard_fragment, name="dashboard_fragment"),
    path(plan + "kwartaal/", views.by_quarter, name="by_quarter"),
    path(plan + "bouwstenen/", views.by_block, name="by_block"),
    path(plan + "bouwstenen/beheer/", views.building_blocks, name="building_blocks"),
    path(
        plan + "bouwstenen/<int:number>/bewerken/",
        views.building_block_edit,
        name="building_block_edit",
    ),
    path(
        plan + "bouwstenen/<int:number>/verwijderen/",
        views.building_block_delete,
        name="building_block_delete",
    ),
    path(plan + "organisaties/", views.organisations, name="organisations"),
    path(
        plan + "organisaties/<slug:organisation>/",
        views.organisation_detail,
        name="organisation",
    ),
    path(plan + "tijdlijn/", views.timeline, name="timeline"),
    path(plan + "kwaliteit/", views.quality, name="quality"),
    path(plan + "rondes/", views.rounds, name="rounds"),
    path(
        plan + "rondes/<uuid:round_uuid>/raadsrapportage.pdf",
        views.round_report,
        name="round_report",
    ),
    path(plan + "acties/nieuw/", views.action_edit, name="action_new"),
    path(plan + "planning-uitleg/", views.timing_preview, name="timing_preview"),
    path(plan + "inlezen/", views.import_view, name="import"),
    path(plan + "export.<str:fmt>", views.export, name="export"),
    path(plan + "instellingen/", views.plan_edit, name="plan_edit"),
]
