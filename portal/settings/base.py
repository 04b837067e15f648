"""Settings shared by every environment; integrations switch on only when their variable is set."""

import hashlib
import hmac
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from ._database import database_from_env
from ._env import env
from .csp import content_security_policies

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# `env` (portal/settings/_env.py) is the one reader of the environment: booleans accept
# true/1/yes/on, numbers are checked, and a required variable that is missing stops the start
# with "Set the X environment variable".
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))

INSTALLED_APPS = [
    # First: its catalogue gives allauth's, Wagtail's and Django's English msgids our plain
    # Danish, and the first app that has a msgid wins (portal/borrowed/apps.py).
    "portal.borrowed",
    "portal.accounts",
    "portal.pagecache",
    "home",
    "plans",
    "search",
    "portal.demo",
    # Five of Wagtail's apps without its API v3, which the portal does not serve
    # (portal/wagtail_apps.py): a worker held 141 instead of 155 MB after `make bench`.
    "wagtail.contrib.forms",
    "portal.wagtail_apps.RedirectsConfig",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "portal.wagtail_apps.LocalesConfig",
    "wagtail.sites",
    "wagtail.users",
    "portal.wagtail_apps.SnippetsConfig",
    "portal.wagtail_apps.DocumentsConfig",
    "portal.wagtail_apps.ImagesConfig",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # the sitemap.xml template Wagtail's sitemap view renders
    "django.contrib.humanize",  # allauth.usersessions' list says "3 minutes ago"
    "django.forms",  # Django's widget templates, for the project's form renderer
]

MIDDLEWARE = [
    # /healthz and /readyz for the load balancer, before anything else (portal.health).
    "portal.health.HealthCheckMiddleware",
    # Every log line of a request carries its id, cached pages' too (portal.logs).
    "portal.logs.RequestIdMiddleware",
    # While the database is out of reach, every layer below answers a clean 503
    # (portal.outage); it needs nothing from the others.
    "portal.outage.DatabaseOutageMiddleware",
    # Then a cached page for an anonymous visitor needs none of the others (portal.pagecache).
    "portal.pagecache.middleware.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.security.SecurityHeadersMiddleware",
    "portal.security.AdminContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Django's, but a session that cannot be saved during an outage is a 503, not a 400.
    "portal.outage.SessionMiddlewareForOutages",
    # Django's, but only an /en/ prefix or the switch (its cookie) chooses English.
    "portal.ui_language.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.security.SessionTimeoutMiddleware",
    "portal.security.AdminMFARequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# One field template for every form of ours (label, help, errors, error-summary anchor); Wagtail's
# admin and allauth's screens render their fields their own way.
FORM_RENDERER = "portal.forms.FormRenderer"


DATABASES = {"default": database_from_env(default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

from .accounts import *  # noqa: E402 - accounts, sign-in, MFA, sessions, OpenID Connect

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# allauth's rate limits need a cache that every process shares: the database cache here,
# Redis when REDIS_URL is set.
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
        }
    }
    # Every logged-in request reads its session: from Redis, with the database behind it, so
    # a Redis restart logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }

# Email: SMTP when EMAIL_HOST is set, otherwise files in var/mail/ that people and tests read.
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Fællesplan <no-reply@faellesplan.dk>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env.str("EMAIL_HOST", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env.str("EMAIL_HOST")
    EMAIL_PORT = env.int("EMAIL_PORT", default=587)
    EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The key of the access log's HMAC chain (plans.access_log). It lives in the environment, never
# in the database, so someone who can write to the database cannot re-chain an entry they
# changed. Required in production; empty here means "derive one from SECRET_KEY" (dev, test).
# After a rotation the keys that signed older entries stay in ACCESS_LOG_OLD_KEYS, for checking.
ACCESS_LOG_KEY = env.str("ACCESS_LOG_KEY", default="")
ACCESS_LOG_OLD_KEYS = [key for key in env.list("ACCESS_LOG_OLD_KEYS", default=[]) if key]


def access_log_key_derived(secret_key: str) -> str:
    """Dev and test only: a log key of its own, derived from SECRET_KEY under a fixed label."""
    label = b"faellesplan.access-log.v1"
    return hmac.new(secret_key.encode(), label, hashlib.sha256).hexdigest()


WAGTAIL_SITE_NAME = "Fællesplan"
# Where the site lives, as people reach it: every absolute link in every email is built from
# it (plans.notices.delivery.site_url), and Wagtail's admin links too. Required in production.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# One account system: passwords and email addresses change only through allauth (its rate
# limits, notices and reauthentication), never through Wagtail's own account pages.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# Pages in Danish and English (issue 16). Editors translate with Wagtail's own
# simple_translation: "Oversæt" on a page makes an English draft in the same tree, which goes
# through the same Borgerland-gennemsyn workflow as any page. No new dependency, and the editor
# writes plain English in the editor they know, with the live Danish page beside it; machine
# or PO-file workflows (wagtail-localize) buy nothing for a handful of hand-written guides.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Danish word forms on both databases, so "planer" finds "plan" and "møder" finds "møde":
# PostgreSQL stems with its "danish" text search config, SQLite through search/backend.py.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, its SQLite flavour with a Danish stemmer.
        "BACKEND": "search.backend",
        **({"SEARCH_CONFIG": "danish"} if IS_POSTGRES else {}),
    }
}

# Search counts (anonymous searches that found a page) are kept 30 days: enough for editors to
# see what people look for this month, no longer. `manage.py searchpromotions_garbage_collect`
# (daily from cron) deletes older day counts and every query left without counts or a promotion.
WAGTAILSEARCH_HITS_MAX_AGE = 30

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
CSRF_COOKIE_HTTPONLY = True  # forms carry the token; no script of ours reads the cookie

# Content-Security-Policy (django-csp 4): strict on public and citizen pages, looser only under
# SECURITY_ADMIN_PATH_PREFIX (portal.security.AdminContentSecurityPolicyMiddleware).
SECURITY_ADMIN_PATH_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN = content_security_policies(
    oidc_server_url=OIDC_SERVER_URL, media_origin=env.str("MEDIA_ORIGIN", default="")
)
SECURITY_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Gravatar would tell a third party which staff member opens the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Contact for /.well-known/security.txt (RFC 9116).
SECURITY_CONTACT = env.str("SECURITY_CONTACT", default="mailto:sikkerhed@faellesplan.dk")
