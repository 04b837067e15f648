"""/healthz and /readyz, as a load balancer sees them: the right code at once, nothing stored,
nothing cached, and a database that refuses or hangs named in a 503 within the probe's time."""

import threading
import time

import pytest
from django.contrib.sessions.models import Session
from django.db import connections
from django.db.utils import OperationalError

from portal import health


def _assert_leaves_nothing(response):
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_healthz_answers_ok_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz", HTTP_HOST="10.0.0.7")  # probes come by address
    assert response.status_code == 200
    assert response.content == b"ok\n"
    _assert_leaves_nothing(response)
    assert Session.objects.count() == 0


@pytest.mark.django_db
def test_readyz_answers_ok_when_database_and_cache_answer(client):
    for _ in range(2):  # a second probe is no cached copy of the first
        response = client.get("/readyz/", HTTP_HOST="10.0.0.7")
        assert response.status_code == 200
        assert response.content == b"ok\n"
        _assert_leaves_nothing(response)
    assert Session.objects.count() == 0


@pytest.fixture
def database_refuses(monkeypatch):
    """Every new connection fails as a stopped PostgreSQL's would; the probe opens its own."""

    def refuse(self, conn_params):
        raise OperationalError("connection refused")

    monkeypatch.setattr(type(connections["default"]), "get_new_connection", refuse)


@pytest.mark.django_db
def test_readyz_names_an_unreachable_database_in_a_503(client, database_refuses):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "database: OperationalError" in response.content.decode().splitlines()
    _assert_leaves_nothing(response)


@pytest.mark.django_db
def test_readyz_gives_up_on_a_hanging_database_within_its_timeout(client, monkeypatch):
    released = threading.Event()

    def hang(self, conn_params):
        released.wait(10)
        raise OperationalError("timeout expired")

    monkeypatch.setattr(type(connections["default"]), "get_new_connection", hang)
    started = time.monotonic()
    try:
        response = client.get("/readyz")
    finally:
        released.set()
    assert time.monotonic() - started < health.READY_TIMEOUT_SECONDS + 1
    assert response.status_code == 503
    assert "database: timeout" in response.content.decode().splitlines()


@pytest.mark.django_db
def test_readyz_names_an_unreachable_cache_in_a_503(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content.decode().splitlines() == ["cache: ConnectionError"]
