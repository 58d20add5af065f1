"""Admin panels of the sociale kaart pages.

The page models declare these panels, so this module sits below the models: it reads
through the page it is bound to and imports no selectors (issue 12).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from socialekaart.freshness_rules import is_stale


class FreshnessPanel(Panel):
    """Shows when the page was last checked, flags it when stale, and links to the
    one-click "Nog steeds juist" (not a form inside the edit form)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Controle"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "freshness"

    class BoundPanel(Panel.BoundPanel):
        template_name = "socialekaart/admin/freshness_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            page = self.instance
            # The page's ``PageCheck`` (one to one, ``socialekaart.models.feedback``).
            self.check = (
                getattr(page, "kaart_check", None) if page and page.pk else None
            )
            self.is_stale = bool(page and page.pk and page.live) and is_stale(
                self.check.checked_on if self.check else None
            )
            self.mark_url = (
                reverse("socialekaart_freshness:mark_checked", args=[page.pk])
                + "?next="
                + reverse("wagtailadmin_pages:edit", args=[page.pk])
                if page and page.pk and page.live
                else ""
            )
