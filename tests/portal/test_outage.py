"""While the database is out of reach every request gets a clean Danish 503 with Retry-After, the
log says it once, the service comes back by itself, and a saved comment is never a failure."""

import html
import io
import logging
import re
import sqlite3
import time
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import (
    DataError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    ProgrammingError,
    connection,
    connections,
    transaction,
)
from django.test import Client
from django_tasks_db.backend import DatabaseBackend

from plans import tasks
from plans.models import Comment, Frequency
from plans.notices import notice_preference_set
from plans.services import comment_add
from portal import outage
from portal.settings.base import database_from_env
from tests.plans.factories import build_world

CLOSED_PORT = "1"  # nothing listens on port 1: a connection is refused at once
KEY = re.compile(r'name="submission_key" value="([^"]+)"')


@contextmanager
def database_out_of_reach():
    """The database stops answering: the open connection is put aside and every new one is
    refused (PostgreSQL: a port nobody listens on; SQLite: a file that cannot be opened). The
    in-memory SQLite test database would not survive a real close, hence put aside."""
    wrapper = connections["default"]
    kept, settings = wrapper.connection, dict(wrapper.settings_dict)
    wrapper.connection = None
    if wrapper.vendor == "sqlite":
        wrapper.settings_dict["NAME"] = "/nonexistent/faellesplan.sqlite3"
    else:
        wrapper.settings_dict.update(HOST="127.0.0.1", PORT=CLOSED_PORT)
    try:
        yield
    finally:
        wrapper.settings_dict.clear()
        wrapper.settings_dict.update(settings)
        wrapper.connection = kept
        wrapper.errors_occurred = False


@pytest.fixture
def fresh_monitor(monkeypatch):
    monitor = outage.OutageMonitor()
    monkeypatch.setattr(outage, "monitor", monitor)
    return monitor


def outage_lines(caplog, level=logging.ERROR):
    return [
        r.getMessage() for r in caplog.records if r.name == "portal.outage" and r.levelno == level
    ]


# serialized_rollback: the flush afterwards must not lose what data migrations made.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_outage_is_a_clean_503_said_once_and_the_service_comes_back(
    caplog, settings, fresh_monitor
):
    world = build_world()
    # The test client re-raises any exception Django reports; a browser gets the response.
    citizen, anonymous = (
        Client(raise_request_exception=False),
        Client(raise_request_exception=False),
    )
    citizen.force_login(world.citizen)
    key = KEY.search(citizen.get("/min-plan/kommentar/").content.decode()).group(1)
    typed = {"body": "Kan vi flytte mødet til <torsdag>?\nHilsen Mette", "submission_key": key}
    caplog.set_level(logging.INFO)

    with database_out_of_reach():
        started = time.monotonic()
        settings.DEBUG = True  # `make run`: still no traceback for a visitor
        public = anonymous.get("/")
        settings.DEBUG = False
        own_page = citizen.get("/min-plan/")
        posted = citizen.post("/min-plan/kommentar/", typed)
        login = anonymous.post(
            "/konto/login/", {"login": "a@example.dk", "password": "hemmeligt1"}
        )
        seconds = time.monotonic() - started

    for response in (public, own_page, posted, login):
        text = response.content.decode()
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert response["Cache-Control"] == "no-store"
        assert "Fællesplan virker ikke lige nu" in text
        assert "Traceback" not in text and "OperationalError" not in text
    assert seconds < 3  # a refused connection is answered at once, not after a timeout
    assert "Det du skrev er ikke gemt" not in public.content.decode()
    # Logged in stays logged in: the session cookie is not thrown away.
    assert "sessionid" not in own_page.cookies

    page = posted.content.decode()
    assert "Det du skrev er ikke gemt" in page
    assert "Kan vi flytte mødet til &lt;torsdag&gt;?<br>Hilsen Mette" in page
    assert 'action="/min-plan/kommentar/"' in page
    assert f'name="submission_key" value="{key}"' in page
    assert 'name="body" value="Kan vi flytte mødet til &lt;torsdag&gt;?\nHilsen Mette"' in page
    assert "Prøv igen" in page
    assert "Det bliver kun gemt én gang" in page
    assert "hemmeligt1" not in login.content.decode()

    (down,) = outage_lines(caplog)
    assert down.startswith("Database unreachable (")
    assert not [r for r in caplog.records if r.name == "django.request"]

    back = citizen.get("/min-plan/")
    assert back.status_code == 200
    (line,) = outage_lines(caplog, logging.WARNING)
    assert re.fullmatch(r"Database back after \d+\.\d s \(4 requests answered 503\)", line)

    # "Prøv igen" sends the same fields once more: stored once, however often it is pressed.
    hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page)
    retry = {name: html.unescape(value) for name, value in hidden}
    assert citizen.post("/min-plan/kommentar/", retry).status_code == 302
    assert citizen.post("/min-plan/kommentar/", retry).status_code == 302
    assert Comment.objects.filter(body=typed["body"]).count() == 1


