"""The trusted helper's rows of the privacy matrix: every helper URL and every citizen URL that
gives or ends the role, against everyone who might knock. Only Mette's helper reaches the helper
pages; a helper whose role ended (stopped, removed, the plan finished) gets a plain page saying
why (403) with nothing of the plan; everyone else, and every malformed or foreign id, gets 404."""

import pytest
from django.test import Client

from plans.models import Comment, NetworkMembership, Offer, Plan, Relation
from plans.network import services
from tests.plans.factories import citizen

pytestmark = pytest.mark.django_db


def _member(world, email, name, *, plan=None, whole_plan=False):
    return NetworkMembership.objects.create(
        plan=plan or world.plan,
        user=citizen(email=email, first_name=""),
        name=name,
        relation=Relation.FAMILY,
        whole_plan=whole_plan,
    )


def _make_helper(world, membership, *, sees_log=True):
    services.helper_ask(membership=membership, by=world.citizen, sees_access_log=sees_log)
    services.helper_accept(membership=membership)


@pytest.fixture
def people(network_world):
    """One world per role: the role's own situation must not change the others' (one helper
    per plan). Returns (role -> user, the helper membership, an offer waiting for Mette)."""
    w = network_world
    plain = _member(w, "plain@example.dk", "Per", whole_plan=True)
    offer = services.offer_create(
        membership=plain, goal=w.shared_goal, kind="transport", what="Kørsel"
    )
    return w, plain, offer


def _setup_role(world, role):
    """The user knocking, after putting the plan's helper role in the state `role` names."""
    if role == "anonymous":
        return None
    if role in ("helper", "helper_role_stopped", "removed_helper", "helper_of_archived_plan"):
        membership = _member(world, f"{role}@example.dk", "Lene")
        _make_helper(world, membership)
        if role == "helper_role_stopped":
            services.helper_end(membership=membership, by=world.citizen)
        if role == "removed_helper":
            services.membership_remove(membership=membership, by=world.citizen)
        if role == "helper_of_archived_plan":
            Plan.objects.filter(pk=world.plan.pk).update(status=Plan.Status.ARCHIVED)
        return membership.user
    if role == "asked_member":
        membership = _member(world, "asked@example.dk", "Lis")
        services.helper_ask(membership=membership, by=world.citizen, sees_access_log=False)
        return membership.user
    if role == "plain_member":
        return NetworkMembership.objects.get(name="Per").user
    if role == "helper_of_other_plan":
        membership = _member(world, "karl@example.dk", "Karl", plan=world.other_plan)
        services.helper_ask(membership=membership, by=world.other_citizen, sees_access_log=True)
        services.helper_accept(membership=membership)
        return membership.user
    return {
        "citizen": world.citizen,
        "other_citizen": world.other_citizen,
        "coordinator": world.coordinator,
        "staff_outside_team": world.outsider,
        "editor": world.editor,
        "leader": world.leader,
    }[role]


ROLES = [
    "anonymous",
    "helper",
    "helper_role_stopped",
    "removed_helper",
    "helper_of_archived_plan",
    "asked_member",
    "plain_member",
    "helper_of_other_plan",
    "citizen",
    "other_citizen",
    "coordinator",
    "staff_outside_team",
    "editor",
    "leader",
]
ENDED = {"helper_role_stopped", "removed_helper", "helper_of_archived_plan"}

# (name, method, path(world, offer), data)
HELPER_URLS = [
    ("helper_plan", "get", lambda w, o: f"/hjaelper/{w.plan.pk}/", None),
    ("helper_access_log", "get", lambda w, o: f"/hjaelper/{w.plan.pk}/hvem-har-set/", None),
    (
        "helper_comment",
        "post",
        lambda w, o: f"/hjaelper/{w.plan.pk}/kommentar/",
        {"body": "Indtrængen"},
    ),
    (
        "helper_offer_answer",
        "post",
        lambda w, o: f"/hjaelper/{w.plan.pk}/tilbud/{o.pk}/svar/",
        {"answer_with": "yes"},
    ),
]
ANSWER_URLS = [
    ("helper_answer", "get", lambda w, o: f"/hjaelper/{w.plan.pk}/svar/", None),
    ("helper_answer", "post", lambda w, o: f"/hjaelper/{w.plan.pk}/svar/", {"action": "accept"}),
]

