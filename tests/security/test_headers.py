"""Response headers a browser acts on: CSP per area, framing, sniffing, referrer, features,
isolation, and that a logged-in page is never stored by a browser, proxy or the page cache."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from portal.demo.accounts import ensure_demo_user
from portal.security import AdminContentSecurityPolicyMiddleware
from tests.security.observatory import production_transport_settings

pytestmark = pytest.mark.django_db


def _directives(header: str) -> dict[str, list[str]]:
    return {
        name: sources
        for name, *sources in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.fixture
def citizen(db):
    return ensure_demo_user(email="borger@example.dk", first_name="Mette")


def test_public_pages_get_the_strict_policy(client, demo_site):
    response = client.get("/")
    csp = _directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]  # no nonce: the page has no inline script
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_a_nonce_appears_only_when_a_template_uses_it_and_is_new_each_time(rf, settings):
    from django.http import HttpResponse

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    middleware = AdminContentSecurityPolicyMiddleware(view)
    nonces = set()
    for _ in range(2):
        request = rf.get("/min-plan/")
        response = middleware(request)
        (nonce,) = re.findall(r"'nonce-([^']+)'", response["Content-Security-Policy"])
        assert f'nonce="{nonce}"' in response.content.decode()
        nonces.add(nonce)
    assert len(nonces) == 2


@pytest.mark.parametrize("path", ["/min-plan/", "/admin/pages/"])
@pytest.mark.parametrize("uses_nonce", [False, True])
def test_the_policy_built_once_is_the_one_django_csp_builds(rf, path, uses_nonce):
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse

    def view(request):
        return HttpResponse(f"{request.csp_nonce}" if uses_nonce else "")

    middleware = AdminContentSecurityPolicyMiddleware(view)
    for _ in range(2):  # the second from the built policy
        request = rf.get(path)
        ours = middleware(request)
        nonce = getattr(request, "_csp_nonce", None)
        assert bool(nonce) is uses_nonce
        # django-csp's own process_response, with our two areas, on the same request.
        theirs = CSPMiddleware.process_response(middleware, request, view(request))
        assert ours["Content-Security-Policy"] == theirs["Content-Security-Policy"]
        assert "Content-Security-Policy-Report-Only" not in ours


def test_a_per_view_policy_and_a_late_nonce_still_go_through_django_csp(rf):
    from csp.exceptions import CSPNonceError
    from django.http import HttpResponse

    def view(request):
        response = HttpResponse("")
        response._csp_update = {"img-src": ["https://kort.example.dk"]}
        return response

    request = rf.get("/min-plan/")
    response = AdminContentSecurityPolicyMiddleware(view)(request)
    assert "https://kort.example.dk" in _directives(response["Content-Security-Policy"])["img-src"]
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)  # asked for after the header was written


def test_a_changed_policy_setting_is_used_at_once(rf, settings):
    from django.http import HttpResponse

    middleware = AdminContentSecurityPolicyMiddleware(lambda request: HttpResponse(""))
    middleware(rf.get("/"))
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"]}}
    assert middleware(rf.get("/"))["Content-Security-Policy"] == "default-src 'self'"


def test_only_the_admin_gets_the_looser_policy(client, editor):
    client.force_login(editor)
    admin = _directives(client.get("/admin/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in admin["script-src"]
    assert "'unsafe-eval'" not in admin["script-src"]
    assert admin["frame-ancestors"] == ["'self'"]  # Wagtail's preview panel frames the page
    public = _directives(client.get("/konto/email/")["Content-Security-Policy"])
    assert "'unsafe-inline'" not in public["script-src"]


@pytest.mark.parametrize("path", ["/", "/konto/login/", "/.well-known/security.txt"])
def test_every_response_has_the_protective_headers(client, demo_site, path):
    response = client.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_static_files_get_the_headers_too(client):
    response = client.get("/static/css/base.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_an_anonymous_page_may_be_cached_but_a_logged_in_page_never(client, demo_site, citizen):
    assert "no-store" not in client.get("/").get("Cache-Control", "")

    client.force_login(citizen)
    for path in ("/", "/konto/email/", "/konto/sessions/", "/konto/2fa/"):
        cache_control = client.get(path)["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control, path
    # The stylesheet is the same for everyone and may stay in the browser's cache.
    assert "no-store" not in client.get("/static/css/base.css").get("Cache-Control", "")


def test_the_login_response_that_sets_the_session_is_not_stored(client, citizen, demo_password):
    response = client.post("/konto/login/", {"login": citizen.email, "password": demo_password})
    assert "sessionid" in response.cookies
    assert "no-store" in response["Cache-Control"]


def test_session_and_csrf_cookies_are_httponly_and_samesite_lax(client, citizen, demo_password):
    page = client.get("/konto/login/")
    csrf = page.cookies["csrftoken"]
    assert csrf["httponly"] and csrf["samesite"] == "Lax"
    login = client.post("/konto/login/", {"login": citizen.email, "password": demo_password})
    session = login.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"
    # Gone when the browser closes (a shared computer at the library) ...
    assert session["max-age"] == ""
    client.logout()
    remembered = client.post(
        "/konto/login/", {"login": citizen.email, "password": demo_password, "remember": "on"}
    ).cookies["sessionid"]
    # ... or, when asked to remember, never longer than the absolute limit.
    assert int(remembered["max-age"]) == 12 * 60 * 60


def test_security_txt_follows_rfc_9116(client, settings):
    settings.SECURITY_CONTACT = "mailto:sikkerhed@kommune.example.dk"
    response = client.get("/.well-known/security.txt", HTTP_HOST="plan.example.dk")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:sikkerhed@kommune.example.dk"
    assert fields["Canonical"] == "http://plan.example.dk/.well-known/security.txt"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    # In the future, and (as RFC 9116 recommends) less than a year away.
    now = datetime.now(UTC)
    assert now + timedelta(days=30) < expires < now + timedelta(days=365)
    assert client.post("/.well-known/security.txt").status_code == 405


def test_production_sends_hsts_for_a_year_with_subdomains():
    mp = pytest.MonkeyPatch()
    try:
        production = production_transport_settings(mp)
    finally:
        mp.undo()
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    # Rate limits per client, not per load balancer.
    assert production["ALLAUTH_TRUSTED_PROXY_COUNT"] == 1
