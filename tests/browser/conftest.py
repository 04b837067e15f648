"""Fixtures for the browser tests (the shared helpers are in helpers.py)."""

import traceback

import pytest
from django.core.signals import got_request_exception
from playwright.sync_api import Browser

# WCAG 1.4.10 (reflow): at a phone's width no page may be wider than the screen. Measured on
# every page load of every browser test, in every context any of them opens; wider screens are
# not held to it.
PHONE_WIDTH = 360
MEASURE_ON_LOAD = """
window.addEventListener("load", () => {
    if (window.top !== window) return;
    const root = document.documentElement;
    window.reflowMeasured(location.pathname + location.search, root.scrollWidth, root.clientWidth);
});
"""


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


@pytest.fixture(autouse=True)
def no_page_wider_than_a_phone(request, monkeypatch):
    """Every page a browser test loads at phone width (up to 360 px) fits the screen: the width
    of the document is at most the width of the viewport inside its scroll bar. The page
    measures itself on load (an init script, so the site's CSP is not involved) and reports
    through an exposed function; the test fails at its end with each page that was too wide."""
    if "browser" not in request.fixturenames:
        yield []
        return
    too_wide: list[str] = []
    open_context = Browser.new_context

    def measured(path: str, width: int, viewport: int) -> None:
        if viewport <= PHONE_WIDTH and width > viewport:
            too_wide.append(f"{path} is {width} px wide at {viewport} px")

    def new_context(self, *args, **kwargs):
        context = open_context(self, *args, **kwargs)
        context.expose_function("reflowMeasured", measured)
        context.add_init_script(MEASURE_ON_LOAD)
        return context

    monkeypatch.setattr(Browser, "new_context", new_context)
    yield too_wide
    assert sorted(set(too_wide)) == []
