"""/healthz and /readyz for a load balancer, answered before every other middleware.

First in MIDDLEWARE, so a probe touches no page cache, session, host check, access log or
login: /healthz says the process answers (no database), /readyz that a fresh database
connection runs `SELECT 1` and the cache answers, each within READY_TIMEOUT_SECONDS (a
database that hangs instead of refusing fails the probe in time rather than holding it).
"""

import threading
import time

from django.core.cache import cache
from django.db import connection, connections
from django.http import HttpResponse

HEALTH_PATHS = {"/healthz", "/healthz/"}
READY_PATHS = {"/readyz", "/readyz/"}
READY_TIMEOUT_SECONDS = 2.0


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    cache.get("readyz:probe")


CHECKS = {"database": _database, "cache": _cache}


class _Probe(threading.Thread):
    """One check in a thread of its own: its own connection, closed again, and a deadline the
    caller can keep even when the check hangs."""

    def __init__(self, name, check):
        super().__init__(name=f"readyz-{name}", daemon=True)
        self.check, self.failure = check, "timeout"

    def run(self) -> None:
        try:
            self.check()
            self.failure = None
        except Exception as error:
            self.failure = type(error).__name__
        finally:
            cache.close()
            connections.close_all()


def readiness() -> dict[str, str]:
    """What failed, by check name; empty when everything answered in time."""
    probes = {name: _Probe(name, check) for name, check in CHECKS.items()}
    for probe in probes.values():
        probe.start()
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    for probe in probes.values():
        probe.join(max(0.0, deadline - time.monotonic()))
    return {name: probe.failure for name, probe in probes.items() if probe.failure}


def _plain(status: int, body: str) -> HttpResponse:
    response = HttpResponse(body + "\n", status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path in HEALTH_PATHS:
            return _plain(200, "ok")
        if path in READY_PATHS:
            failed = readiness()
            if not failed:
                return _plain(200, "ok")
            return _plain(503, "\n".join(f"{name}: {why}" for name, why in failed.items()))
        return self.get_response(request)
