"""Reads of plans, filtered by who asks, so a view cannot forget a privacy rule.

A citizen reaches only their own plan; staff reach the plans of their teams; editors and
everyone else reach none. Anything outside that answers 404 (Http404), never 403, so nobody
learns that a plan exists. The Min plan page is read in a fixed number of queries, whatever
the size of the plan.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    AccessLogEntry,
    Activity,
    Comment,
    Decision,
    Feedback,
    Goal,
    NetworkMembership,
    Offer,
    Plan,
    StaffProfile,
)
from .own_plans import own_plans
from .threads import CommentThread, comment_thread

# --- Who may see which plan ----


def plan_for_citizen(*, user) -> Plan | None:
    """The citizen's plan in use; with none, her latest finished plan (shown read-only, see
    plan.is_archived); or None. A new plan in use takes over Min plan at once. With the
    coordinator's profile, department and account, which her other pages show."""
    if not user.is_authenticated:
        return None
    plans = Plan.objects.select_related("coordinator__department", "coordinator__user")
    # For the site header (plans.network.selectors.header_roles), in the same query. A citizen
    # has a plan or a few: choosing here is cheaper than the ORM compiling an ordering.
    plans = plans.filter(citizen=user).annotate(citizen_helps=Exists(_helps(user))).order_by()
    return _chosen(user, plans)


def plan_for_min_plan(*, user) -> Plan | None:
    """plan_for_citizen for Min plan itself, in one statement written out (plans.own_plans):
    with her visit as `plan.visit` (a PlanVisit, or None before her first; for
    services.plan_visit_record), without the coordinator, whom Min plan reads only when it
    renders the plan anew (min_plan)."""
    if not user.is_authenticated:
        return None
    return _chosen(user, own_plans(user=user))


def _chosen(user, plans) -> Plan | None:
    plan = min(plans, key=_in_use_first, default=None)
    if plan is not None:
        remember_header_roles(user, has_plan=True, helps=plan.citizen_helps)
    return plan


def _in_use_first(plan: Plan) -> tuple:
    """The plan in use; else the latest finished (archived_at, then updated_at, then pk)."""
    archived = plan.archived_at.timestamp() if plan.archived_at else None
    return (
        plan.status != Plan.Status.ACTIVE,
        archived is None,
        -(archived or 0),
        -plan.updated_at.timestamp(),
        -plan.pk,
    )


def _helps(user) -> QuerySet[NetworkMembership]:
    return NetworkMembership.objects.filter(user=user, status=NetworkMembership.Status.ACTIVE)


def remember_header_roles(user, *, has_plan: bool, helps: bool) -> None:
    """Keep what a page's own query learned about the person for the site header's links, on
    the request's user object (it lives for one request), so the header asks nothing more."""
    user._plans_header_roles = (bool(has_plan), bool(helps))


def plan_for_citizen_or_404(*, user, coordinator: bool) -> Plan:
    """The citizen's own plan for a page that needs one; anyone without a plan gets 404.
    With the `coordinator` for a page that shows or tells her (plan_for_citizen); without, read
    as Min plan reads it (plan_for_min_plan), a statement written out instead of the ORM's.
    The caller says which (plans.http.citizen_page), so no page gets one by default."""
    plan = plan_for_citizen(user=user) if coordinator else plan_for_min_plan(user=user)
    if plan is None:
        raise Http404
    return plan


def plans_visible_to(*, user) -> QuerySet[Plan]:
    """Plans a staff member may open in the admin: only those of their teams. Being a
    superuser or an editor gives no access to personal plans."""
    if not (user.is_authenticated and user.is_active):
        return Plan.objects.none()
    return Plan.objects.filter(team__members=user)


def plan_for_staff(*, user, pk) -> Plan:
    return get_or_404(plans_visible_to(user=user).select_related("citizen", "team"), pk=pk)


def goal_for_citizen(*, plan: Plan, pk) -> Goal:
    return get_or_404(Goal.objects.filter(plan=plan), pk=pk)


def activity_for_citizen(*, plan: Plan, pk) -> Activity:
    activities = Activity.objects.filter(plan=plan).select_related(
        "goal", "department", "responsible__department"
    )
    return get_or_404(activities, pk=pk)


def comment_for_author(*, plan: Plan, user, pk) -> Comment:
    """A comment the person wrote on this plan (to edit or delete); anything else is 404."""
    return get_or_404(
        Comment.objects.filter(plan=plan, author=user).select_related("goal", "activity"), pk=pk
    )


def comment_on_plan(*, plan: Plan, pk) -> Comment:
    return get_or_404(Comment.objects.filter(plan=plan), pk=pk)


