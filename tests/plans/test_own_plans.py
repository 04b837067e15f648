"""Min plan's own statement (plans.own_plans): the same plan, visit and header roles as the
ORM reads, in one query, on PostgreSQL and SQLite."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plans import selectors
from plans.models import NetworkMembership, Plan, PlanVisit
from plans.models.network import Relation


def test_her_plan_comes_with_her_own_visit_and_not_someone_elses(world):
    seen = timezone.now() - datetime.timedelta(hours=3)
    previous = seen - datetime.timedelta(days=2)
    PlanVisit.objects.create(
        plan=world.plan, user=world.citizen, previous_at=previous, seen_at=seen
    )
    # Someone else's visit of the same plan is not hers.
    PlanVisit.objects.create(plan=world.plan, user=world.coordinator, seen_at=timezone.now())

    with CaptureQueriesContext(connection) as queries:
        plan = selectors.plan_for_min_plan(user=world.citizen)

    assert len(queries) == 1
    assert plan == world.plan
    assert plan.what_matters == world.plan.what_matters
    assert plan.visit.user == world.citizen
    # Aware datetimes, as the ORM gives them (SQLite stores them as text).
    assert (plan.visit.previous_at, plan.visit.seen_at) == (previous, seen)
    assert plan.citizen_helps is False
    assert world.citizen._plans_header_roles == (True, False)


def test_before_her_first_visit_there_is_none(world):
    plan = selectors.plan_for_min_plan(user=world.citizen)

    assert plan.visit is None


def test_a_new_plan_in_use_takes_over_from_her_finished_one(world):
    world.plan.status = Plan.Status.ARCHIVED
    world.plan.archived_at = timezone.now()
    world.plan.save()
    new = Plan.objects.create(
        citizen=world.citizen, coordinator=world.coordinator_profile, team=world.team
    )

    assert selectors.plan_for_min_plan(user=world.citizen) == new
    new.delete()
    finished = selectors.plan_for_min_plan(user=world.citizen)
    assert finished == world.plan and finished.is_archived


def test_the_header_learns_that_she_helps_someone_else(world):
    NetworkMembership.objects.create(
        plan=world.other_plan,
        user=world.citizen,
        name="Mette",
        relation=Relation.FRIEND,
        status=NetworkMembership.Status.ACTIVE,
    )

    plan = selectors.plan_for_min_plan(user=world.citizen)

    assert plan.citizen_helps is True
    assert world.citizen._plans_header_roles == (True, True)


def test_someone_without_a_plan_gets_none(world):
    assert selectors.plan_for_min_plan(user=world.coordinator) is None
