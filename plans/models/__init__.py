r"""The plans app's models, one module per part of the domain; import them from here.

Imports between the modules point one way, from the bottom up:

    organisation  ->  plan  ->  conversation  ->  records | history
                          \->  network | notices

`audit` (the staff lookups that made no plan) imports none of them either;
`organisation` imports none of the others; `plan` only `organisation`; `conversation` and
`network` and `notices` only `plan` (and what it brings); `records` (the access log, erasure
requests) and `history` may import all of them. A model that needs one further up belongs in a
higher module. `submissions` (the one-time keys of submitted forms) imports none of them.
"""

from .audit import StaffLookup
from .conversation import AuthorRole, Comment, Feedback
from .history import PlanEvent, PlanVisit
from .network import Invitation, InvitationSend, NetworkMembership, Offer, Relation
from .notices import Frequency, Notice, NoticeEmail, NoticePreference, ReminderSent
from .organisation import Department, StaffProfile, Team
from .plan import Activity, Decision, Goal, Meeting, Plan
from .records import AccessLogEntry, AppendOnlyQuerySet, ErasureRequest
from .submissions import SubmissionKey

__all__ = [
    "AccessLogEntry",
    "Activity",
    "AppendOnlyQuerySet",
    "AuthorRole",
    "Comment",
    "Decision",
    "Department",
    "ErasureRequest",
    "Feedback",
    "Frequency",
    "Goal",
    "Invitation",
    "InvitationSend",
    "Meeting",
    "NetworkMembership",
    "Notice",
    "NoticeEmail",
    "NoticePreference",
    "Offer",
    "Plan",
    "PlanEvent",
    "PlanVisit",
    "Relation",
    "StaffLookup",
    "ReminderSent",
    "StaffProfile",
    "SubmissionKey",
    "Team",
]
