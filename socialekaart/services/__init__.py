"""Every state change of the sociale kaart (see the modules for the rules).

Other apps import from here: ``from socialekaart import services``.
"""

from socialekaart.services.freshness import (
    freshness_send_reminders,
    page_mark_checked,
    record_check,
)
from socialekaart.services.norms import norm_period_upsert
from socialekaart.services.pages import (
    organisation_page_create,
    page_professional_fields_set,
    service_page_create,
)
from socialekaart.services.permissions import (
    organisation_page_sync_permissions,
)
from socialekaart.services.reports import (
    ReportRefused,
    mistake_report_handle,
    mistake_report_submit,
)
from socialekaart.services.structure import home_page_ensure, kaart_structure_ensure
from socialekaart.services.taxonomy import category_upsert, target_group_upsert

__all__ = [
    "ReportRefused",
    "category_upsert",
    "freshness_send_reminders",
    "home_page_ensure",
    "kaart_structure_ensure",
    "mistake_report_handle",
    "mistake_report_submit",
    "norm_period_upsert",
    "organisation_page_create",
    "organisation_page_sync_permissions",
    "page_mark_checked",
    "page_professional_fields_set",
    "record_check",
    "service_page_create",
    "target_group_upsert",
]
