"""URLs of casusregie: pages under /casusregie/, the JSON API under /api/casusregie/.
Protected objects are addressed by UUID."""

from django.urls import path

from casusregie import api, twofactor, views

app_name = "casusregie"

case = "casusregie/casussen/<uuid:case_uuid>/"
handover = "casusregie/overdrachten/<uuid:handover_uuid>/"

# The case page's changes all go to views.case_action, which looks up what to do in
# views.CASE_ACTIONS by the URL's name.
urlpatterns = [
    path("casusregie/", views.dashboard, name="dashboard"),
    path(
        "casusregie/organisatie/", views.organisation_cases, name="organisation_cases"
    ),
    path("casusregie/inbox/", views.inbox_fragment, name="inbox_fragment"),
    path("casusregie/inbox/aantallen/", views.inbox_counts, name="inbox_counts"),
    path("casusregie/casussen/nieuw/", views.case_create, name="case_create"),
    path(case, views.case_detail, name="case_detail"),
    path(case + "afdrukken/", views.case_print, name="case_print"),
    path(case + "export.json", views.case_export_json, name="case_export_json"),
    path(case + "export.pdf", views.case_export_pdf, name="case_export_pdf"),
    path(case + "inzage/", views.case_access_log, name="case_access_log"),
    path(
        case + "doelen/",
        views.case_action,
        {"action_name": "goal_add"},
        name="goal_add",
    ),
    path(
        case + "doelen/<uuid:goal_uuid>/",
        views.case_action,
        {"action_name": "goal_update"},
        name="goal_update",
    ),
    path(
        case + "notities/",
        views.case_action,
        {"action_name": "note_add"},
        name="note_add",
    ),
    path(
        case + "regie/",
        views.case_action,
        {"action_name": "regie_update"},
        name="regie_update",
    ),
    path(
        case + "toestemming/",
        views.case_action,
        {"action_name": "consent_add"},
        name="consent_add",
    ),
    path(
        case + "toestemming/<uuid:consent_uuid>/intrekken/",
        views.case_action,
        {"action_name": "consent_withdraw"},
        name="consent_withdraw",
    ),
    path(
        case + "betrokkenen/",
        views.case_action,
        {"action_name": "involvement_add"},
        name="involvement_add",
    ),
    path(
        case + "betrokkenen/<uuid:organisation_uuid>/stoppen/",
        views.case_action,
        {"action_name": "involvement_end"},
        name="involvement_end",
    ),
    path(
        case + "eerste-contact/",
        views.case_action,
        {"action_name": "first_contact"},
        name="first_contact",
    ),
    path(
        case + "afsluiten/",
        views.case_action,
        {"action_name": "case_close"},
        name="case_close",
    ),
    path(
        case + "regisseur/",
        views.case_action,
        {"action_name": "escalate"},
        name="escalate",
    ),
    path(case + "overdragen/", views.handover_create, name="handover_create"),
    path("casusregie/overdragen/", views.handover_start, name="handover_start"),
    path("casusregie/overdrachten/", views.handover_list, name="handover_list"),
    path(handover, views.handover_detail, name="handover_detail"),
    path(handover + "accepteren/", views.handover_accept, name="handover_accept"),
    path(handover + "afwijzen/", views.handover_decline, name="handover_decline"),
    path(handover + "intrekken/", views.handover_withdraw, name="handover_withdraw"),
    path("casusregie/escalaties/", views.escalation_list, name="escalation_list"),
    path(
        "casusregie/escalaties/<uuid:escalation_uuid>/overnemen/",
        views.escalation_take_over,
        name="escalation_take_over",
    ),
    path(
        "casusregie/escalaties/<uuid:escalation_uuid>/teruggeven/",
        views.escalation_return,
        name="escalation_return",
    ),
    path("casusregie/cijfers/", views.figures, name="figures"),
    path("casusregie/noodtoegang/", views.break_glass, name="break_glass"),
    path(
        "casusregie/noodtoegang/overzicht/",
        views.break_glass_report,
        name="break_glass_report",
    ),
    path("casusregie/tweestaps/instellen/", twofactor.otp_setup, name="otp_setup"),
    path("casusregie/tweestaps/controleren/", twofactor.otp_verify, name="otp_verify"),
    path(
        "casusregie/tweestaps/herstelcode/", twofactor.otp_recovery, name="otp_recovery"
    ),
    path(
        "casusregie/tweestaps/herstelcodes/",
        twofactor.otp_recovery_codes,
        name="otp_recovery_codes",
    ),
    # JSON API (session authentication, CSRF-protected writes)
    path("api/casusregie/cases/", api.case_list, name="api_case_list"),
    path(
        "api/casusregie/cases/<uuid:case_uuid>/",
        api.case_detail,
        name="api_case_detail",
    ),
    path(
        "api/casusregie/cases/<uuid:case_uuid>/handovers/",
        api.handover_propose,
        name="api_handover_propose",
    ),
    path(
        "api/casusregie/cases/<uuid:case_uuid>/first-contact/",
        api.first_contact,
        name="api_first_contact",
    ),
    path(
        "api/casusregie/cases/<uuid:case_uuid>/escalate/",
        api.escalate,
        name="api_escalate",
    ),
    path("api/casusregie/handovers/", api.handover_list, name="api_handover_list"),
    path(
        "api/casusregie/handovers/<uuid:handover_uuid>/",
        api.handover_detail,
        name="api_handover_detail",
    ),
    path(
        "api/casusregie/handovers/<uuid:handover_uuid>/<str:action>/",
        api.handover_action,
        name="api_handover_action",
    ),
    path("api/casusregie/figures/", api.figures, name="api_figures"),
]
