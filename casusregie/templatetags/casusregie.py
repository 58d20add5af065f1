"""``{% can_case "hand_over" case as may_hand_over %}``: the policy in templates."""

from django import template

from casusregie import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def can_case(context, action, case):
    """Ask the policy; a page asks several actions of one case, so the person's rights
    on it are read once per request (templates render after the view's changes)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if request is None:
        return permissions.can(user, action, case)
    remembered = request.__dict__.setdefault("_casusregie_case_permissions", {})
    key = (getattr(user, "pk", None), case.pk)
    if key not in remembered:
        remembered[key] = permissions.case_permissions(user, case)
    return permissions.normalise_action(action) in remembered[key]
