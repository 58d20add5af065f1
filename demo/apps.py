from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data and ``seed_demo``. Installed only with ``PACT_DEMO_MODE`` on."""

    name = "demo"
    label = "demo"
    verbose_name = "Demo"
