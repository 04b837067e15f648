"""Reads for site search: which pages a visitor may find, and the editors' picks."""

from django.db.models import QuerySet
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from portal.pagecache.restrictions import exclude_restricted


def searchable_pages() -> QuerySet[Page]:
    """Live pages outside every view-restricted section (Wagtail's `live().public()`, with the
    restricted sections read from the published-state cache instead of a query per search)."""
    return exclude_restricted(Page.objects.live())


def promotions_for(*, search_query: str) -> list[SearchPromotion]:
    return list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(search_query), page__live=True
        )
        .select_related("page")
        .order_by("sort_order")
    )
