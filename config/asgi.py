"""ASGI entry point: HTTP and websockets in one process.

Websocket routes come from each app's ``routing.py``; every consumer authenticates from
the session and authorises through its app's permission policy; ``SecondFactorGuard``
demands the second login step first, as the HTTP middleware does.
"""

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from config.startup import check_database, load_settings  # noqa: E402

load_settings()

import django  # noqa: E402

django.setup(set_prefix=False)
if "pytest" not in sys.modules:
    check_database()

from django.core.asgi import get_asgi_application  # noqa: E402

django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from config.routing import websocket_urlpatterns  # noqa: E402
from config.websocket import SecondFactorGuard  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(SecondFactorGuard(URLRouter(websocket_urlpatterns)))
        ),
    }
)
