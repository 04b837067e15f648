"""The portal's production settings, with what a loopback benchmark has to say for itself:
plain HTTP on 127.0.0.1 and a throwaway secret. Everything else (DEBUG off, the manifest static
storage, Redis when REDIS_URL is set, the database task queue) is production's own."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("ACCESS_LOG_KEY", "bench-only-access-log-key-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")

from pathlib import Path  # noqa: E402

from portal.settings.production import *  # noqa: E402, F403

# The portal's URLs plus /__bench/logget-ind-tom/ (bench/urls.py), which sends these bytes
# (bench/run.py writes the home page there before measuring).
ROOT_URLCONF = "bench.urls"
BENCH_FLOOR_BODY_FILE = Path(os.environ.get("VAR_DIR", "var/bench")) / "floor_body.html"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
