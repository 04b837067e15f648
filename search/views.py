"""Site search over live, public pages, with editors' promoted answers first."""

from django.template.response import TemplateResponse

from portal.pagecache.cache import mark_cacheable

from .answers import search_answer
from .selectors import glossary_entries_for, popular_searches, suggested_guides
from .services import search_hit_record

MAX_QUERY_LENGTH = 200


def search(request):
    # NUL characters: SQLite's full-text query breaks on them and PostgreSQL refuses them (500).
    search_query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    answer = None
    glossary_entries = []
    suggestions = {}

    if search_query:
        answer = search_answer(request=request, search_query=search_query)
        # A Fagland word is answered in plain words first, whatever pages also use it.
        glossary_entries = glossary_entries_for(search_query=search_query)
        if not answer.found:
            suggestions = {"guides": suggested_guides(), "searches": popular_searches()}
        # Only anonymous searches that found a public page are counted (editors' "popular
        # queries"): what a logged-in citizen types may say who they are, and words that
        # match no page are free text (a name, a CPR number) that no page could explain.
        counted = not request.user.is_authenticated and answer.found
        if counted:
            search_hit_record(search_query=search_query)
        # The same answer for every anonymous visitor until the next publish; a copy served
        # from the cache still counts its hit (buffered, see services) if it found a page.
        # Logged-in visitors are never served from nor stored in the page cache (the answer
        # itself they share, search.answers).
        on_hit = ("search.services.search_hit_buffered", (search_query,)) if counted else None
        mark_cacheable(request=request, on_hit=on_hit)

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "answer": answer,
            "glossary_entries": glossary_entries,
            "suggestions": suggestions,
        },
    )
