"""The site's URL map plus one path with language prefixes (i18n_patterns), for the test that
a prefix still wins."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path
from django.utils.translation import get_language

from portal import urls as portal_urls


def language_shown(request):
    return HttpResponse(get_language())


urlpatterns = [*i18n_patterns(path("side/", language_shown)), *portal_urls.urlpatterns]
