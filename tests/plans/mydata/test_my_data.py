"""Mine data: a citizen and a network member read and download everything about them; a member
deletes their account; a citizen's request for deletion reaches the coordinator."""

import datetime
import json

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from plans.models import (
    AccessLogEntry,
    Comment,
    ErasureRequest,
    Feedback,
    Invitation,
    NetworkMembership,
    Offer,
    Relation,
)
from plans.mydata import selectors
from plans.network import services as network_services
from tests.plans.factories import citizen, deliver_digests, fill_plan
from tests.plans.query_budgets import LOCK_AND_READ

pytestmark = pytest.mark.django_db

DATA = "/min-plan/mine-data/"
JSON = "/min-plan/mine-data.json"
DELETE = "/min-plan/mine-data/slet-konto/"
ERASE = "/min-plan/mine-data/bed-om-sletning/"


@pytest.fixture
def mine_data_world(world):
    goals, activities = fill_plan(
        plan=world.plan,
        profile=world.coordinator_profile,
        departments=world.departments,
        goals=2,
        activities=3,
        comments=3,
    )
    Feedback.objects.create(plan=world.plan, author=world.citizen, score=4, words="Det hjælper")
    lene = citizen(email="lene@example.dk", first_name="")
    membership = NetworkMembership.objects.create(
        plan=world.plan, user=lene, name="Lene", relation=Relation.FAMILY
    )
    membership.goals.set([goals[0]])
    network_services.member_comment_add(
        membership=membership, goal=goals[0], body="Jeg kører dig gerne"
    )
    network_services.offer_create(
        membership=membership, goal=goals[0], kind="transport", what="Kørsel til jobcentret"
    )
    Invitation.objects.create(
        plan=world.plan,
        invited_by=world.citizen,
        name="Jonas",
        email="jonas@example.dk",
        relation=Relation.FRIEND,
        message="Vil du hjælpe mig?",
        token_hash="f" * 64,
        expires_at=world.plan.created_at + datetime.timedelta(days=14),
    )
    world.goals, world.activities = goals, activities
    world.lene, world.membership = lene, membership
    return world


def _reauthenticated(user, demo_password):
    client = Client()
    client.force_login(user)
    response = client.post("/konto/reauthenticate/", {"password": demo_password})
    assert response.status_code == 302
    return client


def test_the_citizen_downloads_everything_about_them_as_json(client, mine_data_world):
    client.force_login(mine_data_world.citizen)

    response = client.get(JSON)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="faellesplan-mine-data')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "mette@example.dk"
    [plan] = data["plans"]
    assert plan["what_matters"] == mine_data_world.plan.what_matters
    assert [g["text"] for g in plan["goals"]] == ["Mål nummer 0", "Mål nummer 1"]
    assert len(plan["activities"]) == 3 and len(plan["meetings"]) == 1
    assert plan["decisions"][0]["explanation"].startswith("Fordi du har brug for ro")
    bodies = [c["body"] for c in plan["comments"]]
    assert "Kommentar 0" in bodies and "Jeg kører dig gerne" in bodies
    assert plan["network"]["members"][0]["name"] == "Lene"
    assert plan["network"]["invitations"][0]["message"] == "Vil du hjælpe mig?"
    assert plan["offers"][0]["what"] == "Kørsel til jobcentret"
    assert any(e["who"] == "Lene" for e in plan["access_log"])
    assert plan["feedback"][0]["words"] == "Det hjælper"
    # No token hash (nor anything like it) ever leaves the database.
    assert "f" * 64 not in response.content.decode()
    assert "token" not in response.content.decode()
    # Nothing of Ali's plan.
    assert "Et job." not in response.content.decode()


def test_the_readable_page_shows_the_same_and_links_the_file(client, mine_data_world):
    client.force_login(mine_data_world.citizen)

    html = client.get(DATA).content.decode()

    assert JSON in html
    for text in ("Mål nummer 1", "Indsats 2", "Afgørelse 0", "Jeg kører dig gerne", "Jonas"):
        assert text in html
    assert "Kørsel til jobcentret" in html
    assert "arkivloven" in html and "forvaltningsloven" in html
    # Min plan links here.
    assert DATA in client.get("/min-plan/").content.decode()


