"""Rules that live in the models and services: comments outlive their author, goals belong to
their plan, one active plan per citizen."""

import pytest
from django.db import IntegrityError, transaction

from plans.access_log import access_log_record, access_log_verify
from plans.errors import PlanRuleError
from plans.models import AccessLogEntry, Activity, Comment, Goal, Plan
from plans.services import (
    comment_add,
    comment_delete,
    feedback_give,
    goal_edit_by_citizen,
)

from .factories import citizen


def test_a_comment_outlives_its_authors_account_and_the_log_stays_intact(world):
    helper = citizen(email="hjaelper@example.dk", first_name="Lene")
    comment = comment_add(plan=world.plan, author=helper, author_role="network", body="Jeg kører")
    access_log_record(plan=world.plan, actor=helper, action="read", what="Et mål", kind="network")
    helper.delete()
    comment.refresh_from_db()
    assert comment.author is None
    assert comment.display_author == "Lene"
    assert comment.body == "Jeg kører"
    entry = AccessLogEntry.objects.get()
    assert entry.actor_id is None and entry.actor_name == "Lene"
    assert access_log_verify() == []


def test_deleting_a_comment_keeps_its_place_for_the_answers(world):
    question = comment_add(plan=world.plan, author=world.citizen, author_role="citizen", body="?")
    answer = comment_add(
        plan=world.plan, author=world.coordinator, author_role="staff", body="!", reply_to=question
    )
    comment_delete(comment=question, user=world.citizen)
    question.refresh_from_db()
    assert question.is_deleted and question.body == "" and question.body_html == ""
    assert Comment.objects.get(pk=answer.pk).reply_to_id == question.pk


def test_staff_comment_writes_are_logged_citizen_comments_are_not(world):
    comment_add(plan=world.plan, author=world.citizen, author_role="citizen", body="Hej")
    assert not AccessLogEntry.objects.exists()
    comment_add(plan=world.plan, author=world.coordinator, author_role="staff", body="Hej")
    assert AccessLogEntry.objects.get().what == "Skrev en kommentar"


def test_an_answer_cannot_point_into_another_plan(world):
    foreign = comment_add(
        plan=world.other_plan, author=world.other_citizen, author_role="citizen", body="Ali"
    )
    with pytest.raises(PlanRuleError):
        comment_add(
            plan=world.plan,
            author=world.coordinator,
            author_role="staff",
            body="x",
            reply_to=foreign,
        )


def test_a_citizen_cannot_reword_a_goal_staff_wrote(world):
    goal = Goal.objects.create(plan=world.plan, text="Skrevet af Anne", written_by="staff")
    with pytest.raises(PlanRuleError):
        goal_edit_by_citizen(goal=goal, citizen=world.citizen, text="Ændret")


def test_feedback_for_an_activity_of_another_plan_is_refused(world):
    activity = Activity.objects.create(
        plan=world.other_plan,
        department=world.departments[0],
        title="Alis indsats",
        responsible=world.outsider_profile,
    )
    with pytest.raises(PlanRuleError):
        feedback_give(plan=world.plan, citizen=world.citizen, score=3, activity=activity)


def test_one_active_plan_per_citizen(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.create(
            citizen=world.citizen, coordinator=world.coordinator_profile, team=world.team
        )
    world.plan.status = Plan.Status.ARCHIVED
    world.plan.save()
    Plan.objects.create(
        citizen=world.citizen, coordinator=world.coordinator_profile, team=world.team
    )


def test_a_plan_with_an_access_log_cannot_be_deleted(world):
    from django.db.models import ProtectedError

    access_log_record(plan=world.plan, actor=world.coordinator, action="read", what="Planen")
    with pytest.raises(ProtectedError):
        world.plan.delete()


def test_the_admin_offers_an_activity_only_the_goals_of_its_plan(world, client):
    from django.urls import reverse

    Goal.objects.create(plan=world.plan, text="Mettes mål")
    Goal.objects.create(plan=world.other_plan, text="Alis hemmelige mål")
    Activity.objects.create(
        plan=world.plan,
        department=world.departments[0],
        title="Praktik",
        responsible=world.coordinator_profile,
    )
    client.force_login(world.coordinator)
    body = client.get(reverse("planer:edit", args=[world.plan.pk])).content.decode()
    assert '<option value="' in body and ">Mettes mål</option>" in body
    assert "Alis hemmelige mål" not in body
