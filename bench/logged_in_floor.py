"""The logged-in floor: the least a Django app under the same gunicorn can do for a logged-in
request. Only SessionMiddleware and AuthenticationMiddleware, the portal's session engine
(cached_db on the same Redis, through the same cache backend, portal.cache), the same
PostgreSQL user table and the same SECRET_KEY, so the portal's session cookie logs the same
person in here; one view behind login_required sending the home page's bytes, as
bench/urls.py's logged_in_empty does inside the portal. Used as settings module and URLconf at
once (DJANGO_SETTINGS_MODULE=bench.logged_in_floor)."""

import os
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from portal.settings._database import database_from_env

SECRET_KEY = os.environ.get("SECRET_KEY", "bench-only-not-secret")  # as bench/settings.py
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = __name__
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "portal.accounts",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
AUTH_USER_MODEL = "accounts.User"
# The backend the portal's session names (force_login takes the first of the portal's).
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
DATABASES = {"default": database_from_env()}
CACHES = {
    "default": {
        "BACKEND": "portal.cache.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
USE_I18N = False
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

BODY = Path(os.environ.get("FLOOR_BODY_FILE", "/dev/null")).read_bytes()


@never_cache
@login_required
def logged_in_floor(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("", logged_in_floor)]
