"""Foundation scenarios: the home page and the Wagtail admin dashboard."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client


def run(ctx) -> None:
    ctx.measure("home_page", ctx.get("/"), n=300)
    admin_client = Client()
    admin_client.force_login(
        get_user_model().objects.get(username="pactbeheer.aa-en-hunze")
    )
    ctx.measure("admin_dashboard", ctx.get("/admin/", client=admin_client), n=100)
