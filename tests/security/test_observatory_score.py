"""Mozilla Observatory's score for home, a guide, login and a logged-in page, over real HTTP
against the live site with production's HTTPS settings. Goal: A+ (100 or more) everywhere."""

from http.client import HTTPConnection

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client
from django.test.testcases import _MediaFilesHandler

from home.models import GuidePage
from portal.demo.accounts import ensure_demo_user
from tests.security.observatory import (
    OBSERVATORY_ORIGIN,
    SCORE_TABLE,
    Response,
    production_transport_settings,
    scan,
)


# What production sets for HTTPS; read from portal.settings.production itself below.
@pytest.fixture
def production_site(live_site, settings, monkeypatch):
    """The live site answering with production's HTTPS settings. Django's SecurityMiddleware
    reads them when the handler is built, so a fresh handler serves this test."""
    for key, value in production_transport_settings(monkeypatch).items():
        setattr(settings, key, value)
    httpd = live_site.thread.httpd
    original = httpd.get_app()
    httpd.set_app(StaticFilesHandler(_MediaFilesHandler(WSGIHandler())))
    yield live_site
    httpd.set_app(original)


def _get(live_site, path, *, https: bool, cookie: str = "") -> Response:
    host, port = live_site.thread.host, live_site.thread.port
    connection = HTTPConnection(host, port, timeout=30)
    headers = {"Host": f"{host}:{port}", "Origin": OBSERVATORY_ORIGIN}
    if https:
        # What the TLS-terminating proxy in front of the app servers adds.
        headers["X-Forwarded-Proto"] = "https"
    if cookie:
        headers["Cookie"] = cookie
    connection.request("GET", path, headers=headers)
    raw = connection.getresponse()
    response = Response(raw.status, raw.getheaders(), raw.read().decode("utf-8", "replace"))
    connection.close()
    return response


def _logged_in_cookie(email: str) -> str:
    client = Client()
    client.force_login(ensure_demo_user(email=email, first_name="Mette"))
    return f"sessionid={client.cookies['sessionid'].value}"


def _page_path(which: str) -> str:
    return {
        "home": "/",
        "guide": GuidePage.objects.live().first().url,
        "login": "/konto/login/",
        # Min plan is helper A's page; until it answers, an account page that needs login.
        "min-plan": "/min-plan/",
        "account": "/konto/email/",
    }[which]


@pytest.mark.parametrize("which", ["home", "guide", "login", "account", "min-plan"])
def test_every_page_scores_a_plus(production_site, which):
    path = _page_path(which)
    cookie = _logged_in_cookie("borger@example.dk") if which in {"account", "min-plan"} else ""
    https = _get(production_site, path, https=True, cookie=cookie)
    if which == "min-plan" and https.status != 200:
        pytest.skip(f"/min-plan/ answers {https.status}; the account page stands in for it")
    assert https.status == 200, (path, https.status)
    http = _get(production_site, path, https=False, cookie=cookie)
    # Asked again: for anonymous pages this may be the page cache's copy, which must score
    # the same (and plain http must still be redirected, not served from the cache).
    again = _get(production_site, path, https=True, cookie=cookie)
    http_again = _get(production_site, path, https=False, cookie=cookie)

    url = f"https://{production_site.thread.host}{path}"
    for attempt, (first, plain) in enumerate([(https, http), (again, http_again)]):
        result = scan(url, https=first, http=plain)
        cache = first.first("X-Page-Cache") or "-"
        print(f"\nObservatory {which} {path} (try {attempt + 1}, cache {cache}):", end=" ")
        print(f"{result.score} {result.grade}")
        for test, outcome in result.results.items():
            print(f"  {SCORE_TABLE[outcome]:+4d} {test}: {outcome}")
        penalties = {t: o for t, o in result.results.items() if SCORE_TABLE[o] < 0}
        assert not penalties
        assert result.grade == "A+" and result.score >= 100
        # The bonuses we aim for: default-src 'none', frame-ancestors, a private
        # Referrer-Policy and CORP same-origin.
        assert result.results["content-security-policy"] == (
            "csp-implemented-with-no-unsafe-default-src-none"
        )
        assert result.results["x-frame-options"] == "x-frame-options-implemented-via-csp"
        assert result.results["cross-origin-resource-policy"].endswith("same-origin")


def test_the_login_page_cookies_earn_the_cookie_bonus(production_site):
    https = _get(production_site, "/konto/login/", https=True)
    http = _get(production_site, "/konto/login/", https=False)
    result = scan(f"https://{production_site.thread.host}/konto/login/", https=https, http=http)
    assert result.results["cookies"] == "cookies-secure-with-httponly-sessions-and-samesite"
    (csrf,) = [c for c in https.all("Set-Cookie") if c.startswith("csrftoken=")]
    assert "Secure" in csrf and "HttpOnly" in csrf and "SameSite=Lax" in csrf


def test_the_scorer_fails_a_site_without_headers():
    script = "<script src='http://cdn.example.com/x.js'></script>"
    bare = Response(200, [("Content-Type", "text/html")], script)
    result = scan("https://plan.example.dk/", https=bare, http=bare)
    # CSP -25, redirect -20, HSTS -20, SRI -50, nosniff -5, XFO -20.
    assert result.score == 0 and result.grade == "F"


def test_the_scorer_punishes_unsafe_inline_and_insecure_session_cookies():
    headers = [
        ("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'"),
        ("Set-Cookie", "sessionid=x; Path=/; SameSite=Lax"),
        ("Strict-Transport-Security", "max-age=31536000"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
    ]
    https = Response(200, headers, "")
    http = Response(301, [("Location", "https://plan.example.dk/")], "")
    result = scan("https://plan.example.dk/", https=https, http=http)
    assert result.results["content-security-policy"] == "csp-implemented-with-unsafe-inline"
    assert result.results["cookies"] == "cookies-session-without-httponly-flag"
    assert result.score == 100 - 20 - 30
    assert result.grade == "C"
