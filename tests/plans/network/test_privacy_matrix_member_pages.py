"""The network's rows of the privacy matrix: who reaches which network page. A member reaches
only the plans they help with, and only the goals in scope; every other object answers 404, so
ids reveal nothing. A removed member, and a member of a finished plan, get a plain page (403)
saying why on the very next request, with nothing of the plan in it."""

import pytest
from django.test import Client

from plans.models import Comment, NetworkMembership, Offer, Plan, Relation
from plans.network import services
from tests.plans.factories import NETWORK_ACTIVITY_TITLES, citizen

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(network_world, member):
    """Everyone who might knock: Lene (member), Bent (removed member), Karl (member of Ali's plan
    only), Mette (the citizen), Ali (another citizen), the coordinator, the editor."""
    bent = citizen(email="bent@example.dk", first_name="")
    removed = NetworkMembership.objects.create(
        plan=network_world.plan,
        user=bent,
        name="Bent",
        relation=Relation.NEIGHBOUR,
        whole_plan=True,
    )
    services.membership_remove(membership=removed, by=network_world.citizen)
    karl = citizen(email="karl@example.dk", first_name="")
    NetworkMembership.objects.create(
        plan=network_world.other_plan,
        user=karl,
        name="Karl",
        relation=Relation.FRIEND,
        whole_plan=True,
    )
    offer = services.offer_create(
        membership=member.membership,
        goal=network_world.shared_goal,
        kind="transport",
        what="Kørsel",
    )
    return {
        "anonymous": None,
        "member": member.user,
        "removed_member": bent,
        "member_of_other_plan": karl,
        "citizen": network_world.citizen,
        "other_citizen": network_world.other_citizen,
        "coordinator": network_world.coordinator,
        "editor": network_world.editor,
        "staff_outside_team": network_world.outsider,
        "leader": network_world.leader,
        "_offer": offer,
        "_removed": removed,
    }


MEMBER_PAGES = ["member_plan", "member_print", "offer_new", "member_leave"]


def _member_url(name, network_world):
    plan = network_world.plan.pk
    return {
        "member_plan": f"/jeg-hjaelper/{plan}/",
        "member_print": f"/jeg-hjaelper/{plan}/udskriv/",
        "offer_new": f"/jeg-hjaelper/{plan}/tilbyd-hjaelp/",
        "member_leave": f"/jeg-hjaelper/{plan}/forlad/",
    }[name]


