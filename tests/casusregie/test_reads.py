"""Reading case data and logging the read are one call (issue 12, step 4).

The pages, the API and the exports get a case or a hand-over to show only through
``casusregie.services.case_read`` and its siblings (``services/reads.py``), which log
the read. These tests keep it so: the source is scanned for the fetch-without-log
functions and for direct queries in the views, and the reads are checked to log."""

from __future__ import annotations

import ast
from pathlib import Path

from django.test import Client, RequestFactory
from django.urls import get_resolver, reverse

import pytest

from casusregie import models as casusregie_models
from casusregie import services, views
from casusregie.constants import AuditAction, AuditChannel
from casusregie.models import AccessLogEntry

ROOT = Path(__file__).resolve().parents[2]
APPS = ["config", "pact", "socialekaart", "search", "casusregie", "agenda"]
APPS += [
    p.name for p in ROOT.iterdir() if (p / "apps.py").exists() and p.name not in APPS
]

# Fetching without logging: the policy itself, the one module that logs every read,
# and the websocket consumers (they authorise a socket and send identifiers only).
FETCH_WITHOUT_LOG = {"access_case", "access_handover"}
MAY_FETCH_WITHOUT_LOG = {
    *(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "casusregie/permissions").glob("*.py")
    ),
    "casusregie/services/reads.py",
    "casusregie/consumers.py",
}
# Pages and the API get case data from selectors and services, never by querying.
ADAPTERS = [
    *sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "casusregie/views").glob("*.py")
    ),
    "casusregie/api.py",
]
SCOPES = {"cases_visible_to", "cases_with", "handovers_visible_to"}
SCOPES |= {"escalations_visible_to", "handovers_of_own_organisations"}
CASE_MODELS = {
    name
    for name, value in vars(casusregie_models).items()
    if isinstance(value, type)
    and getattr(value, "_meta", None) is not None
    and value._meta.app_label == "casusregie"
}


def _sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative:
                continue
            yield relative, ast.parse(path.read_text(encoding="utf-8"))


def _names_used(tree) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            found.append((node.attr, node.lineno))
        elif isinstance(node, ast.Name):
            found.append((node.id, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            found.extend((alias.name, node.lineno) for alias in node.names)
    return found


class NoUnloggedReadTests:
    def test_only_the_policy_and_the_reads_fetch_without_logging(self):
        offenders = [
            f"{path}:{line} uses {name}"
            for path, tree in _sources()
            if path not in MAY_FETCH_WITHOUT_LOG
            for name, line in _names_used(tree)
            if name in FETCH_WITHOUT_LOG
        ]
        assert offenders == [], (
            "Get a case to show through casusregie.services.case_read (or "
            "handover_read), which logs the read; for a change, case_for_change:\n"
            + "\n".join(offenders)
        )

    def test_views_and_api_do_not_query_case_data_themselves(self):
        offenders = []
        for path in ADAPTERS:
            tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr == "objects"
                    and isinstance(node.value, ast.Name)
                    and node.value.id in CASE_MODELS
                ):
                    offenders.append(f"{path}:{node.lineno} {node.value.id}.objects")
            offenders += [
                f"{path}:{line} {name}"
                for name, line in _names_used(tree)
                if name in SCOPES
            ]
        assert offenders == [], "\n".join(offenders)

    def test_the_scan_would_see_an_unlogged_read(self):
        tree = ast.parse(
            "from casusregie import permissions\n"
            "def page(request, uuid):\n"
            "    return permissions.access_case(request.user, uuid)\n"
            "Case.objects.get(uuid=1)\n"
        )
        used = {name for name, _line in _names_used(tree)}
        assert "access_case" in used
        assert "Case" in CASE_MODELS


pytestmark = pytest.mark.django_db


def _request(method, user):
    request = getattr(RequestFactory(), method.lower())("/")
    request.user = user
    return request


class CaseReadTests:
    def test_reading_a_case_logs_the_read(self, case_a, cast):
        request = _request("GET", cast.worker_a)
        case = services.case_read(request=request, case_uuid=case_a.uuid)
        assert case == case_a
        entry = AccessLogEntry.objects.order_by("-id").first()
        assert (entry.action, entry.case_uuid, entry.actor_id) == (
            AuditAction.CASE_VIEW,
            case_a.uuid,
            cast.worker_a.pk,
        )

    def test_a_forbidden_read_is_a_404_and_logs_nothing(self, case_a, cast):
        from django.http import Http404

        before = AccessLogEntry.objects.count()
        with pytest.raises(Http404):
            services.case_read(
                request=_request("GET", cast.worker_b), case_uuid=case_a.uuid
            )
        assert AccessLogEntry.objects.count() == before

    def test_a_case_for_a_change_cannot_serve_a_page(self, case_a, cast):
        with pytest.raises(TypeError):
            services.case_for_change(
                request=_request("GET", cast.worker_a),
                case_uuid=case_a.uuid,
                action="edit",
            )
        case = services.case_for_change(
            request=_request("POST", cast.worker_a),
            case_uuid=case_a.uuid,
            action="edit",
        )
        assert case == case_a

    def test_every_page_and_api_read_of_a_case_is_logged(self, case_a, cast):
        client = Client()
        client.force_login(cast.worker_a)
        reads = {
            "casusregie:case_detail": (AuditAction.CASE_VIEW, AuditChannel.WEB),
            "casusregie:case_print": (AuditAction.CASE_PRINT, AuditChannel.PRINT),
            "casusregie:case_export_json": (
                AuditAction.CASE_EXPORT_JSON,
                AuditChannel.EXPORT,
            ),
            "casusregie:handover_create": (
                AuditAction.HANDOVER_FORM_VIEW,
                AuditChannel.WEB,
            ),
            "casusregie:api_case_detail": (AuditAction.CASE_VIEW, AuditChannel.API),
        }
        for name, (action, channel) in reads.items():
            before = AccessLogEntry.objects.count()
            response = client.get(reverse(name, args=[case_a.uuid]))
            assert response.status_code == 200, name
            entry = AccessLogEntry.objects.order_by("-id").first()
            assert AccessLogEntry.objects.count() == before + 1, name
            assert (entry.action, entry.channel, entry.case_uuid) == (
                action,
                channel,
                case_a.uuid,
            ), name


class CaseActionTableTests:
    def test_every_action_has_its_url_and_every_url_its_action(self):
        routed = {
            pattern.name: pattern.default_args.get("action_name")
            for pattern in get_resolver("casusregie.urls").url_patterns
            if getattr(pattern.callback, "__name__", "") == "case_action"
        }
        assert set(routed) == set(views.CASE_ACTIONS)
        assert all(name == action for name, action in routed.items())

    def test_an_action_refused_by_the_policy_looks_missing(self, case_a, cast):
        client = Client()
        client.force_login(cast.worker_b)
        for name in ("goal_add", "note_add", "case_close", "escalate"):
            response = client.post(
                reverse(f"casusregie:{name}", args=[case_a.uuid]), {"text": "x"}
            )
            assert response.status_code == 404, name

    def test_a_get_on_an_action_is_not_allowed(self, case_a, cast):
        client = Client()
        client.force_login(cast.worker_a)
        response = client.get(reverse("casusregie:goal_add", args=[case_a.uuid]))
        assert response.status_code == 405
