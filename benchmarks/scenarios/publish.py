"""Publishing a kaart page: what an editor waits for when a change goes live.

``kaart_publish`` saves a revision of a demo service page and publishes it, including
everything that runs on commit (the search index). ``admin_page_search`` is the
Wagtail admin's page search an editor uses to find that page.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client

from socialekaart.models import ServicePage


def run(ctx) -> None:
    page = ServicePage.objects.get(slug="schuldhulpverlening")
    editor = get_user_model().objects.get(username="pactbeheer.aa-en-hunze")
    counter = {"n": 0}

    def publish() -> None:
        counter["n"] += 1
        latest = page.get_latest_revision_as_object()
        latest.summary = f"{latest.summary.split(' #')[0]} #{counter['n']}"[:160]
        latest.save_revision(user=editor).publish(user=editor)

    ctx.measure("kaart_publish", publish, n=40)
    admin = Client()
    admin.force_login(editor)
    ctx.measure(
        "admin_page_search",
        ctx.get("/admin/pages/search/?q=schuldhulp", client=admin),
        n=40,
    )
