"""``{% can_case "hand_over" case as may_hand_over %}``: the policy in templates."""

from django import template

from casusregie import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def can_case(context, action, case):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return permissions.can(user, action, case)
