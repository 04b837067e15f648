"""Email notices about plans: who hears about what, in which words, and when.

Every notice says who did something, never what: a plan holds health and social details that do
not belong in an inbox. An event holds its notices in its own transaction (the `*_record`
functions); `notices_deliver` sends them at once or in the person's digest (delivery). The
invitation email alone is sent directly, to an address that has no account yet. Inside, every
module imports `delivery`; none imports another's builders.
"""

from .comments import comment_notices_record
from .decisions import decision_notice_record
from .delivery import notice_preference_set, notices_deliver
from .invitation import invitation_email_send
from .mydata import erasure_request_notice_record
from .network import (
    ACCEPTED,
    DECLINED,
    HELPER_ASKED,
    HELPER_DECLINED,
    HELPER_ENDED,
    HELPER_STARTED,
    LEFT,
    OFFER_ANSWERED,
    OFFER_MADE,
    PLAN_ARCHIVED,
    REMOVED,
    network_notice_record,
)

__all__ = [
    "ACCEPTED",
    "DECLINED",
    "HELPER_ASKED",
    "HELPER_DECLINED",
    "HELPER_ENDED",
    "HELPER_STARTED",
    "LEFT",
    "OFFER_ANSWERED",
    "OFFER_MADE",
    "PLAN_ARCHIVED",
    "REMOVED",
    "comment_notices_record",
    "decision_notice_record",
    "erasure_request_notice_record",
    "invitation_email_send",
    "network_notice_record",
    "notice_preference_set",
    "notices_deliver",
]
