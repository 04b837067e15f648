"""Local development: debug on, embedded SQLite, email to var/mail/."""

from .base import *

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - never used outside DEBUG
ACCESS_LOG_KEY = ACCESS_LOG_KEY or access_log_key_derived(SECRET_KEY)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# Serve static files from the source folders, picking up edits without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `make run` serves plain http://127.0.0.1; let security keys (WebAuthn) be tried there.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
