"""Email notices about plans: who hears about what, in which words, and how often.

Every notice says who did something, never what: a plan holds health and social details that do
not belong in an inbox. A person gets at most one email an hour per plan (delivery). The tasks
in plans.tasks call the `*_send` functions with ids; the invitation email alone is sent at once
by the network's services. Inside, every module imports `delivery`, none imports another's
builders except `comments`, which sends its network part as a network notice.
"""

from .comments import comment_notices_send, comment_notices_to_network_send
from .delivery import email_notice_claim
from .invitation import invitation_email_send
from .mydata import erasure_request_notice_send
from .network import (
    ACCEPTED,
    DECLINED,
    LEFT,
    OFFER_ANSWERED,
    OFFER_MADE,
    REMOVED,
    network_notice_send,
)

__all__ = [
    "ACCEPTED",
    "DECLINED",
    "LEFT",
    "OFFER_ANSWERED",
    "OFFER_MADE",
    "REMOVED",
    "comment_notices_send",
    "comment_notices_to_network_send",
    "email_notice_claim",
    "erasure_request_notice_send",
    "invitation_email_send",
    "network_notice_send",
]
