"""What wrk will request, measured once inside Django first: the URL, the cookies of a logged-in
person, the SQL queries of one request (after one warm-up request, as under load) and the bytes
of the answer. Pages whose code does not exist yet are reported as missing, never faked."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from bench.dataset import BIG_PLAN_EMAIL, CITIZEN_EMAIL, MEMBER_EMAIL

SEARCH_WORD = "møde"


def _cookie(client: Client) -> str:
    names = [settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME]
    return "; ".join(f"{n}={client.cookies[n].value}" for n in names if n in client.cookies)


def _measure(path, *, client=None, method="GET", data=None, expect=200) -> dict:
    client = client or Client()
    if method == "GET":
        client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(path, data) if method == "POST" else client.get(path)
    if response.status_code != expect:
        raise RuntimeError(f"{method} {path} answered {response.status_code}, not {expect}")
    return {
        "path": path,
        "method": method,
        "body": urlencode(data or {}),
        "expect": expect,
        # (Client.session would make a session: look at the cookie jar instead.)
        "cookie": _cookie(client) if settings.SESSION_COOKIE_NAME in client.cookies else "",
        "queries": len(queries),
        "bytes": len(response.content),
    }


def _logged_in(email: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    return client


def targets() -> dict:
    from home.models import GuidePage

    found: dict = {"missing": {}}
    found["home"] = _measure("/")
    # The logged-in empty page sends the home page's bytes, like the floor (bench/urls.py).
    settings.BENCH_FLOOR_BODY_FILE.parent.mkdir(parents=True, exist_ok=True)
    settings.BENCH_FLOOR_BODY_FILE.write_bytes(Client().get("/").content)
    guide = (
        GuidePage.objects.filter(slug="bench-vejledning-1").first() or GuidePage.objects.first()
    )
    found["guide"] = _measure(guide.url)
    search = "/soeg/?" + urlencode({"q": SEARCH_WORD})
    found["search"] = _measure(search)
    if "Vi fandt 0 sider" in Client().get(search).content.decode():
        raise RuntimeError(f"searching for {SEARCH_WORD!r} finds nothing")
    found["login"] = _measure(reverse("account_login"))

    try:
        min_plan = reverse("plans:min_plan")
        comment_add = reverse("plans:comment_add")
    except NoReverseMatch:
        found["missing"]["min_plan"] = found["missing"]["comment_post"] = "no plans:min_plan URL"
    else:
        found["min_plan"] = _measure(min_plan, client=_logged_in(BIG_PLAN_EMAIL))
        # The same page for one of the 2,000 citizens with an everyday plan (3 goals,
        # 5 activities, 8 comments), next to the 300-comment plan above.
        found["min_plan_typical"] = _measure(min_plan, client=_logged_in(CITIZEN_EMAIL.format(1)))
        found["logged_in_empty"] = _measure(
            reverse("bench_logged_in_empty"), client=_logged_in(CITIZEN_EMAIL.format(1))
        )
        # Logged in, a search is never served from the cache: what the search itself costs.
        found["search_logged_in"] = _measure(search, client=_logged_in(CITIZEN_EMAIL.format(1)))
        poster = _logged_in(CITIZEN_EMAIL.format(0))
        poster.get(comment_add)  # the form sets the CSRF cookie
        token = poster.cookies[settings.CSRF_COOKIE_NAME].value
        found["comment_post"] = _measure(
            comment_add,
            client=poster,
            method="POST",
            data={"csrfmiddlewaretoken": token, "body": "Tak for i dag. Vi ses på torsdag."},
            expect=302,
        )

    try:
        from plans.models import Plan

        plan = Plan.objects.get(citizen__email=BIG_PLAN_EMAIL)
        member_view = reverse("network:member_plan", args=[plan.pk])
    except (ImportError, NoReverseMatch, ObjectDoesNotExist) as error:
        found["missing"]["network"] = f"no member view ({error.__class__.__name__})"
    else:
        found["network"] = _measure(member_view, client=_logged_in(MEMBER_EMAIL.format(0)))
    return found
