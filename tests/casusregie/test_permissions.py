"""The permission matrix: every role x every case endpoint x own organisation / other
organisation / no basis. Allowed and forbidden are both asserted; forbidden is 404, the
same as a case that does not exist. ``docs/casusregie.md`` shows the same table."""

from __future__ import annotations

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

import pytest

from casusregie import permissions, services
from casusregie.permissions import CLOSE, EDIT, EXPORT, HAND_OVER, VIEW, VIEW_LOG

pytestmark = pytest.mark.django_db

# (url name, method, action the policy demands)
ENDPOINTS = [
    ("casusregie:case_detail", "get", VIEW),
    ("casusregie:case_print", "get", VIEW),
    ("casusregie:api_case_detail", "get", VIEW),
    ("casusregie:case_export_json", "get", EXPORT),
    ("casusregie:case_access_log", "get", VIEW_LOG),
    ("casusregie:goal_add", "post", EDIT),
    ("casusregie:note_add", "post", EDIT),
    ("casusregie:regie_update", "post", EDIT),
    ("casusregie:consent_add", "post", EDIT),
    ("casusregie:escalate", "post", EDIT),
    ("casusregie:api_escalate", "post", EDIT),
    ("casusregie:involvement_add", "post", HAND_OVER),
    ("casusregie:first_contact", "post", HAND_OVER),
    ("casusregie:handover_create", "get", HAND_OVER),
    ("casusregie:api_handover_propose", "post", HAND_OVER),
    ("casusregie:api_first_contact", "post", HAND_OVER),
    ("casusregie:case_close", "post", CLOSE),
]
# The PDF export is slow to render: checked for one allowed and one forbidden person.
ALL = {VIEW, EDIT, HAND_OVER, CLOSE, VIEW_LOG, EXPORT}
LEAD_WORKER = ALL - {VIEW_LOG}  # "who looked" is for the coordinator and the regisseur
INVOLVED_WORKER = {VIEW, EDIT}
LEAD_COORDINATOR = {VIEW, VIEW_LOG, EXPORT}
INVOLVED_COORDINATOR = {VIEW}
ESCALATED_REGISSEUR = {VIEW, EDIT, VIEW_LOG}
BREAK_GLASS = {VIEW}
NOTHING: set[str] = set()


def client_for(user) -> Client:
    client = Client()
    if user is not None and user.is_authenticated:
        client.force_login(user)
    return client


def call(client, name, method, case_uuid):
    url = reverse(name, args=[case_uuid])
    if method == "get":
        return client.get(url)
    return (
        client.post(url, data="{}", content_type="application/json")
        if "api_" in name
        else client.post(url, {})
    )


def assert_matrix(user, case, allowed: set[str], label: str) -> None:
    client = client_for(user)
    for name, method, action in ENDPOINTS:
        response = call(client, name, method, case.uuid)
        if action in allowed:
            assert response.status_code in (200, 201, 302, 400), (
                f"{label}: {name} should be allowed, got {response.status_code}"
            )
            if response.status_code == 302:
                assert not response["Location"].startswith(reverse("login")), (
                    f"{label}: {name}"
                )
        else:
            assert response.status_code == 404, (
                f"{label}: {name} should answer 404, got {response.status_code}"
            )
        # The policy itself says the same as the endpoint.
        assert permissions.can(user, action, case) == (action in allowed), (
            f"{label}: {action}"
        )
    # Open and closed cases alike ("status" other than open/closed lists both).
    listed = client.get(reverse("casusregie:api_case_list"), {"status": "all"}).json()[
        "results"
    ]
    assert (str(case.uuid) in {row["uuid"] for row in listed}) == (VIEW in allowed), (
        label
    )


def superuser():
    return get_user_model().objects.create_superuser("root", "root@example.org", "x")


