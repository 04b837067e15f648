"""The error-reporting hook: off (not even imported) without SENTRY_DSN, and when on, a report
of a failed request carries where it failed, never what was sent or who sent it."""

import json

import pytest
import sentry_sdk
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from sentry_sdk.transport import Transport

from portal.error_reporting import init_error_reporting
from tests.portal.test_project_checks import PRODUCTION_ENV, _manage


def _production(code: str, **env) -> str:
    result = _manage("shell", "--no-imports", "-c", code, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_without_a_dsn_nothing_is_imported():
    code = "import sys; from django.conf import settings; settings.DEBUG; "
    code += "print('sentry_sdk' in sys.modules)"
    assert _production(code) == "False"


def test_with_a_dsn_reports_are_on_and_send_nothing_personal():
    code = "import sentry_sdk; c = sentry_sdk.get_client(); o = c.options; "
    code += "print(c.is_active(), c.dsn, o['send_default_pii'], o['include_local_variables'], "
    code += "o['max_request_body_size'])"
    dsn = "https://public@sentry.invalid/1"
    assert _production(code, SENTRY_DSN=dsn) == f"True {dsn} False False never"


@csrf_exempt  # as if a form had passed its checks
def failing_view(request, plan_id):
    # An error that quotes what was sent, as a database error's DETAIL does.
    raise RuntimeError(f"no notice for {request.POST['email']} (cpr {request.POST['cpr']})")


urlpatterns = [path("min-plan/<int:plan_id>/fejl/", failing_view)]


class KeptEnvelopes(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.events = []

    def capture_envelope(self, envelope):
        if event := envelope.get_event():
            self.events.append(event)


@pytest.fixture
def error_reports():
    transport = KeptEnvelopes()
    init_error_reporting(
        dsn="https://public@sentry.invalid/1", environment="test", transport=transport
    )
    yield transport.events
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)  # reports off again for the other tests


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_a_failed_requests_report_keeps_no_body_cookie_address_or_id(error_reports):
    """Through Django's WSGI handler, as gunicorn calls it (Sentry reads the request there)."""
    environ = (
        RequestFactory()
        .post(
            "/min-plan/42/fejl/?q=alkoholbehandling",
            {"text": "alkoholbehandling", "email": "mette@example.dk", "cpr": "010190-1234"},
            HTTP_COOKIE="sessionid=secret-session",
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
        .environ
    )
    statuses = []
    # As Django's test client does: the request must not close the test's connection.
    request_started.disconnect(close_old_connections)
    try:
        WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
    finally:
        request_started.connect(close_old_connections)
    assert statuses == ["500 Internal Server Error"]
    [event] = error_reports
    assert event["request"] == {"method": "POST", "url": "/min-plan/<int:plan_id>/fejl/"}
    [exception] = event["exception"]["values"]
    assert exception["type"] == "RuntimeError"
    assert exception["value"] == "no notice for [fjernet] (cpr [fjernet])"
    sent = json.dumps(event)
    for personal in ["010190-1234", "alkohol", "mette@", "secret-session", "203.0.113.9", "42/"]:
        assert personal not in sent
