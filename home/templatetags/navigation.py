"""Site navigation that costs no query per request: the guide index the header links and a
page's breadcrumbs are built once per published state (portal.pagecache.published_memo),
so a publish, move or new view restriction shows at once, and an unchanged site reads them
from the cache."""

from django import template
from django.utils import translation
from wagtail.models import Site

from portal.pagecache.cache import published_memo
from portal.pagecache.restrictions import exclude_restricted

from ..models import GuideIndexPage
from .translations import version_url_by_key

register = template.Library()


def _site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


def _guide_index_url(site) -> tuple[str, str]:
    index = (
        exclude_restricted(GuideIndexPage.objects.live().descendant_of(site.root_page))
        .order_by("depth", "path")
        .first()
    )
    if index is None:
        return "", ""
    return str(index.translation_key), index.relative_url(site)


@register.simple_tag(takes_context=True)
def guide_index_url(context) -> str:
    """The URL of the site's top guide index ("Vejledninger"), in the visitor's language
    where it has a version in it, or "" if the site has none."""
    site = _site(context)
    if site is None:
        return ""
    key, url = published_memo(
        key=f"pagecache:guide-index:{site.pk}", build=lambda: _guide_index_url(site)
    )
    return version_url_by_key(key, translation.get_language()) or url


def _trail(page, site) -> list[tuple[str, str, bool]]:
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth)
    return [(a.title, a.relative_url(site), a.depth == site.root_page.depth) for a in ancestors]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page) -> list[tuple[str, str, bool]]:
    """(title, url, is_home) for each page above `page`, from the site's home page down."""
    site = _site(context)
    if site is None or page is None:
        return []
    return published_memo(
        key=f"pagecache:breadcrumbs:{site.pk}:{page.pk}", build=lambda: _trail(page, site)
    )
