"""Session limits: staff are logged out after 30 idle minutes, citizens after 2 hours, anyone
after 12 hours. Tested by moving the session's own timestamps back, not by waiting."""

import time

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.demo.accounts import ensure_demo_user
from portal.security import IDLE_LIMIT_KEY, LOGIN_AT_KEY, SEEN_AT_KEY

pytestmark = pytest.mark.django_db

MINUTE = 60
HOUR = 60 * MINUTE


@pytest.fixture
def citizen(db):
    return ensure_demo_user(email="borger@example.dk", first_name="Mette")


@pytest.fixture
def caseworker(db):
    return ensure_demo_user(
        email="sagsbehandler@example.dk", first_name="Sofie", groups=["Sagsbehandlere"]
    )


def _age_session(client, *, idle: int, since_login: int | None = None):
    """Pretend the last request was `idle` seconds ago and the login `since_login` ago."""
    session = client.session
    now = int(time.time())
    session[SEEN_AT_KEY] = now - idle
    session[LOGIN_AT_KEY] = now - (since_login if since_login is not None else idle)
    session.save()


def _is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize(
    ("who", "idle", "still_in"),
    [
        ("citizen", 2 * HOUR - MINUTE, True),
        ("citizen", 2 * HOUR, False),
        ("caseworker", 30 * MINUTE - MINUTE, True),
        ("caseworker", 30 * MINUTE, False),
        ("editor", 30 * MINUTE, False),
    ],
)
def test_idle_limits(request, client, who, idle, still_in):
    user = request.getfixturevalue(who)
    client.force_login(user)
    _age_session(client, idle=idle)

    response = client.get("/konto/email/")

    assert _is_logged_in(client) is still_in
    if still_in:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response["Location"] == "/konto/login/?next=%2Fkonto%2Femail%2F"
        (message,) = get_messages(response.wsgi_request)
        assert "logget dig ud" in str(message) and "Log ind igen" in str(message)


def test_the_absolute_limit_holds_even_for_a_busy_session(client, citizen):
    client.force_login(citizen)
    _age_session(client, idle=MINUTE, since_login=12 * HOUR)

    response = client.get("/konto/email/")

    assert response.status_code == 302 and not _is_logged_in(client)
    (message,) = get_messages(response.wsgi_request)
    assert "lang tid" in str(message)


def test_activity_moves_the_idle_clock_on(client, citizen):
    client.force_login(citizen)
    _age_session(client, idle=2 * HOUR - 2 * MINUTE, since_login=3 * HOUR)
    assert client.get("/konto/email/").status_code == 200

    # The request above counted as activity: an hour later the session is still alive.
    session = client.session
    session[SEEN_AT_KEY] -= HOUR
    session.save()
    assert client.get("/konto/email/").status_code == 200
    assert _is_logged_in(client)


def test_the_kind_of_session_is_decided_at_login(client, citizen, caseworker, demo_password):
    client.post("/konto/login/", {"login": citizen.email, "password": demo_password})
    assert client.session[IDLE_LIMIT_KEY] == 2 * HOUR
    client.logout()
    client.force_login(caseworker)
    assert client.session[IDLE_LIMIT_KEY] == 30 * MINUTE


def test_a_session_from_before_the_limits_gets_a_clock(client, citizen):
    client.force_login(citizen)
    session = client.session
    for key in (LOGIN_AT_KEY, SEEN_AT_KEY, IDLE_LIMIT_KEY):
        del session[key]
    session.save()

    assert client.get("/konto/email/").status_code == 200
    assert abs(client.session[LOGIN_AT_KEY] - time.time()) < 5


def test_a_quiet_minute_costs_no_session_write(client, citizen):
    client.force_login(citizen)
    client.get("/konto/email/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/konto/email/")
    # Within the minute the stamp stays, so the session is not saved on every request.
    writes = [q["sql"] for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]
    assert writes == []

    _age_session(client, idle=2 * MINUTE, since_login=HOUR)
    with CaptureQueriesContext(connection) as queries:
        client.get("/konto/email/")
    writes = [q["sql"] for q in queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]
    assert len(writes) == 1
