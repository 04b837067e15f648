"""The Min plan page reads a plan of any size in the same, small number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plans import fragments
from plans.models import PlanVisit
from plans.selectors import min_plan

from .factories import fill_plan

SIZES = {"small": (3, 5, 5), "large": (30, 100, 300)}
# plan parts: goals, activities, meetings, decisions, feedback, the network's offers (the help she
# said yes to and how many wait for her answer, in one query), comments (with their targets and
# the comment answered), the comments' authors with their staff profiles. Two comment queries,
# not one: seven joins in one query cost PostgreSQL more to plan than a second query costs.
SELECTOR_QUERIES = 8
PAGE_BUDGET = 30
# The page: session, user, the plan with its coordinator (and, in the same query, whether she
# helps others, for the header, and her visit), the selector's 8 (the network's help is one of
# them), and five reads of the embedded database cache (the published state four times: the
# site, the footer, the header's guide link, the map of pages' language versions; the
# glossary's version), which production reads from Redis instead. Tests keep no process memory
# (PAGE_CACHE_LOCAL_SECONDS = 0); outside them the four published-state reads are one per
# process per second, or none (test_navigation_cache.py).
# Then "Nyt siden sidst" (issue 14): her visit is read with the plan (written only when she was
# last here more than a minute ago: not here, the warm-up views were just now), and since her
# previous visit the plan's changes and the comments to her (2, each a bounded list; the
# waiting offers come with the selector's).
# Since the plan and the news are kept rendered (plans.fragments, issue 18), a view after a
# change also looks for the two kept copies (1: one round trip for both), reads the
# coordinator on her own (1: the plan is found without her, as a kept copy does not need
# her) and stores both copies: five
# statements each on the test database cache (count, savepoint, look-up, write, release), one
# command each on Redis. Of the 30, 14 are SQL and 16 are the test database's cache.
PAGE_QUERIES = 30
# The next view, nothing changed: session, user, the plan with her visit, the two kept copies
# in one read, the glossary's version (the copy explains words from it in the decisions) and
# the layout's four cache reads (one is before the session). None of the selector's, none of
# the news.
# In production: the user and the plan, two SQL queries.
PAGE_QUERIES_KEPT = 9


def _fill(world, size):
    goals, activities, comments = SIZES[size]
    fill_plan(
        plan=world.plan,
        profile=world.coordinator_profile,
        departments=world.departments,
        goals=goals,
        activities=activities,
        comments=comments,
    )


@pytest.mark.parametrize("size", SIZES)
def test_the_selector_reads_any_plan_in_the_same_queries(world, django_assert_num_queries, size):
    _fill(world, size)
    with django_assert_num_queries(SELECTOR_QUERIES):
        page = min_plan(plan=world.plan)
        # Touch everything the template shows, so lazy loads would be counted here.
        for comment in page.thread.comments:
            _ = (comment.display_author, comment.goal, comment.activity, comment.reply_to)
            if comment.author:
                _ = getattr(comment.author, "staff_profile", None)
        for item in page.goals:
            for activity in item.activities:
                _ = (activity.department.name, activity.responsible.department.name)
        for decision in page.decisions:
            _ = decision.contact.department.name


def _page_queries(client, world):
    client.force_login(world.citizen)
    # She was here an hour ago, so the page reads what is new since then.
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    PlanVisit.objects.create(
        plan=world.citizen.plans.get(), user=world.citizen, seen_at=an_hour_ago
    )
    for _ in range(2):  # warm the site-wide caches (site, footer settings) the layout reads
        client.get(reverse("plans:min_plan"))
    # Someone wrote to the plan: the next view renders it anew, the one after uses that.
    fragments.plan_changed(plan_ids=[world.citizen.plans.get().pk])
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("plans:min_plan"))
        assert response.status_code == 200
        assert "Nyt siden sidst" in response.content.decode()
        counts.append(len(captured))
    return counts, response.content.decode()


def test_the_page_runs_the_same_queries_for_a_small_and_a_large_plan(world, client):
    _fill(world, "small")
    small, body = _page_queries(client, world)
    assert body.count('class="goal"') == 3
    assert body.count('class="activity"') == 5
    assert "Vis ældre kommentarer" not in body

    large_world_plan = world.other_plan  # a second citizen with a large plan, same page
    fill_plan(
        plan=large_world_plan,
        profile=world.outsider_profile,
        departments=world.departments,
        goals=30,
        activities=100,
        comments=300,
    )
    large, body = _page_queries(
        client, type(world)(**{**vars(world), "citizen": world.other_citizen})
    )
    assert body.count('class="goal"') == 30
    assert body.count('class="activity"') == 100
    assert body.count('<article class="comment') == 50
    assert "Vis ældre kommentarer" in body

    print(f"Min plan page: {small} queries for the small plan, {large} for the large one")
    assert small == large == [PAGE_QUERIES, PAGE_QUERIES_KEPT]
    assert PAGE_QUERIES <= PAGE_BUDGET
