"""Fixtures for the browser tests (the shared helpers are in helpers.py)."""

import pytest


@pytest.fixture
def desk(browser, live_site):
    # Depends on live_site so the browser closes (and sends its last requests) before the
    # database is flushed.
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
