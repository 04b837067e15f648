"""Errors to Sentry (or a service that speaks its protocol, such as GlitchTip) when SENTRY_DSN is
set, with nothing personal in them: this service holds people's plans, so an error report
carries the code path and the kind of request, never what anyone sent or who they are.

sentry_sdk is imported only here, and this module only when SENTRY_DSN is set
(portal/settings/production.py); `pip install -e ".[sentry]"` installs it.
"""

import re
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

# Addresses and CPR numbers in exception texts and log messages (a database error's DETAIL
# quotes the row: "Key (email)=(mette@example.dk) already exists").
PERSONAL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+|\b\d{6}-?\d{4}\b")
REMOVED = "[fjernet]"


def init_error_reporting(*, dsn: str, environment: str, release: str = "", **options):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    return sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        integrations=[DjangoIntegration()],
        # No user, IP address or cookies (the SDK's default, said out loud; sentry-sdk 2.75's
        # data_collection option would replace it, but the older 2.x releases lack it).
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,  # a frame's variables hold what people typed
        traces_sample_rate=0,
        before_send=before_send,
        before_breadcrumb=before_breadcrumb,
        **options,
    )


def _scrub(text):
    return PERSONAL.sub(REMOVED, text) if isinstance(text, str) else text


def _route(url: str) -> str:
    """The URL pattern that matched, not the address: ids and tokens stay out."""
    path = urlsplit(url).path
    try:
        match = resolve(path)
    except Resolver404:
        return path
    # Wagtail's catch-all serves public pages, whose paths are no one's data.
    return path if match.url_name == "wagtail_serve" else f"/{match.route}"


def before_send(event: dict, hint: dict) -> dict:
    request = event.get("request")
    if request:
        # Only how it was asked: no body, cookies, headers, query string or client address.
        kept = {"method": request.get("method"), "url": _route(request.get("url") or "")}
        event["request"] = {key: value for key, value in kept.items() if value}
    event.pop("user", None)
    event.pop("extra", None)
    for exception in event.get("exception", {}).get("values", []):
        exception["value"] = _scrub(exception.get("value"))
    if "logentry" in event:
        event["logentry"] = {"message": _scrub(event["logentry"].get("message"))}
    if "message" in event:
        event["message"] = _scrub(event["message"])
    for crumb in event.get("breadcrumbs", {}).get("values", []):
        before_breadcrumb(crumb, {})
    return event


def before_breadcrumb(crumb: dict, hint: dict) -> dict:
    crumb["message"] = _scrub(crumb.get("message"))
    crumb.pop("data", None)
    return crumb
