"""Fixtures for the browser tests (the shared helpers are in helpers.py)."""

import traceback

import pytest
from django.core.signals import got_request_exception


@pytest.fixture
def desk(browser, live_site):
    # Depends on live_site so the browser closes (and sends its last requests) before the
    # database is flushed.
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def phones(browser, live_site):
    """Three people, each on a phone of their own (360 px), for journeys between them."""
    contexts = [
        browser.new_context(locale="da-DK", viewport={"width": 360, "height": 740})
        for _ in range(3)
    ]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


@pytest.fixture
def server_errors():
    """Tracebacks of any request that failed on the server, so a 500 explains itself."""
    errors = []

    def record(sender, request=None, **kwargs):
        errors.append(f"{getattr(request, 'path', '?')}\n{traceback.format_exc()}")

    got_request_exception.connect(record)
    yield errors
    got_request_exception.disconnect(record)
