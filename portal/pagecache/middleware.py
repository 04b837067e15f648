"""Serve anonymous GETs of public pages from the cache; see cache.py for the storage rules."""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http.request import split_domain_port
from wagtail.models import Site

from . import cache as page_cache

UNCACHEABLE_CACHE_CONTROL = ("private", "no-cache", "no-store", "max-age=0")


def _skipped_prefixes() -> tuple[str, ...]:
    # Static files (whitenoise answers them further in) and the admin are never cached pages.
    return tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL, "/admin/") if p)


def is_anonymous_get(request) -> bool:
    """Anonymous without touching the database: with no session cookie nobody is logged in,
    and with no messages cookie there is no one-off notice to show. Everything personal on
    this site hangs on one of those two cookies."""
    cookies = request.COOKIES
    return (
        request.method == "GET"
        and not request.path_info.startswith(_skipped_prefixes())
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_storable(request, response) -> bool:
    """Belt and braces after `is_anonymous_get`: only what a view marked as the same for every
    anonymous visitor, only a plain 200 that sets no cookie (so no CSRF token, no session, no
    message) and that nobody asked not to cache (Wagtail marks restricted pages never-cache)."""
    if not page_cache.is_marked_cacheable(request=request):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in UNCACHEABLE_CACHE_CONTROL):
        return False
    # A CSP nonce in cached HTML would not match the next response's header.
    if getattr(request, "_csp_nonce", None):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    return not (session is not None and (session.modified or not session.is_empty()))


def remember_site(request) -> None:
    """Wagtail looks the site up by host name on every request (one query) and keeps it on
    the request as `_wagtail_site`; this hands it the copy kept for the cache generation."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    request._wagtail_site = page_cache.published_memo(
        key=f"pagecache:site:{hostname}:{port}",
        build=lambda: Site._find_for_request(request),
    )


class AnonymousPageCacheMiddleware:
    """The first middleware: a hit needs nothing the others do, and on a miss it sees the
    finished response with every header and cookie the others added (and stores all headers,
    so a hit carries the same security headers). The key has the language the locale middleware
    will choose, by the same function (portal.ui_language.chosen_language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if page_cache.page_cache_seconds() <= 0:
            return self.get_response(request)
        if not is_anonymous_get(request):
            remember_site(request)
            return self.get_response(request)

        key = page_cache.page_key(request=request)
        generation, cached = page_cache.lookup(key=key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            page_cache.run_hit_callback(cached=cached)
            return cached

        remember_site(request)
        response = self.get_response(request)
        if is_storable(request, response):
            page_cache.vary_on_cookie(response)
            page_cache.store(key=key, generation=generation, request=request, response=response)
            response["X-Page-Cache"] = "miss"
        return response
