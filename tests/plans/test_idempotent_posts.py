"""A form sent twice writes once: a double click, a retry after a 503 or a timeout carries the
form's one-time key (plans.http.submitted_once), and the second copy is answered like the first."""

import re
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection, connections
from django.test import Client
from django.utils import timezone

from plans.models import Comment, Feedback, Goal, Invitation, Offer, SubmissionKey
from tests.plans.network.conftest import invite, member, network_world, reauthenticate

# The network fixtures live in tests/plans/network/conftest.py; this module uses them as well.
__all__ = ["invite", "member", "network_world", "reauthenticate"]

pytestmark = pytest.mark.django_db

KEY = re.compile(r'name="submission_key" value="([^"]+)"')
ALREADY_SAVED = "Det er allerede gemt."


def form_key(html: str, action: str = "") -> str:
    """The one-time key of the form that posts to `action` (the page's first form if empty)."""
    start = html.index(f'action="{action}"') if action else 0
    return KEY.search(html, start).group(1)


def post_twice(client, url, data):
    first = client.post(url, data)
    second = client.post(url, data)
    return first, second


def assert_answered_alike(client, first, second):
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SAVED in client.get(second["Location"]).content.decode()


def test_a_comment_sent_twice_is_stored_once(client, mettes):
    client.force_login(mettes.citizen)
    page = client.get("/min-plan/").content.decode()
    data = {"body": "Tak for mødet", "submission_key": form_key(page, "/min-plan/kommentar/")}

    first, second = post_twice(client, "/min-plan/kommentar/", data)

    assert Comment.objects.filter(body="Tak for mødet").count() == 1
    assert_answered_alike(client, first, second)


def test_a_goal_sent_twice_is_stored_once(client, mettes):
    client.force_login(mettes.citizen)
    page = client.get("/min-plan/maal/nyt/").content.decode()
    data = {"text": "Jeg vil cykle til arbejde", "submission_key": form_key(page)}

    first, second = post_twice(client, "/min-plan/maal/nyt/", data)

    assert Goal.objects.filter(text="Jeg vil cykle til arbejde").count() == 1
    assert_answered_alike(client, first, second)


def test_a_feedback_answer_sent_twice_is_kept_once(client, mettes):
    client.force_login(mettes.citizen)
    page = client.get("/min-plan/meningsfuld/").content.decode()
    data = {"score": "4", "words": "Bedre nu", "submission_key": form_key(page)}

    first, second = post_twice(client, "/min-plan/meningsfuld/", data)

    assert Feedback.objects.filter(words="Bedre nu").count() == 1
    assert_answered_alike(client, first, second)


def test_an_invitation_sent_twice_is_made_and_mailed_once(client, network_world, reauthenticate):
    reauthenticate(client, network_world.citizen)
    url = "/min-plan/netvaerk/inviter/"
    typed = {
        "name": "Lene",
        "email": "lene@example.dk",
        "relation": "family",
        "scope": "goals",
        "goals": [network_world.shared_goal.pk],
        "message": "Du er god til at køre bil.",
    }
    preview = client.post(url, typed).content.decode()
    mail.outbox.clear()

    first, second = post_twice(
        client, url, {**typed, "send": "1", "submission_key": form_key(preview)}
    )

    assert Invitation.objects.filter(email="lene@example.dk").count() == 1
    assert len(mail.outbox) == 1
    assert_answered_alike(client, first, second)


def test_an_offer_sent_twice_is_made_once(client, network_world, member):
    client.force_login(member.user)
    url = f"/jeg-hjaelper/{network_world.plan.pk}/tilbyd-hjaelp/"
    page = client.get(url).content.decode()
    data = {
        "goal": network_world.shared_goal.pk,
        "kind": Offer.Kind.choices[0][0],
        "what": "Jeg kører dig til jobsamtalen",
        "when": "",
        "submission_key": form_key(page),
    }

    first, second = post_twice(client, url, data)

    assert Offer.objects.filter(what="Jeg kører dig til jobsamtalen").count() == 1
    assert_answered_alike(client, first, second)


def test_a_members_comment_sent_twice_is_stored_once(client, network_world, member):
    client.force_login(member.user)
    plan_page = f"/jeg-hjaelper/{network_world.plan.pk}/"
    url = f"{plan_page}maal/{network_world.shared_goal.pk}/kommentar/"
    page = client.get(plan_page).content.decode()
    data = {"body": "Jeg kommer på tirsdag", "submission_key": form_key(page, url)}

    first, second = post_twice(client, url, data)

    assert Comment.objects.filter(body="Jeg kommer på tirsdag").count() == 1
    assert_answered_alike(client, first, second)


def test_a_form_shown_again_with_its_errors_keeps_the_key_free(client, mettes):
    client.force_login(mettes.citizen)
    key = form_key(client.get("/min-plan/kommentar/").content.decode())

    refused = client.post("/min-plan/kommentar/", {"body": " ", "submission_key": key})
    saved = client.post("/min-plan/kommentar/", {"body": "Nu med tekst", "submission_key": key})

    assert refused.status_code == 200
    assert saved.status_code == 302
    assert Comment.objects.filter(body="Nu med tekst").count() == 1


