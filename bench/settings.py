"""The portal's production settings, with what a loopback benchmark has to say for itself:
plain HTTP on 127.0.0.1 and a throwaway secret. Everything else (DEBUG off, the manifest static
storage, Redis when REDIS_URL is set, the database task queue) is production's own."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from portal.settings.production import *  # noqa: E402, F403

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