SECRETS = ["Jeg vil drikke mindre", "Samtaler på Rusmiddelcentret", "Hemmelig forklaring"]


def _snapshot(world):
    return (
        sorted(Comment.objects.values_list("body", flat=True)),
        sorted(Offer.objects.values_list("pk", "status", "answered_by_name")),
        sorted(
            NetworkMembership.objects.values_list(
                "pk", "status", "helper_since", "helper_asked_at"
            )
        ),
    )


def _request(client, method, path, data):
    return client.post(path, data or {}) if method == "post" else client.get(path)


@pytest.mark.parametrize("url", HELPER_URLS + ANSWER_URLS, ids=lambda u: f"{u[1]} {u[0]}")
@pytest.mark.parametrize("role", ROLES)
def test_only_the_helper_reaches_the_helper_pages(people, role, url):
    world, _plain, offer = people
    user = _setup_role(world, role)
    name, method, path, data = url
    client = Client()
    if user is not None:
        client.force_login(user)
    before = _snapshot(world)
    response = _request(client, method, path(world, offer), data)
    body = response.content.decode()

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")
    elif role == "helper":
        if name == "helper_answer":  # asked nothing: the link leads to the plan
            assert response.status_code == 302
        else:
            assert response.status_code == (200 if method == "get" else 302)
    elif role in ENDED:
        assert response.status_code == 403
        for text in SECRETS:
            assert text not in body
    elif role == "asked_member" and name == "helper_answer":
        assert response.status_code == (200 if method == "get" else 302)
    else:
        assert response.status_code == 404
    if role == "helper" and method == "post" and name != "helper_answer":
        assert _snapshot(world) != before
    elif not (role == "asked_member" and method == "post"):
        assert _snapshot(world) == before


CITIZEN_URLS = [
    ("helper_ask", "get", lambda m: f"/min-plan/netvaerk/medlemmer/{m.pk}/hjaelper/", None),
    (
        "helper_ask",
        "post",
        lambda m: f"/min-plan/netvaerk/medlemmer/{m.pk}/hjaelper/",
        {"sees_access_log": "yes"},
    ),
    ("helper_stop", "post", lambda m: f"/min-plan/netvaerk/medlemmer/{m.pk}/hjaelper/stop/", {}),
]


@pytest.mark.parametrize("url", CITIZEN_URLS, ids=lambda u: f"{u[1]} {u[0]}")
@pytest.mark.parametrize(
    "role", ["helper", "plain_member", "other_citizen", "coordinator", "staff_outside_team"]
)
def test_nobody_but_mette_gives_or_ends_the_role(people, reauthenticate, role, url):
    world, plain, _offer = people
    user = _setup_role(world, role)
    client = Client()
    reauthenticate(client, user)
    name, method, path, data = url
    helper = NetworkMembership.objects.filter(helper_since__isnull=False).first()
    target = helper or plain
    before = _snapshot(world)
    response = _request(client, method, path(target), data)
    assert response.status_code == 404
    assert _snapshot(world) == before


@pytest.mark.parametrize(
    "path",
    [
        "/hjaelper/{other}/",
        "/hjaelper/{other}/kommentar/",
        "/hjaelper/99999999999999999999999/",
        "/hjaelper/0/",
        "/hjaelper/{plan}/tilbud/99999999999999999999/svar/",
        "/hjaelper/{plan}/tilbud/{other_offer}/svar/",
    ],
)
def test_malformed_or_foreign_ids_are_a_plain_404_for_the_helper(people, path):
    world, _plain, _offer = people
    user = _setup_role(world, "helper")
    karl = _member(world, "karl2@example.dk", "Karl", plan=world.other_plan, whole_plan=True)
    other_offer = services.offer_create(
        membership=karl, goal=world.other_goal, kind="company", what="Kaffe"
    )
    client = Client()
    client.force_login(user)
    url = path.format(plan=world.plan.pk, other=world.other_plan.pk, other_offer=other_offer.pk)
    before = _snapshot(world)
    response = client.post(url, {"body": "Hej", "answer_with": "yes"})
    assert response.status_code == 404
    assert _snapshot(world) == before
