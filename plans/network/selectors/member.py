"""Reads for the network member and the invitation link: the reading rule (an active
membership of a plan in use), why access ended, and what a member sees of a plan. Every lookup
asks the database again, so access that has ended is gone on the very next request: removed,
left, or the plan finished (archived) by any path, the admin, a service or a data fix."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Case, Exists, IntegerField, OuterRef, Prefetch, QuerySet, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from ...models import (
    Activity,
    AuthorRole,
    Comment,
    Goal,
    Invitation,
    NetworkMembership,
    Notice,
    Plan,
)
from ...people import citizen_name, display_name
from ...selectors import get_or_404, remember_header_roles, valid_id
from ...tokens import hash_token
from .reading_rule import readable_membership

# --- For the network member ----


def memberships_for_member(*, user) -> QuerySet[NetworkMembership]:
    """The plans this person helps with ("Planer, jeg hjælper med"), finished ones too: the list
    says a plan is finished, without a link to it (plan.is_archived)."""
    if not user.is_authenticated:
        return NetworkMembership.objects.none()
    return (
        NetworkMembership.objects.filter(user=user, status=NetworkMembership.Status.ACTIVE)
        .select_related("plan__citizen")
        .order_by("joined_at", "pk")
    )


def membership_for_member(*, user, plan_id: int) -> NetworkMembership:
    """The reading rule: the person's active membership of a plan in use, or 404. A plan they
    do not help with, left, were removed from, a finished plan and a plan that does not exist
    all look the same here; `ended_access` tells a person who once had access why it ended.
    The same rule as memberships_for_member's, written out in SQL (reading_rule)."""
    plan_id = valid_id(plan_id)
    if plan_id is None or not user.is_authenticated:
        raise Http404
    membership = readable_membership(user=user, plan_id=plan_id)
    if membership is None:
        raise Http404
    remember_header_roles(user, has_plan=membership.member_has_plan, helps=True)
    return membership


@dataclass
class EndedAccess:
    """Why a person who once helped with this plan can no longer see it."""

    reason: str  # ARCHIVED, REMOVED or LEFT
    citizen_name: str
    ended_on: object  # a datetime, or None when nobody recorded it


ARCHIVED, REMOVED, LEFT = "archived", "removed", "left"


def ended_access(*, user, plan_id) -> EndedAccess | None:
    """For the member's plain "access ended" page: None for anyone who never had a membership
    of the plan (they get 404, so nobody learns of a plan they never had). An active membership
    of a finished plan comes first; else the latest that was ended. Names no plan data but the
    citizen's first name, which the person knew already."""
    plan_id = valid_id(plan_id)
    if plan_id is None or not user.is_authenticated:
        return None
    membership = (
        NetworkMembership.objects.filter(user=user, plan_id=plan_id)
        .select_related("plan__citizen")
        .order_by(
            Case(
                When(status=NetworkMembership.Status.ACTIVE, then=0),
                default=1,
                output_field=IntegerField(),
            ),
            "-ended_at",
            "-pk",
        )
        .first()
    )
    if membership is None:
        return None
    name = citizen_name(membership.plan.citizen)
    if membership.is_active:
        if not membership.plan.is_archived:
            return None
        return EndedAccess(reason=ARCHIVED, citizen_name=name, ended_on=membership.plan.ended_at)
    reason = REMOVED if membership.status == NetworkMembership.Status.REMOVED else LEFT
    return EndedAccess(reason=reason, citizen_name=name, ended_on=membership.ended_at)


def header_roles(*, user) -> tuple[bool, bool]:
    """(has a plan of their own, helps with a plan) for the site header's links: what the page's
    own query learned (plans.selectors.remember_header_roles), else one query."""
    if not user.is_authenticated:
        return False, False
    known = getattr(user, "_plans_header_roles", None)
    if known is not None:
        return known
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            has_plan=Exists(Plan.objects.filter(citizen=OuterRef("pk"))),
            helps=Exists(
                NetworkMembership.objects.filter(
                    user=OuterRef("pk"), status=NetworkMembership.Status.ACTIVE
                )
            ),
        )
        .values_list("has_plan", "helps")
        .first()
    )
    has_plan, helps = row or (False, False)
    remember_header_roles(user, has_plan=has_plan, helps=helps)
    return user._plans_header_roles


def members_to_tell_plan_ended(*, plan: Plan, kind: str) -> QuerySet[NetworkMembership]:
    """Active members of a finished plan not yet given the `kind` notice since it was finished
    (so a second save of the finished plan tells nobody twice)."""
    told = Notice.objects.filter(plan=plan, recipient=OuterRef("user"), kind=kind)
    if plan.archived_at is not None:
        told = told.filter(created_at__gte=plan.archived_at)
    return (
        plan.network.filter(status=NetworkMembership.Status.ACTIVE, user__isnull=False)
        .exclude(Exists(told))
        .order_by("pk")
    )


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
        name = network_names.get(comment.author_id) or str(AuthorRole.NETWORK.label)
        if comment.on_behalf_of_name:  # written by her helper, for her
            return _("%(helper)s for %(citizen)s") % {
                "helper": name,
                "citizen": comment.on_behalf_of_name,
            }
        return name
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
    expired links, and links to a finished plan, all give None, so the answer page says the
    same for all of them."""
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.filter(
            token_hash=hash_token(token),
            status=Invitation.Status.SENT,
            expires_at__gt=timezone.now(),
            # A finished plan takes no new members: its links say what an old link says.
            plan__status=Plan.Status.ACTIVE,
        )
        .select_related("plan__citizen")
        .first()
    )


def invitation_goals(*, invitation: Invitation) -> QuerySet[Goal]:
    if invitation.whole_plan:
        return Goal.objects.filter(plan_id=invitation.plan_id)
    return invitation.goals.filter(plan_id=invitation.plan_id)
