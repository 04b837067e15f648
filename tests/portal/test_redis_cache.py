"""portal.cache: Django's Redis cache with one client per server, against a real redis-server."""

import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.cache import caches

from tests.conftest import IN_CI

REDIS_SERVER = shutil.which("redis-server")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    if REDIS_SERVER is None:
        if IN_CI:
            pytest.fail("CI needs redis-server (.ci/run installs it); it is missing.")
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(  # noqa: S603 - Debian's redis-server, on loopback only
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis.from_url(url).ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.05)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def redis_cache(settings, redis_url):
    settings.CACHES = {
        **settings.CACHES,
        "redis": {"BACKEND": "portal.cache.RedisCache", "LOCATION": redis_url},
    }
    cache = caches["redis"]
    cache.clear()
    yield cache
    cache.clear()
    cache.close()


def test_the_cache_keeps_reads_writes_and_counts(redis_cache):
    redis_cache.set("plan:1", {"version": 3}, timeout=60)
    redis_cache.set_many({"a": 1, "b": "to"})

    assert redis_cache.get("plan:1") == {"version": 3}
    assert redis_cache.get_many(["a", "b", "ingen"]) == {"a": 1, "b": "to"}
    assert redis_cache.incr("a") == 2
    assert redis_cache.add("a", 9) is False
    redis_cache.delete("plan:1")
    assert redis_cache.get("plan:1") is None


def test_many_calls_build_one_client(redis_cache, monkeypatch):
    built = []
    original = redis.Redis.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting)
    for number in range(20):
        redis_cache.set(f"n{number}", number)
        assert redis_cache.get(f"n{number}") == number

    # The client the fixture's clear() built serves every call; Django's own builds 40.
    assert built == []
    client = redis_cache._cache.get_client()
    assert client is redis_cache._cache.get_client(write=True)


def test_a_session_is_read_back_through_it(redis_cache, settings, db):
    settings.SESSION_CACHE_ALIAS = "redis"
    session = SessionStore()
    session["sprog"] = "da"
    session.save()

    again = SessionStore(session_key=session.session_key)

    assert again["sprog"] == "da"
    assert redis_cache.get(again.cache_key) == {"sprog": "da"}
