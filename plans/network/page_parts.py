"""The network member's page without its forms: the shared goals, read from plans.fragments
when nothing changed since they were rendered (like Min plan's, plans.page_parts). The read is
written to the access log by the view every time, hit or miss."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .. import fragments
from ..models import NetworkMembership
from . import selectors


@dataclass
class SharedGoal:
    """One goal on the member's page: its part without the comment form, and its words for the
    access-log line."""

    pk: int
    text: str
    html: SafeString


def member_goals(*, membership: NetworkMembership) -> list[SharedGoal]:
    """The goals a network member sees, each rendered without its comment form."""
    plan = membership.plan
    viewer = fragments.member_viewer(membership)
    goals = fragments.read(plan=plan, viewer=viewer)
    if goals is None:
        view = selectors.member_plan(membership=membership)
        goals = [
            SharedGoal(
                pk=goal.pk,
                text=goal.text,
                html=render_to_string(
                    "plans/includes/shared_goal.html", {"goal": goal, "preview": False}
                ),
            )
            for goal in view.goals
        ]
        fragments.keep(plan=plan, viewer=viewer, parts=goals)
    return goals
