from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SocialekaartConfig(AppConfig):
    name = "socialekaart"
    verbose_name = _("Sociale kaart")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from socialekaart import signal_handlers

        page_published.connect(
            signal_handlers.on_page_published,
            dispatch_uid="socialekaart_page_published",
        )
        post_migrate.connect(
            signal_handlers.ensure_structure_after_migrate,
            dispatch_uid="socialekaart_structure",
        )
