"""A page's versions in each language, for the head's hreflang links, the language switch and
the lang of the content. Built once per published state (portal.pagecache.published_memo), so
a page costs no query for them; a publish of either version shows at once."""

from django import template
from django.utils import translation
from wagtail.models import Page

from portal.pagecache.cache import published_memo
from portal.pagecache.restrictions import exclude_restricted

register = template.Library()


def _all_versions() -> dict[str, list[tuple[int, str, str]]]:
    """By translation key: (page id, language code, relative URL) of every live, public page,
    Danish first. One query per published state for the whole site, however many pages read
    it (a page's head, its switch and the footer's two links)."""
    pages = exclude_restricted(Page.objects.live().filter(depth__gt=1)).select_related("locale")
    found: dict[str, list[tuple[int, str, str]]] = {}
    for p in pages.order_by("locale__language_code", "path"):
        url = p.get_url()
        if url:
            found.setdefault(str(p.translation_key), []).append(
                (p.pk, p.locale.language_code, url)
            )
    return found


def versions(page) -> list[tuple[int, str, str]]:
    return _versions_by_key(str(page.translation_key))


def _versions_by_key(key: str) -> list[tuple[int, str, str]]:
    return published_memo(key="pagecache:translations", build=_all_versions).get(key, [])


def version_url_by_key(key: str, language: str) -> str:
    """The URL of the live version in `language` of the page with translation key `key`."""
    for _, version_language, url in _versions_by_key(key):
        if version_language == language:
            return url
    return ""


@register.simple_tag(takes_context=True)
def hreflang_links(context, page) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for a page that exists in more than one language, with the
    Danish version as x-default; [] for a page in one language only."""
    found = versions(page)
    request = context.get("request")
    if len(found) < 2 or request is None:
        return []
    links = [(language, request.build_absolute_uri(url)) for _, language, url in found]
    default = dict(links).get("da", links[0][1])
    return [*links, ("x-default", default)]


@register.simple_tag
def page_language(page) -> str:
    """The language of the page's own words (a draft or preview reads its locale); "" for
    anything that is not a page."""
    if not hasattr(page, "translation_key"):
        return ""
    for pk, language, _ in versions(page):
        if pk == page.pk:
            return language
    return page.locale.language_code


@register.simple_tag
def version_url(page, language) -> str:
    """The URL of `page`'s live version in `language`, or "" if it has none."""
    if not hasattr(page, "translation_key"):
        return ""
    return version_url_by_key(str(page.translation_key), language)


@register.simple_tag(takes_context=True)
def switch_target(context, page, language) -> str:
    """Where the language switch lands: this page's version in `language`, else this page."""
    return version_url(page, language) or context["request"].get_full_path()


@register.simple_tag
def localized_url(page) -> str:
    """The URL of `page`'s version in the visitor's language, else of the page itself (the
    footer's Kontakt and Tilgængelighedserklæring)."""
    return version_url(page, translation.get_language()) or page.url
