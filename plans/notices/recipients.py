"""Who hears about a new comment: the reads behind the comment notices (plans.notices.comments),
kept beside their only caller."""

from django.db.models import Q, QuerySet

from ..models import AuthorRole, Comment, Goal, NetworkMembership


def comment_notice_recipients(*, comment: Comment) -> list:
    """Who hears about a new comment: the citizen, the coordinator and staff who took part in
    the conversation. Never the author. (Network members are told by the network's own notices,
    which know their scope.)"""
    plan = comment.plan
    people = {plan.citizen_id: plan.citizen}
    coordinator_user = plan.coordinator.user
    if coordinator_user is not None:
        people[coordinator_user.pk] = coordinator_user
    staff_authors = (
        Comment.objects.filter(plan=plan, author_role=AuthorRole.STAFF, author__isnull=False)
        .filter(Q(author__plan_teams=plan.team_id))
        .select_related("author")
    )
    for earlier in staff_authors:
        people[earlier.author_id] = earlier.author
    people.pop(comment.author_id, None)
    return [person for person in people.values() if person.is_active and person.email]


def members_who_see(*, goal: Goal) -> QuerySet[NetworkMembership]:
    """Active network members whose scope holds this goal (all goals, or this one chosen):
    who hears about a comment on it."""
    return (
        NetworkMembership.objects.filter(
            plan_id=goal.plan_id, status=NetworkMembership.Status.ACTIVE
        )
        .filter(Q(whole_plan=True) | Q(goals=goal))
        .select_related("user", "plan__citizen")
        .distinct()
    )
