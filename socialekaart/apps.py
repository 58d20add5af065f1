from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SocialekaartConfig(AppConfig):
    name = "socialekaart"
    verbose_name = _("Sociale kaart")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Signal registration: Wagtail's models and the handlers (which import this
        # app's models) can only be imported once the app registry is ready.
        from wagtail.models import TaskState
        from wagtail.signals import page_published, task_submitted

        from socialekaart import notifications, signal_handlers

        task_submitted.connect(
            notifications.submission_notifier,
            sender=TaskState,
            dispatch_uid=notifications.WAGTAIL_DISPATCH_UID,
        )

        page_published.connect(
            signal_handlers.on_page_published,
            dispatch_uid="socialekaart_page_published",
        )
        post_migrate.connect(
            signal_handlers.ensure_structure_after_migrate,
            dispatch_uid="socialekaart_structure",
        )
