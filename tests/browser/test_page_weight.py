"""Fast on a cheap phone: what a first visit downloads, and nothing that blocks the first paint.

Measured in Chromium against the live site: every response the page load fetches (HTML, CSS,
JavaScript, fonts, images), each counted as it goes over the wire in production: text gzipped
at level 9 as whitenoise's compressor does for static files (and a proxy for HTML), fonts and
images as they are."""

import gzip

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

BUDGET_BYTES = 60 * 1024
TEXT_TYPES = ("text/", "application/javascript", "image/svg+xml", "application/json")


def _load(page: Page, url: str) -> list[dict]:
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    fetched = []
    for response in responses:
        body = response.body()
        kind = response.headers.get("content-type", "")
        wire = len(gzip.compress(body, 9)) if kind.startswith(TEXT_TYPES) else len(body)
        fetched.append({"url": response.url, "type": kind, "raw": len(body), "wire": wire})
    return fetched


@pytest.mark.parametrize("path", ["/", "/vejledninger/saadan-virker-din-plan/"])
def test_a_first_visit_weighs_under_60_kb(page: Page, live_site, path):
    fetched = _load(page, live_site.url + path)
    kinds = {f["type"].split(";")[0] for f in fetched}
    assert "text/html" in kinds and "text/css" in kinds, fetched
    assert all(f["url"].startswith(live_site.url) for f in fetched), "nothing from elsewhere"
    total = sum(f["wire"] for f in fetched)
    assert total <= BUDGET_BYTES, "\n".join(f"{f['wire']:>7} {f['url']}" for f in fetched)


@pytest.mark.parametrize("path", ["/", "/vejledninger/saadan-virker-din-plan/", "/konto/login/"])
def test_no_javascript_blocks_the_first_paint(page: Page, live_site, path):
    page.goto(live_site.url + path)
    blocking = page.eval_on_selector_all(
        "script",
        """scripts => scripts
            .filter(s => !s.async && !s.defer && s.type !== 'module')
            .filter(s => !['application/json', 'application/ld+json'].includes(s.type))
            .map(s => s.src || s.textContent.slice(0, 80))""",
    )
    assert blocking == []
    stylesheets = page.eval_on_selector_all(
        "link[rel=stylesheet]", "links => links.map(l => new URL(l.href).origin)"
    )
    assert set(stylesheets) == {live_site.url}, "styles only from our own server"


def test_the_language_switch_works_on_a_cached_page_without_javascript(browser, live_site):
    """The cached page has no CSRF token; the switch is a plain form and still works."""
    from playwright.sync_api import expect

    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    url = live_site.url + "/vejledninger/saadan-virker-din-plan/"
    page.goto(url)
    response = page.goto(url)
    assert response.headers["x-page-cache"] == "hit"
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url == live_site.url + "/en/guides/how-your-plan-works/"  # its English version
    context.close()
