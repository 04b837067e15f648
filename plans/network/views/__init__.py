"""Pages of the citizen's network: invite and manage it (the citizen), answer an invitation (anyone
with the link), and "Planer, jeg hjælper med" (the network member). Thin: rules live in
plans.network.services, who may see what in plans.network.selectors."""

from .citizen import (
    invitation_new,
    invitation_resend,
    invitation_withdraw,
    member_remove,
    network,
    offer_answer,
)
from .helper import (
    helper_access_log,
    helper_answer,
    helper_ask,
    helper_comment,
    helper_offer_answer,
    helper_plan,
    helper_stop,
)
from .invitation import invitation_answer
from .member import (
    member_comment,
    member_leave,
    member_plan,
    member_plans,
    member_print,
    offer_new,
)

__all__ = [
    "helper_access_log",
    "helper_answer",
    "helper_ask",
    "helper_comment",
    "helper_offer_answer",
    "helper_plan",
    "helper_stop",
    "invitation_answer",
    "invitation_new",
    "invitation_resend",
    "invitation_withdraw",
    "member_comment",
    "member_leave",
    "member_plan",
    "member_plans",
    "member_print",
    "member_remove",
    "network",
    "offer_answer",
    "offer_new",
]
