"""Site search over live, public pages, with editors' promoted answers first."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse

from portal.pagecache.cache import mark_cacheable

from .selectors import promotions_for, searchable_pages
from .services import search_hit_record

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    # NUL characters: SQLite's full-text query breaks on them and PostgreSQL refuses them (500).
    search_query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    promotions = []
    results_page = None

    if search_query:
        search_hit_record(search_query=search_query)
        # The same answer for every anonymous visitor until the next publish; a copy served
        # from the cache still counts its hit (buffered, see services).
        mark_cacheable(
            request=request, on_hit=("search.services.search_hit_buffered", (search_query,))
        )
        promotions = promotions_for(search_query=search_query)
        results = searchable_pages().specific().search(search_query)
        paginator = Paginator(results, RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "promotions": promotions,
            "results": results_page,
        },
    )
