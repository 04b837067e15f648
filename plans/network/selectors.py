"""Reads for the citizen's network, filtered by who asks, so a view cannot forget a rule.

A network member sees only the goals in their scope, those goals' activity titles, the comments
on those goals and their own offers. Every lookup here asks the database again, so access that
has ended is gone on the very next request.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from ..models import (
    Activity,
    AuthorRole,
    Comment,
    Goal,
    Invitation,
    NetworkMembership,
    Offer,
    Plan,
)
from ..people import display_name
from ..selectors import get_or_404
from ..tokens import hash_token

# --- For the network member ----


def memberships_for_member(*, user) -> QuerySet[NetworkMembership]:
    """The plans this person helps with ("Planer, jeg hjælper med")."""
    if not user.is_authenticated:
        return NetworkMembership.objects.none()
    return (
        NetworkMembership.objects.filter(user=user, status=NetworkMembership.Status.ACTIVE)
        # The user and their (absent) staff profile are read for the access log entry.
        .select_related("plan__citizen", "user__staff_profile")
        .order_by("joined_at", "pk")
    )


def membership_for_member(*, user, plan_id: int) -> NetworkMembership:
    """The person's active membership of this plan, or 404: a plan they do not help with, a
    plan they left or were removed from, and a plan that does not exist look the same."""
    return get_or_404(memberships_for_member(user=user), plan_id=plan_id)


def goals_in_scope(*, membership: NetworkMembership) -> QuerySet[Goal]:
    if membership.whole_plan:
        return Goal.objects.filter(plan_id=membership.plan_id)
    # The plan_id filter also guards against a goal that was moved to another plan.
    return membership.goals.filter(plan_id=membership.plan_id)


def goal_in_scope(*, membership: NetworkMembership, goal_id: int) -> Goal:
    return get_or_404(goals_in_scope(membership=membership), pk=goal_id)


@dataclass
class ScopeView:
    """What a network member sees of a plan: goals with activity titles and comments."""

    goals: list[Goal]


def _author_names(*, plan: Plan) -> dict[int, str]:
    """Names to show for comment authors who are network members: the name the citizen gave
    them, never the account's email address."""
    return dict(NetworkMembership.objects.filter(plan=plan).values_list("user_id", "name"))


def comment_author_name(comment: Comment, *, plan: Plan, network_names: dict[int, str]) -> str:
    """The author as a network member may see them: never an email address."""
    if comment.author_role == AuthorRole.NETWORK:
        if comment.author_id is None:
            return comment.display_author  # "Tidligere netværksmedlem": the account is deleted
        return network_names.get(comment.author_id) or str(AuthorRole.NETWORK.label)
    if comment.author_role == AuthorRole.CITIZEN:
        return display_name(plan.citizen, fallback=AuthorRole.CITIZEN.label)
    profile = getattr(comment.author, "staff_profile", None)
    if profile is not None:
        return profile.name
    return display_name(comment.author, fallback=AuthorRole.STAFF.label)


def scope_view(*, plan: Plan, goals: QuerySet[Goal]) -> ScopeView:
    """The goals with only what a member may see. Used for the member's page and for the
    citizen's preview ("Det kan Lene se"), so the preview cannot show something else."""
    goals = list(
        goals.order_by("sort_order", "pk").prefetch_related(
            Prefetch(
                "activities",
                queryset=Activity.objects.filter(plan=plan)
                .only("pk", "goal_id", "title", "sort_order")
                .order_by("sort_order", "pk"),
                to_attr="visible_activities",
            ),
            Prefetch(
                "comments",
                queryset=Comment.objects.filter(plan=plan, activity__isnull=True)
                .select_related("author__staff_profile")
                .order_by("created_at", "pk"),
                to_attr="visible_comments",
            ),
        )
    )
    names = _author_names(plan=plan) if any(g.visible_comments for g in goals) else {}
    for goal in goals:
        for comment in goal.visible_comments:
            comment.display_name = comment_author_name(comment, plan=plan, network_names=names)
    return ScopeView(goals=goals)


