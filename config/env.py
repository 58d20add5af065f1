"""Reading settings from the environment.

Every setting the platform reads from the environment goes through these helpers, so
that a wrong value stops start-up with one clear sentence (``ConfigurationError``) and
never with a traceback deep inside Django. A ``.env`` file in the project root is read
first when it exists; real environment variables win over it.

All variables and their defaults are listed in ``docs/configuration.md``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

TRUE_WORDS = {"1", "true", "yes", "on", "ja", "aan"}
FALSE_WORDS = {"0", "false", "no", "off", "nee", "uit", ""}


class ConfigurationError(Exception):
    """A setting is wrong. The message is one sentence a person can act on."""


def read_dotenv(path: Path) -> None:
    """Load ``KEY=value`` lines from ``path`` into ``os.environ`` without overriding."""
    if not path.is_file():
        return
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :]
        key, sep, value = line.partition("=")
        if not sep:
            raise ConfigurationError(
                f"Line {number} of {path} is not of the form KEY=value: {raw!r}."
            )
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        os.environ.setdefault(key.strip(), value)


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ConfigurationError(
        f"{name} must be a yes/no value such as 1 or 0, true or false; got {raw!r}."
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw.strip())
    except ValueError:
        raise ConfigurationError(
            f"{name} must be a whole number; got {raw!r}."
        ) from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_url(name: str, schemes: tuple[str, ...]) -> str:
    """Return the URL in ``name`` (or "") after checking its scheme and host."""
    raw = env_str(name)
    if not raw:
        return ""
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError as error:
        raise ConfigurationError(
            f"{name} is not a valid URL ({error}); expected something like "
            f"{schemes[0]}://host:port."
        ) from None
    if parts.scheme not in schemes or not parts.hostname:
        raise ConfigurationError(
            f"{name} must start with {' or '.join(s + '://' for s in schemes)} and "
            f"name a host; got {redact_url(raw)!r}."
        )
    return raw


def parse_database_url(raw: str) -> dict:
    """Turn ``DATABASE_URL`` into a Django DATABASES entry, or explain what is wrong."""
    if not raw.startswith(("postgres://", "postgresql://", "sqlite://")):
        raise ConfigurationError(
            "DATABASE_URL must start with postgres:// (or sqlite:// for a file); got "
            f"{redact_url(raw)!r}."
        )
    try:
        # Connections are pooled (config/settings.py), never kept per thread.
        config = dj_database_url.parse(raw, conn_max_age=0)
    except Exception as error:  # dj-database-url raises several error types
        raise ConfigurationError(
            f"DATABASE_URL cannot be read ({error}); expected "
            "postgres://user:password@host:5432/name."
        ) from None
    if config["ENGINE"] == "django.db.backends.postgresql" and not config.get("NAME"):
        raise ConfigurationError(
            "DATABASE_URL names no database; add it after the host, as in "
            "postgres://user@host:5432/armoedepact."
        )
    return dict(config)


def redact_url(url: str) -> str:
    """``url`` with any password replaced by ***, safe to print."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unreadable URL>"
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return parts._replace(netloc=netloc).geturl()
    return url
