"""Every borrowed screen in plain Danish: allauth's pages, flash messages and emails a citizen
meets, walked through the real flows; our catalogue (portal.borrowed) wins over allauth's; and
account emails greet from the site's name and domain, never from the request's host."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import allauth
import pytest
from django.test import Client
from django.utils import translation

from home.readability import lix
from portal.demo.accounts import ensure_demo_user

from .borrowed_screens import FLOWS

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
LIX_LIMIT = 35
# Words the issue found on these screens: Fagland, English, a typo, and the request's host.
BANNED = [
    "To-faktor",
    "autentificering",
    "Genautentificer",
    "venligst",
    "succesfuldt",
    "Bekæftet",
    "password",
    "Sessioner",
    "Alternative muligheder",
    "Emailadresse",
    "Recipient",
    "127.0.0.1",
]


@pytest.fixture
def citizen(db):
    return ensure_demo_user(email="borger@example.dk", first_name="Mette")


@pytest.fixture
def browser_on_dev_host(settings):
    """A browser that reached the site on a developer's address, while the site's own address
    (SITE_URL) is the real one: what emails say must come from the settings."""
    settings.SITE_URL = "https://plan.kommune.dk"
    return Client(HTTP_HOST="127.0.0.1:8813", REMOTE_ADDR="192.0.2.7")


@pytest.mark.parametrize("flow", FLOWS)
def test_every_screen_of_the_flow_is_plain_danish(
    browser_on_dev_host, citizen, demo_password, demo_site, flow
):
    screens = FLOWS[flow](browser_on_dev_host, citizen, demo_password)

    hard = {name: lix(text) for name, text in screens if lix(text) >= LIX_LIMIT}
    banned = {
        name: [word for word in BANNED if word.lower() in text.lower()]
        for name, text in screens
        if any(word.lower() in text.lower() for word in BANNED)
    }
    assert (hard, banned) == ({}, {})


def test_account_emails_greet_from_the_site_name_and_domain(
    browser_on_dev_host, citizen, demo_password, demo_site
):
    screens = dict(FLOWS["login_by_code"](browser_on_dev_host, citizen, demo_password))

    email = screens["e-mail: Fællesplan: Din kode til at logge ind"]
    assert email.splitlines()[2] == "Hej fra Fællesplan."
    assert email.endswith("Venlig hilsen\nFællesplan\nplan.kommune.dk")


def _allauths_own_danish(msgid: str) -> str:
    catalogue = gettext.translation(
        "django", localedir=Path(allauth.__file__).parent / "locale", languages=["da"]
    )
    return catalogue.gettext(msgid)


@pytest.mark.parametrize(
    ("msgid", "ours"),
    [
        (
            "Please reauthenticate to safeguard your account.",
            "Vi spørger for at passe på din konto.",
        ),
        ("Two-Factor Authentication", "Totrinsbekræftelse"),
        ("Verified", "Bekræftet"),
        ("Skip to main content", "Gå til indholdet"),
        (
            'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".',
            'Siden "%(title)s" er sendt til godkendelse i arbejdsgangen "%(workflow)s".',
        ),
    ],
)
def test_the_borrowed_catalogue_wins_over_the_apps_own(msgid, ours):
    with translation.override("da"):
        assert translation.gettext(msgid) == ours
    if "Skip" not in msgid and "workflow" not in msgid:  # Wagtail's, not allauth's
        assert _allauths_own_danish(msgid) != ours


def test_makemessages_leaves_the_borrowed_catalogue_alone(tmp_path):
    """The catalogue holds other apps' English msgids, so a `makemessages --no-obsolete` that
    took it over would empty it. It does not: the app has no strings of its own, so no
    template is made for its locale folder. Run on a copy, so the real files stay as they are."""
    copy = tmp_path / "portal" / "borrowed"
    shutil.copytree(
        ROOT / "portal" / "borrowed", copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    po = copy / "locale" / "da" / "LC_MESSAGES" / "django.po"
    before = po.read_text()

    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "da", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin"},
    )

    assert po.read_text() == before
    assert "Please reauthenticate to safeguard your account." in before


def test_the_sessions_page_is_a_list_that_wraps_long_browser_names(citizen, demo_password):
    browser = Client(HTTP_USER_AGENT="Mozilla/5.0 " + "EnMegetLangBrowserNavnUdenMellemrum" * 4)
    browser.post("/konto/login/", {"login": citizen.email, "password": demo_password})

    html = browser.get("/konto/sessions/").content.decode()

    assert "<table" not in html
    assert '<ul class="session-list">' in html
    assert "Her er du nu" in html
