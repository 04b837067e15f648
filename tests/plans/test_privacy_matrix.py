"""The privacy matrix: every role against every plan URL and every POST.

Mette owns the plan. Anonymous visitors are sent to log in; another citizen, staff outside the
team and editors never see or change anything of it: citizen pages naming her objects answer
404, admin pages give no access, and nothing is written. Rows and columns are plain data, so the
network issue adds its roles (ROLES) and pages (URLS) here or in its own copy of the table.
"""

from collections.abc import Callable

import pytest

from .factories import URLS, assert_shows_nothing_of_mettes_plan, matrix_request, matrix_snapshot

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