@pytest.mark.parametrize(
    ("error", "outage_or_not"),
    [
        (OperationalError("connection refused"), True),
        (InterfaceError("connection already closed"), True),
        (IntegrityError("duplicate key value violates unique constraint"), False),
        (DataError("value too long"), False),
        (ProgrammingError("syntax error"), False),
        (ValueError("not a database error"), False),
    ],
)
def test_only_a_database_out_of_reach_is_an_outage(error, outage_or_not):
    assert outage.is_outage(error) is outage_or_not


@pytest.mark.parametrize(
    ("sqlite_message", "outage_or_not"),
    [
        ("database is locked", True),
        ("unable to open database file", True),
        ('fts5: syntax error near """', False),
        ("no such table: plans_comment", False),
    ],
)
def test_sqlite_mistakes_in_a_query_stay_errors(sqlite_message, outage_or_not):
    # As Django's DatabaseErrorWrapper hands on SQLite's error, on any database in use here.
    error = OperationalError(sqlite_message)
    error.__cause__ = sqlite3.OperationalError(sqlite_message)
    assert outage.is_outage(error) is outage_or_not


def test_a_failing_view_is_a_503_with_one_line_for_many_requests(
    client, db, caplog, fresh_monitor, monkeypatch
):
    """The database goes while a view runs (after the session was read): 503s, one line."""
    world = build_world()
    client.force_login(world.citizen)

    def unreachable(**kwargs):
        raise OperationalError("could not receive data from server: Connection timed out")

    monkeypatch.setattr("plans.views.selectors.plan_for_min_plan", unreachable)
    caplog.set_level(logging.INFO)
    answers = [client.get("/min-plan/") for _ in range(3)]

    assert [a.status_code for a in answers] == [503, 503, 503]
    assert len(outage_lines(caplog)) == 1
    assert not [r for r in caplog.records if r.name == "django.request"]


