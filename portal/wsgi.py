"""WSGI entry point for gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()


def _freeze_what_lives_as_long_as_the_worker():
    """Load the URLconf now (every view module with it) and move the ~200,000 objects the
    worker has made so far out of the garbage collector's sight: they live until the worker
    ends, and each full collection walked them all, ~200 ms at a time, about once every few
    hundred requests (about 1 ms per request on average; bench, issue 18). Python's own
    gc.freeze(), made for this; what requests make is still collected."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (loading them is the point)
    gc.collect()
    gc.freeze()


_freeze_what_lives_as_long_as_the_worker()
