"""A clean 503 while the database is down, restarting or out of reach, and one log line per outage.

GOV.UK's "service unavailable" pattern in plain Danish (portal/templates/503.html): the service
is down, try again in a moment, with `Retry-After`. After a POST the page says that what the
person wrote is not saved, shows it, and offers "Prøv igen": a form that sends exactly the same
data (one-time key included, plans.http.submitted_once) to the same address again.

DatabaseOutageMiddleware is the first middleware, so it answers for every layer under it. A
view's failure reaches it as an exception (process_exception). A failure in another middleware
(the page cache's site lookup, loading the session, the user) Django has already turned into a
500 by the time it comes back up; got_request_exception marks that request, and the 500 is
swapped for the 503 here, in DEBUG too (no traceback for an anonymous visitor under `make run`).

The log: the first failure with its exception class, then nothing (no traceback per request)
until a request has used the database again: "Database back after N s". Per process: each app
server process logs its own outage once.
"""

import logging
import re
import sqlite3
import sys
import threading
import time

from django.contrib.sessions.exceptions import SessionInterrupted
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# SQLite raises OperationalError for mistakes in a query too (an FTS5 syntax error, a missing
# table): those stay 500s. These mean the database file cannot be reached or written now.
SQLITE_OUTAGES = ("database is locked", "database table is locked", "unable to open", "disk i/o")
# Never written back into a page: passwords and one-time codes are typed again.
NOT_SHOWN_BACK = re.compile(r"pass|code|otp|secret", re.IGNORECASE)
# Sent back, not shown: the CSRF token and the form's one-time key (plans.models.SubmissionKey).
NOT_TYPED = {"csrfmiddlewaretoken", "submission_key"}
# A value like "family" or "goals" is a choice from a list, not words the person wrote.
CHOICE_VALUE = re.compile(r"[a-z_]{1,20}")


def is_outage(exc: BaseException | None) -> bool:
    """The database cannot be reached or did not answer in time, as opposed to a query that
    is wrong (an integrity or data error stays what it is: a form error or a 500)."""
    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    if isinstance(exc.__cause__, sqlite3.OperationalError):
        return str(exc.__cause__).lower().startswith(SQLITE_OUTAGES)
    return True


class OutageMonitor:
    """Whether this process is in an outage, since when, and how many requests it answered
    with 503: one line when it starts, one when a request uses the database again."""

    def __init__(self):
        self._lock = threading.Lock()
        self.down_since = None
        self.refused = 0

    @property
    def is_down(self) -> bool:
        return self.down_since is not None

    def failed(self, exc: BaseException) -> None:
        with self._lock:
            self.refused += 1
            if self.down_since is not None:
                return
            self.down_since = time.monotonic()
        cause = exc.__cause__ or exc
        first_line = (str(cause).strip().splitlines() or [""])[0][:200]
        logger.error(
            "Database unreachable (%s.%s: %s); answering 503 until it is back",
            type(cause).__module__,
            type(cause).__qualname__,
            first_line,
        )

    def answered(self) -> None:
        with self._lock:
            if self.down_since is None:
                return
            seconds, refused = time.monotonic() - self.down_since, self.refused
            self.down_since, self.refused = None, 0
        logger.warning("Database back after %.1f s (%d requests answered 503)", seconds, refused)


monitor = OutageMonitor()


class _DropOutageTracebacks(logging.Filter):
    """django.request logs a traceback for each request that failed in a middleware; for an
    outage that is the same traceback thousands of times. The monitor's line says it once."""

    def filter(self, record):
        exc = record.exc_info[1] if record.exc_info else None
        return not is_outage(exc)


_drop_outage_tracebacks = _DropOutageTracebacks()


def _mark(request, exc: BaseException) -> None:
    # Counted once per request, however many layers under it fail.
    if getattr(request, "_database_outage", None) is None:
        request._database_outage = exc
        monitor.failed(exc)


def _mark_failed_request(sender, request=None, **kwargs):
    exc = sys.exc_info()[1]
    if request is not None and is_outage(exc):
        _mark(request, exc)


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        logging.getLogger("django.request").addFilter(_drop_outage_tracebacks)
        got_request_exception.connect(_mark_failed_request, dispatch_uid="portal.outage")

    def __call__(self, request):
        if monitor.is_down:
            # Only during an outage: note whether this request got an answer from the database.
            request._database_answered = False
            with connection.execute_wrapper(_note_answer(request)):
                response = self.get_response(request)
        else:
            response = self.get_response(request)
        if getattr(request, "_database_outage", None) is not None:
            if not getattr(response, "is_outage_page", False):
                response = unavailable(request, replacing=response)
        elif getattr(request, "_database_answered", False):
            monitor.answered()
        return response

    def process_exception(self, request, exception):
        if not is_outage(exception):
            return None
        _mark(request, exception)
        return unavailable(request)


class SessionMiddlewareForOutages(SessionMiddleware):
    """Django's SessionMiddleware, except that a session that cannot be saved because the
    database is gone is an outage (503), not "the session was deleted" (Django's 400).

    The session backend turns every database error on save into UpdateError, and the
    middleware that into SessionInterrupted, which Django answers with a bare 400 and which
    reaches no middleware above it; the outage is found in the exceptions it was raised from."""

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        except SessionInterrupted as exc:
            cause = _outage_behind(exc)
            if cause is None:
                raise
            _mark(request, cause)
            return response


def _outage_behind(exc: BaseException) -> BaseException | None:
    seen = exc.__cause__ or exc.__context__
    while seen is not None:
        if is_outage(seen):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _note_answer(request):
    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        request._database_answered = True
        return result

    return wrapper


def unavailable(request, *, replacing=None) -> HttpResponse:
    """The 503 page. Rendered without the request (no context processor may ask the database);
    the security headers of the response it replaces are kept."""
    posted = request.method == "POST"
    context = {"posted": posted, "action": request.get_full_path()}
    if posted:
        context.update(_posted_back(request))
    response = HttpResponse(render_to_string("503.html", context), status=503)
    if replacing is not None:
        for name, value in replacing.headers.items():
            if name.lower() not in {"content-type", "content-length", "cache-control", "expires"}:
                response.headers.setdefault(name, value)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # What someone typed is in the page; nothing may keep it.
    response["Cache-Control"] = "no-store"
    response.setdefault("X-Content-Type-Options", "nosniff")
    response.setdefault("X-Frame-Options", "DENY")
    response.is_outage_page = True
    # Django logs every 5xx response; the monitor has said it once for the whole outage.
    response._has_been_logged = True
    return response


def _posted_back(request) -> dict:
    """The fields to send again (all but secrets), and the words the person typed, to show."""
    try:
        fields = [
            (name, value)
            for name, values in request.POST.lists()
            if not NOT_SHOWN_BACK.search(name)
            for value in values
        ]
    except Exception:  # noqa: BLE001 - an unreadable body: nothing to give back, still a 503
        fields = []
    typed = [
        value
        for name, value in fields
        if name not in NOT_TYPED
        and any(character.isalpha() for character in value)
        and not CHOICE_VALUE.fullmatch(value)
    ]
    # Only a form with a one-time key is sure to be stored once however often it is sent.
    sent_once = any(name == "submission_key" for name, _value in fields)
    return {"hidden_fields": fields, "typed": typed, "sent_once": sent_once}
