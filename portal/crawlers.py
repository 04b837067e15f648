"""What search engines read: /robots.txt (crawl the public site, not the personal parts) and
/sitemap.xml (Wagtail's: live pages outside every view-restricted section, Danish and English).
Both are the same for every anonymous visitor, so the page cache keeps them until the next
publish."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from portal.pagecache.cache import mark_cacheable

# Every area that is personal or needs a login, by URL name, so a moved prefix moves here too.
# Search result pages are left out as well: endless, and only a copy of the pages themselves.
PRIVATE_URL_NAMES = [
    ("wagtailadmin_home", ()),
    ("account_login", ()),
    ("plans:min_plan", ()),
    ("preferences:notices", ()),
    ("network:member_plans", ()),
    ("network:invitation_answer", ("x",)),
    ("set_language", ()),
    ("search", ()),
]


def _first_segment(url: str) -> str:
    return "/" + url.strip("/").split("/")[0] + "/"


def disallowed_prefixes() -> list[str]:
    prefixes = [_first_segment(reverse(name, args=args)) for name, args in PRIVATE_URL_NAMES]
    return list(dict.fromkeys(prefixes))


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {p}" for p in disallowed_prefixes()), "Allow: /"]
    lines += ["", f"Sitemap: {settings.SITE_URL.rstrip('/')}/sitemap.xml"]
    mark_cacheable(request=request)
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class BothLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists the pages below the site's home page, the Danish one; the
    English home page is its translation, a tree of its own."""

    def items(self):
        pages = Page.objects.none()
        for home in self.get_wagtail_site().root_page.get_translations(inclusive=True):
            pages |= Page.objects.descendant_of(home, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()


@require_safe
def sitemap(request):
    response = wagtail_sitemap(request, sitemaps={"wagtail": BothLanguagesSitemap})
    if not request.GET:  # ?p=2 and the like: not worth an entry each
        mark_cacheable(request=request)
    return response