def test_an_integrity_error_is_not_an_outage(client, db, fresh_monitor, monkeypatch):
    world = build_world()
    client = Client(raise_request_exception=False)
    client.force_login(world.citizen)

    def broken(**kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr("plans.views.selectors.plan_for_min_plan", broken)
    response = client.get("/min-plan/")

    assert response.status_code == 500
    assert not fresh_monitor.is_down


# --- Bounded waits -----


def test_postgresql_connections_have_bounded_waits(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db.example:5432/faellesplan")
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT", "5")
    options = database_from_env()["OPTIONS"]

    assert options["connect_timeout"] == 3
    assert options["options"] == (
        "-c statement_timeout=5000 -c idle_in_transaction_session_timeout=60000 -c jit=off"
    )
    assert options["tcp_user_timeout"] == 10_000
    assert (options["keepalives"], options["keepalives_idle"]) == (1, 10)


def test_a_database_url_option_wins_and_sqlite_gets_none(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@db/faellesplan?connect_timeout=7")
    assert database_from_env()["OPTIONS"]["connect_timeout"] == 7
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/x.sqlite3")
    assert "statement_timeout" not in str(database_from_env().get("OPTIONS", {}))


@pytest.mark.django_db
def test_a_query_longer_than_the_statement_timeout_fails_fast():
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "15s"  # the setting reached the server
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"  # and so did this one (portal.settings._database)
    started = time.monotonic()
    with pytest.raises(OperationalError) as raised, transaction.atomic(), connection.cursor() as c:
        c.execute("SET LOCAL statement_timeout = '200ms'")
        c.execute("SELECT pg_sleep(5)")
    assert time.monotonic() - started < 2
    assert "statement timeout" in str(raised.value)
    assert outage.is_outage(raised.value)


# --- Writes and their notices commit together -----


def test_a_failing_delivery_after_the_commit_leaves_the_comment_saved_and_answered(
    client, db, caplog, monkeypatch, django_capture_on_commit_callbacks
):
    world = build_world()
    notice_preference_set(user=world.coordinator, frequency=Frequency.IMMEDIATE)  # due now
    client.force_login(world.citizen)

    def refuse(*args, **kwargs):
        raise OSError("mail server unreachable")

    monkeypatch.setattr(tasks.deliver_notices.get_backend(), "enqueue", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/min-plan/kommentar/", {"body": "Gemt trods alt"})

    assert response.status_code == 302
    assert Comment.objects.filter(body="Gemt trods alt").count() == 1
    assert "mail server unreachable" in caplog.text


class QueueInThisTransaction(DatabaseBackend):
    """django-tasks-db's backend, noting where its row would be written (DBTaskResult.objects
    .create on the default database, django_tasks_db/backend.py) instead of writing it."""

    calls = []

    def enqueue(self, task, args, kwargs):
        comment_there = Comment.objects.filter(body="Med opgave").exists()
        self.calls.append(connection.in_atomic_block and comment_there)


def test_with_the_database_queue_the_task_is_written_in_the_comments_transaction(
    db, settings, django_capture_on_commit_callbacks
):
    """Production's django-tasks-db keeps the task as a row in the same database: it is part of
    the comment's transaction, so both are stored or neither is."""
    settings.TASKS = {"default": {"BACKEND": f"{__name__}.QueueInThisTransaction"}}
    world = build_world()
    # A delivery is started for a notice due now (a digest's waits for cron: test_comment_write).
    notice_preference_set(user=world.coordinator, frequency=Frequency.IMMEDIATE)
    QueueInThisTransaction.calls.clear()

    with django_capture_on_commit_callbacks() as callbacks:
        comment_add(
            plan=world.plan, author=world.citizen, author_role="citizen", body="Med opgave"
        )

    assert QueueInThisTransaction.calls == [True]
    assert callbacks == []


def test_a_session_that_cannot_be_saved_in_an_outage_is_a_503_not_a_400(
    client, db, fresh_monitor, caplog
):
    """The load run saw 400s: Django calls a session save that fails "session deleted"."""
    world = build_world()
    client.force_login(world.citizen)  # the first page after login notes her roles in the session

    def refuse_session_writes(execute, sql, params, many, context):
        if "django_session" in sql and sql.lstrip().upper().startswith(("UPDATE", "INSERT")):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse_session_writes):
        session_changed = client.get("/min-plan/")

    assert session_changed.status_code == 503, session_changed.status_code
    assert session_changed["Retry-After"] == "30"
    assert len(outage_lines(caplog)) == 1


def test_the_page_the_proxy_shows_when_no_app_server_answers(tmp_path):
    """nginx's error_page for a 502/504 (README "At scale"): the same plain Danish page, written
    at deploy without the database, promising nothing it cannot know."""
    page = tmp_path / "unavailable.html"
    # No database mark: pytest-django refuses any query, so the page needs no database.
    call_command("write_unavailable_page", str(page), stdout=io.StringIO())
    text = html.unescape(page.read_text())
    assert '<html lang="da">' in text
    assert "Fællesplan virker ikke lige nu" in text
    assert "send det igen om lidt. Det bliver kun gemt én gang." in text
    assert "<form" not in text and "ikke gemt" not in text
