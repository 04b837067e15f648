"""Where the time of one personal page goes: middleware, the view's Python, template rendering,
the ORM, the database, Redis and the access-log write, for one request alone, in-process.

Production settings (bench/settings.py), PostgreSQL and Redis: a throwaway cluster and Redis
with a small data set (the same generator as `make bench`), or DATABASE_URL and REDIS_URL when
both are set (the data set is added where missing). Each page is requested `--repeats` times
after three warm-ups; every clock is exclusive (time in the ORM does not count the database
round trips inside it, a template does not count the queries it sets off), and the phase is
"middleware" outside the view (Django's _get_response) and in the session and user lookup
(wherever the lazy user is first needed), "view" for the rest. The five slowest queries are
listed; `--cprofile N` adds cProfile's N functions with the most time of their own per page.

    python -m bench.profile [--repeats 30] [--citizens 200] [--cprofile 25]
"""

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from contextlib import ExitStack, contextmanager

from .services import VAR, django_env, ensure_tools, inside, log, manage, postgres, redis

PAGES = ["min_plan_typical", "min_plan", "network"]
KINDS = ["python", "template", "orm", "sql", "cache"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--citizens", type=int, default=200)
    parser.add_argument("--cprofile", type=int, default=0, metavar="N")
    parser.add_argument("--inside", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        return run_inside(*args.inside)
    given = os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL")
    ensure_tools(need_postgres=not given)
    VAR.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        if given:
            database_url, redis_url = os.environ["DATABASE_URL"], os.environ["REDIS_URL"]
        else:
            database_url = stack.enter_context(postgres())
            redis_url = stack.enter_context(redis())
        env = django_env(database_url, redis_url)
        log("migrate and collectstatic")
        manage(env, "migrate", "--no-input")
        manage(env, "collectstatic", "--no-input")
        log(f"data set: {args.citizens} citizens and the 300-comment plan")
        inside(env, "build", str(args.citizens), "10", module="bench.run")
        report = inside(
            env, "split", str(args.repeats), str(args.cprofile), module="bench.profile"
        )
    print()
    print(render(report))
    return 0


def render(report: dict) -> str:
    lines = []
    for name, page in report.items():
        lines.append(
            f"{name}: {page['p50_ms']:.2f} ms p50 alone ({page['repeats']} requests, "
            f"{page['queries']} queries); mean split, ms:"
        )
        lines.append(f"  {'':<16}{'middleware':>11}{'view':>9}{'total':>9}")
        for kind in KINDS:
            row = page["split"][kind]
            lines.append(
                f"  {kind:<16}{row['middleware']:>11.2f}{row['view']:>9.2f}"
                f"{row['middleware'] + row['view']:>9.2f}"
            )
        total = sum(r["middleware"] + r["view"] for r in page["split"].values())
        lines.append(f"  {'all':<16}{'':>11}{'':>9}{total:>9.2f}")
        lines.append(
            f"  access-log write (all kinds inside it): {page['access_log_ms']:.2f} ms; "
            f"test client around the handler: {page['client_ms']:.2f} ms"
        )
        lines.append("  slowest queries (mean ms per request):")
        lines += [f"    {q['ms']:>6.2f}  {q['sql']}" for q in page["slowest_sql"]]
        if page.get("cprofile"):
            lines += ["", page["cprofile"]]
        lines.append("")
    return "\n".join(lines)


# --- Inside Django (python -m bench.profile --inside split REPEATS CPROFILE) -----------------


class Clock:
    """Exclusive time per (phase, kind): entering a kind stops the clock of the one around it."""

    def __init__(self):
        self.stack: list[str] = []
        self.mark = 0.0
        self.totals: dict = defaultdict(float)
        self.inclusive: dict = defaultdict(float)

    def phase(self) -> str:
        """The view's, unless inside the session and user lookup: that is middleware's work
        (AuthenticationMiddleware's lazy user), wherever it is first needed."""
        for name in reversed(self.stack):
            if name in ("auth", "view"):
                return "middleware" if name == "auth" else "view"
        return "middleware"

    def _charge(self, now: float) -> None:
        if self.stack:
            kind = self.stack[-1] if self.stack[-1] in KINDS else "python"
            self.totals[(self.phase(), kind)] += now - self.mark
        self.mark = now

    @contextmanager
    def kind(self, name: str):
        if not self.stack and name != "handler":  # outside a request: not ours to count
            yield
            return
        began = time.perf_counter()
        self._charge(began)
        self.stack.append(name)
        try:
            yield
        finally:
            ended = time.perf_counter()
            self._charge(ended)
            self.stack.pop()
            self.inclusive[name] += ended - began


CLOCK = Clock()


def _wrap(owner, attribute: str, kind: str) -> None:
    original = getattr(owner, attribute)

    def wrapped(*args, **kwargs):
        with CLOCK.kind(kind):
            return original(*args, **kwargs)

    wrapped.__wrapped__ = original
    if isinstance(owner, type):
        setattr(owner, attribute, wrapped)
        return
    # A module's function: also where other modules imported it by name.
    for module in list(sys.modules.values()):
        if getattr(module, attribute, None) is original:
            setattr(module, attribute, wrapped)


def instrument() -> None:
    import django.contrib.auth.middleware
    from django.core.cache.backends.redis import RedisCache
    from django.core.handlers.base import BaseHandler
    from django.db.models import query
    from django.db.models.sql import compiler
    from django.template.backends.django import Template

    import plans.access_log

    _wrap(BaseHandler, "get_response", "handler")
    _wrap(django.contrib.auth.middleware, "get_user", "auth")
    _wrap(BaseHandler, "_get_response", "view")
    _wrap(Template, "render", "template")
    _wrap(query.QuerySet, "_fetch_all", "orm")
    for name in dir(compiler):
        cls = getattr(compiler, name)
        if isinstance(cls, type) and "execute_sql" in cls.__dict__:
            _wrap(cls, "execute_sql", "orm")
    for method in ("get", "get_many", "set", "set_many", "add", "delete", "touch", "incr"):
        _wrap(RedisCache, method, "cache")
    _wrap(plans.access_log, "access_log_record", "access_log")


def _pages() -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from bench.dataset import BIG_PLAN_EMAIL, CITIZEN_EMAIL, MEMBER_EMAIL
    from plans.models import Plan

    def client(email):
        logged_in = Client()
        logged_in.force_login(get_user_model().objects.get(email=email))
        return logged_in

    big = Plan.objects.get(citizen__email=BIG_PLAN_EMAIL)
    return {
        "min_plan_typical": (client(CITIZEN_EMAIL.format(1)), reverse("plans:min_plan")),
        "min_plan": (client(BIG_PLAN_EMAIL), reverse("plans:min_plan")),
        "network": (
            client(MEMBER_EMAIL.format(0)),
            reverse("network:member_plan", args=[big.pk]),
        ),
    }


def split(repeats: int, top: int) -> dict:
    import cProfile
    import io
    import pstats

    from django.db import connection

    instrument()

    sent = [0]
    by_sql: dict = defaultdict(float)

    def database(execute, sql, params, many, context):
        sent[0] += 1
        began = time.perf_counter()
        try:
            with CLOCK.kind("sql"):
                return execute(sql, params, many, context)
        finally:
            by_sql[sql] += time.perf_counter() - began

    report = {}
    for name, (client, path) in _pages().items():
        for _ in range(3):
            assert client.get(path).status_code == 200, f"{path} did not answer 200"
        CLOCK.totals.clear()
        CLOCK.inclusive.clear()
        by_sql.clear()
        walls, queries = [], []
        with connection.execute_wrapper(database):
            for _ in range(repeats):
                sent[0] = 0
                started = time.perf_counter()
                client.get(path)
                walls.append(time.perf_counter() - started)
                queries.append(sent[0])
        walls.sort()
        handler = CLOCK.inclusive["handler"]
        page = {
            "p50_ms": round(walls[len(walls) // 2] * 1000, 2),
            "repeats": repeats,
            "queries": max(queries),
            "split": {
                kind: {
                    phase: round(CLOCK.totals[(phase, kind)] * 1000 / repeats, 2)
                    for phase in ("middleware", "view")
                }
                for kind in KINDS
            },
            "access_log_ms": round(CLOCK.inclusive["access_log"] * 1000 / repeats, 2),
            "client_ms": round((sum(walls) - handler) * 1000 / repeats, 2),
            "slowest_sql": [
                {"ms": round(seconds * 1000 / repeats, 2), "sql": sql[:160]}
                for sql, seconds in sorted(by_sql.items(), key=lambda item: -item[1])[:5]
            ],
        }
        if top:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(repeats):
                client.get(path)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
            page["cprofile"] = out.getvalue()
        report[name] = page
    return report


def run_inside(command: str, *args: str) -> int:
    import django

    django.setup()
    if command != "split":
        raise SystemExit(f"unknown step {command}")
    print(json.dumps(split(int(args[0]), int(args[1])), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
