"""Log lines of a request: one JSON object each, carrying the id the response was sent with."""

import contextvars
import io
import json
import logging

import pytest

from portal.logs import JsonFormatter, RequestIdFilter


@pytest.fixture
def json_log():
    """The production handler's formatter and filter (portal/settings/production.py), on a
    buffer, on the logger that reports every 404 and 500."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        yield buffer
    finally:
        logger.removeHandler(handler)


def _lines(buffer) -> list[dict]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


@pytest.mark.django_db
def test_a_log_line_during_a_request_is_one_json_object_with_its_request_id(
    client, demo_site, json_log
):
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    [line] = _lines(json_log)
    assert line["request_id"] == response["X-Request-ID"]
    assert len(line["request_id"]) == 32
    assert line["level"] == "WARNING"
    assert line["logger"] == "django.request"
    assert line["message"] == "Not Found: /findes-ikke/"
    assert line["time"].endswith("+00:00")
    # The id ends with the response: a line logged after it belongs to no request.
    logging.getLogger("django.request").warning("efter svaret")
    assert _lines(json_log)[1]["request_id"] == "-"


@pytest.mark.django_db
def test_the_proxys_request_id_is_kept_when_it_looks_like_one(client, demo_site, json_log):
    nginx_id = "7f3c1b2a-9d4e-4f00-8a1b-2c3d4e5f6a7b"
    response = client.get("/findes-ikke/", HTTP_X_REQUEST_ID=nginx_id)
    assert response["X-Request-ID"] == nginx_id
    assert _lines(json_log)[0]["request_id"] == nginx_id


@pytest.mark.parametrize(
    "offered",
    ["short", "x" * 200, 'abc123456"}, {"level": "CRITICAL', "abcdefgh\r\nSet-Cookie: a"],
)
@pytest.mark.django_db
def test_a_request_id_that_does_not_look_like_one_is_replaced(client, offered, json_log):
    response = client.get("/healthz-not/", HTTP_X_REQUEST_ID=offered)
    assert response["X-Request-ID"] != offered
    assert len(response["X-Request-ID"]) == 32
    assert _lines(json_log)[0]["request_id"] == response["X-Request-ID"]


def _log_line_outside_a_request() -> dict:
    record = logging.LogRecord("plans", logging.ERROR, __file__, 1, "Besked %s", ("ø",), None)
    RequestIdFilter().filter(record)
    return json.loads(JsonFormatter().format(record))


def test_outside_a_request_the_line_says_so():
    # A fresh context, as a worker thread or a management command starts with: an earlier test
    # whose request raised through the test client never closed its response.
    line = contextvars.Context().run(_log_line_outside_a_request)
    assert line == {
        "time": line["time"],
        "level": "ERROR",
        "logger": "plans",
        "message": "Besked ø",
        "request_id": "-",
    }
