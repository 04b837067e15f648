"""The coordinator's caseload ("Mine borgere"): what waits for staff on each plan of their teams,
in the admin listing and on the dashboard, never a plan of another team, in a fixed number of
queries however many plans there are."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import (
    AccessLogEntry,
    Activity,
    AuthorRole,
    Comment,
    Decision,
    Feedback,
    Goal,
    Meeting,
    NetworkMembership,
    Offer,
    Plan,
    Relation,
)
from plans.staff.caseload import caseload
from portal.demo.accounts import ensure_demo_user
from tests.plans.factories import citizen, staff_member

NOW = timezone.now()
TODAY = timezone.localdate()
# The caseload itself is one query, whatever the number of plans. Around it, the listing page
# reads the page cache's generation, the session, the user, their permissions (two), whether
# they have MFA, their Wagtail profile, and for the admin menu the locales and three kinds of
# Wagtail permission: 12. The dashboard adds Wagtail's own panels (workflow states and tasks,
# the user's recent page edits): 19. The same numbers for one plan and for six.
LISTING_QUERIES = 12
DASHBOARD_QUERIES = 19


@pytest.fixture(autouse=True)
def clock():
    """Times are counted from the start of each test, so a long run that passes midnight does
    not move the complaint-deadline window under a test."""
    global NOW, TODAY
    NOW, TODAY = timezone.now(), timezone.localdate()


def _ago(**kwargs):
    return NOW - datetime.timedelta(**kwargs)


def _comment(plan, role, at, *, author=None, deleted=False):
    return Comment.objects.create(
        plan=plan,
        author=author,
        author_name="Anne Holm" if role == AuthorRole.STAFF else "Skribent",
        author_role=role,
        body="Tekst",
        body_html="<p>Tekst</p>",
        created_at=at,
        deleted_at=at if deleted else None,
    )


def _member(plan, name, status=NetworkMembership.Status.ACTIVE):
    person = citizen(email=f"{name.lower()}@example.dk", first_name=name)
    return NetworkMembership.objects.create(
        plan=plan, user=person, name=name, relation=Relation.FRIEND, whole_plan=True, status=status
    )


def _offer(plan, membership, status=Offer.Status.WAITING):
    goal = plan.goals.first() or Goal.objects.create(plan=plan, text="Et mål")
    return Offer.objects.create(
        plan=plan, membership=membership, goal=goal, kind="transport", what="Kører", status=status
    )


def _decision(plan, deadline, contact):
    return Decision.objects.create(
        plan=plan,
        title="Afgørelse",
        explanation="Fordi.",
        meaning="Det betyder noget.",
        how_to_complain="Ring.",
        complaint_deadline=deadline,
        contact=contact,
    )


def _meeting(plan, at):
    return Meeting.objects.create(plan=plan, starts_at=at, place="Rådhuset")


def _feedback(plan, score, at, *, author=None, activity=None):
    return Feedback.objects.create(
        plan=plan, author=author or plan.citizen, score=score, answered_at=at, activity=activity
    )


def _plan_for(world, first_name, *, profile=None, team=None, status=Plan.Status.ACTIVE):
    person = citizen(email=f"{first_name.lower()}@example.dk", first_name=first_name)
    return Plan.objects.create(
        citizen=person,
        coordinator=profile or world.coordinator_profile,
        team=team or world.team,
        status=status,
    )


def _fill_mettes_plan(world):
    """Everything that waits on Mette's plan, with numbers the tests can name."""
    plan, anne = world.plan, world.coordinator
    lene = _member(plan, "Lene")
    removed = _member(plan, "Kim", status=NetworkMembership.Status.REMOVED)
    _comment(plan, AuthorRole.CITIZEN, _ago(days=5), author=world.citizen)  # answered below
    _comment(plan, AuthorRole.STAFF, _ago(days=3), author=anne)
    _comment(plan, AuthorRole.CITIZEN, _ago(days=2, hours=1), author=world.citizen)
    _comment(plan, AuthorRole.NETWORK, _ago(days=1), author=lene.user)
    _comment(plan, AuthorRole.CITIZEN, _ago(hours=5), author=world.citizen, deleted=True)
    _offer(plan, lene)
    _offer(plan, lene)
    _offer(plan, lene, status=Offer.Status.ACCEPTED)
    _offer(plan, removed)  # Kim was removed: his offer no longer waits for Mette
    _meeting(plan, _ago(days=1))  # the last contact: after Anne's comment
    _meeting(plan, NOW + datetime.timedelta(days=10))
    next_meeting = _meeting(plan, NOW + datetime.timedelta(days=3))
    for days in (-1, 3, 14, 15):
        _decision(plan, TODAY + datetime.timedelta(days=days), world.coordinator_profile)
    activity = Activity.objects.create(
        plan=plan,
        title="Indsats",
        department=world.departments[0],
        responsible=world.coordinator_profile,
    )
    _feedback(plan, 3, _ago(days=20))
    _feedback(plan, 4, _ago(days=2))
    _feedback(plan, 1, _ago(days=1), activity=activity)  # about one activity, not the plan
    _feedback(plan, 5, _ago(hours=1), author=lene.user)  # not the citizen's answer
    return next_meeting