def _client(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


ROLES = [
    "anonymous",
    "member",
    "removed_member",
    "member_of_other_plan",
    "citizen",
    "other_citizen",
    "coordinator",
    "editor",
    "staff_outside_team",
    "leader",
]


@pytest.mark.parametrize("page", MEMBER_PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_only_an_active_member_reaches_the_member_pages(network_world, people, role, page):
    response = _client(people[role]).get(_member_url(page, network_world))
    expected = {"member": 200, "anonymous": 302, "removed_member": 403}.get(role, 404)
    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith("/konto/login/")


@pytest.mark.parametrize("role", ROLES)
def test_only_an_active_member_may_comment_on_a_shared_goal(network_world, people, role):
    url = f"/jeg-hjaelper/{network_world.plan.pk}/maal/{network_world.shared_goal.pk}/kommentar/"
    response = _client(people[role]).post(url, {"body": "Hej"})
    expected = {"member": 302, "anonymous": 302, "removed_member": 403}.get(role, 404)
    assert response.status_code == expected


def test_a_member_reaches_no_other_plan_and_no_goal_outside_scope(network_world, people):
    lene, karl = _client(people["member"]), _client(people["member_of_other_plan"])
    assert lene.get(f"/jeg-hjaelper/{network_world.other_plan.pk}/").status_code == 404
    assert lene.get(f"/jeg-hjaelper/{network_world.other_plan.pk + 1000}/").status_code == 404
    assert karl.get(f"/jeg-hjaelper/{network_world.plan.pk}/").status_code == 404
    for client, plan, goal in [
        (lene, network_world.plan, network_world.private_goal),
        (lene, network_world.other_plan, network_world.other_goal),
        (lene, network_world.plan, network_world.other_goal),
        (karl, network_world.plan, network_world.shared_goal),
        (karl, network_world.other_plan, network_world.shared_goal),
    ]:
        url = f"/jeg-hjaelper/{plan.pk}/maal/{goal.pk}/kommentar/"
        assert client.post(url, {"body": "Hej"}).status_code == 404
        response = client.post(
            f"/jeg-hjaelper/{plan.pk}/tilbyd-hjaelp/",
            {"goal": goal.pk, "kind": "transport", "what": "Kørsel"},
        )
        assert response.status_code in (400, 404)
    assert not Comment.objects.filter(body="Hej").exists()
    assert Offer.objects.count() == 1  # only the one made in the fixture


@pytest.mark.parametrize("role", ["member", "removed_member", "member_of_other_plan"])
def test_members_reach_nothing_of_the_citizens_own_pages(network_world, people, role):
    """Min plan is the citizen's: a member's account has no plan, so every Min plan page that
    names an object answers 404 and the network pages of the citizen are out of reach."""
    client = _client(people[role])
    for url in [
        f"/min-plan/maal/{network_world.shared_goal.pk}/",
        f"/min-plan/indsats/{network_world.activities[0].pk}/",
        "/min-plan/hvem-har-set/",
        "/min-plan/netvaerk/",
        f"/min-plan/netvaerk/medlemmer/{people['_removed'].pk}/fjern/",
    ]:
        response = client.get(url)
        assert response.status_code in (404, 302), url
        if response.status_code == 302:  # asked to confirm the password first, then 404
            assert "/konto/reauthenticate/" in response["Location"]
    html = client.get("/min-plan/").content.decode()
    assert "Jeg vil have et job" not in html and "Afgørelse om" not in html


def test_another_citizen_cannot_touch_mettes_network(
    client, network_world, people, reauthenticate
):
    reauthenticate(client, network_world.other_citizen)
    membership = NetworkMembership.objects.get(user=people["member"])
    invitation = membership.invitation
    offer = people["_offer"]
    assert client.get(f"/min-plan/netvaerk/medlemmer/{membership.pk}/fjern/").status_code == 404
    assert client.post(f"/min-plan/netvaerk/medlemmer/{membership.pk}/fjern/").status_code == 404
    url = f"/min-plan/netvaerk/invitationer/{invitation.pk}/traek-tilbage/"
    assert client.post(url).status_code == 404
    url = f"/min-plan/netvaerk/invitationer/{invitation.pk}/send-igen/"
    assert client.post(url).status_code == 404
    url = f"/min-plan/netvaerk/tilbud/{offer.pk}/svar/"
    assert client.post(url, {"answer_with": "yes"}).status_code == 404
    membership.refresh_from_db()
    offer.refresh_from_db()
    assert membership.is_active and offer.status == Offer.Status.WAITING


def test_within_a_plan_nothing_outside_scope_and_no_other_members_addresses(
    network_world, people, member
):
    """Bent (another member, whole plan) comments on the shared goal: Lene sees his name only."""
    bent_again = NetworkMembership.objects.create(
        plan=network_world.plan,
        user=people["removed_member"],
        name="Bent",
        relation=Relation.NEIGHBOUR,
        whole_plan=True,
    )
    services.member_comment_add(
        membership=bent_again, goal=network_world.shared_goal, body="Hej fra Bent"
    )
    services.member_comment_add(
        membership=bent_again, goal=network_world.private_goal, body="Om det private mål"
    )
    html = _client(member.user).get(f"/jeg-hjaelper/{network_world.plan.pk}/").content.decode()
    assert "Hej fra Bent" in html and "<strong>Bent</strong>" in html
    for hidden in [
        "bent@example.dk",
        "lene@example.dk",
        "mette@example.dk",
        "Om det private mål",
        "Hvem har set",
        "Afgørelse",
        "Rusmiddel",
    ]:
        assert hidden not in html


def test_objects_of_a_member_page_answer_404_to_the_citizen_too(client, network_world, member):
    """Mette is not a member of her own plan: the member pages are not hers, even for her plan."""
    client.force_login(network_world.citizen)
    assert client.get(f"/jeg-hjaelper/{network_world.plan.pk}/").status_code == 404


# Every member URL naming Mette's plan, as (method, path) for the roles whose access ended.
def _every_member_url(network_world):
    plan, goal = network_world.plan.pk, network_world.shared_goal.pk
    return [
        ("get", f"/jeg-hjaelper/{plan}/"),
        ("get", f"/jeg-hjaelper/{plan}/tilbyd-hjaelp/"),
        ("get", f"/jeg-hjaelper/{plan}/forlad/"),
        ("post", f"/jeg-hjaelper/{plan}/maal/{goal}/kommentar/"),
        ("post", f"/jeg-hjaelper/{plan}/tilbyd-hjaelp/"),
        ("post", f"/jeg-hjaelper/{plan}/forlad/"),
        ("get", "/jeg-hjaelper/"),
    ]


# Anything of Mette's plan a member could once see, or anything beyond it.
PLAN_DATA = [
    "Jeg vil have et job",
    "Jeg vil drikke mindre",
    "Om jobbet",
    "Kørsel",
    "Afgørelse",
    *NETWORK_ACTIVITY_TITLES,
]
ENDED_HEADING = {
    "removed_member": "Mette har lukket for din adgang",
    "member_of_archived_plan": "Planen er afsluttet",
}


@pytest.mark.parametrize("role", ["removed_member", "member_of_archived_plan"])
def test_a_person_whose_access_ended_gets_no_plan_data_from_any_member_url(
    network_world, people, role
):
    if role == "member_of_archived_plan":
        # Lene, still an active member, whose plan was finished by a data fix.
        Plan.objects.filter(pk=network_world.plan.pk).update(status=Plan.Status.ARCHIVED)
        user = people["member"]
    else:
        user = people["removed_member"]
    client = _client(user)
    before = (
        Comment.objects.count(),
        Offer.objects.count(),
        list(NetworkMembership.objects.values_list("pk", "status").order_by("pk")),
    )
    data = {"body": "Hej", "goal": network_world.shared_goal.pk, "kind": "company", "what": "X"}
    for method, url in _every_member_url(network_world):
        response = client.post(url, data) if method == "post" else client.get(url)
        body = response.content.decode()
        for text in PLAN_DATA:
            assert text not in body, (url, text)
        if url == "/jeg-hjaelper/":
            assert response.status_code == 200
        else:
            assert response.status_code == 403, url
            assert ENDED_HEADING[role] in body, url
    after = (
        Comment.objects.count(),
        Offer.objects.count(),
        list(NetworkMembership.objects.values_list("pk", "status").order_by("pk")),
    )
    assert after == before