def valid_id(value) -> int | None:
    """An id as the database can look it up, or None: <int:> accepts any number of digits, and
    a lookup past the database's integer range raises (OverflowError on SQLite, DataError on
    PostgreSQL) instead of matching none."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def get_or_404(queryset, **ids):
    """The one object of `queryset` (already limited by a selector to what the person may see)
    with these ids; anything else, a malformed id or one past the database's integer range,
    answers 404 like an object that does not exist."""
    lookups = {}
    for name, value in ids.items():
        lookups[name] = valid_id(value)
        if lookups[name] is None:
            raise Http404
    try:
        return queryset.get(**lookups)
    except queryset.model.DoesNotExist:
        raise Http404 from None


# --- The Min plan page ----


@dataclass
class NextStep:
    when: datetime.date | datetime.datetime
    text: str
    kind: str  # "meeting" or "activity"
    meeting: object = None
    activity: object = None

    @property
    def sort_key(self):
        when = self.when
        if isinstance(when, datetime.datetime):
            return (timezone.localtime(when).date(), timezone.localtime(when).time())
        return (when, datetime.time.max)


@dataclass
class GoalWithActivities:
    goal: Goal
    activities: list = field(default_factory=list)


@dataclass
class MinPlan:
    plan: Plan
    goals: list
    activities_without_goal: list
    next_steps: list
    meetings: list
    decisions: list
    thread: CommentThread
    plan_feedback: Feedback | None
    network_help: dict = field(default_factory=dict)  # goal id -> accepted offers
    waiting_offers: list = field(default_factory=list)  # offers waiting for her answer

    @property
    def offers_waiting(self) -> int:
        return len(self.waiting_offers)


# A meeting stays under "Næste skridt" until two hours after it began.
MEETING_SHOWN_AFTER = datetime.timedelta(hours=2)


def min_plan(*, plan: Plan, today: datetime.date | None = None) -> MinPlan:
    """Everything the citizen's page shows, in a fixed number of queries."""
    today = today or timezone.localdate()
    if not Plan.coordinator.is_cached(plan):
        plan.coordinator = StaffProfile.objects.select_related("department", "user").get(
            pk=plan.coordinator_id
        )
    goals = list(plan.goals.order_by("sort_order", "pk"))
    activities = list(
        Activity.objects.filter(plan=plan)
        .select_related("department", "responsible__department")
        .order_by("sort_order", "pk")
    )
    by_goal = {goal.pk: GoalWithActivities(goal=goal) for goal in goals}
    without_goal = []
    for activity in activities:
        holder = by_goal.get(activity.goal_id)
        (holder.activities if holder else without_goal).append(activity)

    meetings = list(
        plan.meetings.filter(starts_at__gte=timezone.now() - MEETING_SHOWN_AFTER).order_by(
            "starts_at"
        )
    )
    next_steps = [
        NextStep(when=meeting.starts_at, text=meeting.place, kind="meeting", meeting=meeting)
        for meeting in meetings
    ]
    next_steps += [
        NextStep(when=a.next_step_on, text=a.next_step, kind="activity", activity=a)
        for a in activities
        if a.next_step
        and a.next_step_on
        and a.next_step_on >= today
        and a.status != Activity.Status.DONE
    ]
    next_steps.sort(key=lambda step: step.sort_key)

    decisions = list(Decision.objects.filter(plan=plan).select_related("contact__department"))
    plan_feedback = Feedback.objects.filter(
        plan=plan, author_id=plan.citizen_id, activity__isnull=True
    ).first()
    # One query for the network: the help she said yes to, and how many offers wait for her
    # answer (only those of people still in the network can be answered).
    offers = list(
        Offer.objects.filter(plan=plan)
        .filter(
            Q(status=Offer.Status.ACCEPTED)
            | Q(status=Offer.Status.WAITING, membership__status=NetworkMembership.Status.ACTIVE)
        )
        .select_related("membership", "goal")
        .order_by("created_at", "pk")
    )
    return MinPlan(
        plan=plan,
        goals=list(by_goal.values()),
        activities_without_goal=without_goal,
        next_steps=next_steps,
        meetings=meetings,
        decisions=decisions,
        thread=comment_thread(plan=plan),
        plan_feedback=plan_feedback,
        network_help=help_by_goal([o for o in offers if o.status == Offer.Status.ACCEPTED]),
        waiting_offers=[o for o in offers if o.status == Offer.Status.WAITING],
    )


def help_by_goal(offers) -> dict[int, list[Offer]]:
    """Accepted offers by goal, each with `helper_name`: the name the citizen gave, or for a
    person no longer in the network "et tidligere netværksmedlem" (their help stays)."""
    by_goal: dict[int, list[Offer]] = {}
    for offer in offers:
        offer.from_former_member = not offer.membership.is_active
        offer.helper_name = (
            _("et tidligere netværksmedlem") if offer.from_former_member else offer.membership.name
        )
        by_goal.setdefault(offer.goal_id, []).append(offer)
    return by_goal


def feedback_for(*, plan: Plan, citizen, activity: Activity | None = None) -> Feedback | None:
    return Feedback.objects.filter(plan=plan, author=citizen, activity=activity).first()


def access_log_for_citizen(*, plan: Plan) -> QuerySet[AccessLogEntry]:
    """ "Hvem har set min plan", newest first."""
    return AccessLogEntry.objects.filter(plan=plan).order_by("-at", "-pk")