@pytest.fixture
def anne(client, world):
    client.force_login(world.coordinator)
    return client


def _row_for(rows, plan):
    (row,) = [row for row in rows if row.plan_id == plan.pk]
    return row


# --- The numbers on a row ----


def test_a_row_carries_what_waits_on_the_plan(world):
    next_meeting = _fill_mettes_plan(world)

    row = _row_for(caseload(user=world.coordinator), world.plan)

    assert (row.citizen_name, row.coordinator, row.team) == ("Mette", "Anne Holm", "Team Øst")
    assert row.unanswered_comments == 2
    assert row.oldest_unanswered_at == _ago(days=2, hours=1)
    assert row.oldest_unanswered_age.days == 2
    assert row.waiting_offers == 2
    assert row.next_meeting_at == next_meeting.starts_at
    assert row.deadlines_soon == 2
    assert row.next_deadline == TODAY + datetime.timedelta(days=3)
    assert (row.feedback_score, row.feedback_direction_label) == (4, "op")
    assert row.last_contact_at == _ago(days=1)


def test_a_plan_with_nothing_yet(world):
    row = _row_for(caseload(user=world.coordinator), world.plan)
    assert (row.unanswered_comments, row.oldest_unanswered_at) == (0, None)
    assert (row.waiting_offers, row.deadlines_soon, row.next_meeting_at) == (0, 0, None)
    assert (row.feedback_score, row.feedback_direction_label) == (None, "")
    assert row.last_contact_at is None


def test_every_comment_waits_until_staff_first_answer_and_none_after(world):
    _comment(world.plan, AuthorRole.CITIZEN, _ago(days=4), author=world.citizen)
    _comment(world.plan, AuthorRole.CITIZEN, _ago(days=1), author=world.citizen)
    assert _row_for(caseload(user=world.coordinator), world.plan).unanswered_comments == 2

    _comment(world.plan, AuthorRole.STAFF, _ago(hours=1), author=world.coordinator)
    row = _row_for(caseload(user=world.coordinator), world.plan)
    assert (row.unanswered_comments, row.oldest_unanswered_at) == (0, None)
    assert row.last_contact_at == _ago(hours=1)


@pytest.mark.parametrize(
    ("scores", "label"), [([4], "første svar"), ([4, 2], "ned"), ([3, 3], "uændret")]
)
def test_the_meaningfulness_direction(world, scores, label):
    for n, score in enumerate(scores):
        _feedback(world.plan, score, _ago(days=10 - n))
    row = _row_for(caseload(user=world.coordinator), world.plan)
    assert (row.feedback_score, row.feedback_direction_label) == (scores[-1], label)


