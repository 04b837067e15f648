"""Wagtail checks a page's view restrictions on every request (two queries: the ancestors,
then their restrictions). Most pages have none, and only editors change them, so the list of
all restrictions is kept per cache generation and a public page needs no query at all."""

from django.db.models import Q, QuerySet
from wagtail.models import Page, PageViewRestriction

from .cache import published_memo

STEPLEN = Page.steplen


def _restrictions_by_path() -> dict[str, list[int]]:
    """Restriction ids by the path of every page they cover at its top: the restricted page
    itself and any alias of it (an alias obeys its source's restrictions, as in Wagtail)."""
    by_path: dict[str, list[int]] = {}
    by_page_id: dict[int, list[int]] = {}
    for restriction_id, page_id, path in PageViewRestriction.objects.values_list(
        "id", "page_id", "page__path"
    ):
        by_path.setdefault(path, []).append(restriction_id)
        by_page_id.setdefault(page_id, []).append(restriction_id)
    if by_page_id:
        aliases = Page.objects.filter(alias_of_id__in=by_page_id).values_list("path", "alias_of")
        for path, source_id in aliases:
            by_path.setdefault(path, []).extend(by_page_id[source_id])
    return by_path


def restricted_paths() -> dict[str, list[int]]:
    return published_memo(key="pagecache:view-restrictions", build=_restrictions_by_path)


def restriction_ids_for(path: str) -> list[int]:
    """Restrictions on the page at `path` or on any of its ancestors."""
    by_path = restricted_paths()
    ids: list[int] = []
    for end in range(STEPLEN, len(path) + 1, STEPLEN):
        ids.extend(by_path.get(path[:end], ()))
    return ids


class CachedViewRestrictionsMixin:
    """For page models: the same answer as Wagtail's get_view_restrictions, without a query for
    a public page (an empty queryset never reaches the database)."""

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        ids = restriction_ids_for(self.path)
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(id__in=ids)


def exclude_restricted(pages: QuerySet) -> QuerySet:
    """Wagtail's `.public()` without its query: drop every page in a restricted section."""
    paths = list(restricted_paths())
    if not paths:
        return pages
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return pages.exclude(private)
