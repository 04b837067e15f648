"""Two languages, two questions: the *page* a URL names (Danish without a prefix, English under
/en/, Wagtail's pages in i18n_patterns in portal/urls.py) and the *UI* the visitor chose with
the switch (the language cookie). They differ when someone with English chrome opens a Danish
page that has no English version: the page stays Danish (marked lang="da"), the chrome English.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.urls import LocalePrefixPattern, URLResolver
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language as django_set_language
from wagtail import views as wagtail_views
from wagtail.models import Site


def url_language(request) -> str:
    """The language of the page a URL names: its prefix, else Danish."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


class ContentLanguagePrefix(LocalePrefixPattern):
    """Django's language prefix, matched by the URL alone: no prefix is Danish, /en/ English,
    whatever language the visitor chose (Django matches the prefix of the active language, so
    a visitor with English chrome could not reach a Danish page). Reversing is Django's: a
    page's URL is reversed in the page's own language (Wagtail's Page.get_url_parts)."""

    def match(self, path):
        for code, _name in settings.LANGUAGES:
            if code != settings.LANGUAGE_CODE and path.startswith(f"{code}/"):
                return path.removeprefix(f"{code}/"), (), {}
        return path, (), {}


def page_patterns(*urls):
    """Like `i18n_patterns(*urls, prefix_default_language=False)`, with ContentLanguagePrefix."""
    return [URLResolver(ContentLanguagePrefix(prefix_default_language=False), list(urls))]


def serve(request, path):
    """Wagtail's page view, routed from the home page in the URL's language. Wagtail itself
    routes from the home page in the active language, which is the visitor's UI language here
    (English chrome on a Danish URL would look for the Danish path among the English pages).
    Wagtail keeps the route on the request, and its serve view uses it."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = _route(request, path)
    return wagtail_views.serve(request, path)


def _route(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    language = url_language(request)
    if language != settings.LANGUAGE_CODE:  # the site's home page is the Danish one
        with translation.override(language):
            translated = root.localized
        if translated.pk == root.pk:
            return None  # no home page in that language: nothing lives under its prefix
        root = translated
    try:
        return root.specific.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None


@csrf_exempt
def set_language(request):
    """Django's language switch, landing exactly on `next`. The switch on a page names the
    other language's page itself (home.templatetags.translations); Django would instead put
    the prefix in front of the same path, which misses a translated slug and sends a Danish
    page without an English version to a 404 under /en/."""
    response = django_set_language(request)
    next_url = request.POST.get("next", "")
    if isinstance(response, HttpResponseRedirect) and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        response["Location"] = iri_to_uri(next_url)
    return response
