"""The network's rows in the privacy matrix (tests/plans/test_privacy_matrix.py): people from
Mette's network, and from Ali's, against every Min plan and admin URL. Being in someone's
network opens only "Planer, jeg hjælper med" (test_privacy_matrix_member_pages.py), never the
citizen's own pages or the admin; a removed member is a stranger again."""

import pytest

from plans.models import NetworkMembership, Plan, Relation
from plans.network import services as network_services
from tests.plans.factories import (
    URLS,
    assert_shows_nothing_of_mettes_plan,
    citizen,
    matrix_request,
    matrix_snapshot,
)

NETWORK_ROLES = [
    "network_member",
    "whole_plan_member",
    "removed_member",
    "member_of_other_plan",
    "member_of_archived_plan",
]


def _network_person(world, role):
    person = citizen(email=f"{role}@example.dk", first_name="")
    plan = world.other_plan if role == "member_of_other_plan" else world.plan
    membership = NetworkMembership.objects.create(
        plan=plan,
        user=person,
        name="Lene",
        relation=Relation.FAMILY,
        whole_plan=role != "network_member",
    )
    if role == "network_member":
        membership.goals.set([world.goal])
    if role == "removed_member":
        network_services.membership_remove(membership=membership, by=world.citizen)
    if role == "member_of_archived_plan":
        # Finished by a bare UPDATE (a data fix): the reading rule alone must shut the door.
        Plan.objects.filter(pk=world.plan.pk).update(status=Plan.Status.ARCHIVED)
    return person


@pytest.mark.parametrize("url", URLS, ids=str)
@pytest.mark.parametrize("role", NETWORK_ROLES)
def test_network_people_reach_nothing_of_the_citizens_pages_or_the_admin(mettes, role, url):
    world = mettes
    user = _network_person(world, role)
    before = matrix_snapshot(world)

    response = matrix_request(url, world, user)
    body = response.content.decode() if response.status_code == 200 else ""

    if url.side == "citizen" and url.names_object:
        assert response.status_code == 404
    elif url.side == "citizen":
        # Their own Min plan: they have none, so the page says so (or asks them to log in).
        assert response.status_code in (200, 302, 404)
    else:
        assert response.status_code in (302, 403, 404), response.status_code
        if response.status_code == 302:
            assert response["Location"].split("?")[0] in ("/admin/", "/konto/login/")
    assert_shows_nothing_of_mettes_plan(body)
    after = matrix_snapshot(world)
    if url.member_reads_own_data and role in (
        "network_member",
        "whole_plan_member",
        "member_of_archived_plan",
    ):
        # Their own data (Mine data), what they wrote in Mette's plan even after it ended: the
        # read is written to Mette's log, nothing else changes.
        assert after[:-1] == before[:-1] and after[-1] == before[-1] + 1
    else:
        assert after == before
