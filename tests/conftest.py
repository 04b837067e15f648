"""Shared fixtures: demo site, users, Debian's chromium, a live site and an axe check."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from portal.demo import accounts as demo_accounts
from portal.demo.accounts import ensure_demo_user

from .demo_replay import demo_site as build_demo_site

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# around it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # Database tests before transactional ones, as Django orders them, sorted once more at the
    # end: pytest groups the tests of the session-scoped `browser_name` parameter after
    # pytest-django has sorted, so live-server tests (whose flush empties the database) ran in
    # the middle, and the database tests after them lost what data migrations made.
    items.sort(key=_django_order)
    if CHROMIUM.exists() or not any("browser" in item.keywords for item in items):
        return
    if IN_CI:
        raise pytest.UsageError(f"CI needs {CHROMIUM} for the browser tests; it is missing.")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} is not installed"))


def _django_order(item) -> int:
    from django.test import TestCase, TransactionTestCase

    test_class = getattr(item, "cls", None)
    if test_class is not None and issubclass(test_class, TransactionTestCase):
        return 0 if issubclass(test_class, TestCase) else 1
    marker = item.get_closest_marker("django_db")
    fixtures = item.fixturenames
    transactional = (
        (marker is not None and bool(marker.kwargs.get("transaction")))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )
    if transactional:
        return 1
    return 0 if marker is not None or "db" in fixtures else 2


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "da-DK",
        "viewport": {"width": 360, "height": 740},
    }


@pytest.fixture
def demo_site(db):
    """The public demo site: home, guides, Kontakt and Tilgængelighedserklæring."""

    return build_demo_site()


@pytest.fixture
def editor(db):

    return ensure_demo_user(
        email="redaktoer@example.dk", first_name="Rasmus", groups=["Redaktører"]
    )


@pytest.fixture
def approver(db):
    """Communication staff who approve and publish what editors submit."""

    return ensure_demo_user(
        email="kommunikation@example.dk",
        first_name="Karen",
        groups=["Kommunikationsansvarlige"],
    )


@pytest.fixture
def demo_password():

    return demo_accounts.demo_password()


@pytest.fixture
def seed_demo(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Keep the snapshot of what data migrations made (locale, root page, groups, workflows).
    Django stores it on the connection object of the thread that built the database; the
    browser tests run inside Playwright's event loop, which gets connection objects of its own."""
    from django.db import connection

    return getattr(connection, "_test_serialized_contents", None)


@pytest.fixture
def live_site(
    live_server, transactional_db, django_db_serialized_rollback, django_db_setup, settings
):
    """A live server with the demo pages. Transactional tests flush the database; serialized
    rollback brings back what data migrations made, and the site is built again for each test.
    Links in emails point at this server (SITE_URL), as they point at the real site."""
    from django.core.cache import cache
    from django.db import connection

    if django_db_setup and not hasattr(connection, "_test_serialized_contents"):
        connection.creation.deserialize_db_from_string(django_db_setup)
        connection._test_serialized_contents = django_db_setup
    # The database cache table is no model, so the flush keeps it: empty it, so rate-limit
    # counters and used one-time codes of one test do not reach the next.
    cache.clear()
    build_demo_site()
    settings.SITE_URL = live_server.url
    return live_server


@pytest.fixture
def log_in(demo_password):
    """Log a person in through the site's login page, as they would. Every browser test logs in
    through this one function, so a second step (a code from an authenticator app) is added
    here once, for everyone."""

    def log_in(page, base_url: str, email: str, password: str | None = None, next_url="/"):
        page.goto(f"{base_url}/konto/login/?next={next_url}")
        page.get_by_label("E-mail").fill(email)
        page.get_by_label("Adgangskode").fill(password or demo_password)
        page.get_by_role("button", name="Log ind").click()
        code = _current_totp_code(email)
        if code is not None:
            # Staff and editors: the second step asks for the code their authenticator app shows.
            page.wait_for_url("**/konto/2fa/authenticate/")
            page.get_by_label("Kode").fill(code)
            page.get_by_role("button", name="Log ind").click()

    return log_in


@pytest.fixture
def totp_code():
    """The code a staff member's authenticator app shows now (None for a citizen)."""
    return _current_totp_code


def _current_totp_code(email: str) -> str | None:
    """The code an authenticator app would show now, for a user enrolled in TOTP (every staff
    member and editor, see portal.demo.accounts), or None for a citizen."""
    import time

    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
    from allauth.mfa.utils import decrypt
    from django.core.cache import cache

    authenticator = Authenticator.objects.filter(
        user__email__iexact=email, type=Authenticator.Type.TOTP
    ).first()
    if authenticator is None:
        return None
    code = format_hotp_value(
        hotp_value(decrypt(authenticator.data["secret"]), int(time.time()) // 30)
    )
    # allauth accepts each code once; a test that logs the same person in twice within 30
    # seconds is not a replay attack, so forget that this code was used.
    cache.delete(TOTP(authenticator)._get_used_cache_key(code))
    return code


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core on the current page with the WCAG 2.1 A and AA rules; fail on any hit."""

    def check(page):
        # Wagtail's admin messages fade in over half a second: check what a person then sees,
        # not the colours half-way through the fade.
        page.wait_for_function(
            "() => [...document.querySelectorAll('.messages > ul')]"
            ".every((list) => getComputedStyle(list).opacity === '1')"
        )
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        assert not violations, f"{page.url}:\n{results.generate_report()}"
        return results

    return check


@pytest.fixture
def mail_dir(settings, tmp_path):
    """Write email to files, as `make run` does in var/mail/, but in a folder of this test's own,
    so a browser test can read a link from the message like a person would."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    return settings.EMAIL_FILE_PATH
