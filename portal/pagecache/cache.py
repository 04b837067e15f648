"""Store, find and purge anonymous copies of public pages in the default cache.

Every entry carries the cache *generation* it was rendered under. Purging writes a new
generation, so all older entries stop matching at once: one write, whatever the cache backend
(the database cache cannot delete by key pattern). A lookup reads the generation and the entry
in one round trip (`get_many`), so a hit costs a single query on the database cache and a
single MGET on Redis.
"""

import hashlib
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

T = TypeVar("T")

GENERATION_KEY = "pagecache:generation"
DEFAULT_SECONDS = 60 * 60
# Replayed from the stored response; everything else a hit needs is the body and the status.
SKIPPED_HEADERS = {"set-cookie", "x-page-cache"}


def page_cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def page_key(*, request: HttpRequest) -> str:
    """One entry per scheme, host, full path and active language (the URL has no language
    prefix: the language cookie or Accept-Language decides, and LocaleMiddleware has run)."""
    raw = "|".join(
        [
            request.scheme or "",
            request.get_host(),
            request.get_full_path(),
            get_language() or settings.LANGUAGE_CODE,
        ]
    )
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _current(found: dict) -> str:
    generation = found.get(GENERATION_KEY)
    if generation is None:
        # Never purged yet, or evicted (the database cache culls): start a generation, and let
        # whatever was stored before it count as stale.
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def lookup(*, key: str) -> tuple[str, HttpResponse | None]:
    """The current generation, and the stored response if it was rendered under it."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = _current(found)
    entry = found.get(key)
    if not entry or entry[0] != generation:
        return generation, None
    _, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return generation, response


_MISSING = object()


def published_memo(*, key: str, build: Callable[[], T]) -> T:
    """A value that only editors' changes can alter (the site for a host name, the footer's
    links, the list of view restrictions): built once per generation instead of read from the
    database on every request. The generation is read before building, so a purge during the
    build leaves the result stale at once rather than cached for an hour."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = _current(found)
    entry = found.get(key, _MISSING)
    if entry is not _MISSING and entry[0] == generation:
        return entry[1]
    value = build()
    cache.set(key, (generation, value), timeout=page_cache_seconds())
    return value


def store(*, key: str, generation: str, response: HttpResponse) -> None:
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in SKIPPED_HEADERS
    ]
    cache.set(
        key,
        (generation, response.status_code, headers, response.content),
        timeout=page_cache_seconds(),
    )


def mark_cacheable(*, request: HttpRequest) -> None:
    """Called by a view (or Wagtail's serve hook) whose output is the same for every
    anonymous visitor; the middleware stores the response only for such requests."""
    request._page_cache_ok = True


def is_marked_cacheable(*, request: HttpRequest) -> bool:
    return getattr(request, "_page_cache_ok", False)


def vary_on_cookie(response: HttpResponse) -> None:
    """A logged-in visitor's copy of the same URL differs, so tell any HTTP cache on the way."""
    patch_vary_headers(response, ("Cookie",))


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def purge_page_cache() -> None:
    """Forget every cached page. Called on publish, unpublish, move, delete, and changes to
    snippets, settings, images, documents, sites and view restrictions.

    It runs twice: now, so the same transaction (and a test) sees the change at once, and
    again after commit, because a request that rendered the old content between the two
    would otherwise store it under the new generation and keep it until the next purge."""
    _new_generation()
    transaction.on_commit(_new_generation)
