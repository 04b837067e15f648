"""The staff side: a caseworker keeps the plans of their team in the Wagtail admin, answers
comments there, and every read and write lands in the citizen's access log."""

import re

import pytest
from django.urls import reverse

from plans.models import AccessLogEntry, Comment, Plan
from plans.services import comment_add
from tests.plans.factories import admin_formset, deliver_digests, fill_plan


@pytest.fixture
def coordinator_client(client, world):
    client.force_login(world.coordinator)
    return client


def test_the_listing_shows_only_plans_of_the_team(coordinator_client, world):
    body = coordinator_client.get(reverse("planer:index")).content.decode()
    assert "Plan for Mette" in body
    assert "Plan for Ali" not in body


def test_search_and_status_filter(coordinator_client, world):
    body = coordinator_client.get(reverse("planer:index"), {"q": "mette"}).content.decode()
    assert "Plan for Mette" in body
    body = coordinator_client.get(reverse("planer:index"), {"q": "ali"}).content.decode()
    assert "Plan for Ali" not in body and "Plan for Mette" not in body
    body = coordinator_client.get(reverse("planer:index"), {"status": "archived"}).content.decode()
    assert "Plan for Mette" not in body


def test_opening_a_plan_is_logged_for_the_citizen(coordinator_client, world):
    response = coordinator_client.get(reverse("planer:edit", args=[world.plan.pk]))
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get()
    assert (entry.actor_name, entry.action, entry.what) == ("Anne Holm", "read", "Planen")


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
def test_another_teams_plan_is_404_in_every_admin_view(coordinator_client, world, view):
    response = coordinator_client.get(reverse(f"planer:{view}", args=[world.other_plan.pk]))
    assert response.status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_another_teams_plan_cannot_be_changed_by_post(coordinator_client, world):
    response = coordinator_client.post(
        reverse("planer:edit", args=[world.other_plan.pk]), {"what_matters": "Hacket"}
    )
    assert response.status_code == 404
    world.other_plan.refresh_from_db()
    assert world.other_plan.what_matters == "Et job."


