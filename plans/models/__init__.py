r"""The plans app's models, one module per part of the domain; import them from here.

Imports between the modules point one way, from the bottom up:

    organisation  ->  plan  ->  conversation  ->  records
                          \->  network

`organisation` imports none of the others; `plan` only `organisation`; `conversation` and
`network` only `plan` (and what it brings); `records` (the access log, notices, erasure requests)
may import all of them. A model that needs one further up belongs in a higher module.
"""

from .conversation import AuthorRole, Comment, Feedback
from .network import Invitation, NetworkMembership, Offer, Relation
from .organisation import Department, StaffProfile, Team
from .plan import Activity, Decision, Goal, Meeting, Plan
from .records import AccessLogEntry, AppendOnlyQuerySet, EmailNotice, ErasureRequest

__all__ = [
    "AccessLogEntry",
    "Activity",
    "AppendOnlyQuerySet",
    "AuthorRole",
    "Comment",
    "Decision",
    "Department",
    "EmailNotice",
    "ErasureRequest",
    "Feedback",
    "Goal",
    "Invitation",
    "Meeting",
    "NetworkMembership",
    "Offer",
    "Plan",
    "Relation",
    "StaffProfile",
    "Team",
]
