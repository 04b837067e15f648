"""The limits of plans.limits, through the pages people use: a person who has written a lot in
the last hour, or a plan at its cap, is told plainly what happened, sees their text again, and
nothing is saved. Rows older than an hour do not count."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from plans import limits
from plans.models import (
    AuthorRole,
    Comment,
    Feedback,
    Goal,
    NetworkMembership,
    Offer,
    PlanEvent,
    Relation,
)
from tests.plans.factories import citizen, fill_plan

pytestmark = pytest.mark.django_db

TYPED = "Det her har jeg skrevet med omhu"
WAIT = "Vent lidt, og prøv igen."


@pytest.fixture
def lw(world):
    """The world with a goal and an activity on Mette's plan, and her sister Lene as a member
    who sees the whole plan."""
    goals, activities = fill_plan(
        plan=world.plan,
        profile=world.coordinator_profile,
        departments=world.departments,
        goals=1,
        activities=1,
        comments=0,
    )
    world.goal, world.activity = goals[0], activities[0]
    world.lene = citizen(email="lene@example.dk", first_name="Lene")
    world.membership = NetworkMembership.objects.create(
        plan=world.plan, user=world.lene, name="Lene", relation=Relation.FAMILY, whole_plan=True
    )
    return world


def _comments(w, *, author, role, n, minutes_ago=5):
    at = timezone.now() - timedelta(minutes=minutes_ago)
    Comment.objects.bulk_create(
        Comment(
            plan=w.plan,
            author=author,
            author_name="x",
            author_role=role,
            body=f"Tidligere {k}",
            created_at=at,
        )
        for k in range(n)
    )


def _page(response):
    return response.content.decode()


# --- Comments ----


def test_a_citizen_with_many_comments_this_hour_is_told_and_keeps_her_text(client, lw):
    _comments(lw, author=lw.citizen, role=AuthorRole.CITIZEN, n=limits.COMMENTS_PER_HOUR)
    client.force_login(lw.citizen)
    before = Comment.objects.count()

    response = client.post(reverse("plans:comment_add"), {"body": TYPED})

    assert response.status_code == 200
    page = _page(response)
    assert "Du har skrevet mange kommentarer den sidste time. Vent lidt, og prøv igen." in page
    assert TYPED in page
    assert Comment.objects.count() == before


def test_comments_older_than_an_hour_do_not_count(client, lw):
    _comments(
        lw, author=lw.citizen, role=AuthorRole.CITIZEN, n=limits.COMMENTS_PER_HOUR, minutes_ago=61
    )
    client.force_login(lw.citizen)

    response = client.post(reverse("plans:comment_add"), {"body": TYPED})

    assert response.status_code == 302
    assert Comment.objects.filter(body=TYPED).exists()


def test_one_below_the_limit_still_goes_through(client, lw):
    _comments(lw, author=lw.citizen, role=AuthorRole.CITIZEN, n=limits.COMMENTS_PER_HOUR - 1)
    client.force_login(lw.citizen)

    response = client.post(reverse("plans:comment_add"), {"body": TYPED})

    assert response.status_code == 302
    assert Comment.objects.filter(body=TYPED).count() == 1


def test_a_member_with_many_comments_this_hour_is_told_and_keeps_the_text(client, lw):
    # Counted per person: her comments on another plan count too.
    _comments(lw, author=lw.lene, role=AuthorRole.NETWORK, n=limits.COMMENTS_PER_HOUR)
    client.force_login(lw.lene)
    url = reverse("network:member_comment", args=[lw.plan.pk, lw.goal.pk])

    response = client.post(url, {"body": TYPED})

    page = _page(response)
    assert "Du har skrevet mange kommentarer den sidste time. Vent lidt, og prøv igen." in page
    assert TYPED in page
    assert not Comment.objects.filter(body=TYPED).exists()


def test_a_caseworker_answering_many_comments_is_told_at_the_staff_limit(client, lw):
    _comments(lw, author=lw.coordinator, role=AuthorRole.STAFF, n=limits.COMMENTS_PER_HOUR)
    client.force_login(lw.coordinator)
    url = reverse("plans_admin:comments", args=[lw.plan.pk])

    # The citizens' limit is not hers: a caseworker answers many people in one sitting.
    assert client.post(url, {"body": "Svar 1"}).status_code == 302
    _comments(
        lw,
        author=lw.coordinator,
        role=AuthorRole.STAFF,
        n=limits.COMMENTS_PER_HOUR_STAFF - limits.COMMENTS_PER_HOUR - 1,
    )
    response = client.post(url, {"body": TYPED})

    assert response.status_code == 200
    page = _page(response)
    assert "Du har skrevet mange kommentarer den sidste time." in page
    assert TYPED in page
    assert not Comment.objects.filter(body=TYPED).exists()


# --- Offers of help ----


def _offers(w, n, *, status=Offer.Status.WAITING, membership=None):
    Offer.objects.bulk_create(
        Offer(
            plan=w.plan,
            membership=membership or w.membership,
            goal=w.goal,
            kind="other",
            what=f"Hjælp {k}",
            status=status,
        )
        for k in range(n)
    )


def _offer(client, w):
    return client.post(
        reverse("network:offer_new", args=[w.plan.pk]),
        {"goal": w.goal.pk, "kind": "transport", "what": TYPED, "when": "Tirsdag"},
    )


def test_a_member_with_many_offers_this_hour_is_told_and_keeps_the_text(client, lw):
    _offers(lw, limits.OFFERS_PER_HOUR)
    client.force_login(lw.lene)

    page = _page(_offer(client, lw))

    assert "Du har tilbudt hjælp mange gange den sidste time. Vent lidt, og prøv igen." in page
    assert TYPED in page and "Tirsdag" in page
    assert not Offer.objects.filter(what=TYPED).exists()


def test_a_plan_with_many_offers_takes_no_more(client, lw):
    # Made by others, over time: the member herself has made none this hour.
    other = NetworkMembership.objects.create(
        plan=lw.plan,
        user=citizen(email="jonas@example.dk", first_name="Jonas"),
        name="Jonas",
        relation=Relation.FRIEND,
        whole_plan=True,
    )
    _offers(lw, limits.OFFERS_PER_PLAN, membership=other)
    Offer.objects.update(created_at=timezone.now() - timedelta(days=3))
    client.force_login(lw.lene)

    page = _page(_offer(client, lw))

    assert "Planen har allerede 100 tilbud om hjælp. Der er ikke plads til flere lige nu." in page
    assert TYPED in page
    assert not Offer.objects.filter(what=TYPED).exists()


def test_declined_offers_do_not_fill_the_plan(client, lw):
    _offers(lw, limits.OFFERS_PER_PLAN, status=Offer.Status.DECLINED)
    Offer.objects.update(created_at=timezone.now() - timedelta(days=3))
    client.force_login(lw.lene)

    assert _offer(client, lw).status_code == 302
    assert Offer.objects.filter(what=TYPED).exists()


# --- Feedback ----


def _feedback(w, n):
    Feedback.objects.bulk_create(
        Feedback(plan=w.plan, author=w.citizen, score=3) for _ in range(n)
    )


@pytest.mark.parametrize("where", ["plan", "activity"])
def test_a_citizen_answering_many_times_this_hour_is_told_and_keeps_her_words(client, lw, where):
    _feedback(lw, limits.FEEDBACK_PER_HOUR)
    client.force_login(lw.citizen)
    url = (
        reverse("plans:plan_feedback")
        if where == "plan"
        else reverse("plans:activity", args=[lw.activity.pk])
    )

    response = client.post(url, {"score": "4", "words": TYPED})

    assert response.status_code == 200
    page = _page(response)
    assert "Du har svaret mange gange den sidste time. Vent lidt, og prøv igen." in page
    assert TYPED in page
    assert Feedback.objects.count() == limits.FEEDBACK_PER_HOUR


# --- Goals ----


def _goal_events(w, n):
    PlanEvent.objects.bulk_create(
        PlanEvent(
            plan=w.plan,
            actor=w.citizen,
            actor_name="Mette",
            actor_kind=AuthorRole.CITIZEN,
            kind=PlanEvent.Kind.GOAL,
            what="Skrev et nyt mål",
        )
        for _ in range(n)
    )


def test_a_citizen_writing_many_goals_this_hour_is_told_and_keeps_her_text(client, lw):
    _goal_events(lw, limits.GOAL_WRITES_PER_HOUR)
    client.force_login(lw.citizen)
    before = Goal.objects.count()

    response = client.post(reverse("plans:goal_add"), {"text": TYPED})

    assert response.status_code == 200
    page = _page(response)
    assert (
        "Du har skrevet eller rettet mange mål den sidste time. Vent lidt, og prøv igen." in page
    )
    assert TYPED in page
    assert Goal.objects.count() == before


def test_rewording_a_goal_counts_too(client, lw):
    goal = Goal.objects.create(plan=lw.plan, text="Mit mål", written_by="citizen")
    _goal_events(lw, limits.GOAL_WRITES_PER_HOUR)
    client.force_login(lw.citizen)

    response = client.post(reverse("plans:goal_edit", args=[goal.pk]), {"text": TYPED})

    assert response.status_code == 200
    assert "Du har skrevet eller rettet mange mål den sidste time." in _page(response)
    assert TYPED in _page(response)
    goal.refresh_from_db()
    assert goal.text == "Mit mål"


def test_a_plan_with_many_goals_takes_no_more_from_the_citizen(client, lw):
    Goal.objects.bulk_create(
        Goal(plan=lw.plan, text=f"Mål {n}", sort_order=n) for n in range(limits.GOALS_PER_PLAN - 1)
    )
    client.force_login(lw.citizen)

    page = _page(client.post(reverse("plans:goal_add"), {"text": TYPED}))

    assert "Planen har 50 mål. Der er ikke plads til flere." in page
    assert "Tal med din koordinator om, hvilke mål I kan samle." in page
    assert TYPED in page
    assert lw.plan.goals.count() == limits.GOALS_PER_PLAN
