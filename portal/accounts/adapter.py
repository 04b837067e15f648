"""allauth's adapter, for two things. Account emails greet from the site's name and domain as
settings give them (WAGTAIL_SITE_NAME, SITE_URL), not from whatever host the request came in
on ("Hej fra 127.0.0.1:8813!"); see `site_from_settings`. And an outsider who knows a person's
address must not be able to keep them out.

allauth refuses a password login after 5 failed ones for the same address within 5 minutes
(its `login_failed` rate limit), even when the password is right: that is what stops guessing
from many machines at once, and it is also a lock anyone can keep shut by guessing once a
minute. So a browser that has logged in to the account before (password or email code, and
the second factor for staff) gets a signed device cookie, and its attempts are counted on
their own (the same 5 in 5 minutes), not with everyone else's. The outsider has no such
cookie: their guesses, and any new browser, still share the address's limit. A person on a
new browser while the lock is on logs in with a code sent by email (then the second factor).
This is OWASP's "device cookie" answer to lockout; allauth's maintainer points to the key
method for changing how the limit is keyed (django-allauth issue #3584).

And one more: an address stashed as verified (by an invitation link, plans.network) verifies
that address only. allauth would otherwise save it on the new account next to a different
address typed at signup, and make it the login.
"""

import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

DEVICE_COOKIE = "faellesplan_enhed"
DEVICE_COOKIE_DAYS = 180
_SALT = "portal.accounts.adapter.device"


def _login_digest(login: str) -> str:
    # The cookie names the account without showing its address.
    return salted_hmac(_SALT, login.strip().lower()).hexdigest()[:32]


def device_of(request, login: str) -> str | None:
    """The id of this browser if it has logged in to `login` before, else None."""
    value = request.COOKIES.get(DEVICE_COOKIE)
    if not value or not login:
        return None
    try:
        data = signing.loads(value, salt=_SALT, max_age=DEVICE_COOKIE_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("login") != _login_digest(login):
        return None
    return str(data.get("device", "")) or None


@dataclass(frozen=True)
class SiteFromSettings:
    """What allauth's email templates read as `current_site`. Without django.contrib.sites,
    allauth uses the request's host; installing the Sites framework instead would switch on
    allauth's SITES_ENABLED and change socialaccount's models, so the settings say it here."""

    name: str
    domain: str


def site_from_settings() -> SiteFromSettings:
    return SiteFromSettings(
        name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc
    )


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        super().send_mail(
            template_prefix, email, {"current_site": site_from_settings(), **context}
        )

    def _get_login_attempts_cache_key(self, request, **credentials):
        key = super()._get_login_attempts_cache_key(request, **credentials)
        login = credentials.get("email", credentials.get("username", ""))
        device = device_of(request, login)
        return f"{key}:device:{device}" if device else key

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        if response is not None and user.email:
            value = signing.dumps(
                {"login": _login_digest(user.email), "device": secrets.token_urlsafe(16)},
                salt=_SALT,
            )
            response.set_cookie(
                DEVICE_COOKIE,
                value,
                max_age=DEVICE_COOKIE_DAYS * 24 * 3600,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

    def save_user(self, request, user, form, commit=True):
        # Signed up under another address than the stashed one: that address is checked by
        # email as usual, and the stashed one is not added to the account.
        if not self.is_email_verified(request, form.cleaned_data.get("email") or ""):
            self.unstash_verified_email(request)
        return super().save_user(request, user, form, commit)
