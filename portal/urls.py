"""URL routes: accounts, admin, search, language switch, robots.txt and sitemap.xml; Wagtail
serves every other path, English pages under /en/."""

from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path, re_path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import languages
from portal.crawlers import robots_txt, sitemap
from portal.security import security_txt
from search import views as search_views

urlpatterns = [
    # The admin login goes through allauth, so verification and (later) MFA apply to staff too.
    path(
        "admin/login/",
        RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("konto/", include("allauth.urls")),
    # Cached public pages carry no per-visitor CSRF token, so the language switch cannot ask
    # for one. Safe: the view only sets the visitor's own language cookie and redirects to a
    # checked same-site `next`; a forged post can at worst change someone's language.
    path("i18n/setlang/", languages.set_language, name="set_language"),
    path("soeg/", search_views.search, name="search"),
    path("min-plan/", include("plans.urls")),
    path("indstillinger/", include("plans.preferences.urls")),
    path("", include("plans.network.urls")),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's pages: Danish at their own URLs, English under /en/ (portal.languages). Only the
# pages: everything above keeps one URL and speaks the visitor's chosen language.
urlpatterns += languages.page_patterns(
    re_path(wagtail_urls.serve_pattern, languages.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)
