"""The coordinator's caseload ("Mine borgere"): one row per plan in use, with what waits for staff.

The rows are read in one query, whatever the number of plans: every number is a correlated
subquery on the plan (Subquery/OuterRef), never a query per row and never a join that multiplies
rows. The rows hold counts, dates, the meaningfulness score and the citizen's name: no text from
the plan, so the listing shows nothing a staff member would have to open the plan to read.
"""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Count,
    DateTimeField,
    IntegerField,
    Min,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import (
    AuthorRole,
    Comment,
    Decision,
    Feedback,
    Meeting,
    NetworkMembership,
    Offer,
    Plan,
)
from ..people import citizen_name
from ..selectors import plans_visible_to

# Decisions whose complaint deadline falls within today .. today + this many days.
DEADLINE_DAYS = 14
# Before any staff comment, every comment of the citizen or the network waits for an answer.
_BEFORE_ANY_COMMENT = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)

UP, DOWN, SAME, FIRST = "up", "down", "same", "first"
DIRECTION_LABELS = {
    UP: _("op"),
    DOWN: _("ned"),
    SAME: _("uændret"),
    FIRST: _("første svar"),
}


@dataclass(frozen=True)
class CaseloadRow:
    plan_id: int
    citizen_name: str
    coordinator: str
    team: str
    unanswered_comments: int
    oldest_unanswered_at: datetime.datetime | None
    oldest_unanswered_age: datetime.timedelta | None
    waiting_offers: int
    next_meeting_at: datetime.datetime | None
    deadlines_soon: int
    next_deadline: datetime.date | None
    feedback_score: int | None
    feedback_direction: str | None  # UP, DOWN, SAME, FIRST, or None before any answer
    last_contact_at: datetime.datetime | None

    @property
    def feedback_direction_label(self) -> str:
        return str(DIRECTION_LABELS.get(self.feedback_direction, ""))

    @property
    def needs_attention(self) -> bool:
        return bool(self.unanswered_comments or self.deadlines_soon or self.waiting_offers)


def _count(queryset: QuerySet) -> Coalesce:
    """COUNT(*) of a correlated queryset as one subquery (0 when it holds no rows)."""
    counted = queryset.order_by().values("plan").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _first(queryset: QuerySet, field: str, offset: int = 0) -> Subquery:
    return Subquery(queryset.values(field)[offset : offset + 1])


def caseload_queryset(*, user, mine_only: bool = False, today=None, now=None) -> QuerySet[Plan]:
    """The plans in use the user may see (plans_visible_to), annotated with the caseload's
    numbers. `mine_only`: only plans where the user's staff profile is the coordinator."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    plans = plans_visible_to(user=user).filter(status=Plan.Status.ACTIVE)
    if mine_only:
        plans = plans.filter(coordinator__user=user)

    staff_comments = Comment.objects.filter(plan=OuterRef("pk"), author_role=AuthorRole.STAFF)
    latest_staff_comment = _first(staff_comments.order_by("-created_at", "-pk"), "created_at")
    unanswered = Comment.objects.filter(
        plan=OuterRef("pk"),
        author_role__in=[AuthorRole.CITIZEN, AuthorRole.NETWORK],
        deleted_at__isnull=True,
        created_at__gt=OuterRef("answered_until"),
    )
    oldest_unanswered = unanswered.order_by().values("plan").annotate(at=Min("created_at"))
    waiting_offers = Offer.objects.filter(
        plan=OuterRef("pk"),
        status=Offer.Status.WAITING,
        membership__status=NetworkMembership.Status.ACTIVE,
    )
    meetings = Meeting.objects.filter(plan=OuterRef("pk"))
    decisions_soon = Decision.objects.filter(
        plan=OuterRef("pk"),
        complaint_deadline__gte=today,
        complaint_deadline__lte=today + datetime.timedelta(days=DEADLINE_DAYS),
    )
    plan_answers = Feedback.objects.filter(
        plan=OuterRef("pk"), activity__isnull=True, author=OuterRef("citizen_id")
    ).order_by("-answered_at", "-pk")

    return (
        plans.select_related("citizen", "coordinator", "team")
        .annotate(
            last_staff_comment_at=latest_staff_comment,
            answered_until=Coalesce(
                latest_staff_comment, Value(_BEFORE_ANY_COMMENT, output_field=DateTimeField())
            ),
        )
        .annotate(
            unanswered_comments=_count(unanswered),
            oldest_unanswered_at=Subquery(
                oldest_unanswered.values("at"), output_field=DateTimeField()
            ),
            waiting_offers=_count(waiting_offers),
            next_meeting_at=_first(
                meetings.filter(starts_at__gte=now).order_by("starts_at"), "starts_at"
            ),
            last_meeting_at=_first(
                meetings.filter(starts_at__lt=now).order_by("-starts_at"), "starts_at"
            ),
            deadlines_soon=_count(decisions_soon),
            next_deadline=_first(
                decisions_soon.order_by("complaint_deadline"), "complaint_deadline"
            ),
            feedback_score=_first(plan_answers, "score"),
            previous_feedback_score=_first(plan_answers, "score", offset=1),
        )
    )


def _direction(latest: int | None, previous: int | None) -> str | None:
    if latest is None:
        return None
    if previous is None:
        return FIRST
    if latest == previous:
        return SAME
    return UP if latest > previous else DOWN


def _row(plan: Plan, now: datetime.datetime) -> CaseloadRow:
    contacts = [at for at in (plan.last_staff_comment_at, plan.last_meeting_at) if at]
    oldest = plan.oldest_unanswered_at
    return CaseloadRow(
        plan_id=plan.pk,
        citizen_name=citizen_name(plan.citizen),
        coordinator=plan.coordinator.name,
        team=plan.team.name,
        unanswered_comments=plan.unanswered_comments,
        oldest_unanswered_at=oldest,
        oldest_unanswered_age=now - oldest if oldest else None,
        waiting_offers=plan.waiting_offers,
        next_meeting_at=plan.next_meeting_at,
        deadlines_soon=plan.deadlines_soon,
        next_deadline=plan.next_deadline,
        feedback_score=plan.feedback_score,
        feedback_direction=_direction(plan.feedback_score, plan.previous_feedback_score),
        last_contact_at=max(contacts) if contacts else None,
    )


def _attention_order(row: CaseloadRow) -> tuple:
    far_past = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    if row.unanswered_comments:
        return (0, row.oldest_unanswered_at, row.plan_id)
    if row.deadlines_soon:
        return (1, row.next_deadline, row.plan_id)
    if row.waiting_offers:
        return (2, -row.waiting_offers, row.plan_id)
    return (3, row.last_contact_at or far_past, row.plan_id)


def caseload(*, user, mine_only: bool = False, today=None) -> list[CaseloadRow]:
    """One row per plan in use that the user may see, what needs attention first:

    1. plans with unanswered comments from the citizen or the network, the oldest waiting
       comment first;
    2. then plans with a complaint deadline within 14 days, the nearest deadline first;
    3. then plans with offers of help waiting for the citizen's answer, the most offers first;
    4. then the rest, by last contact (a staff comment or a past meeting), the longest ago
       first; plans with no contact at all come before them all.

    Ties keep the plan's id order, so the list does not jump between two page loads. One query,
    whatever the number of plans (see caseload_queryset)."""
    now = timezone.now()
    plans = caseload_queryset(user=user, mine_only=mine_only, today=today, now=now)
    rows = [_row(plan, now) for plan in plans]
    rows.sort(key=_attention_order)
    return rows
