"""Writes for site search: the daily hit count editors see under "Søgeord"."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string


def search_hit_record(*, search_query: str) -> None:
    """What Wagtail's `Query.get(q).add_hit()` does (three or four queries), in one UPDATE for
    every search but the first of its words on a day."""
    normalised = normalise_query_string(search_query)
    today = timezone.localdate()
    todays_row = QueryDailyHits.objects.filter(query__query_string=normalised, date=today)
    if todays_row.update(hits=F("hits") + 1):
        return
    query = Query.get(search_query)
    try:
        with transaction.atomic():
            QueryDailyHits.objects.create(query=query, date=today, hits=1)
    except IntegrityError:  # another search made the day's row first
        todays_row.update(hits=F("hits") + 1)
