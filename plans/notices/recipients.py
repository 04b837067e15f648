"""Who hears about a new comment: the reads behind the comment notices (plans.notices.comments),
kept beside their only caller.

The plan's people are read in one statement written out in SQL: the ORM spent longer building
the query (a user, two subqueries and each person's notice choice) than the rest of a comment's
write took together (issue 18). The three ways onto the list are one UNION ALL that the
user table is joined to by its key: written as three ORs, PostgreSQL read the whole user
table (10.6 ms at 100,000 accounts, against 0.12 ms). tests/plans/test_notices.py and
test_comment_write.py hold who is told and who is not."""

from functools import cache

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Q, QuerySet

from .. import rows
from ..models import (
    AuthorRole,
    Comment,
    Goal,
    NetworkMembership,
    NoticePreference,
    StaffProfile,
    Team,
)

# What a notice needs of its recipient (plans.notices.delivery.notice_record); not the rest of
# the account, its password hash included.
RECIPIENT_FIELDS = ("id", "first_name", "last_name", "email", "is_active")


@cache
def _plan_people_statement() -> tuple[str, tuple]:
    quote = connection.ops.quote_name
    user_model = get_user_model()
    users, preferences, profiles, comments = (
        quote(model._meta.db_table)
        for model in (user_model, NoticePreference, StaffProfile, Comment)
    )
    team_members = quote(Team.members.through._meta.db_table)
    fields = rows.field_names(user_model, RECIPIENT_FIELDS)
    statement = (
        f"SELECT {rows.columns(user_model, 'u', fields)}, np.frequency "  # noqa: S608 (names from the models, values as parameters)
        f"FROM {users} u LEFT JOIN {preferences} np ON np.user_id = u.id "
        "WHERE u.is_active AND u.email <> '' AND u.id <> %s AND u.id IN ("
        "SELECT %s "
        f"UNION ALL SELECT s.user_id FROM {profiles} s WHERE s.id = %s "
        f"UNION ALL SELECT c.author_id FROM {comments} c JOIN {team_members} t "
        "ON t.user_id = c.author_id AND t.team_id = %s "
        "WHERE c.plan_id = %s AND c.author_role = %s"
        ") ORDER BY u.id"
    )
    return statement, fields


def comment_notice_recipients(*, comment: Comment) -> list:
    """Who hears about a new comment: the citizen, the coordinator and staff who took part in
    the conversation (still on the plan's team); only active accounts with an address. Never
    the author. (Network members are told by the network's own notices, which know their
    scope.) Each comes with her choice of how often (read by delivery.frequency_of)."""
    plan = comment.plan
    statement, fields = _plan_people_statement()
    author_id = comment.author_id if comment.author_id is not None else 0
    params = [
        author_id,
        plan.citizen_id,
        plan.coordinator_id,
        plan.team_id,
        plan.pk,
        AuthorRole.STAFF,
    ]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        found = cursor.fetchall()
    user_model = get_user_model()
    preference = user_model.notice_preference.related
    people = []
    for row in found:
        person = rows.instance(user_model, fields, row[:-1])
        frequency = row[-1]
        chosen = NoticePreference(user=person, frequency=frequency) if frequency else None
        preference.set_cached_value(person, chosen)
        people.append(person)
    return people


def members_who_see(*, goal: Goal) -> QuerySet[NetworkMembership]:
    """Active network members whose scope holds this goal (all goals, or this one chosen):
    who hears about a comment on it."""
    return (
        NetworkMembership.objects.filter(
            plan_id=goal.plan_id, status=NetworkMembership.Status.ACTIVE
        )
        .filter(Q(whole_plan=True) | Q(goals=goal))
        .select_related("user__notice_preference", "plan__citizen")
        .distinct()
    )