class PermissionMatrixTests:
    def test_own_organisation_lead(self, case_a, cast):
        assert_matrix(cast.worker_a, case_a, LEAD_WORKER, "worker of the lead")
        assert_matrix(
            cast.coordinator_a, case_a, LEAD_COORDINATOR, "coordinator of the lead"
        )

    def test_other_organisation_and_roles_without_case_access(self, case_a, cast):
        assert_matrix(cast.worker_b, case_a, NOTHING, "worker elsewhere")
        assert_matrix(cast.regisseur, case_a, NOTHING, "regisseur, not escalated")
        assert_matrix(cast.editor_a, case_a, NOTHING, "editor of the lead organisation")
        assert_matrix(cast.pact_admin, case_a, NOTHING, "pact admin")
        assert_matrix(cast.outsider, case_a, NOTHING, "outsider")
        assert_matrix(superuser(), case_a, NOTHING, "superuser")

    def test_involved_organisation_with_basis(self, case_a, consent_b, cast):
        services.involvement_add(
            case=case_a, actor=cast.worker_a, organisation=cast.partner_b
        )
        assert_matrix(cast.worker_b, case_a, INVOLVED_WORKER, "involved worker")

    def test_no_basis_after_consent_withdrawn(self, case_a, consent_b, cast):
        services.involvement_add(
            case=case_a, actor=cast.worker_a, organisation=cast.partner_b
        )
        services.consent_withdraw(consent=consent_b, actor=cast.worker_a)
        assert_matrix(
            cast.worker_b, case_a, NOTHING, "worker whose consent was withdrawn"
        )

    def test_a_closed_case_is_read_only_and_the_lead_keeps_the_export(
        self, case_a, consent_b, cast
    ):
        """Decision 0067: the docs and the code agree (issue 10, finding 10)."""
        services.involvement_add(
            case=case_a, actor=cast.worker_a, organisation=cast.partner_b
        )
        services.case_close(case=case_a, actor=cast.worker_a, outcome="doelen_bereikt")
        assert_matrix(cast.worker_a, case_a, {VIEW, EXPORT}, "lead worker, closed")
        assert_matrix(
            cast.coordinator_a,
            case_a,
            {VIEW, VIEW_LOG, EXPORT},
            "lead coordinator, closed",
        )
        assert_matrix(cast.worker_b, case_a, {VIEW}, "involved worker, closed")

    def test_regisseur_of_an_escalated_case(self, case_a, cast):
        services.escalation_request(
            case=case_a, actor=cast.worker_a, reason="Vastgelopen"
        )
        assert_matrix(
            cast.regisseur, case_a, ESCALATED_REGISSEUR, "regisseur, escalated"
        )

    def test_pact_admin_with_break_glass_reads_only(self, case_a, cast):
        services.break_glass_open(
            actor=cast.pact_admin,
            reference=case_a.reference,
            reason="klacht",
            explanation="Klacht via de ombudsman over de afhandeling",
        )
        assert_matrix(cast.pact_admin, case_a, BREAK_GLASS, "pact admin, break-glass")

    def test_anonymous_is_sent_to_login_and_the_api_answers_401(self, case_a):
        client = Client()
        page = client.get(reverse("casusregie:case_detail", args=[case_a.uuid]))
        assert page.status_code == 302
        assert page["Location"].startswith(reverse("login") + "?next=")
        api = client.get(reverse("casusregie:api_case_detail", args=[case_a.uuid]))
        assert api.status_code == 401

    def test_missing_and_forbidden_look_the_same(self, case_a, cast):
        client = client_for(cast.worker_b)
        other = uuid.uuid4()
        forbidden = client.get(reverse("casusregie:case_detail", args=[case_a.uuid]))
        missing = client.get(reverse("casusregie:case_detail", args=[other]))
        assert forbidden.status_code == missing.status_code == 404
        # The pages differ only in the address they echo and the (masked) CSRF token.
        import re

        def normalise(content, key):
            content = content.replace(str(key).encode(), b"X")
            return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)

        assert normalise(forbidden.content, case_a.uuid) == normalise(
            missing.content, other
        )
        api_forbidden = client.get(
            reverse("casusregie:api_case_detail", args=[case_a.uuid])
        )
        api_missing = client.get(
            reverse("casusregie:api_case_detail", args=[uuid.uuid4()])
        )
        assert api_forbidden.json() == api_missing.json()

    def test_pdf_export_follows_the_policy(self, case_a, cast):
        url = reverse("casusregie:case_export_pdf", args=[case_a.uuid])
        response = client_for(cast.worker_a).get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        assert client_for(cast.worker_b).get(url).status_code == 404
        assert client_for(cast.regisseur).get(url).status_code == 404

    def test_break_glass_expires(self, case_a, cast):
        access = services.break_glass_open(
            actor=cast.pact_admin,
            reference=case_a.reference,
            reason="incident",
            explanation="Onderzoek naar een mogelijk datalek",
            at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=2),
        )
        assert access.expires_at < datetime.datetime.now(datetime.UTC)
        assert not permissions.can(cast.pact_admin, VIEW, case_a)

    def test_break_glass_needs_the_capability_and_a_reason(self, case_a, cast):
        from django.core.exceptions import ValidationError

        with pytest.raises(services.NotAllowed):
            services.break_glass_open(
                actor=cast.worker_b,
                reference=case_a.reference,
                reason="klacht",
                explanation="Nieuwsgierig naar",
            )
        with pytest.raises(ValidationError):
            services.break_glass_open(
                actor=cast.pact_admin,
                reference=case_a.reference,
                reason="klacht",
                explanation="kort",
            )


class GrantsTests:
    def test_check_command_proves_grants_match_involvement_and_consent(
        self, case_a, consent_b, cast
    ):
        from io import StringIO

        from django.core.management import call_command

        from casusregie.models import CaseGroupObjectPermission

        services.involvement_add(
            case=case_a, actor=cast.worker_a, organisation=cast.partner_b
        )
        out = StringIO()
        call_command("check_case_grants", stdout=out)
        assert "in orde" in out.getvalue()
        # Tamper: a grant without involvement is reported, and --fix removes it.
        from guardian.shortcuts import assign_perm  # noqa: TID251 (test tampering)

        from pact.constants import Role
        from pact.roles import organisation_group

        assign_perm(
            "casusregie.view_case",
            organisation_group(cast.gemeente, Role.CASE_WORKER),
            case_a,
        )
        with pytest.raises(SystemExit):
            call_command("check_case_grants", stdout=StringIO())
        call_command("check_case_grants", "--fix", stdout=StringIO())
        assert services.grants_check_all().ok
        assert (
            CaseGroupObjectPermission.objects.filter(content_object=case_a).count() > 0
        )

    def test_list_is_one_query_filter(
        self, case_a, cast, django_assert_max_num_queries
    ):
        # One query for the cases, one for the person's roles (cached on the user).
        with django_assert_max_num_queries(2):
            list(permissions.cases_visible_to(cast.worker_a))
