"""Small template helpers for Min plan."""

from django import template

from plans.services import comment_can_edit

register = template.Library()


@register.filter
def editable_by(comment, user) -> bool:
    """True while the author may still correct the comment (the first 15 minutes)."""
    return user.is_authenticated and comment_can_edit(comment=comment, user=user)
