from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectConfig(AppConfig):
    """The project package: settings, URLs, ASGI, the page shell and deploy checks.

    Installed as an app only so that its templates (``base.html``), static files and
    translations are found, and its system checks are registered.
    """

    name = "config"
    label = "config"
    verbose_name = _("Platform")

    def ready(self) -> None:
        from config import (
            checks,  # noqa: F401  (registers the system checks)
            loginlimit,  # noqa: F401  (counts failed logins)
            pagecache,
        )

        pagecache.connect_signals()