# --- Order and filters ----


def test_what_needs_attention_comes_first(world):
    plans = {name: _plan_for(world, name) for name in "ABCDEFG"}
    _comment(plans["A"], AuthorRole.CITIZEN, _ago(days=5))
    _comment(plans["B"], AuthorRole.NETWORK, _ago(days=1))
    _decision(plans["C"], TODAY + datetime.timedelta(days=2), world.coordinator_profile)
    _offer(plans["D"], _member(plans["D"], "Dorte"))
    _meeting(plans["E"], _ago(days=30))
    _comment(plans["G"], AuthorRole.STAFF, _ago(days=2), author=world.coordinator)
    _meeting(world.plan, _ago(days=10))  # Mette: contact 10 days ago

    names = [row.citizen_name for row in caseload(user=world.coordinator)]

    # A and B wait for an answer (oldest first), C has a deadline, D an offer; then by last
    # contact: F never, E 30 days ago, Mette 10 days ago, G 2 days ago.
    assert names == ["A", "B", "C", "D", "F", "E", "Mette", "G"]


def test_mine_only_shows_the_plans_the_user_coordinates(world, anne):
    _, karin = staff_member(
        email="karin@example.dk",
        first_name="Karin",
        role="Sagsbehandler",
        department=world.departments[0],
        team=world.team,
    )
    _plan_for(world, "Sofie", profile=karin)

    assert [r.citizen_name for r in caseload(user=world.coordinator)] == ["Mette", "Sofie"]
    assert [r.citizen_name for r in caseload(user=world.coordinator, mine_only=True)] == ["Mette"]

    body = anne.get(reverse("plans_admin:caseload"), {"vis": "mine"}).content.decode()
    assert ">Mette</a>" in body and "Sofie" not in body
    assert 'value="mine" checked' in body
    body = anne.get(reverse("plans_admin:caseload")).content.decode()
    assert ">Mette</a>" in body and ">Sofie</a>" in body
    assert 'value="alle" checked' in body


def test_archived_plans_are_not_listed(world, anne):
    _plan_for(world, "Karen", status=Plan.Status.ARCHIVED)
    assert [r.citizen_name for r in caseload(user=world.coordinator)] == ["Mette"]
    assert "Karen" not in anne.get(reverse("plans_admin:caseload")).content.decode()


# --- The pages ----


