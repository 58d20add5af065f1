from django.conf import settings
from django.utils.functional import SimpleLazyObject

from casusregie.permissions import has_case_role, may_start_handover


def _opens_casusregie(user) -> bool:
    if not user.is_authenticated:
        return False

    return has_case_role(user)


def platform(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "DEMO_MODE": settings.DEMO_MODE,
        # Lazy: only pages that render the main menu for a signed-in user pay for it.
        "SHOW_CASUSREGIE": SimpleLazyObject(
            lambda: user is not None and _opens_casusregie(user)
        ),
        # The "warme overdracht starten" button on offering pages. Only a signed-in
        # person's page can show it, and those pages never enter the anonymous page
        # cache (decision 0073).
        "MAY_START_HANDOVER": SimpleLazyObject(
            lambda: user is not None and may_start_handover(user)
        ),
    }
