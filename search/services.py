"""Writes for site search: the daily hit count editors see under "Søgeord"."""

import threading
import time
from collections import Counter

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string


def search_hit_record(*, search_query: str, hits: int = 1) -> None:
    """What Wagtail's `Query.get(q).add_hit()` does (three or four queries), in one UPDATE for
    every search but the first of its words on a day."""
    normalised = normalise_query_string(search_query)
    today = timezone.localdate()
    todays_row = QueryDailyHits.objects.filter(query__query_string=normalised, date=today)
    if todays_row.update(hits=F("hits") + hits):
        return
    query = Query.get(search_query)
    try:
        with transaction.atomic():
            QueryDailyHits.objects.create(query=query, date=today, hits=hits)
    except IntegrityError:  # another search made the day's row first
        todays_row.update(hits=F("hits") + hits)


# Hits of searches served whole from the page cache, counted in this process and written at
# most every FLUSH_SECONDS: one UPDATE per word then, instead of one per search.
FLUSH_SECONDS = 10
_buffer: Counter = Counter()
_buffer_lock = threading.Lock()
_last_flush = time.monotonic()


def search_hit_buffered(search_query: str) -> None:
    global _last_flush
    with _buffer_lock:
        _buffer[search_query] += 1
        if time.monotonic() - _last_flush < FLUSH_SECONDS:
            return
        hits = dict(_buffer)
        _buffer.clear()
        _last_flush = time.monotonic()
    for word, count in hits.items():
        search_hit_record(search_query=word, hits=count)