def test_the_listing_shows_the_row_and_links_to_the_plan_and_its_comments(world, anne):
    _fill_mettes_plan(world)
    response = anne.get(reverse("plans_admin:caseload"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<caption" in body and '<th scope="col">Kommentarer uden svar</th>' in body
    assert f'href="{reverse("planer:edit", args=[world.plan.pk])}">Mette</a>' in body
    assert f'href="{reverse("plans_admin:comments", args=[world.plan.pk])}"' in body
    assert "2 (den ældste har ventet 2 dage)" in body
    assert "4 af 5, op" in body
    # Counts and the name, nothing of what the plan says.
    assert "Tekst" not in body and world.plan.what_matters not in body
    # Like the Planer list, the caseload is not a read of any plan's content.
    assert not AccessLogEntry.objects.exists()


def test_the_listing_says_plainly_when_there_is_nothing(world, anne):
    body = anne.get(reverse("plans_admin:caseload"), {"vis": "mine"}).content.decode()
    assert ">Mette</a>" in body
    world.plan.status = Plan.Status.ARCHIVED
    world.plan.save()
    body = anne.get(reverse("plans_admin:caseload"), {"vis": "mine"}).content.decode()
    assert "Du er ikke koordinator for nogen borger med en plan i gang." in body
    body = anne.get(reverse("plans_admin:caseload")).content.decode()
    assert "Der er ingen planer i gang i dine teams." in body


def test_the_dashboard_shows_the_five_that_wait_longest(world, anne):
    for n in range(6):
        plan = _plan_for(world, f"Borger{n}")
        _comment(plan, AuthorRole.CITIZEN, _ago(days=10 - n))
    body = anne.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mine borgere" in body
    assert [f"<strong>Borger{n}</strong>" in body for n in range(6)] == [True] * 5 + [False]
    assert "1 kommentar uden svar (den ældste har ventet 10 dage)" in body
    assert "Og 1 borger mere." in body
    assert "Mette" not in body  # nothing waits on Mette's plan
    assert f'href="{reverse("plans_admin:caseload")}">Se alle mine borgere</a>' in body
    assert not AccessLogEntry.objects.exists()


def test_the_menu_holds_mine_borgere_for_caseworkers_only(world, anne, client):
    # The sidebar is written as JSON for Wagtail's script; the Planer list has no caseload panel.
    menu_item = '"name": "mine-borgere"'
    assert menu_item in anne.get(reverse("planer:index")).content.decode()
    client.force_login(world.editor)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert menu_item not in body
    assert reverse("plans_admin:caseload") not in body


# --- Privacy ----


def test_a_caseworker_of_another_team_sees_nothing_of_mettes_plan(world, client):
    _fill_mettes_plan(world)
    assert [r.plan_id for r in caseload(user=world.outsider)] == [world.other_plan.pk]

    client.force_login(world.outsider)
    for mine in ("alle", "mine"):
        body = client.get(reverse("plans_admin:caseload"), {"vis": mine}).content.decode()
        assert ">Ali</a>" in body
        assert "Mette" not in body
        assert reverse("planer:edit", args=[world.plan.pk]) not in body
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Se alle mine borgere" in body
    assert "Mette" not in body


@pytest.mark.parametrize("role", ["editor", "leader"])
def test_editors_and_leaders_get_no_caseload(world, client, role):
    _fill_mettes_plan(world)
    if role == "editor":
        user = world.editor
    else:
        user = ensure_demo_user(email="leder@example.dk", first_name="Lis", groups=["Ledere"])
    assert caseload(user=user) == []
    client.force_login(user)

    response = client.get(reverse("plans_admin:caseload"))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].split("?")[0] == "/admin/"
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Se alle mine borgere" not in body and "Mette" not in body


# --- Queries ----


def _team_plans(world, count):
    """`count` plans in Anne's team (Mette's first), each with something in every column."""
    plans = [world.plan] + [_plan_for(world, f"Borger{n}") for n in range(count - 1)]
    for plan in plans:
        _comment(plan, AuthorRole.STAFF, _ago(days=4), author=world.coordinator)
        _comment(plan, AuthorRole.CITIZEN, _ago(days=2), author=plan.citizen)
        _offer(plan, _member(plan, f"Hjælper{plan.pk}"))
        _meeting(plan, _ago(days=1))
        _meeting(plan, NOW + datetime.timedelta(days=2))
        _decision(plan, TODAY + datetime.timedelta(days=5), world.coordinator_profile)
        _feedback(plan, 3, _ago(days=9))
        _feedback(plan, 4, _ago(days=1))
    return plans


@pytest.mark.parametrize("count", [1, 6])
def test_the_listing_reads_any_number_of_plans_in_the_same_queries(
    world, anne, django_assert_num_queries, count
):
    _team_plans(world, count)
    anne.get(reverse("plans_admin:caseload"))  # warm the site-wide caches
    with django_assert_num_queries(LISTING_QUERIES):
        response = anne.get(reverse("plans_admin:caseload"))
    assert response.content.decode().count("4 af 5, op") == count


@pytest.mark.parametrize("count", [1, 6])
def test_the_dashboard_reads_any_number_of_plans_in_the_same_queries(
    world, anne, django_assert_num_queries, count
):
    _team_plans(world, count)
    anne.get(reverse("wagtailadmin_home"))
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = anne.get(reverse("wagtailadmin_home"))
    assert response.content.decode().count("(den ældste har ventet 2 dage)") == min(count, 5)
