from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "pactsearch"
    verbose_name = _("Zoeken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Signal registration belongs in ready(): the models are loaded by now.
        from search import signals

        signals.connect()
