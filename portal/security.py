"""Security middleware and helpers: headers, CSP per area, session timeouts, MFA for the admin."""

import functools
import time
from datetime import UTC, datetime, timedelta

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from allauth.account.decorators import reauthentication_required as allauth_reauthentication
from allauth.mfa.models import Authenticator
from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy, default_config
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

__all__ = [
    "AdminContentSecurityPolicyMiddleware",
    "AdminMFARequiredMiddleware",
    "SecurityHeadersMiddleware",
    "SessionTimeoutMiddleware",
    "reauthentication_required",
    "requires_mfa",
    "security_txt",
]

# Session keys of our own; the leading underscore keeps them apart from allauth's and Django's.
LOGIN_AT_KEY = "_faellesplan_login_at"
SEEN_AT_KEY = "_faellesplan_seen_at"
IDLE_LIMIT_KEY = "_faellesplan_idle_seconds"

# Writing the "last seen" time on every request would save the session on every request; a
# minute's resolution is enough for limits of 30 minutes and more.
SEEN_AT_RESOLUTION_SECONDS = 60


def requires_mfa(user) -> bool:
    """Everyone who can reach the admin (caseworkers, editors, superusers) holds or can reach
    personal data, so everyone of them needs a second factor."""
    return bool(
        user.is_authenticated
        and (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def is_admin_path(path: str) -> bool:
    return path.startswith(settings.SECURITY_ADMIN_PATH_PREFIX)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set, and `Cache-Control: no-store` on every
    response to someone who carries a session, so no browser, proxy or page cache keeps a
    logged-in page. Sits before WhiteNoise, so static files get the headers too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.SECURITY_PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        # A session cookie in the request, or one being set now (a login), marks a personal
        # response; checking the cookie costs no database query. Static files are the same for
        # everyone and keep WhiteNoise's long caching.
        # Views behind never_cache (most personal ones) have done it already.
        if (
            not request.path_info.startswith(settings.STATIC_URL)
            and (
                settings.SESSION_COOKIE_NAME in request.COOKIES
                or settings.SESSION_COOKIE_NAME in response.cookies
            )
            and (
                response.get("Cache-Control") != _never_cache_value() or "Expires" not in response
            )
        ):
            add_never_cache_headers(response)
        return response


@functools.cache
def _never_cache_value() -> str:
    response = HttpResponse()
    add_never_cache_headers(response)
    return response["Cache-Control"]


class AdminContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with two policies: the strict one (nonces, no inline script) everywhere, and
    the looser CONTENT_SECURITY_POLICY_ADMIN only under the Wagtail admin, which still needs
    inline script and style."""

    def process_response(self, request, response):
        """django-csp builds the policy anew for every response (a deep copy of the settings
        and two dataclass conversions, ~0.15 ms); ours depends only on the area and the nonce,
        so it is built once per area with a stand-in nonce. Anything unusual (a per-view policy,
        a report-only policy, an exemption, a header already set, Django's debug pages) goes
        through django-csp itself. tests/security/test_headers.py holds both to the same bytes."""
        if (
            settings.DEBUG
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or HEADER in response
            or any(getattr(response, name, None) for name in _PER_RESPONSE_POLICY)
        ):
            return super().process_response(request, response)
        nonce = getattr(request, "_csp_nonce", None)
        admin = is_admin_path(request.path_info)
        # Under the admin an inline script with a nonce would make browsers ignore
        # 'unsafe-inline' (get_policy_parts below), so the admin's header never has one.
        policy = _built_policy(admin=admin, with_nonce=bool(nonce) and not admin)
        if nonce and not admin:
            policy = policy.replace(_NONCE_STAND_IN, nonce)
        response[HEADER] = policy
        if nonce is None:
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
            # An inline script with a nonce would make browsers ignore 'unsafe-inline'.
            parts.nonce = None
        return parts


# What django-csp's decorators and exemptions leave on a response.
_PER_RESPONSE_POLICY = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)
_NONCE_STAND_IN = "NONCE-STAND-IN"


@functools.cache
def _built_policy(*, admin: bool, with_nonce: bool) -> str:
    """The header of one area as django-csp builds it, with a stand-in for the nonce. Settings
    do not change in a running process; tests that override them clear this cache."""
    config = (
        default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]) if admin else None
    )
    return build_policy(config, nonce=_NONCE_STAND_IN if with_nonce else None)


@receiver(setting_changed, dispatch_uid="faellesplan_csp_settings")
def _forget_built_policies(sender, setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _built_policy.cache_clear()


@receiver(user_logged_in, dispatch_uid="faellesplan_session_clock")
def start_session_clock(sender, request, user, **kwargs):
    """Stamp the login time and the idle limit once, so later requests need no query to know
    whether this is a staff session (30 minutes) or a citizen's (2 hours)."""
    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[LOGIN_AT_KEY] = now
    request.session[SEEN_AT_KEY] = now
    request.session[IDLE_LIMIT_KEY] = (
        settings.SESSION_IDLE_SECONDS_STAFF
        if requires_mfa(user)
        else settings.SESSION_IDLE_SECONDS_CITIZEN
    )


class SessionTimeoutMiddleware:
    """Log out a session that has been idle too long (staff 30 min, citizens 2 h) or that is
    older than the absolute limit (12 h), and send the person to the login page with a plain
    message. Placed after MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and SESSION_KEY in session:
            response = self._check(request, session)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request, session):
        now = int(time.time())
        login_at = session.get(LOGIN_AT_KEY)
        if login_at is None:
            # A session from before these limits existed: start its clock now.
            start_session_clock(None, request, request.user)
            return None
        idle_limit = session.get(IDLE_LIMIT_KEY, settings.SESSION_IDLE_SECONDS_STAFF)
        seen_at = session.get(SEEN_AT_KEY, login_at)
        if now - login_at >= settings.SESSION_ABSOLUTE_SECONDS:
            message = _(
                "Du har været logget ind i lang tid, så vi har logget dig ud. Log ind igen."
            )
        elif now - seen_at >= idle_limit:
            message = _(
                "Du har ikke brugt siden i et stykke tid, så vi har logget dig ud for at passe "
                "på dine oplysninger. Log ind igen."
            )
        else:
            if now - seen_at >= SEEN_AT_RESOLUTION_SECONDS:
                session[SEEN_AT_KEY] = now
            return None
        logout(request)
        messages.info(request, message)
        login_url = reverse(settings.LOGIN_URL)
        return redirect(f"{login_url}?{urlencode({'next': request.get_full_path()})}")


class AdminMFARequiredMiddleware:
    """No admin page for staff or editors before they have a second factor (an authenticator
    app or a security key); they are sent to set one up. Placed after the session timeout."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_admin_path(request.path_info) and requires_mfa(request.user):
            enrolled = Authenticator.objects.filter(
                user=request.user,
                type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN],
            ).exists()
            if not enrolled:
                messages.warning(
                    request,
                    _(
                        "Før du kan bruge administrationen, skal du slå totrinsbekræftelse til. "
                        "Så skal du både bruge din adgangskode og en kode fra en app på din "
                        "telefon, når du logger ind. Det passer på borgernes oplysninger."
                    ),
                )
                return redirect("mfa_index")
        return self.get_response(request)


# RFC 9116 asks for an Expires date less than a year ahead; computing it keeps it from lapsing.
SECURITY_TXT_VALID_DAYS = 180


@require_safe
def security_txt(request):
    """/.well-known/security.txt: where a researcher reports a vulnerability."""
    expires = datetime.now(UTC) + timedelta(days=SECURITY_TXT_VALID_DAYS)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: da, en",
        f"Canonical: {request.build_absolute_uri()}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _last_login_is_old(request) -> bool:
    # allauth counts only a confirmation of the password (or code) as recent, not the login
    # itself. Here a login counts too, by allauth's own records and timeout.
    records = [
        record
        for record in get_authentication_records(request, request.user)
        if record.get("method") in account_settings.REAUTHENTICATION_METHODS
    ]
    if not records:
        return True
    return time.time() - records[-1]["at"] >= account_settings.REAUTHENTICATION_TIMEOUT


def reauthentication_required(view):
    """allauth's decorator for the plan's sensitive views: the password or a code again only
    when the last login or confirmation is older than ACCOUNT_REAUTHENTICATION_TIMEOUT (5
    minutes), so a person who has just logged in is not asked twice."""
    return allauth_reauthentication(view, enabled=_last_login_is_old)