def test_a_caseworker_saves_a_plan_with_a_goal_and_a_decision_and_it_is_logged(
    coordinator_client, world
):
    data = {
        "citizen": world.citizen.pk,
        "team": world.team.pk,
        "status": "active",
        "coordinator": world.coordinator_profile.pk,
        "what_matters": "At have det godt med børnene",
        **admin_formset(
            "goals",
            [{"text": "Kunne gå tur med hunden", "written_by": "staff", "status": "active"}],
        ),
        **admin_formset("activities"),
        **admin_formset("meetings"),
        **admin_formset(
            "decisions",
            [
                {
                    "title": "Du får et forløb",
                    "decided_on": "2026-11-20",
                    "explanation": "Fordi du har brug for ro",
                    "meaning": "Du skal ikke søge job i tre måneder",
                    "how_to_complain": "Ring til mig",
                    "complaint_deadline": "2026-12-18",
                    "contact": world.coordinator_profile.pk,
                }
            ],
        ),
    }
    response = coordinator_client.post(reverse("planer:edit", args=[world.plan.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    plan = Plan.objects.get(pk=world.plan.pk)
    assert plan.what_matters == "At have det godt med børnene"
    assert plan.goals.get().text == "Kunne gå tur med hunden"
    assert plan.decisions.get().how_to_complain == "Ring til mig"
    assert AccessLogEntry.objects.filter(action="write", what="Planen").count() == 1


def test_a_caseworker_cannot_put_a_plan_in_another_team(coordinator_client, world):
    response = coordinator_client.get(reverse("planer:add"))
    body = response.content.decode()
    assert "Team Øst" in body
    assert "Team Vest" not in body
    # The citizen is found by her exact address, never chosen from a list of accounts.
    for address in ["mette@example.dk", "ali@example.dk", "udenfor@example.dk"]:
        assert address not in body
    assert 'type="email" name="citizen"' in body


def test_the_edit_form_names_only_the_plans_own_citizen(coordinator_client, world):
    body = coordinator_client.get(reverse("planer:edit", args=[world.plan.pk])).content.decode()
    assert 'value="mette@example.dk"' in body
    assert "ali@example.dk" not in body


def test_the_caseworker_answers_a_comment_from_the_admin(
    coordinator_client, world, django_capture_on_commit_callbacks, mailoutbox
):
    question = comment_add(
        plan=world.plan, author=world.citizen, author_role="citizen", body="Hvornår ses vi?"
    )
    url = reverse("plans_admin:comments", args=[world.plan.pk])
    page = coordinator_client.get(url, {"svar": question.pk}).content.decode()
    assert "Hvornår ses vi?" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            url, {"body": "På tirsdag kl. 10", "reply_to": question.pk}
        )
    assert response.status_code == 302
    answer = Comment.objects.get(body="På tirsdag kl. 10")
    assert answer.reply_to == question and answer.author_role == "staff"
    # "Borgeren får en e-mail om, at du har svaret": in her morning digest, never dropped.
    deliver_digests()
    (to_mette,) = [m for m in mailoutbox if m.to == ["mette@example.dk"]]
    assert "har svaret dig i din plan" in to_mette.body
    whats = list(AccessLogEntry.objects.order_by("pk").values_list("action", "what"))
    assert whats == [("read", "Kommentarer"), ("write", "Skrev en kommentar")]


def test_comments_of_another_teams_plan_are_404(coordinator_client, world):
    url = reverse("plans_admin:comments", args=[world.other_plan.pk])
    assert coordinator_client.get(url).status_code == 404
    assert coordinator_client.post(url, {"body": "Hej"}).status_code == 404
    assert not Comment.objects.exists()


def test_the_access_log_is_read_only_in_the_admin(coordinator_client, world):
    coordinator_client.get(reverse("planer:edit", args=[world.plan.pk]))
    entry = AccessLogEntry.objects.get()
    world.coordinator.is_superuser = True
    world.coordinator.save()
    assert coordinator_client.get(reverse("adgangslog:index")).status_code == 200
    # Wagtail answers a missing permission by sending the person back to the dashboard.
    for response in (
        coordinator_client.get(reverse("adgangslog:edit", args=[entry.pk])),
        coordinator_client.post(reverse("adgangslog:edit", args=[entry.pk]), {}),
        coordinator_client.post(reverse("adgangslog:delete", args=[entry.pk])),
    ):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_a_big_plan_opens_in_the_admin(coordinator_client, world):
    fill_plan(
        plan=world.plan,
        profile=world.coordinator_profile,
        departments=world.departments,
        goals=5,
        activities=10,
        comments=0,
    )
    body = coordinator_client.get(reverse("planer:edit", args=[world.plan.pk])).content.decode()
    assert "Indsats 9" in body


def _plan_form(world, citizen, what_matters="Ro i hverdagen"):
    return {
        "citizen": citizen.email,
        "team": world.team.pk,
        "status": "active",
        "coordinator": world.coordinator_profile.pk,
        "what_matters": what_matters,
        **admin_formset("goals"),
        **admin_formset("activities"),
        **admin_formset("meetings"),
        **admin_formset("decisions"),
    }


def test_a_new_plan_is_logged_and_left_out_of_wagtails_site_history(coordinator_client, world):
    from django.test import Client
    from wagtail.models import ModelLogEntry

    from tests.plans.factories import citizen

    karen = citizen(email="karen@example.dk", first_name="Karen")
    response = coordinator_client.post(reverse("planer:add"), _plan_form(world, karen))
    assert response.status_code == 302
    plan = Plan.objects.get(citizen=karen)
    assert (
        AccessLogEntry.objects.get(plan=plan).what
        == "Fandt borgeren på sin e-mailadresse og oprettede planen"
    )
    coordinator_client.post(
        reverse("planer:edit", args=[world.plan.pk]), _plan_form(world, world.citizen)
    )
    # Wagtail's site history is shown to anyone with plan permissions, in every team.
    assert not ModelLogEntry.objects.exists()
    other_team = Client()
    other_team.force_login(world.outsider)
    history = other_team.get("/admin/reports/site-history/").content.decode()
    assert "Plan for Karen" not in history and "Plan for Mette" not in history


def test_the_comments_page_is_headed_kommentarer(coordinator_client, world):
    html = coordinator_client.get(
        reverse("plans_admin:comments", args=[world.plan.pk])
    ).content.decode()
    assert re.search(r"<h1[^>]*>(?:(?!</h1>).)*Kommentarer", html, flags=re.DOTALL)


def test_the_usage_page_is_a_read_in_the_citizens_log(coordinator_client, world):
    response = coordinator_client.get(reverse("planer:usage", args=[world.plan.pk]))
    assert response.status_code == 200
    last = AccessLogEntry.objects.filter(plan=world.plan).latest("pk")
    assert (last.actor_name, last.action, last.what) == (
        "Anne Holm",
        "read",
        "Planens brug i systemet",
    )


def test_another_team_opening_the_usage_page_logs_nothing(client, world):
    client.force_login(world.outsider)
    assert client.get(reverse("planer:usage", args=[world.plan.pk])).status_code == 404
    assert not AccessLogEntry.objects.filter(plan=world.plan, actor=world.outsider).exists()
