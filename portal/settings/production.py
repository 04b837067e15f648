"""Production: every secret from the environment; a missing one stops the start."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
# The access log's HMAC key (see base.py): never derived here, and long enough to guess at.
ACCESS_LOG_KEY = env.str("ACCESS_LOG_KEY")
if len(ACCESS_LOG_KEY) < 32:
    raise ImproperlyConfigured(
        "Set the ACCESS_LOG_KEY environment variable to 32 or more random characters"
    )
ALLOWED_HOSTS = [host for host in env.list("ALLOWED_HOSTS", cast=str.strip) if host]
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set the ALLOWED_HOSTS environment variable (comma-separated)")
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]
# No embedded default here: production names its database.
DATABASES = {"default": database_from_env()}
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
WAGTAILSEARCH_BACKENDS["default"].pop("SEARCH_CONFIG", None)
if IS_POSTGRES:
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "danish"

STORAGES["staticfiles"] = {
    "BACKEND": "portal.storage.StaticFilesStorage",
}

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind the proxy every request comes from the proxy's address: allauth's per-IP rate limits
# (and the IPs in "Hvor du er logget ind") must read the client's address from X-Forwarded-For.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# No default: a guess (the first host, the dev port) would send people links that go nowhere.
SITE_URL = env.str("SITE_URL")
WAGTAILADMIN_BASE_URL = SITE_URL

# Background email goes through the django-tasks-db worker: `manage.py run_worker` (plans'
# wrapper of `db_worker` that waits out database outages and takes up a task again when the
# worker that claimed it has not finished it within TASK_LEASE_SECONDS).
INSTALLED_APPS += ["django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TASK_LEASE_SECONDS = env.int("TASK_LEASE_SECONDS", default=300)

# Uploads on S3-compatible storage. django-storages reads its options from settings, not from
# the environment, so they are passed here; boto3 finds AWS_ACCESS_KEY_ID/SECRET_ACCESS_KEY itself.
if env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
        },
    }

if env.str("OPENSEARCH_URL", default=""):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": [env.str("OPENSEARCH_URL")],
            "INDEX_PREFIX": "faellesplan_",
        }
    }

# Error reports to Sentry (or GlitchTip) only when SENTRY_DSN is set; nothing personal is sent
# (portal.error_reporting), and without it sentry_sdk is never imported.
if env.str("SENTRY_DSN", default=""):
    from portal.error_reporting import init_error_reporting

    init_error_reporting(
        dsn=env.str("SENTRY_DSN"),
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        release=env.str("SENTRY_RELEASE", default=""),
    )

# One JSON object per line on standard output, with the request's id (portal.logs); the
# process manager or the container platform collects it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "portal.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "portal.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": "json",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
