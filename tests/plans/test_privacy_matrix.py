"""The privacy matrix: every role against every plan URL and every POST.

Mette owns the plan. Anonymous visitors are sent to log in; another citizen, staff outside the
team and editors never see or change anything of it: citizen pages naming her objects answer
404, admin pages give no access, and nothing is written. Rows and columns are plain data, so the
network issue adds its roles (ROLES) and pages (URLS) here or in its own copy of the table.
"""

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.models import EditingSession
from wagtail.permissions import policy_registry

from plans.models import Plan

from .factories import (
    URLS,
    assert_shows_nothing_of_mettes_plan,
    editing_ping_path,
    matrix_request,
    matrix_snapshot,
    staff_member,
)

# role -> who it is in the world (None: not logged in)
ROLES: dict[str, Callable] = {
    "anonymous": lambda w: None,
    "owner": lambda w: w.citizen,
    "other_citizen": lambda w: w.other_citizen,
    "coordinator": lambda w: w.coordinator,
    "staff_outside_team": lambda w: w.outsider,
    "editor": lambda w: w.editor,
    "leader": lambda w: w.leader,
}


ALLOWED = {
    ("owner", "citizen"),
    ("coordinator", "admin"),
}


@pytest.mark.parametrize("url", URLS, ids=str)
@pytest.mark.parametrize("role", ROLES)
def test_privacy_matrix(mettes, role, url):
    world = mettes
    user = ROLES[role](world)
    before = matrix_snapshot(world)
    response = matrix_request(url, world, user)
    body = response.content.decode() if response.status_code == 200 else ""

    if (role, url.side) in ALLOWED:
        # Checked for real in the two tests below; the caseworker group holds no delete
        # permission, so admin_delete sends the coordinator back (302) without deleting.
        assert response.status_code in (200, 302), response.status_code
        return

    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")
    elif url.side == "citizen" and url.names_object:
        assert response.status_code == 404
    elif url.side == "citizen":
        # Pages without an id show the asker's own plan, or say they have none.
        assert response.status_code in (200, 302, 404)
    elif not url.names_object:
        # Listings: staff of another team see their own team's plans, never Mette's.
        assert response.status_code in (200, 302, 403)
    else:
        # The admin: no plan of another team, and no plans at all for editors and citizens.
        assert response.status_code in (302, 403, 404), response.status_code
        if response.status_code == 302:
            assert response["Location"].split("?")[0] in ("/admin/", "/konto/login/")
    assert_shows_nothing_of_mettes_plan(body)
    assert matrix_snapshot(world) == before


def test_the_owner_really_can_do_what_the_matrix_allows(mettes, client):
    """Guard for the matrix itself: the same requests succeed for Mette, so a 404 above is the
    privacy rule, not a broken URL."""
    client.force_login(mettes.citizen)
    for url in URLS:
        if url.side != "citizen":
            continue
        response = matrix_request(url, mettes, mettes.citizen)
        assert response.status_code in (200, 302), str(url)
        if url.reauth:
            assert "/konto/reauthenticate/" in response["Location"], str(url)
        elif url.post is None:
            assert response.status_code == 200, str(url)


def test_the_coordinator_really_reaches_the_admin_pages(mettes):
    for url in URLS:
        if url.side == "admin" and url.post is None and url.name != "admin_delete":
            response = matrix_request(url, mettes, mettes.coordinator)
            if url.name == "admin_access_log":
                continue  # needs the view permission the group does not hold
            assert response.status_code == 200, str(url)


# --- Wagtail's editing sessions: who else has the plan open ---


def _ping(user, plan, session_id=0, **data):
    client = Client()
    client.force_login(user)
    return client.post(editing_ping_path(plan, session_id), data)


def test_the_coordinator_sees_her_colleague_in_the_plan(mettes):
    colleague, _ = staff_member(
        email="kollega@example.dk",
        first_name="Carla",
        last_name="Dam",
        role="Sagsbehandler",
        department=mettes.departments[1],
        team=mettes.team,
    )
    _ping(colleague, mettes.plan, is_editing="1")
    response = _ping(mettes.coordinator, mettes.plan)
    assert response.status_code == 200
    (other,) = response.json()["other_sessions"]
    assert other["user"] == "Carla Dam" and other["is_editing"] is True


@pytest.mark.parametrize("role", ["staff_outside_team", "editor", "leader", "other_citizen"])
def test_another_team_learns_nothing_from_the_ping_and_cannot_appear_in_it(mettes, role):
    anne = _ping(mettes.coordinator, mettes.plan, is_editing="1")  # unsaved changes
    intruder = ROLES[role](mettes)

    response = _ping(intruder, mettes.plan, is_editing="1")

    assert response.status_code in (302, 403, 404), response.status_code
    body = response.content.decode()
    for leak in ["Anne", "Holm", "is_editing", "other_sessions", "Mette"]:
        assert leak not in body
    assert not EditingSession.objects.filter(user=intruder).exists()
    # Anne sees nobody else in her plan: the intruder could not pose as an editor there.
    again = _ping(mettes.coordinator, mettes.plan, anne.json()["session_id"], is_editing="1")
    assert again.json()["other_sessions"] == []


def test_a_ping_for_a_plan_that_does_not_exist_answers_like_another_teams(mettes):
    missing = Plan(pk=mettes.other_plan.pk + 1000)
    other_team = _ping(mettes.outsider, mettes.plan)
    nobody = _ping(mettes.outsider, missing)
    assert other_team.status_code == nobody.status_code == 404
    assert other_team.content == nobody.content


def test_releasing_someone_elses_session_does_nothing_and_says_nothing(mettes):
    session_id = _ping(mettes.coordinator, mettes.plan, is_editing="1").json()["session_id"]
    client = Client()
    client.force_login(mettes.outsider)

    response = client.post(reverse("wagtailadmin_editing_sessions:release", args=[session_id]))

    # Wagtail's release only ever deletes the asker's own session, and answers the same empty
    # object whatever the id, so it is no oracle.
    assert response.json() == {}
    assert EditingSession.objects.filter(pk=session_id, user=mettes.coordinator).exists()


def test_every_per_object_question_wagtail_asks_gets_the_team_rule(mettes):
    """Usage listings, admin links, bulk actions and choosers ask the registered policy."""
    policy = policy_registry.get_by_type(Plan)
    superuser = get_user_model().objects.create_superuser(email="root@example.dk", password="x")
    plan = mettes.plan

    assert policy.user_has_permission_for_instance(mettes.coordinator, "change", plan)
    for user in (mettes.outsider, mettes.editor, mettes.leader, superuser):
        assert not policy.user_has_any_permission_for_instance(user, ["view", "change"], plan)
        assert plan not in policy.instances_user_has_permission_for(user, "change")
        assert AdminURLFinder(user).get_edit_url(plan) is None
    assert list(policy.instances_user_has_permission_for(mettes.outsider, "change")) == [
        mettes.other_plan
    ]
    assert list(policy.users_with_permission_for_instance("change", plan)) == [mettes.coordinator]
