"""Local development: debug on, embedded SQLite, email to var/mail/."""

from .base import *

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - never used outside DEBUG
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
