"""WSGI entry point: plain HTTP (pages, forms, the HSDS API), no websockets.

Production serves HTTP through a WSGI server and websockets (``/ws/``) through the ASGI
application in ``config.asgi`` on their own processes; see docs/deployment.md and
docs/decisions/0070-*.
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

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

application = WSGIHandler()