def member_plan(*, membership: NetworkMembership) -> ScopeView:
    view = scope_view(plan=membership.plan, goals=goals_in_scope(membership=membership))
    offers = {}
    for offer in membership.offers.order_by("created_at", "pk"):
        offers.setdefault(offer.goal_id, []).append(offer)
    for goal in view.goals:
        goal.my_offers = offers.get(goal.pk, [])
    return view


# --- For the person holding an invitation link ----


def open_invitation(*, token: str) -> Invitation | None:
    """The invitation behind a link, if it can still be answered. Unknown, used, withdrawn and
    expired links all give None, so the answer page says the same for all of them."""
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.filter(
            token_hash=hash_token(token),
            status=Invitation.Status.SENT,
            expires_at__gt=timezone.now(),
        )
        .select_related("plan__citizen")
        .first()
    )


def invitation_goals(*, invitation: Invitation) -> QuerySet[Goal]:
    if invitation.whole_plan:
        return Goal.objects.filter(plan_id=invitation.plan_id)
    return invitation.goals.filter(plan_id=invitation.plan_id)


# --- For the citizen ----


@dataclass
class CitizenNetwork:
    members: list[NetworkMembership]
    invitations: list[Invitation]
    waiting_offers: list[Offer]
    answered_offers: list[Offer]


def network_for_citizen(*, plan: Plan) -> CitizenNetwork:
    members = list(
        plan.network.filter(status=NetworkMembership.Status.ACTIVE)
        .select_related("user")
        .prefetch_related("goals")
    )
    invitations = list(plan.invitations.all())
    offers = list(
        Offer.objects.filter(plan=plan, membership__status=NetworkMembership.Status.ACTIVE)
        .select_related("membership", "goal")
        .order_by("-created_at", "-pk")
    )
    return CitizenNetwork(
        members=members,
        invitations=invitations,
        waiting_offers=[o for o in offers if o.status == Offer.Status.WAITING],
        answered_offers=[o for o in offers if o.status != Offer.Status.WAITING],
    )


def invitation_of_plan(*, plan: Plan, invitation_id: int) -> Invitation:
    return get_or_404(plan.invitations.all(), pk=invitation_id)


def membership_of_plan(*, plan: Plan, membership_id: int) -> NetworkMembership:
    return get_or_404(
        plan.network.filter(status=NetworkMembership.Status.ACTIVE), pk=membership_id
    )


def offer_of_plan(*, plan: Plan, offer_id: int) -> Offer:
    offers = Offer.objects.select_related("membership", "goal").filter(
        plan=plan, membership__status=NetworkMembership.Status.ACTIVE
    )
    return get_or_404(offers, pk=offer_id)


def network_help_by_goal(*, plan: Plan) -> dict[int, list[Offer]]:
    """Accepted offers from people still in the network, by goal: "Mit netværk hjælper med …"
    in Min plan and for staff in the admin."""
    offers = (
        Offer.objects.filter(
            plan=plan,
            status=Offer.Status.ACCEPTED,
            membership__status=NetworkMembership.Status.ACTIVE,
        )
        .select_related("membership")
        .order_by("created_at", "pk")
    )
    by_goal: dict[int, list[Offer]] = {}
    for offer in offers:
        by_goal.setdefault(offer.goal_id, []).append(offer)
    return by_goal


def counts_for_limits(*, plan: Plan) -> tuple[int, int, int]:
    """(invitations made in the last 24 hours, active members, open invitations)."""
    now = timezone.now()
    return (
        plan.invitations.filter(created_at__gte=now - timedelta(days=1)).count(),
        plan.network.filter(status=NetworkMembership.Status.ACTIVE).count(),
        plan.invitations.filter(status=Invitation.Status.SENT, expires_at__gt=now).count(),
    )


def email_taken(*, plan: Plan, email: str) -> str | None:
    """Why this address cannot be invited again, or None."""
    now = timezone.now()
    if (
        plan.network.filter(status=NetworkMembership.Status.ACTIVE)
        .filter(Q(user__email__iexact=email) | Q(invitation__email__iexact=email))
        .exists()
    ):
        return "member"
    if plan.invitations.filter(
        email__iexact=email, status=Invitation.Status.SENT, expires_at__gt=now
    ).exists():
        return "invited"
    return None
