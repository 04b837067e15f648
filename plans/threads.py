"""A plan's comment thread, newest last, a page at a time: read for Min plan, the comments of
a goal or an activity, and the staff's view of the plan (a read, like plans.selectors, of a
plan the caller may already see)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Prefetch

from .models import Activity, Comment, Goal, Plan

COMMENTS_PER_PAGE = 50


@dataclass
class CommentThread:
    comments: list
    older_before: int | None  # pk to ask for older comments with, or None when there are none


def comment_thread(
    *,
    plan: Plan,
    goal: Goal | None = None,
    activity: Activity | None = None,
    before: int | None = None,
    limit: int = COMMENTS_PER_PAGE,
) -> CommentThread:
    """The newest `limit` comments (optionally those older than `before`), oldest first, in two
    queries: one extra row tells whether there are older ones behind "Vis ældre". The authors
    (with a staff member's role and department) come in a second query: with all seven joins in
    one, PostgreSQL spent ~7 ms planning a query that ran in 0.3 ms."""
    authors = get_user_model().objects.select_related("staff_profile__department")
    comments = (
        Comment.objects.filter(plan=plan)
        .select_related("goal", "activity", "reply_to")
        .prefetch_related(Prefetch("author", queryset=authors))
    )
    if goal is not None:
        comments = comments.filter(goal=goal)
    if activity is not None:
        comments = comments.filter(activity=activity)
    if before is not None:
        comments = comments.filter(pk__lt=before)
    newest = list(comments.order_by("-created_at", "-pk")[: limit + 1])
    has_older = len(newest) > limit
    shown = list(reversed(newest[:limit]))
    return CommentThread(comments=shown, older_before=shown[0].pk if has_older else None)
