"""A plan's whole life for the citizen and staff: a finished plan stays on Min plan, read-only
("Din plan blev afsluttet den …"), every write to it is refused by the services, Mine data keeps
it, and a new plan takes over; staff link a new activity to a goal in one save."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from plans import services
from plans.errors import PlanRuleError
from plans.models import (
    Activity,
    Comment,
    Feedback,
    Goal,
    Invitation,
    NetworkMembership,
    Offer,
    Plan,
    Relation,
)
from plans.network import services as network_services

from .factories import URLS, admin_edit_data, citizen, matrix_request, matrix_snapshot

ENDED = datetime.datetime(2026, 11, 1, 12, 0, tzinfo=datetime.UTC)


def _archive(plan):
    # A data fix, the way a plan might end outside the admin.
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.ARCHIVED, archived_at=ENDED)
    return Plan.objects.get(pk=plan.pk)


@pytest.fixture
def finished(mettes):
    """Mette's plan, finished, with a member whose offer waits and a sent invitation."""
    membership = NetworkMembership.objects.create(
        plan=mettes.plan,
        user=citizen(email="lene@example.dk", first_name=""),
        name="Lene",
        relation=Relation.FAMILY,
        whole_plan=True,
    )
    mettes.offer = network_services.offer_create(
        membership=membership, goal=mettes.goal, kind="company", what="Kaffe"
    )
    mettes.invitation = Invitation.objects.create(
        plan=mettes.plan,
        invited_by=mettes.citizen,
        name="Sofie",
        email="sofie@example.dk",
        relation=Relation.FRIEND,
        token_hash="x" * 64,
        sent_at=timezone.now() - datetime.timedelta(days=2),
        expires_at=timezone.now() + datetime.timedelta(days=5),
    )
    mettes.plan = _archive(mettes.plan)
    return mettes


@pytest.fixture
def mette(client, finished):
    client.force_login(finished.citizen)
    return client


# --- Read-only ----


def test_the_finished_plan_shows_read_only_with_its_end_date(mette, finished):
    body = mette.get(reverse("plans:min_plan")).content.decode()
    assert "Du har ikke en plan hos os endnu" not in body
    assert "Din plan blev afsluttet den 1. november 2026" in body
    assert "At komme i gang med noget, der giver mening." in body
    assert "Mit eget mål" in body and "Mettes kommentar" in body
    assert 'action="/min-plan/kommentar/"' not in body
    assert 'class="feedback-form"' not in body
    assert reverse("plans:goal_add") not in body
    assert "tilbud venter på dit svar" not in body  # it cannot be answered any more


def test_the_goal_and_activity_pages_of_a_finished_plan_hold_no_forms(mette, finished):
    for url in (
        reverse("plans:goal", args=[finished.goal.pk]),
        reverse("plans:activity", args=[finished.activity.pk]),
    ):
        body = mette.get(url).content.decode()
        main = body[body.index("<main") : body.index("</main>")]
        assert "<form" not in main, url
        assert reverse("plans:goal_edit", args=[finished.goal.pk]) not in main
        assert reverse("plans:comment_edit", args=[finished.comment.pk]) not in main


def test_the_network_page_of_a_finished_plan_invites_and_answers_nothing(mette, finished):
    body = mette.get(reverse("network:index")).content.decode()
    assert "Din plan er afsluttet." in body
    assert reverse("network:invitation_new") not in body
    assert reverse("network:offer_answer", args=[finished.offer.pk]) not in body
    assert reverse("network:invitation_resend", args=[finished.invitation.pk]) not in body


def test_a_form_page_of_a_finished_plan_sends_her_back_with_the_reason(mette, finished):
    response = mette.get(reverse("plans:goal_add"), follow=True)
    assert response.redirect_chain == [(reverse("plans:min_plan"), 302)]
    assert "Planen er afsluttet. Du kan læse den, men ikke ændre den." in (
        response.content.decode()
    )


POSTS = [url for url in URLS if url.side == "citizen" and url.post is not None]
# Her rights over her data, and her own settings: not writes to the plan.
ALLOWED = {"erasure_request", "account_delete", "notice_settings"}


@pytest.mark.parametrize("url", [u for u in POSTS if u.name not in ALLOWED], ids=str)
def test_every_write_under_min_plan_on_a_finished_plan_writes_nothing(finished, url):
    before = matrix_snapshot(finished)
    response = matrix_request(url, finished, finished.citizen)
    assert response.status_code == 302
    assert response["Location"] in (
        reverse("plans:min_plan"),
        reverse("plans:activity", args=[finished.activity.pk]),
    )
    assert matrix_snapshot(finished) == before


def test_the_network_writes_on_a_finished_plan_write_nothing(mette, finished):
    invitations = Invitation.objects.count()
    invite = {"name": "Karl", "email": "karl@example.dk", "relation": "friend", "send": "1"}
    for url, data in [
        (reverse("network:invitation_new"), {**invite, "scope": "whole"}),
        (reverse("network:invitation_resend", args=[finished.invitation.pk]), {}),
        (reverse("network:offer_answer", args=[finished.offer.pk]), {"answer_with": "yes"}),
    ]:
        response = mette.post(url, data, follow=True)
        assert response.redirect_chain == [(reverse("network:index"), 302)], url
        assert "Planen er afsluttet. Du kan læse den, men ikke ændre den." in (
            response.content.decode()
        )
    assert Invitation.objects.count() == invitations
    finished.invitation.refresh_from_db()
    assert finished.invitation.token_hash == "x" * 64
    assert Offer.objects.get(pk=finished.offer.pk).status == Offer.Status.WAITING


