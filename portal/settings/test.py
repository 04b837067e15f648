"""Test settings: fast hashing, immediate tasks, email kept in memory."""

from .base import *

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ACCESS_LOG_KEY = ACCESS_LOG_KEY or access_log_key_derived(SECRET_KEY)
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"

# Serve static files from the source folders, picking up edits without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Every test has its own database but they share one process: a page kept in process memory
# (portal.pagecache) would outlive its test. The shared cache alone still caches every page.
PAGE_CACHE_LOCAL_SECONDS = 0
