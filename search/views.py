"""Site search over live, public pages, with editors' promoted answers first."""

import logging

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import OperationalError
from django.template.response import TemplateResponse

from portal.pagecache.cache import mark_cacheable

from .selectors import (
    glossary_entries_for,
    pages_matching,
    popular_searches,
    promotions_for,
    suggested_guides,
)
from .services import search_hit_record

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    # NUL characters: SQLite's full-text query breaks on them and PostgreSQL refuses them (500).
    search_query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    promotions = []
    results_page = None
    glossary_entries = []
    suggestions = {}

    if search_query:
        promotions = promotions_for(search_query=search_query)
        results_page = _results_page(request, search_query=search_query)
        # A Fagland word is answered in plain words first, whatever pages also use it.
        glossary_entries = glossary_entries_for(search_query=search_query)
        if not (promotions or results_page.paginator.count):
            suggestions = {"guides": suggested_guides(), "searches": popular_searches()}
        # Only anonymous searches that found a public page are counted (editors' "popular
        # queries"): what a logged-in citizen types may say who they are, and words that
        # match no page are free text (a name, a CPR number) that no page could explain.
        counted = not request.user.is_authenticated and (
            promotions or results_page.paginator.count
        )
        if counted:
            search_hit_record(search_query=search_query)
        # The same answer for every anonymous visitor until the next publish; a copy served
        # from the cache still counts its hit (buffered, see services) if it found a page.
        # Logged-in visitors are never served from nor stored in the cache.
        on_hit = ("search.services.search_hit_buffered", (search_query,)) if counted else None
        mark_cacheable(request=request, on_hit=on_hit)

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "promotions": promotions,
            "results": results_page,
            "glossary_entries": glossary_entries,
            "suggestions": suggestions,
        },
    )


def _results_page(request, *, search_query: str):
    paginator = Paginator(pages_matching(search_query=search_query), RESULTS_PER_PAGE)
    try:
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)
    except OperationalError as error:
        # Belt and braces: pages_matching hands the backend plain words, but should SQLite's
        # FTS5 still refuse a query, the visitor gets "no results", not an error page.
        # Only full-text syntax errors: a database that is down must still fail loudly.
        if "fts5" not in str(error).lower():
            raise
        logger.warning("Search query refused by the full-text index: %s", error)
        return Paginator([], RESULTS_PER_PAGE).page(1)
