"""`make cluster`: two app servers behind nginx, checked as one service (bench/stack.py).

    python -m bench.cluster

Prints a PASS or FAIL line for each check and exits 1 on any FAIL:
  a) a page published (by an editor's publish, from a third process) is served fresh by
     app server B within the page cache's re-check time (PAGE_CACHE_LOCAL_SECONDS);
  b) a login through app server A is valid on B;
  c) allauth's rate limit on failed logins counts across both servers: failing alternately
     on A and B is stopped at the same count as failing on A alone;
  d) killing app server A (SIGKILL, master and workers) while comments are posted through
     nginx loses no comment the client saw saved, stores none twice, and nginx keeps serving.
"""

import datetime
import sys
import threading
import time
import uuid

from .client import Browser, hidden_inputs, post_comment
from .services import inside, log
from .stack import kill_app_server, stack

RECHECK_SECONDS = 1.0  # portal.pagecache.cache.DEFAULT_LOCAL_SECONDS; the bench sets no other
SLACK_SECONDS = 0.5
MAX_LOGIN_TRIES = 25


def step(name: str, *args: str) -> dict:
    return inside(STATE["env"], name, *args, module="bench.faultdata")


STATE: dict = {}
RESULTS: list[tuple[bool, str]] = []


def report(ok: bool, line: str) -> None:
    RESULTS.append((ok, line))
    print(f"{'PASS' if ok else 'FAIL'} {line}", flush=True)


def fresh_page(a: str, b: str) -> None:
    """Anonymous visitors keep asking B for the page while it is published; the answer is
    fresh at the latest one re-check time after the publish committed."""
    guide = step("guide")
    visitor = Browser(b)
    for _ in range(6):  # both workers of B, and A, keep a copy in memory now
        visitor.get(guide["path"])
        visitor.get(guide["path"], base=a)
    cached = visitor.get(guide["path"]).headers.get("x-page-cache", "")
    title = f"Opdateret {uuid.uuid4().hex[:8]}"
    answers, stop = [], threading.Event()

    def ask() -> None:
        while not stop.is_set():
            answer = Browser(b).get(guide["path"])
            answers.append((time.time(), answer.status == 200 and title in answer.body))
            time.sleep(0.02)

    asker = threading.Thread(target=ask)
    asker.start()
    published_at = step("publish", title)["published_at"]
    time.sleep(RECHECK_SECONDS + 2)
    stop.set()
    asker.join()
    stale = [at for at, fresh in answers if not fresh and at > published_at]
    fresh_after = [fresh for at, fresh in answers if at > published_at + RECHECK_SECONDS]
    stale_for = (max(stale) - published_at) if stale else 0.0
    ok = stale_for <= RECHECK_SECONDS + SLACK_SECONDS and fresh_after and all(fresh_after)
    report(
        ok,
        f"a) B served the published page fresh {stale_for:.2f} s after the publish committed "
        f"(re-check time {RECHECK_SECONDS:.0f} s; {len(answers)} answers from B, "
        f"{len(stale)} stale after the commit; B's copy before: {cached or 'not cached'})",
    )


def login_on_a_valid_on_b(a: str, b: str, data: dict) -> None:
    browser = Browser(a)
    form = browser.get("/konto/login/")
    hidden = hidden_inputs(form.body, field="login") or {}
    answer = browser.post(
        "/konto/login/",
        {**hidden, "login": data["demo_login"], "password": data["demo_password"]},
    )
    on_b = browser.get("/min-plan/", base=b)
    ok = answer.status == 302 and on_b.status == 200 and "Min plan" in on_b.body
    report(
        ok,
        f"b) login on A answered {answer.status}; Min plan on B with that session "
        f"answered {on_b.status}",
    )


