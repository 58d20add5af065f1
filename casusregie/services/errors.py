"""Errors the casusregie services raise."""

from django.core.exceptions import PermissionDenied, ValidationError


class NotAllowed(PermissionDenied):
    """The acting person may not do this (views answer 404 or 403, never a trace)."""


class InvalidTransition(ValidationError):
    """The object is not in a state that allows this (e.g. already answered)."""
