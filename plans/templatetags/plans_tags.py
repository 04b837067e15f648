"""Small template helpers for Min plan."""

from django import template

from plans.people import citizen_name as _citizen_name
from plans.services import comment_can_edit

register = template.Library()


@register.filter
def editable_by(comment, user) -> bool:
    """True while the author may still correct the comment (the first 15 minutes)."""
    return user.is_authenticated and comment_can_edit(comment=comment, user=user)


@register.filter
def citizen_name(citizen) -> str:
    """The citizen as her network and the emails name her (plans.people.citizen_name)."""
    return _citizen_name(citizen)
