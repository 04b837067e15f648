"""Reads for site search: which pages a visitor may find, and the editors' picks."""

from django.db.models import QuerySet
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.query import PlainText
from wagtail.search.utils import normalise_query_string

from portal.pagecache.restrictions import exclude_restricted


def searchable_pages() -> QuerySet[Page]:
    """Live pages outside every view-restricted section (Wagtail's `live().public()`, with the
    restricted sections read from the published-state cache instead of a query per search)."""
    return exclude_restricted(Page.objects.live())


def pages_matching(*, search_query: str):
    """Live public pages that match the visitor's words, best first. The words go to the
    backend as a `PlainText` query, so AND, OR, NOT, NEAR, *, ^, :, - and brackets are plain
    words, never operators. A double quote is the one character the database backend cannot
    carry inside its quoted SQLite FTS5 terms (it escapes ' and \\ but not "), so it becomes a
    space; to PostgreSQL's text search it is punctuation anyway."""
    words = search_query.replace('"', " ")
    if not words.split():  # nothing but quotes: the backend cannot build an empty query
        return Page.objects.none()
    return searchable_pages().specific().search(PlainText(words))


def promotions_for(*, search_query: str) -> list[SearchPromotion]:
    return list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(search_query), page__live=True
        )
        .select_related("page")
        .order_by("sort_order")
    )
