"""Store, find and purge anonymous copies of public pages in the default cache.

Every entry carries the cache *generation* it was rendered under. Purging writes a new
generation, so all older entries stop matching at once: one write, whatever the cache backend
(the database cache cannot delete by key pattern). A lookup reads the generation and the entry
in one round trip (`get_many`), so a hit costs a single query on the database cache and a
single MGET on Redis.

Each process also keeps the pages it served last in memory (`_local`), and asks the shared
cache for the generation at most every PAGE_CACHE_LOCAL_SECONDS (default 1 s): a hit is then a
dictionary lookup, as cheap as serving fixed bytes. The process that purges forgets its copies
at once; other processes and app servers show a publish within that second.
"""

import hashlib
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string

from portal.ui_language import chosen_language

T = TypeVar("T")
ENTRY_FIELDS = 5  # generation, status, headers, content, on_hit

GENERATION_KEY = "pagecache:generation"
DEFAULT_SECONDS = 60 * 60
DEFAULT_LOCAL_SECONDS = 1.0
LOCAL_ENTRIES = 500
# Replayed from the stored response; everything else a hit needs is the body and the status.
SKIPPED_HEADERS = {"set-cookie", "x-page-cache"}


def page_cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def page_key(*, request: HttpRequest) -> str:
    """One entry per scheme, host, full path and language (the language the middleware will
    choose: an /en/ prefix or the switch's cookie, never Accept-Language; portal.ui_language)."""
    raw = "|".join(
        [
            request.scheme or "",
            request.get_host(),
            request.get_full_path(),
            chosen_language(request),
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


class _Local:
    """This process's copies: the generation it last saw, when, and the entries under it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.forget()

    def forget(self) -> None:
        self.generation: str | None = None
        self.checked_at = 0.0
        self.entries: OrderedDict[str, tuple] = OrderedDict()
        self.memos: dict[str, object] = {}  # published_memo values under `generation`

    def fresh(self, now: float) -> bool:
        return self.generation is not None and now - self.checked_at < _local_seconds()

    def saw(self, generation: str, now: float) -> None:
        if generation != self.generation:
            self.forget()
            self.generation = generation
        self.checked_at = now


_local = _Local()


def _local_seconds() -> float:
    return float(getattr(settings, "PAGE_CACHE_LOCAL_SECONDS", DEFAULT_LOCAL_SECONDS))


def _is_entry(entry, generation: str) -> bool:
    # Anything else (an entry stored by an older release, say) is a miss, never an error.
    return isinstance(entry, tuple) and len(entry) == ENTRY_FIELDS and entry[0] == generation


def _response(entry: tuple) -> HttpResponse:
    _, status, headers, content, on_hit = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response._page_cache_on_hit = on_hit
    return response


def lookup(*, key: str) -> tuple[str, HttpResponse | None]:
    """The current generation, and the stored response if it was rendered under it."""
    if _local_seconds() <= 0:
        found = cache.get_many([GENERATION_KEY, key])
        generation = _current(found)
        entry = found.get(key)
        return generation, (_response(entry) if _is_entry(entry, generation) else None)

    now = time.monotonic()
    with _local.lock:
        fresh = _local.generation is not None and now - _local.checked_at < _local_seconds()
        generation = _local.generation
        entry = _local.entries.get(key) if fresh else None
        if entry is not None:
            _local.entries.move_to_end(key)
    if fresh:
        if entry is None:
            entry = cache.get(key)
            if not _is_entry(entry, generation):
                return generation, None
            _keep_locally(key, entry)
        return generation, _response(entry)

    found = cache.get_many([GENERATION_KEY, key])
    generation = _current(found)
    with _local.lock:
        _local.saw(generation, now)
    entry = found.get(key)
    if not _is_entry(entry, generation):
        return generation, None
    _keep_locally(key, entry)
    return generation, _response(entry)


def _keep_locally(key: str, entry: tuple) -> None:
    with _local.lock:
        if entry[0] != _local.generation:
            return
        _local.entries[key] = entry
        _local.entries.move_to_end(key)
        while len(_local.entries) > LOCAL_ENTRIES:
            _local.entries.popitem(last=False)


_MISSING = object()


def published_memo(
    *,
    key: str,
    build: Callable[[], T],
    locally: bool = True,
    keep: Callable[[T], bool] | None = None,
) -> T:
    """A value that only editors' changes can alter (the site for a host name, the footer's
    links, the list of view restrictions): built once per generation instead of read from the
    database on every request. The generation is read before building, so a purge during the
    build leaves the result stale at once rather than cached for an hour.

    Like the pages, each process keeps the values it read while its generation is fresh
    (PAGE_CACHE_LOCAL_SECONDS): the header, footer and breadcrumbs of one request then cost
    one cache read together, and none within that second, whatever the cache backend.

    `locally=False` for values with a key per visitor's words (a search's answer): those stay
    in the shared cache only, as this process's memos are not bounded. A value `keep` says no
    to is built every time and stored nowhere."""
    local = locally and _local_seconds() > 0
    now = time.monotonic()
    if local:
        with _local.lock:
            value = _local.memos.get(key, _MISSING) if _local.fresh(now) else _MISSING
        if value is not _MISSING:
            return value
    found = cache.get_many([GENERATION_KEY, key])
    generation = _current(found)
    entry = found.get(key, _MISSING)
    if entry is not _MISSING and entry[0] == generation:
        value = entry[1]
    else:
        value = build()
        if keep is not None and not keep(value):
            return value
        cache.set(key, (generation, value), timeout=page_cache_seconds())
    if local:
        with _local.lock:
            _local.saw(generation, now)
            _local.memos[key] = value
    return value


def store(*, key: str, generation: str, request: HttpRequest, response: HttpResponse) -> None:
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in SKIPPED_HEADERS
    ]
    on_hit = getattr(request, "_page_cache_on_hit", None)
    entry = (generation, response.status_code, headers, response.content, on_hit)
    cache.set(key, entry, timeout=page_cache_seconds())
    if _local_seconds() > 0:
        _keep_locally(key, entry)


def mark_cacheable(*, request: HttpRequest, on_hit: tuple[str, tuple] | None = None) -> None:
    """Called by a view (or Wagtail's serve hook) whose output is the same for every
    anonymous visitor; the middleware stores the response only for such requests.
    `on_hit` names a function (dotted path) and its arguments, called when a stored copy is
    served: what the view would have recorded had it run (search counts its hits)."""
    request._page_cache_ok = True
    request._page_cache_on_hit = on_hit


def run_hit_callback(*, cached: HttpResponse) -> None:
    on_hit = getattr(cached, "_page_cache_on_hit", None)
    if on_hit:
        path, args = on_hit
        import_string(path)(*args)


def is_marked_cacheable(*, request: HttpRequest) -> bool:
    return getattr(request, "_page_cache_ok", False)


def vary_on_cookie(response: HttpResponse) -> None:
    """A logged-in visitor's copy of the same URL differs, so tell any HTTP cache on the way."""
    patch_vary_headers(response, ("Cookie",))


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    with _local.lock:
        _local.forget()


def purge_page_cache() -> None:
    """Forget every cached page. Called on publish, unpublish, move, delete, and changes to
    snippets, settings, images, documents, sites and view restrictions.

    It runs twice: now, so the same transaction (and a test) sees the change at once, and
    again after commit, because a request that rendered the old content between the two
    would otherwise store it under the new generation and keep it until the next purge."""
    _new_generation()
    transaction.on_commit(_new_generation)
