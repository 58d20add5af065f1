"""Type names every app's services, selectors and policies share.

``Actor`` is who does something: a signed-in person, or ``None`` for the system (the
scheduled jobs, the demo). ``Viewer`` is who looks: selectors and permission policies
also answer for anonymous visitors.
"""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser, User

Actor: TypeAlias = User | None
Viewer: TypeAlias = User | AnonymousUser

__all__ = ["Actor", "User", "Viewer"]
