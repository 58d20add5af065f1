"""Gunicorn settings for production HTTP (``gunicorn -c python:config.gunicorn
config.wsgi:application``; docs/deployment.md, decision 0070).

Threaded workers (gthread): ``PACT_WEB_WORKERS`` processes with ``PACT_WEB_THREADS``
threads each. Every process has its own database pool of at most ``PACT_DB_POOL_MAX``
connections (config/settings.py), so the whole server holds at most
``PACT_WEB_WORKERS x PACT_DB_POOL_MAX`` connections whatever the traffic. Websockets
(``/ws/``) are served by the ASGI processes, not here.
"""

from pathlib import Path

from config.env import env_bool, env_int, env_str, read_dotenv

if not env_bool("PACT_SKIP_DOTENV", False):
    read_dotenv(Path(__file__).resolve().parent.parent / ".env")

bind = env_str("PACT_WEB_BIND", "127.0.0.1:8000").split(",")
workers = env_int("PACT_WEB_WORKERS", 2)
worker_class = "gthread"
threads = env_int("PACT_WEB_THREADS", 4)
# The proxy keeps connections open to the workers; idle ones cost no thread in gthread.
keepalive = 5
timeout = 60
graceful_timeout = 30
# No access log: request lines can carry search words; the proxy logs without queries.
accesslog = None
errorlog = "-"
loglevel = env_str("PACT_LOG_LEVEL", "INFO").lower()
# Each worker imports the application itself: the database pool must never be shared
# across a fork.
preload_app = False
proc_name = "armoedepact-web"
