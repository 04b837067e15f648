"""Show the network's accepted help next to a goal ("Mit netværk hjælper med …") in Min plan and
in the admin, read once per page: {% network_help_by_goal plan as help %} then
{% include "plans/includes/network_help.html" with offers=help|offers_for:goal.pk %}."""

from django import template

from plans.network.selectors import network_help_by_goal as _network_help_by_goal

register = template.Library()


@register.simple_tag
def network_help_by_goal(plan):
    return _network_help_by_goal(plan=plan)


@register.filter
def offers_for(help_by_goal, goal_id):
    return (help_by_goal or {}).get(goal_id, [])