def test_the_citizens_own_reads_write_no_access_log(client, mine_data_world):
    client.force_login(mine_data_world.citizen)
    before = AccessLogEntry.objects.filter(plan=mine_data_world.plan).count()

    client.get(DATA)
    client.get(JSON)

    assert AccessLogEntry.objects.filter(plan=mine_data_world.plan).count() == before


def _grow(world):
    fill_plan(
        plan=world.plan,
        profile=world.coordinator_profile,
        departments=world.departments,
        goals=5,
        activities=12,
        comments=20,
        decisions=3,
    )


def test_the_export_costs_the_same_number_of_queries_for_any_plan_size(
    client, mine_data_world, django_assert_num_queries
):
    client.force_login(mine_data_world.citizen)
    client.get(JSON)  # the page cache's first look at the site is not the export's cost
    # session, user, email addresses; memberships, comments and offers as a member; the plans;
    # goals, activities, meetings, decisions, comments, members (+ their goals), invitations
    # (+ their goals), offers, access log, feedback, erasure requests
    with django_assert_num_queries(QUERIES_CITIZEN):
        client.get(JSON)
    _grow(mine_data_world)
    with django_assert_num_queries(QUERIES_CITIZEN):
        client.get(JSON)


def test_another_citizen_gets_only_their_own_data(client, mine_data_world):
    client.force_login(mine_data_world.other_citizen)

    body = client.get(JSON).content.decode()

    assert "Et job." in body
    assert (
        mine_data_world.plan.what_matters not in body
        and "Lene" not in body
        and "Kommentar 0" not in body
    )


def test_a_member_downloads_their_part_and_the_citizen_sees_it_in_the_log(
    client, mine_data_world, django_assert_num_queries
):
    client.force_login(mine_data_world.lene)
    client.get(JSON)  # the page cache's first look at the site
    before = AccessLogEntry.objects.filter(plan=mine_data_world.plan).count()

    with django_assert_num_queries(QUERIES_MEMBER):
        response = client.get(JSON)

    data = json.loads(response.content)
    assert data["plans"] == []
    member = data["network_member"]
    assert member["memberships"][0]["helps"] == "Mette"
    assert [c["body"] for c in member["comments"]] == ["Jeg kører dig gerne"]
    assert [o["what"] for o in member["offers"]] == ["Kørsel til jobcentret"]
    body = response.content.decode()
    # Only what the member wrote: no goal texts, no "what matters", no one else's comments.
    assert "Mål nummer 0" not in body and mine_data_world.plan.what_matters not in body
    assert "Kommentar 0" not in body
    log = AccessLogEntry.objects.filter(plan=mine_data_world.plan)
    assert log.count() == before + 1
    assert log.first().actor_name == "Lene" and "egne data" in log.first().what
    # Their area links here.
    assert DATA in client.get("/jeg-hjaelper/").content.decode()


def test_a_member_deletes_their_account_after_confirming_their_password(
    mine_data_world, demo_password, django_capture_on_commit_callbacks
):
    comment = Comment.objects.get(author=mine_data_world.lene)
    offer = Offer.objects.get(membership=mine_data_world.membership)
    client = Client()
    client.force_login(mine_data_world.lene)
    assert "/konto/reauthenticate/" in client.get(DELETE)["Location"]

    client = _reauthenticated(mine_data_world.lene, demo_password)
    assert "Tidligere netværksmedlem" in client.get(DELETE).content.decode()
    # Without the tick nothing happens.
    assert client.post(DELETE, {}).status_code == 200
    assert (
        NetworkMembership.objects.get(pk=mine_data_world.membership.pk).user_id
        == mine_data_world.lene.pk
    )

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE, {"confirm": "yes"})

    assert response.status_code == 302 and response["Location"] == "/"
    assert not type(mine_data_world.lene).objects.filter(pk=mine_data_world.lene.pk).exists()
    comment.refresh_from_db()
    assert comment.author_id is None and comment.body == "Jeg kører dig gerne"
    assert comment.display_author == "Tidligere netværksmedlem"
    membership = NetworkMembership.objects.get(pk=mine_data_world.membership.pk)
    assert membership.user_id is None and membership.status == NetworkMembership.Status.LEFT
    assert Offer.objects.filter(pk=offer.pk, plan=mine_data_world.plan).exists()
    # Mette is told that Lene left, as when anyone leaves (in her morning digest).
    deliver_digests()
    (to_mette,) = [m for m in mail.outbox if m.to == ["mette@example.dk"]]
    assert "Lene har forladt dit netværk" in to_mette.body
    # The citizen's page shows the comment under its new name.
    mette = Client()
    mette.force_login(mine_data_world.citizen)
    html = mette.get(f"/min-plan/maal/{mine_data_world.goals[0].pk}/").content.decode()
    assert "Tidligere netværksmedlem" in html and "Jeg kører dig gerne" in html
    assert "lene@example.dk" not in html


