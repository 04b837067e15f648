"""`make bench`'s measuring: wrk against a page and its floor in turns, the in-process timings,
the table and the targets."""

import json
import os
import subprocess
import urllib.error
import urllib.request

from .services import ROOT, VAR, gunicorn, log

LUA = ROOT / "bench" / "wrk_report.lua"
PAGES = [
    "home",
    "guide",
    "search",
    "search_logged_in",
    "login",
    # No target: a logged-in request that does no work (bench/urls.py) — the ceiling for
    # every personal page.
    "logged_in_empty",
    "min_plan",
    "min_plan_typical",
    "network",
    "comment_post",
]
# Share of the floor's requests/s each page must reach (issue 7).
TARGETS = {"home": 0.70, "guide": 0.70, "search": 0.25, "min_plan": 0.20, "network": 0.20}
WRK = ["--timeout", "5s"]


def fetch(url: str, *, cookie: str = "", data: bytes | None = None):
    request = urllib.request.Request(url, data=data, headers={"Cookie": cookie} if cookie else {})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wrk(base: str, target: dict, seconds: int, connections: int = 16, warm: bool = True) -> dict:
    env = {**os.environ}
    threads = min(2, connections)
    args = ["wrk", *WRK, "--threads", str(threads), "--connections", str(connections)]
    args += ["--script", str(LUA)]
    if target.get("cookie"):
        args += ["--header", f"Cookie: {target['cookie']}"]
    if target.get("method") == "POST":
        env["WRK_METHOD"] = "POST"
        env["WRK_BODY"] = target["body"]
    url = base + target["path"]
    if warm:  # fills caches and connection pools, as on a server that has been up
        subprocess.run([*args, "--duration", "2s", url], env=env, capture_output=True, check=True)
    out = subprocess.run(
        [*args, "--duration", f"{seconds}s", url],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("WRK_JSON "))
    raw = json.loads(line.removeprefix("WRK_JSON "))
    return {
        "rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p95_ms": round(raw["p95_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "errors": raw["errors"],
        "requests": raw["requests"],
    }


def check_answer(base: str, target: dict) -> int:
    """One request before the load: a login page instead of Min plan would be fast and wrong."""
    body = target["body"].encode() if target.get("method") == "POST" else None
    status, _ = fetch(base + target["path"], cookie=target.get("cookie", ""), data=body)
    return 0 if status == target["expect"] else 1


ROUNDS = 5


def alternate(base, target, floor_base, floor_target, seconds, connections):
    """The page and the floor in turns (ROUNDS of each, a second or two at a time), so both
    see the same load on a shared machine. Rates from all requests; latency percentiles as the
    median of the rounds."""
    step = max(1, round(seconds / ROUNDS))
    page_runs, floor_runs = [], []
    wrk(base, target, 1, connections=connections)  # with its warm-up
    for _ in range(ROUNDS):
        floor_runs.append(wrk(floor_base, floor_target, step, connections, warm=False))
        page_runs.append(wrk(base, target, step, connections, warm=False))

    def combine(runs):
        seconds_total = sum(run["requests"] / run["rps"] for run in runs if run["rps"])
        middle = len(runs) // 2
        return {
            "rps": round(sum(run["requests"] for run in runs) / seconds_total, 1),
            **{
                key: sorted(run[key] for run in runs)[middle]
                for key in ("p50_ms", "p95_ms", "p99_ms")
            },
            "errors": sum(run["errors"] for run in runs),
            "requests": sum(run["requests"] for run in runs),
        }

    page, floor = combine(page_runs), combine(floor_runs)
    page["floor_latency"] = {k: floor[k] for k in ("p50_ms", "p95_ms", "p99_ms", "errors")}
    return page, floor["rps"]


def measure(
    env: dict, targets: dict, seconds: int, only=None, connections: int = 16
) -> tuple[dict, dict]:
    """Each page in turns with the floor, both servers up: the machine is shared and its load
    drifts, so a page is compared with the floor of the same seconds."""
    pages, floor_runs = {}, []
    with gunicorn(env, "portal.wsgi:application") as base:
        status, home = fetch(base + "/")
        assert status == 200, f"home page answered {status}"
        body_file = VAR / "floor_body.html"
        body_file.write_bytes(home)
        floor_env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "bench.floor",
            "FLOOR_BODY_FILE": str(body_file),
        }
        with gunicorn(floor_env, "django.core.wsgi:get_wsgi_application()") as floor_base:
            status, served = fetch(floor_base + "/")
            assert status == 200 and served == home, "the floor must send the home page's bytes"
            floor_target = {"path": "/"}
            # Both servers warm before the first measurement, not only before their own.
            wrk(base, {"path": "/"}, 2, connections=connections)
            wrk(floor_base, floor_target, 2, connections=connections)
            for name in only or PAGES:
                target = targets.get(name)
                if target is None:
                    log(f"{name}: missing ({targets['missing'].get(name, 'no such page')})")
                    continue
                wrong = check_answer(base, target)
                result, floor_rps = alternate(
                    base, target, floor_base, floor_target, seconds, connections
                )
                floor_runs.append({"rps": floor_rps, **result["floor_latency"]})
                result["errors"] += wrong
                result["floor_rps"] = floor_rps
                result.pop("floor_latency")
                result["queries"] = target["queries"]
                result["bytes"] = target["bytes"]
                pages[name] = result
                log(
                    f"{name}: {result['rps']} req/s ({result['rps'] / result['floor_rps']:.1%}"
                    f" of the floor's {result['floor_rps']}), p95 {result['p95_ms']} ms"
                )
    floor_runs.sort(key=lambda run: run["rps"])
    floor = floor_runs[len(floor_runs) // 2] if floor_runs else {}
    return pages, floor


def table(results: dict) -> str:
    floor = results["floor"]
    lines = [
        f"{'page':<17}{'req/s':>9}{'÷floor':>8}{'target':>8}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'errors':>8}{'queries':>9}{'bytes':>8}",
        f"{'floor':<17}{floor['rps']:>9.1f}{'100%':>8}{'':>8}{floor['p50_ms']:>9.2f}"
        f"{floor['p95_ms']:>9.2f}{floor['p99_ms']:>9.2f}{floor['errors']:>8}{'':>9}{'':>8}",
    ]
    for name in PAGES:
        page = results["pages"].get(name)
        if page is None:
            lines.append(f"{name:<17}{'missing':>9}")
            continue
        ratio = page["rps"] / page["floor_rps"]
        target = f"{TARGETS[name]:.0%}" if name in TARGETS else ""
        lines.append(
            f"{name:<17}{page['rps']:>9.1f}{ratio:>8.1%}{target:>8}{page['p50_ms']:>9.2f}"
            f"{page['p95_ms']:>9.2f}{page['p99_ms']:>9.2f}{page['errors']:>8}"
            f"{page['queries']:>9}{page['bytes']:>8}"
        )
    return "\n".join(lines)


def missed_targets(results: dict) -> list[str]:
    missed = [
        f"{name} {page['rps'] / page['floor_rps']:.0%} < {TARGETS[name]:.0%}"
        for name, page in results["pages"].items()
        if name in TARGETS and page["rps"] < TARGETS[name] * page["floor_rps"]
    ]
    missed += [
        f"{name}: {page['errors']} errors"
        for name, page in results["pages"].items()
        if page["errors"]
    ]
    return missed