def failures_until_limited(
    bases: list[str], email: str, address: str, limited: str, host: str
) -> int | None:
    """Failed logins, taking the servers in turn, until one is refused by the rate limit
    (allauth says so on the form; a 429 counts too); None if none was."""
    browser = Browser(bases[0])
    browser.headers["X-Forwarded-For"] = address  # a client of its own: per-IP limits too
    # The public host name, as nginx sends it to either server: allauth's key per login
    # includes the site's domain, here the Host header (no django.contrib.sites).
    browser.headers["Host"] = host
    hidden = hidden_inputs(browser.get("/konto/login/").body, field="login") or {}
    for n in range(MAX_LOGIN_TRIES):
        answer = browser.post(
            "/konto/login/",
            {**hidden, "login": email, "password": "forkert-adgangskode"},
            base=bases[n % len(bases)],
        )
        if answer.status == 429 or limited in answer.body:
            return n
    return None


def rate_limits_shared(a: str, b: str, front: str, data: dict) -> None:
    limited = step("limited_message")["message"]
    host = front.removeprefix("http://")
    alone = failures_until_limited([a], data["citizens"][-1], "203.0.113.1", limited, host)
    both = failures_until_limited([a, b], data["citizens"][-2], "203.0.113.2", limited, host)
    ok = alone is not None and alone == both
    report(
        ok,
        f"c) failed logins before the rate limit: {alone} on A alone, {both} alternating A and B",
    )


def kill_one_mid_load(stack_) -> None:
    front, data = stack_.front, stack_.data
    # Four people, each taking turns as five citizens, so nobody meets the hourly comment
    # limit (plans/limits.py) and a refusal can only mean the kill.
    cookies = step("sessions", *data["citizens"][:20])
    prefix = f"cluster-{uuid.uuid4().hex[:6]}"
    since = datetime.datetime.now(datetime.UTC).isoformat()
    attempts, stop = [], threading.Event()

    emails = list(cookies["sessions"])

    def person(n: int) -> None:
        browsers = [
            Browser(front, cookies={cookies["cookie_name"]: cookies["sessions"][email]})
            for email in emails[n * 5 : n * 5 + 5]
        ]
        seq = 0
        while not stop.is_set():
            attempts.append(post_comment(browsers[seq % 5], f"{prefix} {n}-{seq}"))
            seq += 1

    threads = [threading.Thread(target=person, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    killed_at = time.monotonic()
    kill_app_server(stack_.masters[0])
    log("killed app server A (SIGKILL, master and workers)")
    time.sleep(4)
    stop.set()
    for thread in threads:
        thread.join()
    stored = step("stored", prefix, since, data["coordinator"])["bodies"]
    sent = [x for x in attempts if x.sent]
    ok_texts = {x.text for x in sent if x.outcome == "ok"}
    lost = sorted(ok_texts - set(stored))
    twice = sorted(text for text, n in stored.items() if n > 1)
    after = [x for x in sent if x.started > killed_at + 0.5]
    after_ok = sum(x.outcome == "ok" for x in after)
    home = Browser(front).get("/")
    failed = [x for x in sent if x.outcome != "ok"]
    # Once nginx has seen A go, (nearly) every comment is saved through B.
    ok = not lost and not twice and after and after_ok >= 0.9 * len(after) and home.status == 200
    report(
        ok,
        f"d) A killed mid-load: {len(sent)} comments sent, {len(ok_texts)} answered saved, "
        f"{len(stored)} stored, {len(lost)} lost, {len(twice)} stored twice; after the kill "
        f"{after_ok}/{len(after)} saved through nginx, home page {home.status}; "
        f"answered failure: {len(failed)} "
        f"({sorted({x.status or x.error for x in failed}, key=str)}), "
        f"of which stored anyway: {sum(x.text in stored for x in failed)}",
    )


def main() -> int:
    started = time.monotonic()
    with stack(citizens=30) as stack_:
        STATE["env"] = stack_.env
        a, b = stack_.app
        fresh_page(a, b)
        login_on_a_valid_on_b(a, b, stack_.data)
        rate_limits_shared(a, b, stack_.front, stack_.data)
        kill_one_mid_load(stack_)
    failed = [line for ok, line in RESULTS if not ok]
    print(
        f"\n{len(RESULTS) - len(failed)} of {len(RESULTS)} checks passed "
        f"in {time.monotonic() - started:.0f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