def test_a_refusal_that_arrives_between_page_and_delete_is_shown_in_plain_words(
    mine_data_world, demo_password, monkeypatch
):
    """The page found no reason to refuse, but by the time the delete runs the member has been
    given a plan: the service refuses, and the page says why in a sentence, not a list."""
    reason = "Du har en plan hos kommunen, så du kan ikke selv slette din konto."
    answers = iter([None, reason])
    monkeypatch.setattr(selectors, "account_deletion_refusal", lambda *, user: next(answers))
    client = _reauthenticated(mine_data_world.lene, demo_password)

    response = client.post(DELETE, {"confirm": "yes"})

    assert response.status_code == 403
    assert f'<p class="lead">{reason}</p>' in response.content.decode()
    assert type(mine_data_world.lene).objects.filter(pk=mine_data_world.lene.pk).exists()


def test_a_citizen_with_a_plan_and_staff_cannot_delete_their_account(
    mine_data_world, demo_password
):
    for user in (mine_data_world.citizen, mine_data_world.coordinator):
        client = (
            _reauthenticated(user, demo_password) if user == mine_data_world.citizen else Client()
        )
        if user != mine_data_world.citizen:
            client.force_login(user)
            client.get("/")  # staff: reauthentication happens only where it is asked for
        response = client.post(DELETE, {"confirm": "yes"})
        assert response.status_code in (302, 403)
        assert type(user).objects.filter(pk=user.pk).exists()


def test_a_citizens_erasure_request_reaches_the_coordinator_once(
    client, mine_data_world, django_capture_on_commit_callbacks
):
    client.force_login(mine_data_world.citizen)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ERASE)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ERASE)

    assert response.status_code == 302
    request = ErasureRequest.objects.get(plan=mine_data_world.plan)
    assert request.notified_at is not None
    [email] = mail.outbox
    assert email.to == ["koordinator@example.dk"]
    assert "Mette" in email.body and "slettet" in email.body
    # At once (urgent), with the exact link to the plan in the admin: SITE_URL + planer:edit.
    edit_link = "http://testserver" + reverse("planer:edit", args=[mine_data_world.plan.pk])
    assert f"Se planen:\n{edit_link}" in email.body
    # No plan content in the inbox.
    assert mine_data_world.plan.what_matters not in email.body
    html = client.get(DATA).content.decode()
    assert "Du bad om sletning" in html


def test_someone_without_a_plan_cannot_ask_for_erasure(client, mine_data_world):
    client.force_login(mine_data_world.lene)
    assert client.post(ERASE).status_code == 404
    assert not ErasureRequest.objects.exists()


def test_erasure_request_is_post_only(client, mine_data_world):
    client.force_login(mine_data_world.citizen)
    assert client.get(ERASE).status_code == 405


QUERIES_CITIZEN = 21  # with the page cache's one look-up
# session, user, memberships, comments, offers, email addresses, plans (none), and the log
# entry itself: savepoint, lock the plan and last hash, insert, release; plus the page cache's
# one look-up. (A member's entry is named from the membership, so no staff-profile look-up.)
QUERIES_MEMBER = 11 + LOCK_AND_READ


@pytest.mark.parametrize("role", ["other_citizen", "coordinator", "outsider", "editor"])
def test_nobody_else_finds_mettes_data_in_their_own(client, mine_data_world, role):
    user = {
        "other_citizen": mine_data_world.other_citizen,
        "coordinator": mine_data_world.coordinator,
        "outsider": mine_data_world.outsider,
        "editor": mine_data_world.editor,
    }[role]
    client.force_login(user)

    data = json.loads(client.get(JSON).content)

    assert all(plan["id"] != mine_data_world.plan.pk for plan in data["plans"])
    assert data["network_member"] == {"memberships": [], "comments": [], "offers": []}
    if role != "other_citizen":
        assert data["plans"] == []
