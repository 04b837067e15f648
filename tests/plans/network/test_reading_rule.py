"""The member's reading rule written out in SQL (plans.network.selectors.reading_rule) lets
through exactly what the ORM's rule (memberships_for_member on a plan in use) lets through, and
loads the same membership, plan and citizen's name, in one query, on PostgreSQL and SQLite."""

import datetime

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plans.models import NetworkMembership, Plan, Relation
from plans.network import selectors
from plans.network.selectors.reading_rule import readable_membership
from tests.plans.factories import citizen

pytestmark = pytest.mark.django_db


def _orm_rule(user, plan_id):
    return (
        selectors.memberships_for_member(user=user)
        .filter(plan__status=Plan.Status.ACTIVE, plan_id=plan_id)
        .select_related("plan__citizen")
        .first()
    )


def _member(world, email="lene@example.dk", **fields):
    fields = {"name": "Lene", "relation": Relation.FAMILY, "whole_plan": True, **fields}
    return NetworkMembership.objects.create(
        plan=world.plan, user=citizen(email=email, first_name=""), **fields
    )


def _states(world):
    """A person per state of the rule, and the plans they could ask for."""
    reader = _member(world, helper_sees_access_log=True)
    removed = _member(world, "fjernet@example.dk", status=NetworkMembership.Status.REMOVED)
    left = _member(world, "gik@example.dk", status=NetworkMembership.Status.LEFT)
    finished = _member(world, "afsluttet@example.dk")
    finished.plan = world.other_plan
    finished.save()
    world.other_plan.status = Plan.Status.ARCHIVED
    world.other_plan.archived_at = timezone.now()
    world.other_plan.save()
    people = [reader.user, removed.user, left.user, finished.user, world.citizen, world.outsider]
    return people, [world.plan.pk, world.other_plan.pk, world.plan.pk + 1000]


def test_the_written_rule_lets_through_exactly_what_the_orm_rule_does(network_world):
    people, plan_ids = _states(network_world)
    let_through = []
    for user in people:
        for plan_id in plan_ids:
            expected = _orm_rule(user, plan_id)
            got = readable_membership(user=user, plan_id=plan_id)
            assert (got and got.pk) == (expected and expected.pk), (user.email, plan_id)
            if got:
                let_through.append((user.email, plan_id))
    # Only the active member of the plan in use: not the removed, the one who left, the member
    # of a finished plan, the citizen herself or a caseworker.
    assert let_through == [("lene@example.dk", network_world.plan.pk)]


def test_the_membership_plan_and_citizen_are_what_the_orm_loads(network_world):
    member = _member(network_world, helper_sees_access_log=True)
    joined = timezone.now() - datetime.timedelta(days=40)
    NetworkMembership.objects.filter(pk=member.pk).update(joined_at=joined)
    expected = _orm_rule(member.user, network_world.plan.pk)

    with CaptureQueriesContext(connection) as queries:
        got = selectors.membership_for_member(user=member.user, plan_id=network_world.plan.pk)
        # Read everything the member's pages use: nothing loads lazily.
        seen = (got.plan.citizen.first_name, got.plan.citizen.email, got.user.email, got.name)

    assert len(queries) == 1
    assert seen == ("Mette", "mette@example.dk", "lene@example.dk", "Lene")
    for model_field in NetworkMembership._meta.concrete_fields:
        name = model_field.attname
        assert getattr(got, name) == getattr(expected, name), name
    for model_field in Plan._meta.concrete_fields:
        name = model_field.attname
        assert getattr(got.plan, name) == getattr(expected.plan, name), name
    # Aware datetimes and booleans, as the ORM gives them (SQLite stores text and integers).
    assert got.joined_at == joined and got.joined_at.tzinfo is not None
    assert got.helper_sees_access_log is True and got.whole_plan is True
    assert got.plan.updated_at.tzinfo is not None
    # Someone else's page never reads the citizen's password hash.
    assert "password" in got.plan.citizen.get_deferred_fields()
    assert not got._state.adding and not got.plan._state.adding


def test_the_header_learns_whether_the_member_has_a_plan_of_her_own(network_world):
    member = _member(network_world)
    selectors.membership_for_member(user=member.user, plan_id=network_world.plan.pk)
    assert member.user._plans_header_roles == (False, True)

    # Ali helps Mette and has his own plan.
    ali = network_world.other_citizen
    NetworkMembership.objects.create(
        plan=network_world.plan, user=ali, name="Ali", relation=Relation.FRIEND
    )
    selectors.membership_for_member(user=ali, plan_id=network_world.plan.pk)
    assert ali._plans_header_roles == (True, True)


@pytest.mark.parametrize("plan_id", ["0", "-1", "abc", str(2**63), None])
def test_an_id_no_plan_can_have_is_a_404_without_a_query(network_world, plan_id):
    member = _member(network_world)
    with CaptureQueriesContext(connection) as queries, pytest.raises(Http404):
        selectors.membership_for_member(user=member.user, plan_id=plan_id)
    assert len(queries) == 0
