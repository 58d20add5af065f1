"""Template helpers of the agenda. Permission questions go to ``agenda.permissions``."""

from django import template
from django.utils.html import format_html

from agenda import permissions, selectors
from agenda.constants import OwnerRole, ReviewReason, Status
from agenda.timing import Quarter

register = template.Library()


@register.simple_tag(takes_context=True)
def agenda_can(context, permission, obj):
    """``{% agenda_can "report" action as may_report %}``"""
    return permissions.can(context["request"].user, permission, obj)


@register.simple_tag
def status_badge(status, label=None):
    status = status or Status.NOT_STARTED
    return format_html(
        '<span class="status status--{}">{}</span>',
        status,
        label or Status(status).label,
    )


@register.filter
def quarter(index):
    return "" if index is None else str(Quarter.from_index(int(index)))


@register.filter
def role_label(role):
    return OwnerRole(role).label


@register.filter
def review_labels(reasons):
    return ", ".join(str(ReviewReason(r).label) for r in reasons)


@register.filter
def has_lead(action):
    return selectors.action_has_lead(action)


@register.filter
def lookup(mapping, key):
    return mapping.get(key) if mapping else None
