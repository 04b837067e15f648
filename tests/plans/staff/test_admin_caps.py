"""The plan's caps in the Wagtail admin: the edit page offers no more goals or activities than
plans.limits allows, a save beyond the cap is refused with a plain message and keeps what was
typed, and a plan at its caps still opens as a page of reasonable size."""

import time

import pytest
from django.urls import reverse

from plans import limits
from plans.models import Offer, Plan
from tests.plans.factories import admin_formset, fill_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, world):
    client.force_login(world.coordinator)
    return client


def _plan_data(world, *, goals=(), activities=()):
    return {
        "citizen": world.citizen.email,
        "team": world.team.pk,
        "status": "active",
        "coordinator": world.coordinator_profile.pk,
        "what_matters": "Ro i hverdagen",
        **admin_formset("goals", goals),
        **admin_formset("activities", activities),
        **admin_formset("meetings"),
        **admin_formset("decisions"),
    }


def test_the_edit_page_offers_goals_and_activities_up_to_the_caps(coordinator_client, world):
    body = coordinator_client.get(reverse("planer:edit", args=[world.plan.pk])).content.decode()

    # Wagtail's "add" button reads these and stops at the cap.
    assert f'name="goals-MAX_NUM_FORMS" value="{limits.GOALS_PER_PLAN}"' in body
    assert f'name="activities-MAX_NUM_FORMS" value="{limits.ACTIVITIES_PER_PLAN}"' in body


def test_one_goal_too_many_is_refused_plainly_and_the_text_kept(coordinator_client, world):
    goals = [
        {"text": f"Mål skrevet i dag {n}", "written_by": "staff", "status": "active"}
        for n in range(limits.GOALS_PER_PLAN + 1)
    ]

    response = coordinator_client.post(
        reverse("planer:edit", args=[world.plan.pk]), _plan_data(world, goals=goals)
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "En plan kan have højst 50 mål. Slet et mål, før du tilføjer et nyt." in body
    assert f"Mål skrevet i dag {limits.GOALS_PER_PLAN}" in body
    assert Plan.objects.get(pk=world.plan.pk).goals.count() == 0


def test_the_cap_itself_is_allowed(coordinator_client, world):
    goals = [
        {"text": f"Mål {n}", "written_by": "staff", "status": "active"}
        for n in range(limits.GOALS_PER_PLAN)
    ]

    response = coordinator_client.post(
        reverse("planer:edit", args=[world.plan.pk]), _plan_data(world, goals=goals)
    )

    assert response.status_code == 302
    assert world.plan.goals.count() == limits.GOALS_PER_PLAN


def test_one_activity_too_many_is_refused_plainly(coordinator_client, world):
    activities = [
        {
            "title": f"Indsats skrevet i dag {n}",
            "department": world.departments[0].pk,
            "description": "Det sker her.",
            "responsible": world.coordinator_profile.pk,
            "status": "planned",
        }
        for n in range(limits.ACTIVITIES_PER_PLAN + 1)
    ]

    response = coordinator_client.post(
        reverse("planer:edit", args=[world.plan.pk]), _plan_data(world, activities=activities)
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "En plan kan have højst 50 indsatser. Slet en indsats, før du tilføjer en ny." in body
    assert world.plan.activities.count() == 0


def test_a_plan_at_its_caps_opens_in_the_admin(coordinator_client, world, network_member):
    goals, _activities = fill_plan(
        plan=world.plan,
        profile=world.coordinator_profile,
        departments=world.departments,
        goals=limits.GOALS_PER_PLAN,
        activities=limits.ACTIVITIES_PER_PLAN,
        comments=0,
    )
    Offer.objects.bulk_create(
        Offer(
            plan=world.plan,
            membership=network_member,
            goal=goals[n % len(goals)],
            kind="transport",
            what=f"Jeg kører dig {n}",
            status=Offer.Status.ACCEPTED,
        )
        for n in range(limits.OFFERS_PER_PLAN)
    )
    started = time.monotonic()

    response = coordinator_client.get(reverse("planer:edit", args=[world.plan.pk]))

    seconds = time.monotonic() - started
    size = len(response.content)
    print(f"\nadmin edit page at the caps: {size / 1e6:.2f} MB, {seconds:.2f} s")
    assert response.status_code == 200
    assert size < 2_500_000  # 1.7 MB measured


@pytest.fixture
def network_member(world):
    from plans.models import NetworkMembership, Relation
    from tests.plans.factories import citizen

    return NetworkMembership.objects.create(
        plan=world.plan,
        user=citizen(email="lene@example.dk", first_name="Lene"),
        name="Lene",
        relation=Relation.FAMILY,
        whole_plan=True,
    )
