"""Template helpers for the network. The site header's links for the person logged in: "Min
plan" for a citizen, "Planer, jeg hjælper med" for a network member, both for a person who is
both, without a query on most pages (SESSION_KEY below): {% header_roles as roles %}, then
roles.has_plan and roles.helps. And the accepted help for one goal:
{{ help_by_goal|offers_for:goal.pk }}."""

from types import SimpleNamespace

from django import template

from plans.network.selectors import header_roles as _header_roles

register = template.Library()


# The header is on every page, the public ones too, whose query budgets (issue 7) leave no room:
# the session keeps the last answer. A page that read the person's plan or membership anyway
# (Min plan, the member's pages) brings it up to date for free; "Planer, jeg hjælper med" asks
# afresh. So after a change the header is right once the person opens one of their own pages.
SESSION_KEY = "plans_header_roles"


@register.simple_tag(takes_context=True)
def header_roles(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return SimpleNamespace(has_plan=False, helps=False)
    session = getattr(request, "session", None)
    roles = getattr(user, "_plans_header_roles", None)  # learned by this request's own reads
    stored = session.get(SESSION_KEY) if session is not None else None
    if roles is None and stored is not None:
        roles = stored
    if roles is None:
        roles = _header_roles(user=user)
    if session is not None and stored != list(roles):
        session[SESSION_KEY] = list(roles)
    has_plan, helps = roles
    return SimpleNamespace(has_plan=has_plan, helps=helps)


@register.filter
def offers_for(help_by_goal, goal_id):
    """The accepted offers for one goal: {{ page_data.network_help|offers_for:goal.pk }}."""
    return (help_by_goal or {}).get(goal_id, [])
