"""The project's own checks, run inside the suite: deploy checks, lint, migrations, CI's setup."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ACCESS_LOG_KEY": secrets.token_hex(32),
    "ALLOWED_HOSTS": "plan.example.dk",
    "SITE_URL": "https://plan.example.dk",
    "DATABASE_URL": "sqlite:////tmp/faellesplan-deploy-check.sqlite3",
}


# The test process sets these for itself; a deployment never would.
NOT_INHERITED = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_under_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ACCESS_LOG_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL"]
)
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert (
        f"django.core.exceptions.ImproperlyConfigured: Set the {missing} environment variable"
        in result.stderr
    )


def test_production_refuses_an_access_log_key_short_enough_to_guess():
    result = _manage("check", env={**PRODUCTION_ENV, "ACCESS_LOG_KEY": "kort"})
    assert result.returncode != 0
    assert "Set the ACCESS_LOG_KEY environment variable to 32 or more" in result.stderr


def test_an_oidc_client_without_its_secret_is_named_at_start():
    env = {**PRODUCTION_ENV, "OIDC_CLIENT_ID": "faellesplan", "OIDC_SERVER_URL": "https://x.dk"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set the OIDC_CLIENT_SECRET environment variable" in result.stderr


def _production_setting(expression: str, **env) -> str:
    """What portal.settings.production makes of the environment, read in a fresh process."""
    code = f"from django.conf import settings; print({expression})"
    result = _manage("shell", "--no-imports", "-c", code, env={**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("value", "redirect"),
    [("true", "True"), ("1", "True"), ("yes", "True"), ("false", "False"), ("0", "False")],
)
def test_secure_ssl_redirect_reads_every_usual_way_of_saying_yes_and_no(value, redirect):
    assert _production_setting("settings.SECURE_SSL_REDIRECT", SECURE_SSL_REDIRECT=value) == (
        redirect
    )


def test_a_secret_starting_with_a_dollar_is_taken_as_it_is():
    """django-environ would read "$abc" as the name of another variable; Django's own key
    generator starts a key with "$" about once in 50."""
    assert _production_setting("settings.SECRET_KEY", SECRET_KEY="$abc-secret") == "$abc-secret"


def test_allowed_hosts_are_trimmed_and_may_not_be_empty():
    hosts = _production_setting("settings.ALLOWED_HOSTS", ALLOWED_HOSTS=" a.dk , b.dk,")
    assert hosts == "['a.dk', 'b.dk']"
    result = _manage("check", env={**PRODUCTION_ENV, "ALLOWED_HOSTS": " , "})
    assert "ImproperlyConfigured: Set the ALLOWED_HOSTS environment variable" in result.stderr


@pytest.mark.parametrize(("value", "seconds"), [(None, "60"), ("0", "0"), ("120", "120")])
def test_db_conn_max_age_is_honoured_in_production(value, seconds):
    """The setting, and what a request does with it: 0 closes the connection when the request
    ends, 120 keeps it for the next one (Django's request_started/finished handlers)."""
    code = (
        "from django.core import signals; from django.db import connection; "
        "signals.request_started.send(None); connection.ensure_connection(); "
        "signals.request_finished.send(None); "
        "print(connection.settings_dict['CONN_MAX_AGE'], connection.connection is not None)"
    )
    env = {**PRODUCTION_ENV, **({} if value is None else {"DB_CONN_MAX_AGE": value})}
    result = _manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    kept = "False" if seconds == "0" else "True"
    assert result.stdout.strip() == f"{seconds} {kept}"


def test_production_logs_one_json_object_per_line_on_standard_output():
    code = "import logging; logging.getLogger('plans').warning('Besked %s', 'ø')"
    result = _manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    [line] = [json.loads(line) for line in result.stdout.splitlines()]
    assert line == {
        "time": line["time"],
        "level": "WARNING",
        "logger": "plans",
        "message": "Besked ø",
        "request_id": "-",
    }


def test_s3_storage_gets_its_bucket_from_the_environment():
    options = _production_setting(
        "settings.STORAGES['default']",
        AWS_STORAGE_BUCKET_NAME="kommune-medier",
        AWS_S3_ENDPOINT_URL="https://s3.example.dk",
    )
    assert "'BACKEND': 'storages.backends.s3.S3Storage'" in options
    assert "'bucket_name': 'kommune-medier'" in options
    assert "'endpoint_url': 'https://s3.example.dk'" in options


def test_the_embedded_default_is_sqlite_in_var():
    env = {"DJANGO_SETTINGS_MODULE": "portal.settings.dev", "VAR_DIR": "/tmp/faellesplan-var"}
    code = "from django.conf import settings; d = settings.DATABASES['default']; "
    code += "print(d['ENGINE'], d['NAME'])"
    result = _manage("shell", "--no-imports", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("django.db.backends.sqlite3 /tmp/faellesplan-var/db.sqlite3")


def test_every_model_change_has_a_migration():
    result = _manage(
        "makemigrations",
        "--check",
        "--dry-run",
        env={"DJANGO_SETTINGS_MODULE": "portal.settings.test"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    ruff = Path(sys.executable).with_name("ruff")
    for args in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(  # noqa: S603
            [str(ruff), *args], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_ci_runs_on_postgresql():
    """CI must test the database production runs on; SQLite there would hide Danish search."""
    if os.environ.get("CI", "").lower() not in {"1", "true", "yes"}:
        pytest.skip("only CI is bound to PostgreSQL; developers may use SQLite")
    assert connection.vendor == "postgresql"


def test_imports_point_one_way():
    """The contracts in pyproject.toml: home and search never import plans, the plans layers
    point down, and no sibling modules import each other in a circle."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(  # noqa: S603
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout
