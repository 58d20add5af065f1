import contextlib

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PactConfig(AppConfig):
    name = "pact"
    verbose_name = _("Pactnetwerk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        post_migrate.connect(_sync_role_groups, dispatch_uid="pact_sync_role_groups")


def _sync_role_groups(sender, app_config=None, using="default", **kwargs) -> None:
    # Groups must carry their permissions as soon as the permission rows exist, which is
    # after the last app's post_migrate creates them. Running once per app is cheap.
    # Imported here: apps.py loads before the app registry is ready, and pact.roles
    # imports models.
    from pact.roles import roles_sync_groups

    # Some app's permissions may not exist yet in this post_migrate round.
    with contextlib.suppress(LookupError):
        roles_sync_groups()