def test_an_old_form_used_again_with_other_words_is_a_new_comment(client, mettes):
    """A page brought back from the browser's history carries a used key; other words in it
    are a new comment, not a repeat to be swallowed."""
    client.force_login(mettes.citizen)
    key = form_key(client.get("/min-plan/kommentar/").content.decode())

    client.post("/min-plan/kommentar/", {"body": "Første", "submission_key": key})
    response = client.post("/min-plan/kommentar/", {"body": "Anden", "submission_key": key})

    assert response.status_code == 302
    assert set(
        Comment.objects.filter(body__in=["Første", "Anden"]).values_list("body", flat=True)
    ) == {
        "Første",
        "Anden",
    }


def test_a_write_that_fails_frees_its_key_for_the_retry(client, mettes, monkeypatch):
    """The database goes while the comment is written: the comment and the key go back
    together (a 503), and "Prøv igen" with the same data stores it once."""
    from plans import notices

    client.force_login(mettes.citizen)
    key = form_key(client.get("/min-plan/kommentar/").content.decode())
    data = {"body": "Skrevet under nedbrud", "submission_key": key}
    real = notices.comment_notices_record

    def fail_after_the_comment_is_written(**kwargs):
        assert Comment.objects.filter(body="Skrevet under nedbrud").exists()
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(notices, "comment_notices_record", fail_after_the_comment_is_written)
    failed = client.post("/min-plan/kommentar/", data)
    assert failed.status_code == 503
    assert not Comment.objects.filter(body="Skrevet under nedbrud").exists()
    assert not SubmissionKey.objects.exists()

    monkeypatch.setattr(notices, "comment_notices_record", real)
    retried = client.post("/min-plan/kommentar/", data)
    again = client.post("/min-plan/kommentar/", data)

    assert retried.status_code == again.status_code == 302
    assert Comment.objects.filter(body="Skrevet under nedbrud").count() == 1


def test_a_post_without_a_key_is_carried_out_as_before(client, mettes):
    client.force_login(mettes.citizen)
    for _ in range(2):
        assert client.post("/min-plan/kommentar/", {"body": "Uden nøgle"}).status_code == 302
    assert Comment.objects.filter(body="Uden nøgle").count() == 2
    assert not SubmissionKey.objects.exists()


def test_every_writing_form_carries_a_fresh_key(client, mettes):
    client.force_login(mettes.citizen)
    first = KEY.findall(client.get("/min-plan/").content.decode())
    second = KEY.findall(client.get("/min-plan/").content.decode())
    assert len(first) == 2  # the comment form and "Hvor meningsfuld er planen for dig?"
    assert len(set(first + second)) == 4


def test_old_keys_are_pruned_and_fresh_ones_kept(mettes):
    old = SubmissionKey.objects.create(user=mettes.citizen, key="a" * 64, result_url="/")
    fresh = SubmissionKey.objects.create(user=mettes.citizen, key="b" * 64, result_url="/")
    SubmissionKey.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(hours=SubmissionKey.KEEP_FOR_HOURS + 1)
    )

    call_command("prune_submission_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert list(SubmissionKey.objects.values_list("pk", flat=True)) == [fresh.pk]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_copies_sent_at_the_same_moment_store_one_comment():
    """A double click reaches two app server threads at once: on PostgreSQL the second waits
    for the first on the key's unique constraint, then answers like it."""
    from .factories import build_world

    if connection.vendor == "sqlite":
        pytest.skip("SQLite has one writer at a time; the constraint's wait matters on PostgreSQL")
    world = build_world()
    clients = [Client(), Client()]
    for each in clients:
        each.force_login(world.citizen)
    key = form_key(clients[0].get("/min-plan/kommentar/").content.decode())
    start = threading.Barrier(len(clients))
    answers, errors = [], []

    def send(each):
        try:
            start.wait()
            answers.append(
                each.post("/min-plan/kommentar/", {"body": "Dobbeltklik", "submission_key": key})
            )
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(each,)) for each in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert [answer.status_code for answer in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]
    assert Comment.objects.filter(body="Dobbeltklik").count() == 1


def test_a_staff_answer_sent_twice_is_stored_once(client, mettes):
    """The coordinator's answer in the admin carries the same one-time key as the citizen's."""
    client.force_login(mettes.coordinator)
    url = f"/admin/plan-kommentarer/{mettes.plan.pk}/"
    page = client.get(url).content.decode()
    data = {"body": "Vi ses på tirsdag", "reply_to": "", "submission_key": form_key(page)}

    first, second = post_twice(client, url, data)

    assert Comment.objects.filter(body="Vi ses på tirsdag").count() == 1
    assert_answered_alike(client, first, second)
