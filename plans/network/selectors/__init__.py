"""Reads for the citizen's network, filtered by who asks, so a view cannot forget a rule.

A network member sees only the goals in their scope, those goals' activity titles, the comments
on those goals and their own offers, and only while their membership is active and the plan is
in use (`membership_for_member`, the reading rule). `member` holds the member's and the
invitation link's reads; `citizen` the citizen's own network page.
"""

from .citizen import (
    CitizenNetwork,
    counts_for_limits,
    email_taken,
    invitation_of_plan,
    membership_of_plan,
    network_for_citizen,
    network_help_by_goal,
    offer_of_plan,
    sends_today,
)
from .helper import (
    HELPER_ENDED,
    HelperEnded,
    acting_helper,
    helper_ended_access,
    helper_for_plan,
    helper_membership,
    helper_of_plan,
    helper_request_for_member,
    helper_taken_by,
    offer_for_helper,
)
from .member import (
    ARCHIVED,
    LEFT,
    REMOVED,
    EndedAccess,
    ScopeView,
    comment_author_name,
    ended_access,
    goal_in_scope,
    goals_in_scope,
    header_roles,
    invitation_goals,
    member_plan,
    members_to_tell_plan_ended,
    membership_for_member,
    memberships_for_member,
    open_invitation,
    scope_view,
)

__all__ = [
    "HELPER_ENDED",
    "HelperEnded",
    "acting_helper",
    "helper_ended_access",
    "helper_for_plan",
    "helper_membership",
    "helper_of_plan",
    "helper_request_for_member",
    "helper_taken_by",
    "offer_for_helper",
    "ARCHIVED",
    "LEFT",
    "REMOVED",
    "CitizenNetwork",
    "EndedAccess",
    "ScopeView",
    "comment_author_name",
    "counts_for_limits",
    "email_taken",
    "sends_today",
    "ended_access",
    "goal_in_scope",
    "goals_in_scope",
    "header_roles",
    "invitation_goals",
    "invitation_of_plan",
    "member_plan",
    "members_to_tell_plan_ended",
    "membership_for_member",
    "membership_of_plan",
    "memberships_for_member",
    "network_for_citizen",
    "network_help_by_goal",
    "offer_of_plan",
    "open_invitation",
    "scope_view",
]
