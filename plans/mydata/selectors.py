"""Mine data: everything the portal holds about a person, as plain data to read and download.

A citizen gets their plans with all their parts, their network, offers, access log and
feedback; a network member gets their memberships, what they wrote and the offers they made.
Each kind of thing is read in one query across all the person's plans, so the cost does not
grow with the size of a plan. Invitation tokens (hashes) and internal keys stay out. Dates stay
dates: the page formats them, DjangoJSONEncoder writes ISO 8601 in the file.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    AccessLogEntry,
    Activity,
    AuthorRole,
    Comment,
    Decision,
    ErasureRequest,
    Feedback,
    Goal,
    Invitation,
    Meeting,
    NetworkMembership,
    Offer,
    Plan,
)
from ..people import display_name
from . import sections

# A second request within this time is the same request: the coordinator is told once.
ERASURE_REQUEST_REPEAT_DAYS = 30


def _by_plan(rows) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(row.plan_id, []).append(row)
    return grouped


# --- Reading: one query per kind, across all the person's plans ----


def _plans_of_citizen(user) -> list[dict]:
    """All the citizen's plans (the one in use and archived ones)."""
    plans = list(
        Plan.objects.filter(citizen=user)
        .select_related("coordinator__department", "team")
        .order_by("-created_at", "-pk")
    )
    if not plans:
        return []
    mine = {"plan__citizen": user}
    rows = {
        "goals": Goal.objects.filter(**mine).order_by("sort_order", "pk"),
        "activities": Activity.objects.filter(**mine)
        .select_related("department", "responsible__department")
        .order_by("sort_order", "pk"),
        "meetings": Meeting.objects.filter(**mine).order_by("starts_at"),
        "decisions": Decision.objects.filter(**mine).select_related("contact"),
        "comments": Comment.objects.filter(**mine)
        .select_related("author")
        .order_by("created_at", "pk"),
        "members": NetworkMembership.objects.filter(**mine)
        .prefetch_related("goals")
        .order_by("pk"),
        "invitations": Invitation.objects.filter(**mine)
        .prefetch_related("goals")
        .order_by("created_at", "pk"),
        "offers": Offer.objects.filter(**mine)
        .select_related("membership")
        .order_by("created_at", "pk"),
        "access_log": AccessLogEntry.objects.filter(**mine).order_by("-at", "-pk"),
        "feedback": Feedback.objects.filter(**mine, author=user).order_by("activity_id", "pk"),
        "erasure_requests": ErasureRequest.objects.filter(**mine),
    }
    grouped = {kind: _by_plan(queryset) for kind, queryset in rows.items()}

    def of(kind, plan, serialise):
        return [serialise(row) for row in grouped[kind].get(plan.pk, [])]

    return [
        {
            **sections.plan_core(plan),
            "goals": of("goals", plan, sections.goal),
            "activities": of("activities", plan, sections.activity),
            "meetings": of("meetings", plan, sections.meeting),
            "decisions": of("decisions", plan, sections.decision),
            "comments": of("comments", plan, sections.comment),
            "network": {
                "members": of("members", plan, sections.member),
                "invitations": of("invitations", plan, sections.invitation),
            },
            "offers": of("offers", plan, lambda row: sections.offer(row, with_member=True)),
            "access_log": of("access_log", plan, sections.access),
            "feedback": of("feedback", plan, sections.feedback),
            "erasure_requests": of("erasure_requests", plan, sections.erasure_request),
        }
        for plan in plans
    ]


def memberships_of(*, user) -> list[NetworkMembership]:
    return list(
        NetworkMembership.objects.filter(user=user)
        .select_related("plan__citizen")
        .order_by("joined_at", "pk")
    )


def _as_member(user, memberships: list[NetworkMembership]) -> dict:
    """What a network member left in other people's plans: their memberships, their own
    comments and offers. No goal texts or other plan content: those belong to the citizen."""
    comments = Comment.objects.filter(author=user, author_role=AuthorRole.NETWORK).order_by(
        "created_at", "pk"
    )
    offers = Offer.objects.filter(membership__user=user).order_by("created_at", "pk")
    return {
        "memberships": [
            {
                "plan_id": m.plan_id,
                "helps": display_name(m.plan.citizen, fallback=""),
                "name_the_citizen_gave_you": m.name,
                "relation": m.get_relation_display(),
                "whole_plan": m.whole_plan,
                "status": m.get_status_display(),
                "joined_at": m.joined_at,
                "ended_at": m.ended_at,
            }
            for m in memberships
        ],
        "comments": [{"plan_id": c.plan_id, **sections.comment(c)} for c in comments],
        "offers": [{"plan_id": o.plan_id, **sections.offer(o, with_member=False)} for o in offers],
    }


def my_data(*, user, memberships: list[NetworkMembership]) -> dict:
    """Everything about `user`, as plain data (JSON-ready). Only the person's own things are
    read: plans where they are the citizen, and what they did as a network member."""
    return {
        "exported_at": timezone.now(),
        "account": sections.account(user),
        "plans": _plans_of_citizen(user),
        "network_member": _as_member(user, memberships),
    }


# --- Being forgotten ----


def account_deletion_refusal(*, user) -> str | None:
    """Why this account cannot delete itself, or None. A citizen's plan and staff accounts are
    case records the municipality keeps; those go through the coordinator or the employer."""
    if user.is_staff or user.is_superuser or hasattr(user, "staff_profile"):
        return _("Medarbejdere kan ikke slette deres konto her. Kontakt din leder.")
    if Plan.objects.filter(citizen=user).exists():
        return _(
            "Du har en plan hos kommunen, så du kan ikke selv slette din konto. "
            "Du kan bede din koordinator om at slette dine oplysninger."
        )
    return None


def erasure_request_open(*, plan: Plan) -> ErasureRequest | None:
    """A request made within the last month: a second one is the same request."""
    since = timezone.now() - datetime.timedelta(days=ERASURE_REQUEST_REPEAT_DAYS)
    return plan.erasure_requests.filter(requested_at__gte=since).first()
