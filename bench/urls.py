"""The portal's URLs plus one page that does no work behind a login, for the benchmark only
(bench/settings.py): what a logged-in request costs in this stack before the page does anything
— the sessions, the user, every middleware — answered with the floor's bytes."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from portal import urls as portal_urls

BODY = b""


@never_cache
@login_required
def logged_in_empty(request):
    global BODY
    if not BODY:
        BODY = settings.BENCH_FLOOR_BODY_FILE.read_bytes()
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


# The portal's own list, not include(): its English pages sit under a language prefix, which
# Django allows only in the root URLconf.
urlpatterns = [
    path("__bench/logget-ind-tom/", logged_in_empty, name="bench_logged_in_empty"),
    *portal_urls.urlpatterns,
]
