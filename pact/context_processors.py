from django.conf import settings


def platform(request) -> dict:
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "DEMO_MODE": settings.DEMO_MODE,
    }
