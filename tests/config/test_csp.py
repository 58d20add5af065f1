"""Content-Security-Policy (issue 10, finding 10): scripts only from our own static
files, on every page; no inline script or event handler in any template of ours."""

from __future__ import annotations

import re
from pathlib import Path

from django.test import Client

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["config", "pact", "socialekaart", "search", "casusregie", "agenda"]


def policy(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in header.split(";"))
        if part
    }


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/zoeken/?q=schuld", "/casusregie/", "/healthz"])
def test_every_answer_has_a_strict_policy(wagtail_site, cast, path):
    client = Client()
    client.force_login(cast.worker_a)
    directives = policy(client.get(path))
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["default-src"]


@pytest.mark.django_db
def test_the_wagtail_admin_gets_its_inline_scripts_only_there(cast):
    client = Client()
    client.force_login(cast.editor_a)
    directives = policy(client.get("/admin/"))
    assert "'unsafe-inline'" in directives["script-src"]


INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I
)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)
# Rendered to PDF by WeasyPrint only, never served to a browser.
PDF_ONLY = {"case_export_pdf.html", "council_report.html"}


def templates():
    for app in APPS:
        yield from (ROOT / app / "templates").rglob("*.html")


@pytest.mark.parametrize(
    "path", list(templates()), ids=lambda p: str(p.relative_to(ROOT))
)
def test_no_inline_script_handler_or_style_in_our_templates(path):
    text = path.read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(text), "inline <script>: use a static file"
    assert not EVENT_HANDLER.search(text), "inline event handler: use a static file"
    if path.name not in PDF_ONLY:
        assert not STYLE_ATTRIBUTE.search(text), "style attribute: use a stylesheet"
