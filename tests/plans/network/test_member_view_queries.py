"""The member's page reads a plan in a fixed number of queries, however big the plan is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from plans import fragments
from plans.models import NetworkMembership, Relation
from plans.network import selectors, services
from plans.services import comment_add
from tests.plans.factories import citizen, fill_plan, written_over_time
from tests.plans.query_budgets import LOCK_AND_READ

pytestmark = pytest.mark.django_db

# 16 since the header links the guide index: one more read of the test database cache (tests
# keep no process memory; outside them the published-state reads share one per second).
# 17 since the footer names each page's other-language version (the translation map, the same
# kind of cached read).
PAGE_BUDGET = 23
# The page after a change: session, user, the membership, the kept copy looked for, the
# selector's five reads (goals, activity titles, comments, member names, own offers), the copy
# stored (five statements on the test database cache: count,
# savepoint, look-up, write, release; one command on Redis), the access log entry (savepoint,
# lock and last hash, insert, release) and the layout's four cache reads (one before the
# session).
PAGE_QUERIES = 21 + LOCK_AND_READ
# The next view, nothing changed: the same without the selector's reads and the storing; the
# access log entry is written every time.
PAGE_QUERIES_KEPT = 11 + LOCK_AND_READ
# membership (with plan, citizen, user), goals, activity titles, comments (authors and staff
# profiles joined), member names for comment authors, own offers; then the access log entry:
# lock the plan and read the last hash, insert; inside the test's transaction the log's own
# transaction is a SAVEPOINT and its RELEASE.
READ_AND_LOG_QUERIES = 9 + LOCK_AND_READ
SIZES = {"small": (1, 1, 3, False), "large": (30, 120, 300, True)}


def _member_of(network_world, *, goals, activities, comments, whole_plan):
    goal_objs, _ = fill_plan(
        plan=network_world.plan,
        profile=network_world.coordinator_profile,
        departments=network_world.departments,
        goals=goals,
        activities=activities,
        comments=0,
    )
    user = citizen(email=f"m{goals}@example.dk", first_name="")
    membership = NetworkMembership.objects.create(
        plan=network_world.plan,
        user=user,
        name="Lene",
        relation=Relation.FAMILY,
        whole_plan=whole_plan,
    )
    if not whole_plan:
        membership.goals.set(goal_objs[:1])
    # Comments from the citizen, staff and other members on every goal, and offers.
    others = [
        NetworkMembership.objects.create(
            plan=network_world.plan,
            user=citizen(email=f"other{goals}-{n}@example.dk", first_name=""),
            name=f"Ven {n}",
            relation=Relation.FRIEND,
            whole_plan=True,
        )
        for n in range(3)
    ]
    with written_over_time():
        for n in range(comments):
            goal = goal_objs[n % len(goal_objs)]
            if n % 3 == 0:
                services.member_comment_add(membership=others[n % 3], goal=goal, body=f"Hej {n}")
            elif n % 3 == 1:
                comment_add(
                    plan=network_world.plan,
                    author=network_world.citizen,
                    author_role="citizen",
                    body="K",
                    goal=goal,
                )
            else:
                comment_add(
                    plan=network_world.plan,
                    author=network_world.coordinator,
                    author_role="staff",
                    body="S",
                    goal=goal,
                )
    for goal in goal_objs[:5]:
        services.offer_create(membership=membership, goal=goal, kind="company", what="Kaffe")
    return user


@pytest.mark.parametrize("size", SIZES)
def test_reading_and_logging_takes_the_same_queries_for_any_plan(
    network_world, django_assert_num_queries, size
):
    goals, activities, comments, whole_plan = SIZES[size]
    user = _member_of(
        network_world, goals=goals, activities=activities, comments=comments, whole_plan=whole_plan
    )
    with django_assert_num_queries(READ_AND_LOG_QUERIES):
        membership = selectors.membership_for_member(user=user, plan_id=network_world.plan.pk)
        view = selectors.member_plan(membership=membership)
        # Touch everything the template shows, so a lazy load would be counted here.
        for goal in view.goals:
            _ = [a.title for a in goal.visible_activities]
            _ = [(c.display_name, c.body_html, c.is_deleted) for c in goal.visible_comments]
            _ = [(o.get_kind_display(), o.answer) for o in goal.my_offers]
        services.member_read(membership=membership, goals=view.goals)


def _page_queries(client, network_world, user):
    """The queries of a view just after a change to the plan (the goals rendered anew) and of
    the next one (the goals kept rendered, plans.fragments), and the page."""
    client.force_login(user)
    url = f"/jeg-hjaelper/{network_world.plan.pk}/"
    for _ in range(2):  # warm the site-wide caches (site, footer settings) the layout reads
        client.get(url)
    fragments.plan_changed(plan_ids=[network_world.plan.pk])
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    return counts, response.content.decode()


def test_the_member_page_needs_the_same_few_queries_for_small_and_large_plans(
    client, network_world
):
    small = _member_of(network_world, goals=1, activities=1, comments=3, whole_plan=False)
    small_count, small_body = _page_queries(client, network_world, small)

    large = _member_of(network_world, goals=30, activities=120, comments=300, whole_plan=True)
    large_count, large_body = _page_queries(client, network_world, large)

    assert small_body.count('class="shared-goal"') == 1
    assert large_body.count('class="shared-goal"') == network_world.plan.goals.count() > 30
    assert large_count == small_count == [PAGE_QUERIES, PAGE_QUERIES_KEPT]
    assert PAGE_QUERIES <= PAGE_BUDGET
