from django.conf import settings
from django.utils.functional import SimpleLazyObject

from casusregie.permissions import has_case_role


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
    }
