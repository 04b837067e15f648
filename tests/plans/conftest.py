"""Fixtures for the plans tests: a world of roles and plans (see factories.build_world), and
Mette's filled plan the privacy matrix knocks on (tests/plans/ and tests/plans/network/)."""

import pytest

from plans.models import Goal
from plans.services import comment_add

from .factories import build_world, fill_plan


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def mettes(world):
    fill_plan(
        plan=world.plan,
        profile=world.coordinator_profile,
        departments=world.departments,
        goals=1,
        activities=1,
        comments=0,
    )
    world.goal = Goal.objects.create(plan=world.plan, text="Mit eget mål", written_by="citizen")
    world.activity = world.plan.activities.get()
    world.comment = comment_add(
        plan=world.plan, author=world.citizen, author_role="citizen", body="Mettes kommentar"
    )
    # Ali has a plan of his own, so "another citizen" is a citizen with a plan.
    fill_plan(
        plan=world.other_plan,
        profile=world.outsider_profile,
        departments=world.departments,
        goals=1,
        activities=1,
        comments=1,
    )
    return world
