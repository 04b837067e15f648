"""The network member's reading rule as one statement written out in SQL (for
membership_for_member): the person's active membership of this plan, the plan in use, with
the plan, the citizen's name and, for the site header, whether the person has a plan of her own.

The ORM spent about 1.1 ms building this query on every read a member makes, three times what
the database takes to answer it (issue 18). The rule is the same as memberships_for_member's
filter; tests/plans/network/test_reading_rule.py holds the two side by side."""

from functools import cache

from django.contrib.auth import get_user_model
from django.db import connection

from ... import rows
from ...models import NetworkMembership, Plan

# The citizen as the member's pages name her (plans.people.citizen_name); the rest of her
# account, its password hash included, is not read for someone else's page.
CITIZEN_FIELDS = ("id", "first_name", "last_name", "email")


@cache
def _shape() -> tuple[str, tuple, tuple, tuple]:
    quote = connection.ops.quote_name
    user_model = get_user_model()
    members, plans, users = (
        quote(model._meta.db_table) for model in (NetworkMembership, Plan, user_model)
    )
    shape = (
        rows.field_names(NetworkMembership),
        rows.field_names(Plan),
        rows.field_names(user_model, CITIZEN_FIELDS),
    )
    select = ", ".join(
        [
            rows.columns(NetworkMembership, "m", shape[0]),
            rows.columns(Plan, "p", shape[1]),
            rows.columns(user_model, "c", shape[2]),
        ]
    )
    statement = (
        f"SELECT {select}, "  # noqa: S608 (names from the models, values as parameters)
        f"EXISTS (SELECT 1 FROM {plans} own WHERE own.citizen_id = %s) AS member_has_plan "
        f"FROM {members} m JOIN {plans} p ON p.id = m.plan_id "
        f"JOIN {users} c ON c.id = p.citizen_id "
        "WHERE m.user_id = %s AND m.plan_id = %s AND m.status = %s AND p.status = %s"
    )
    return statement, *shape


def readable_membership(*, user, plan_id: int) -> NetworkMembership | None:
    """The membership with `plan` and `plan.citizen` loaded, `user` set to the person asking
    and `member_has_plan`; None when the rule does not let this person read the plan."""
    statement, member_fields, plan_fields, citizen_fields = _shape()
    params = [user.pk, user.pk, plan_id, NetworkMembership.Status.ACTIVE, Plan.Status.ACTIVE]
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        row = cursor.fetchone()
    if row is None:
        return None
    plan_at = len(member_fields)
    citizen_at = plan_at + len(plan_fields)
    membership = rows.instance(NetworkMembership, member_fields, row[:plan_at])
    plan = rows.instance(Plan, plan_fields, row[plan_at:citizen_at])
    plan.citizen = rows.instance(get_user_model(), citizen_fields, row[citizen_at:-1])
    membership.plan = plan
    membership.user = user
    membership.member_has_plan = bool(row[-1])
    return membership
