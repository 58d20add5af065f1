from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectConfig(AppConfig):
    """The project package: settings, URLs, ASGI, the page shell and deploy checks.

    Installed as an app only so that its templates (``base.html``), static files and
    translations are found, and its system checks are registered. It also wires what
    apps contribute to each other where a lower app may not import a higher one:
    vroegsignalering's figures in the agenda's council report (decision 0135).
    """

    name = "config"
    label = "config"
    verbose_name = _("Platform")

    def ready(self) -> None:
        # Registration belongs in ready(): importing these registers system checks and
        # signal receivers, and pagecache needs the models.
        from config import (
            checks,  # noqa: F401  (registers the system checks)
            loginlimit,  # noqa: F401  (counts failed logins)
            pagecache,
        )

        pagecache.connect_signals()

        # Not at the top: apps.py is imported before the app registry is ready, and
        # the selectors import models.
        from agenda import selectors as agenda_selectors
        from vroegsignalering import selectors as signal_selectors

        agenda_selectors.report_section_provider_register(
            signal_selectors.council_report_sections
        )
