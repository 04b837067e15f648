"""The statement behind Min plan: the citizen's plans, her visit of each and whether she helps
anyone, read in one query written out in SQL (for selectors.plan_for_min_plan).

The ORM spent about 3 ms building and compiling this query on every Min plan view (three
subqueries and an EXISTS), four times what the database spends answering it (issue 18).
Written out once, it is the same on PostgreSQL and SQLite; the database's values become
Python ones through the fields' own converters, as the ORM's would (plans.rows)."""

from functools import cache

from django.db import connection

from .models import NetworkMembership, Plan, PlanVisit
from .rows import python_value

VISIT_FIELDS = ("id", "previous_at", "seen_at")


@cache
def _statement() -> str:
    quote = connection.ops.quote_name
    plans, visits, members = (
        quote(model._meta.db_table) for model in (Plan, PlanVisit, NetworkMembership)
    )
    visit_columns = ", ".join(
        f"v.{quote(PlanVisit._meta.get_field(name).column)} AS {quote('visit_' + name)}"
        for name in VISIT_FIELDS
    )
    return (
        f"SELECT p.*, {visit_columns}, "  # noqa: S608 (names from the models, values as params)
        f"EXISTS (SELECT 1 FROM {members} m WHERE m.user_id = %s AND m.status = %s) "
        "AS citizen_helps "
        f"FROM {plans} p LEFT JOIN {visits} v ON v.plan_id = p.id AND v.user_id = %s "
        "WHERE p.citizen_id = %s"
    )


def own_plans(*, user) -> list[Plan]:
    """Her plans, each with `visit` (her PlanVisit, or None before her first visit) and
    `citizen_helps` (she is an active member of someone's network)."""
    params = [user.pk, NetworkMembership.Status.ACTIVE, user.pk, user.pk]
    plans = list(Plan.objects.raw(_statement(), params))
    for plan in plans:
        plan.citizen = user  # hers by the statement's WHERE: named without asking again
        plan.citizen_helps = bool(plan.citizen_helps)
        values = {
            name: python_value(PlanVisit, name, getattr(plan, f"visit_{name}"))
            for name in VISIT_FIELDS
        }
        plan.visit = PlanVisit(plan=plan, user=user, **values) if values["id"] else None
    return plans
