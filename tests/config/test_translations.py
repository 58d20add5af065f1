"""Dutch is the default; an English translation ships, complete and compiled."""

from __future__ import annotations

from pathlib import Path

from django.utils import translation

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "config",
    "pact",
    "socialekaart",
    "search",
    "casusregie",
    "agenda",
    "vroegsignalering",
]
# Every app has user-facing strings, so every app ships a complete English catalogue.
REQUIRED = APPS


def catalogue(app: str) -> Path:
    return ROOT / app / "locale" / "en" / "LC_MESSAGES" / "django.po"


EXISTING = [app for app in APPS if catalogue(app).exists()]


@pytest.mark.parametrize("app", REQUIRED)
def test_required_catalogue_exists(app):
    assert catalogue(app).exists(), f"{app} has no English catalogue (make messages)"


@pytest.mark.parametrize("app", EXISTING)
def test_catalogue_is_complete(app):
    po = polib.pofile(str(catalogue(app)))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{app}: untranslated: {untranslated[:10]}"
    assert not fuzzy, f"{app}: fuzzy: {fuzzy[:10]}"


@pytest.mark.parametrize("app", EXISTING)
def test_compiled_catalogue_matches_source(app):
    po = polib.pofile(str(catalogue(app)))
    mo_path = catalogue(app).with_suffix(".mo")
    assert mo_path.exists(), f"{app}: run compilemessages"
    mo = polib.mofile(str(mo_path))
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in mo}
    source = {(e.msgctxt, e.msgid): e.msgstr for e in po.translated_entries()}
    assert compiled == source, f"{app}: the .mo file is stale; run compilemessages"


def test_default_language_is_dutch(client, wagtail_site):
    response = client.get("/")
    assert response.headers["Content-Language"] == "nl"
    assert "Naar de inhoud" in response.content.decode()


def test_english_is_served_when_chosen(client, wagtail_site):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/"}, follow=True
    )
    assert response.headers["Content-Language"] == "en"
    assert "Skip to content" in response.content.decode()


def test_gettext_translates_roles():
    from pact.constants import Role

    with translation.override("en"):
        assert str(Role.CASE_WORKER.label) == "Case worker"


def test_each_language_is_named_in_itself(client, wagtail_site):
    html = client.get("/").content.decode()
    assert '<option value="en" lang="en">English</option>' in html
    assert '<option value="nl" lang="nl" selected>Nederlands</option>' in html
