"""Reads for site search: which pages a visitor may find, the editors' picks, the glossary
words asked about, and what to suggest when nothing was found."""

from datetime import timedelta

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils import timezone, translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.query import PlainText
from wagtail.search.utils import normalise_query_string

from home.glossary import GlossaryEntry, current_glossary
from home.models import GuideIndexPage
from portal.pagecache.cache import published_memo
from portal.pagecache.restrictions import exclude_restricted

SUGGESTED_GUIDES = 8
POPULAR_SEARCHES = 5
# A search shown to everyone as popular must have been made by several visitors, so a word
# only one person typed is never put on the page.
POPULAR_MIN_HITS = 3


def searchable_pages() -> QuerySet[Page]:
    """Live pages outside every view-restricted section (Wagtail's `live().public()`, with the
    restricted sections read from the published-state cache instead of a query per search).
    In Danish only the Danish pages, not their English versions; in English all of them, as
    many pages are in Danish only."""
    pages = exclude_restricted(Page.objects.live())
    if translation.get_language() == settings.LANGUAGE_CODE:
        pages = pages.filter(locale=_default_locale_id())
    return pages


def _default_locale_id() -> int:
    return published_memo(key="pagecache:default-locale-id", build=lambda: Locale.get_default().pk)


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


def glossary_entries_for(*, search_query: str) -> list[GlossaryEntry]:
    """The glossary words in the query, in any of their forms ("ydelser" → ydelse), each once.
    The glossary is compiled from the cache: no query."""
    entries: list[GlossaryEntry] = []
    for hit in current_glossary().find(search_query):
        if hit.entry not in entries:
            entries.append(hit.entry)
    return entries


def suggested_guides() -> list:
    """For a search that found nothing: the guides of the site's first guide index (the
    "Vejledninger" the header links), in the editors' order."""
    index = GuideIndexPage.objects.live().order_by("path").first()
    if index is None:
        return []
    children = exclude_restricted(index.get_children().live()).specific().order_by("path")
    return list(children[:SUGGESTED_GUIDES])


def popular_searches() -> list[str]:
    """The most counted searches of the last month: only anonymous searches that found a page
    are ever counted (search.views), and only those several visitors made are shown."""
    since = timezone.localdate() - timedelta(days=settings.WAGTAILSEARCH_HITS_MAX_AGE)
    return list(
        Query.objects.filter(daily_hits__date__gte=since)
        .annotate(total=Sum("daily_hits__hits"))
        .filter(total__gte=POPULAR_MIN_HITS)
        .order_by("-total", "query_string")
        .values_list("query_string", flat=True)[:POPULAR_SEARCHES]
    )
