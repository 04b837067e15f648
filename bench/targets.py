"""What `make bench` must reach (issue 18), and what wrk will request.

The goals: each page's requests/s as a share of the floor it is measured in turns with (REFERENCE,
RATIO_TARGETS), one request alone in-process (ALONE_TARGETS_MS, p50) and the gunicorn workers'
memory after the run (RSS_MB_MAX). bench/load.py prints each as pass or fail; tests never time.

What wrk requests is measured once inside Django first: the URL, the cookies of a logged-in
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

SEARCH_WORD = "møde"

# What each page is compared with: the anonymous floor (bench/floor.py), the logged-in floor
# (bench/logged_in_floor.py) or the portal's own logged-in page that does no work.
FLOOR, LOGGED_IN_FLOOR, LOGGED_IN_EMPTY = "floor", "logged_in_floor", "logged_in_empty"
REFERENCE = {
    "home": FLOOR,
    "guide": FLOOR,
    "search": FLOOR,
    # The cost of our middleware stack over a bare Django app's sessions and user.
    "logged_in_empty": LOGGED_IN_FLOOR,
    "search_logged_in": LOGGED_IN_EMPTY,
    "login": LOGGED_IN_EMPTY,
    "min_plan_typical": LOGGED_IN_EMPTY,
    "min_plan": LOGGED_IN_EMPTY,  # the 300-comment plan
    "network": LOGGED_IN_EMPTY,  # the member view, which also writes its access-log entry
    "comment_post": LOGGED_IN_EMPTY,
}
# Share of the reference's requests/s, both measured in the same seconds.
RATIO_TARGETS = {
    "home": 0.70,
    "guide": 0.70,
    "search": 0.25,
    "logged_in_empty": 0.70,
    "min_plan_typical": 0.40,
    "network": 0.25,
    "min_plan": 0.20,
    "search_logged_in": 0.50,
    "comment_post": 0.40,
    "login": 0.60,
}
# One request alone, in-process (production settings, PostgreSQL): p50 at most, in ms.
ALONE_TARGETS_MS = {"min_plan_typical": 8.0, "min_plan": 15.0, "network": 8.0}
# Measured alone, and again at --scale's citizens: must stay flat.
ALONE_PAGES = ["logged_in_empty", "min_plan_typical", "min_plan", "network", "caseload"]
RSS_MB_MAX = 150


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
        "login_as": getattr(client, "login_as", ""),
    }


def _logged_in(email: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    client.login_as = email  # for alone(), which logs in again after --scale's seeders
    return client


# Each citizen may write 30 comments an hour (plans.limits): wrk takes the posters in turn, so
# every request it sends is a comment written (302), never the limit's refusal (200).
POSTERS = 400
# The everyday plan timed as min_plan_typical (3 goals, 5 activities, 8 comments) is not among
# them: its citizen would have written some twenty comments before it is timed alone.
TYPICAL_CITIZEN = 1
COMMENT = "Tak for i dag. Vi ses på torsdag."


def _comment_post(path: str) -> dict:
    """A comment on Min plan, by each of POSTERS citizens in turn, each on her own plan: their
    cookies and form bodies go to wrk (`senders`); the first is measured here."""
    from bench.dataset import CITIZEN_EMAIL

    numbers = [number for number in range(POSTERS + 1) if number != TYPICAL_CITIZEN]
    emails = [CITIZEN_EMAIL.format(number) for number in numbers]
    have = set(get_user_model().objects.filter(email__in=emails).values_list("email", flat=True))
    senders, measured = [], None
    for email in (email for email in emails if email in have):  # --citizens may be fewer
        poster = _logged_in(email)
        poster.get(path)  # the form sets the CSRF cookie
        token = poster.cookies[settings.CSRF_COOKIE_NAME].value
        data = {"csrfmiddlewaretoken": token, "body": COMMENT}
        if measured is None:
            measured = _measure(path, client=poster, method="POST", data=data, expect=302)
        senders.append({"cookie": _cookie(poster), "body": urlencode(data)})
    if measured is None:
        raise RuntimeError("no bench citizen to post a comment: run the data set first")
    return {**measured, "senders": senders}


def targets() -> dict:
    from bench.dataset import BIG_PLAN_EMAIL, CITIZEN_EMAIL, MEMBER_EMAIL
    from home.models import GuidePage
    from portal.demo.plans import COORDINATOR_EMAIL

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
        found["min_plan_typical"] = _measure(
            min_plan, client=_logged_in(CITIZEN_EMAIL.format(TYPICAL_CITIZEN))
        )
        found["logged_in_empty"] = _measure(
            reverse("bench_logged_in_empty"),
            client=_logged_in(CITIZEN_EMAIL.format(TYPICAL_CITIZEN)),
        )
        # Logged in, a search is never served from the cache: what the search itself costs.
        found["search_logged_in"] = _measure(
            search, client=_logged_in(CITIZEN_EMAIL.format(TYPICAL_CITIZEN))
        )
        found["comment_post"] = _comment_post(comment_add)

    try:
        from plans.models import Plan

        plan = Plan.objects.get(citizen__email=BIG_PLAN_EMAIL)
        member_view = reverse("network:member_plan", args=[plan.pk])
    except (ImportError, NoReverseMatch, ObjectDoesNotExist) as error:
        found["missing"]["network"] = f"no member view ({error.__class__.__name__})"
    else:
        found["network"] = _measure(member_view, client=_logged_in(MEMBER_EMAIL.format(0)))
    try:
        caseload = reverse("plans_admin:caseload")
    except NoReverseMatch:
        found["missing"]["caseload"] = "no plans_admin:caseload URL"
    else:
        # The demo coordinator (enrolled in TOTP) sees the first bench team's plans.
        found["caseload"] = _measure(caseload, client=_logged_in(COORDINATOR_EMAIL))
    return found


def alone(found: dict, names: list[str], repeats: int) -> dict:
    """Each GET page's time for one request with nothing else running, in this process
    (the whole Django stack, no HTTP server): p50 and p95 of `repeats` after three warm-ups,
    logged in as the person wrk's cookie belongs to."""
    import time

    timings = {}
    for name in names:
        target = found.get(name)
        if target is None or target["method"] != "GET":
            continue
        client = Client()
        if target["login_as"]:  # a fresh session: growing the data set ends the demo ones
            client.force_login(get_user_model().objects.get(email=target["login_as"]))
        for _ in range(3):
            client.get(target["path"])
        seconds = []
        for _ in range(repeats):
            started = time.perf_counter()
            response = client.get(target["path"])
            seconds.append(time.perf_counter() - started)
            if response.status_code != target["expect"]:
                raise RuntimeError(f"{target['path']} answered {response.status_code}")
        seconds.sort()
        timings[name] = {
            "p50_ms": round(seconds[len(seconds) // 2] * 1000, 2),
            "p95_ms": round(seconds[min(len(seconds) - 1, int(len(seconds) * 0.95))] * 1000, 2),
            "repeats": repeats,
        }
    return timings