def test_the_services_refuse_every_write_to_a_finished_plan(finished):
    plan, mette = finished.plan, finished.citizen
    comment = Comment.objects.select_related("plan").get(pk=finished.comment.pk)
    goal = Goal.objects.select_related("plan").get(pk=finished.goal.pk)
    offer = Offer.objects.select_related("plan").get(pk=finished.offer.pk)
    writes = [
        lambda: services.goal_add_by_citizen(plan=plan, citizen=mette, text="Nyt"),
        lambda: services.goal_edit_by_citizen(goal=goal, citizen=mette, text="Ændret"),
        lambda: services.feedback_give(plan=plan, citizen=mette, score=4),
        lambda: services.comment_add(plan=plan, author=mette, author_role="citizen", body="Ny"),
        lambda: services.comment_edit(comment=comment, user=mette, body="Ændret"),
        lambda: services.comment_delete(comment=comment, user=mette),
        lambda: network_services.invitation_check(plan=plan, email="karl@example.dk"),
        lambda: network_services.offer_answer(offer=offer, accepted=True),
    ]
    for write in writes:
        with pytest.raises(PlanRuleError, match="Planen er afsluttet"):
            write()
    assert not Feedback.objects.exists()
    assert Comment.objects.get(pk=comment.pk).body == "Mettes kommentar"
    assert Goal.objects.filter(plan=plan).count() == 2


# --- What stays, and what comes next ----


def test_mine_data_keeps_the_finished_plan(mette, finished):
    data = mette.get(reverse("plans:my_data_json")).json()
    (plan,) = data["plans"]
    assert plan["what_matters"] == "At komme i gang med noget, der giver mening."
    assert "Mit eget mål" in str(plan)


def test_a_new_plan_takes_over_min_plan(mette, finished):
    Plan.objects.create(
        citizen=finished.citizen,
        coordinator=finished.coordinator_profile,
        team=finished.team,
        what_matters="En ny begyndelse",
    )
    body = mette.get(reverse("plans:min_plan")).content.decode()
    assert "En ny begyndelse" in body
    assert "Din plan blev afsluttet" not in body
    assert 'action="/min-plan/kommentar/"' in body


def test_of_two_finished_plans_min_plan_shows_the_one_that_ended_last(mette, finished):
    later = Plan.objects.create(
        citizen=finished.citizen,
        coordinator=finished.coordinator_profile,
        team=finished.team,
        what_matters="Den seneste plan",
    )
    Plan.objects.filter(pk=later.pk).update(
        status=Plan.Status.ARCHIVED, archived_at=ENDED + datetime.timedelta(days=10)
    )
    body = mette.get(reverse("plans:min_plan")).content.decode()
    assert "Den seneste plan" in body
    assert "Din plan blev afsluttet den 11. november 2026" in body


# --- Staff: a new activity row offers the plan's goals ----


@pytest.fixture
def two_goals(world, client):
    world.goals = [
        Goal.objects.create(plan=world.plan, text=text, sort_order=n)
        for n, text in enumerate(["Komme i job", "Sove bedre"])
    ]
    world.alis_goal = Goal.objects.create(plan=world.other_plan, text="Alis mål")
    client.force_login(world.coordinator)
    return world


def _edit(world):
    return reverse("planer:edit", args=[world.plan.pk])


def test_the_new_activity_template_offers_the_plans_goals(client, two_goals):
    body = client.get(_edit(two_goals)).content.decode()
    select = re.search(
        r'<select name="activities-__prefix__-goal".*?</select>', body, flags=re.DOTALL
    )
    assert select is not None
    options = re.findall(r'<option value="(\d+)"', select.group(0))
    assert options == [str(goal.pk) for goal in two_goals.goals]
    assert "Et nyt mål kan vælges, når planen er gemt." not in body


def _with_new_activity(client, world, goal):
    data = admin_edit_data(client, world.plan)
    data.update(
        {
            "activities-TOTAL_FORMS": "1",
            "activities-0-title": "Samtaler om søvn",
            "activities-0-department": str(world.departments[1].pk),
            "activities-0-goal": str(goal.pk),
            "activities-0-responsible": str(world.coordinator_profile.pk),
            "activities-0-status": "planned",
            "activities-0-ORDER": "1",
        }
    )
    return client.post(_edit(world), data)


def test_a_new_activity_is_linked_to_a_goal_in_one_save(client, two_goals):
    response = _with_new_activity(client, two_goals, two_goals.goals[1])
    assert response.status_code == 302, response.content.decode()[:2000]
    activity = Activity.objects.get(title="Samtaler om søvn")
    assert (activity.plan_id, activity.goal_id) == (two_goals.plan.pk, two_goals.goals[1].pk)


def test_a_goal_of_another_plan_is_refused(client, two_goals):
    response = _with_new_activity(client, two_goals, two_goals.alis_goal)
    assert response.status_code == 200
    assert not Activity.objects.filter(title="Samtaler om søvn").exists()
