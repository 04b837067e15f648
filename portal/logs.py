"""Log lines as one JSON object each (production), carrying the id of the request they came from.

RequestIdMiddleware takes the proxy's X-Request-ID when it looks like an id (so one id follows a
request from nginx to here), or makes one, sends it back on the response and keeps it in a
context variable until the response is closed; RequestIdFilter puts it on every log record.
Nothing of the request itself (body, cookies, query) is logged.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

from django.core.signals import request_finished

NO_REQUEST = "-"
current_request_id = contextvars.ContextVar("request_id", default=NO_REQUEST)
# A UUID, a hex string, nginx's $request_id: letters, digits and a few separators, not too long.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,127}")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = offered if SANE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex
        request.request_id = request_id
        # Not reset on the way out: Django logs a 4xx/5xx response ("Not Found: /x") after the
        # last middleware has returned. request_finished (the response closed) resets it.
        current_request_id.set(request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


def _request_finished(**kwargs) -> None:
    current_request_id.set(NO_REQUEST)


request_finished.connect(_request_finished, dispatch_uid="portal.logs.request_finished")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """time, level, logger, message, request_id (and the traceback, if any) on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or current_request_id.get(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
