"""Writes for the citizen's network: invitations, memberships, offers of help.

Every function checks its own rules and raises plans.errors.PlanRuleError with a plain Danish
message, so a view only shows the message. Access is never cached: each request asks the
database whether a membership is still active (plans.network.selectors).
"""

from .helper import (
    helper_accept,
    helper_ask,
    helper_comment_add,
    helper_decline,
    helper_end,
    helper_offer_answer,
    helper_read,
)
from .invitations import (
    MAX_MEMBERS,
    invitation_accept,
    invitation_check,
    invitation_check_for_resend,
    invitation_decline,
    invitation_opened,
    invitation_resend,
    invitation_send,
    invitation_withdraw,
)
from .members import (
    member_comment_add,
    member_log,
    member_read,
    membership_leave,
    membership_remove,
    offer_answer,
    offer_create,
    plan_archived_notify,
)

__all__ = [
    "helper_accept",
    "helper_ask",
    "helper_comment_add",
    "helper_decline",
    "helper_end",
    "helper_offer_answer",
    "helper_read",
    "MAX_MEMBERS",
    "invitation_accept",
    "invitation_check",
    "invitation_check_for_resend",
    "invitation_decline",
    "invitation_opened",
    "invitation_resend",
    "invitation_send",
    "invitation_withdraw",
    "member_comment_add",
    "member_log",
    "member_read",
    "membership_leave",
    "membership_remove",
    "offer_answer",
    "offer_create",
    "plan_archived_notify",
]
