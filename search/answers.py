"""A search's answer as the page shows it (the editors' picks, one page of results, how many
in all), kept per published state: the same words find the same public pages for everyone
until an editor's next change, so a logged-in search, which is never served from the page
cache, need not search again (issue 18)."""

import hashlib
import logging
from dataclasses import dataclass

from django.core.paginator import EmptyPage, Paginator
from django.db import OperationalError
from django.http import HttpRequest
from django.utils import translation

from portal.pagecache.cache import published_memo

from .selectors import pages_matching, promotions_for

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10


@dataclass(frozen=True)
class Hit:
    """A page as a search result: where it is, its title and its few plain words."""

    url: str
    title: str
    text: str


@dataclass(frozen=True)
class SearchAnswer:
    promotions: list[Hit]
    results: list[Hit]  # this page's
    count: int
    number: int
    num_pages: int

    @property
    def found(self) -> bool:
        return bool(self.promotions or self.count)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages


def search_answer(*, request: HttpRequest, search_query: str) -> SearchAnswer:
    """The answer to `search_query` on the page of results the request asks for. Kept in the
    shared cache until the next publish, under a hash of the words, and only when the words
    found a public page and the page asked for exists: words that match nothing are free text
    (a name, a CPR number) that nothing should keep, and page=9999 is not a page to keep."""
    asked = _page_number(request.GET.get("page", 1))
    raw = "|".join(
        [translation.get_language() or "", request.get_host(), search_query, str(asked)]
    )
    return published_memo(
        key="search:answer:" + hashlib.sha256(raw.encode()).hexdigest(),
        build=lambda: _answer(request, search_query=search_query, asked=asked),
        locally=False,
        keep=lambda answer: answer.found and answer.number == asked,
    )


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def _answer(request: HttpRequest, *, search_query: str, asked: int) -> SearchAnswer:
    promotions = [
        Hit(url=pick.page.get_url(request=request), title=pick.page.title, text=pick.description)
        for pick in promotions_for(search_query=search_query)
    ]
    paginator = Paginator(pages_matching(search_query=search_query), RESULTS_PER_PAGE)
    try:
        try:
            page = paginator.page(asked)
        except EmptyPage:  # past the end: the last page
            page = paginator.page(paginator.num_pages)
        results = [_hit(request, result) for result in page]
    except OperationalError as error:
        # Belt and braces: pages_matching hands the backend plain words, but should SQLite's
        # FTS5 still refuse a query, the visitor gets "no results", not an error page.
        # Only full-text syntax errors: a database that is down must still fail loudly.
        if "fts5" not in str(error).lower():
            raise
        logger.warning("Search query refused by the full-text index: %s", error)
        return SearchAnswer(promotions=promotions, results=[], count=0, number=1, num_pages=1)
    return SearchAnswer(
        promotions=promotions,
        results=results,
        count=paginator.count,
        number=page.number,
        num_pages=paginator.num_pages,
    )


def _hit(request: HttpRequest, page) -> Hit:
    text = (
        getattr(page, "summary", "")
        or getattr(page, "intro", "")
        or getattr(page, "search_description", "")
    )
    return Hit(url=page.get_url(request=request), title=page.title, text=text)
