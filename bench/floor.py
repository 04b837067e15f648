"""The floor: the least a Django app under the same gunicorn can do for the home page's bytes.
No apps, no middleware, one view returning the bytes the portal sent. Used as settings module
and URLconf at once (DJANGO_SETTINGS_MODULE=bench.floor)."""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

SECRET_KEY = "bench-floor-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = __name__
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
USE_I18N = False
DATABASES: dict = {}

BODY = Path(os.environ.get("FLOOR_BODY_FILE", "/dev/null")).read_bytes()


def floor(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("", floor)]
