"""django-guardian's direct foreign-key permission models for ``Case`` (fast, see
STACK-NOTES). Only the casusregie services grant and revoke them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from casusregie.models.cases import Case


class CaseUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("persoonlijk recht op een casus")
        verbose_name_plural = _("persoonlijke rechten op casussen")


class CaseGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        verbose_name = _("groepsrecht op een casus")
        verbose_name_plural = _("groepsrechten op casussen")
        indexes = [models.Index(fields=["content_object", "group"])]
