"""`make bench`'s measuring: wrk against a page and the floor it is compared with, in turns;
the workers' memory; the table with each target passed or failed."""

import json
import os
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

from .services import ROOT, VAR, gunicorn, gunicorn_process, log
from .stack import worker_pids
from .targets import (
    ALONE_TARGETS_MS,
    FLOOR,
    LOGGED_IN_EMPTY,
    LOGGED_IN_FLOOR,
    RATIO_TARGETS,
    REFERENCE,
    RSS_MB_MAX,
)

LUA = ROOT / "bench" / "wrk_report.lua"
# In this order: the anonymous pages (each in turns with the anonymous floor), then
# logged_in_empty (with the logged-in floor), then the personal pages (with logged_in_empty).
PAGES = list(REFERENCE)
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
        env["WRK_EXPECT"] = str(target["expect"])  # every answer, not only the first
    if target.get("senders"):  # several people in turn (bench/targets.py, _comment_post)
        senders = VAR / "wrk_senders.tsv"
        senders.write_text("".join(f"{s['cookie']}\t{s['body']}\n" for s in target["senders"]))
        env["WRK_SENDERS"] = str(senders)
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
        "errors": raw["errors"] + raw["wrong"],
        "requests": raw["requests"],
    }


def check_answer(base: str, target: dict) -> int:
    """One request before the load: a login page instead of Min plan would be fast and wrong."""
    body = target["body"].encode() if target.get("method") == "POST" else None
    status, _ = fetch(base + target["path"], cookie=target.get("cookie", ""), data=body)
    return 0 if status == target["expect"] else 1


ROUNDS = 5


def alternate(base, target, floor_base, floor_target, seconds, connections):
    """The page and its reference (a floor, or logged_in_empty) in turns (ROUNDS of each, a
    second or two at a time), so both see the same load on a shared machine. Rates from all
    requests; latency percentiles as the median of the rounds."""
    step = max(1, round(seconds / ROUNDS))
    page_runs, floor_runs = [], []
    wrk(base, target, 1, connections=connections)  # with its warm-up
    for _ in range(ROUNDS):
        floor_runs.append(wrk(floor_base, floor_target, step, connections, warm=False))
        page_runs.append(wrk(base, target, step, connections, warm=False))

    def combine(runs):
        seconds_total = sum(run["requests"] / run["rps"] for run in runs if run["rps"])
        # A short round of a slow page may finish no request: it has no latencies.
        timed = [run for run in runs if run["requests"]] or runs
        return {
            "rps": round(sum(run["requests"] for run in runs) / seconds_total, 1)
            if seconds_total
            else 0.0,
            **{
                key: sorted(run[key] for run in timed)[len(timed) // 2]
                for key in ("p50_ms", "p95_ms", "p99_ms")
            },
            "errors": sum(run["errors"] for run in runs),
            "requests": sum(run["requests"] for run in runs),
        }

    return combine(page_runs), combine(floor_runs)


def rss_mb(master) -> list[float]:
    """Resident memory of each gunicorn worker of `master`, in MB, from /proc."""
    sizes = []
    for pid in worker_pids(master):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


def measure(env: dict, targets: dict, seconds: int, connections: int = 16) -> dict:
    """Each page in turns with the floor it is compared with, all servers up: the machine is
    shared and its load drifts, so a page is compared with its reference of the same seconds.
    Returns the pages, both floors (the median of their rounds) and the workers' memory."""
    pages, reference_runs = {}, {FLOOR: [], LOGGED_IN_FLOOR: []}
    with gunicorn_process(env, "portal.wsgi:application") as (base, master):
        status, home = fetch(base + "/")
        assert status == 200, f"home page answered {status}"
        body_file = VAR / "floor_body.html"
        body_file.write_bytes(home)
        floor_env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "bench.floor",
            "FLOOR_BODY_FILE": str(body_file),
        }
        logged_in_env = {**floor_env, "DJANGO_SETTINGS_MODULE": "bench.logged_in_floor"}
        app = "django.core.wsgi:get_wsgi_application()"
        with gunicorn(floor_env, app) as floor_base, gunicorn(logged_in_env, app) as li_base:
            status, served = fetch(floor_base + "/")
            assert status == 200 and served == home, "the floor must send the home page's bytes"
            references = {FLOOR: (floor_base, {"path": "/"})}
            empty = targets.get(LOGGED_IN_EMPTY)
            if empty is not None:
                references[LOGGED_IN_EMPTY] = (base, empty)
                references[LOGGED_IN_FLOOR] = (li_base, {"path": "/", "cookie": empty["cookie"]})
                status, served = fetch(li_base + "/", cookie=empty["cookie"])
                assert status == 200 and served == home, "the logged-in floor: same person, bytes"
                status, _ = fetch(li_base + "/")
                assert status == 302, "the logged-in floor must send a visitor to the login"
            # Every server warm before the first measurement, not only before its own.
            wrk(base, {"path": "/"}, 2, connections=connections)
            for reference_base, reference_target in references.values():
                wrk(reference_base, reference_target, 2, connections=connections)
            for name in PAGES:
                target = targets.get(name)
                if target is None:
                    log(f"{name}: missing ({targets['missing'].get(name, 'no such page')})")
                    continue
                against = REFERENCE[name]
                if against not in references:
                    log(f"{name}: missing its reference {against}")
                    continue
                wrong = check_answer(base, target)
                result, reference = alternate(
                    base, target, *references[against], seconds, connections
                )
                if against in reference_runs:
                    reference_runs[against].append(reference)
                result["errors"] += wrong
                result["against"] = against
                result["against_rps"] = reference["rps"]
                result["against_errors"] = reference["errors"]
                result["queries"] = target["queries"]
                result["bytes"] = target["bytes"]
                pages[name] = result
                log(
                    f"{name}: {result['rps']} req/s ({result['rps'] / reference['rps']:.1%}"
                    f" of {against}'s {reference['rps']}), p95 {result['p95_ms']} ms"
                )
        memory = rss_mb(master)
    floors = {}
    for name, runs in reference_runs.items():
        runs.sort(key=lambda run: run["rps"])
        if runs:
            middle = runs[len(runs) // 2]
            floors[name] = {k: middle[k] for k in ("rps", "p50_ms", "p95_ms", "p99_ms", "errors")}
    return {"pages": pages, **floors, "rss_mb": {"workers": memory, "max": max(memory, default=0)}}


def _verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def ratio_ok(name: str, page: dict) -> bool | None:
    if name not in RATIO_TARGETS:
        return None
    return page["rps"] >= RATIO_TARGETS[name] * page["against_rps"]


def alone_ok(name: str, timing: dict) -> bool | None:
    if name not in ALONE_TARGETS_MS:
        return None
    return timing["p50_ms"] <= ALONE_TARGETS_MS[name]


def table(results: dict) -> str:
    head = (
        f"{'page':<17}{'req/s':>9}{'against':>17}{'ratio':>8}{'target':>8}{'':>6}"
        f"{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'queries':>9}{'bytes':>8}"
    )
    lines = [head]
    for name in (FLOOR, LOGGED_IN_FLOOR):
        floor = results.get(name)
        if floor:
            lines.append(
                f"{name:<17}{floor['rps']:>9.1f}{'':>17}{'':>8}{'':>8}{'':>6}"
                f"{floor['p50_ms']:>9.2f}{floor['p95_ms']:>9.2f}{floor['p99_ms']:>9.2f}"
                f"{floor['errors']:>8}"
            )
    for name in PAGES:
        page = results["pages"].get(name)
        if page is None:
            lines.append(f"{name:<17}{'missing':>9}")
            continue
        ok = ratio_ok(name, page)
        target = f"{RATIO_TARGETS[name]:.0%}" if ok is not None else ""
        verdict = "" if ok is None else _verdict(ok)
        lines.append(
            f"{name:<17}{page['rps']:>9.1f}{page['against']:>17}"
            f"{page['rps'] / page['against_rps']:>8.1%}{target:>8}{verdict:>6}"
            f"{page['p50_ms']:>9.2f}{page['p95_ms']:>9.2f}{page['p99_ms']:>9.2f}"
            f"{page['errors']:>8}{page['queries']:>9}{page['bytes']:>8}"
        )
    lines += ["", f"{'alone (in-process)':<21}{'p50 ms':>9}{'p95 ms':>9}{'target':>9}"]
    for name, timing in results.get("alone", {}).items():
        ok = alone_ok(name, timing)
        target = f"≤ {ALONE_TARGETS_MS[name]:g}" if ok is not None else ""
        verdict = "" if ok is None else _verdict(ok)
        lines.append(
            f"{name:<21}{timing['p50_ms']:>9.2f}{timing['p95_ms']:>9.2f}{target:>9} {verdict}"
        )
    memory = results.get("rss_mb")
    if memory:
        lines.append(
            f"\nRSS per gunicorn worker after the run: {', '.join(map(str, memory['workers']))} MB"
            f" (target ≤ {RSS_MB_MAX} MB) {_verdict(memory['max'] <= RSS_MB_MAX)}"
        )
    return "\n".join(lines)


def missed_targets(results: dict) -> list[str]:
    missed = [
        f"{name} {page['rps'] / page['against_rps']:.0%} of {page['against']}"
        f" < {RATIO_TARGETS[name]:.0%}"
        for name, page in results["pages"].items()
        if ratio_ok(name, page) is False
    ]
    missed += [
        f"{name} alone p50 {timing['p50_ms']} ms > {ALONE_TARGETS_MS[name]:g} ms"
        for name, timing in results.get("alone", {}).items()
        if alone_ok(name, timing) is False
    ]
    memory = results.get("rss_mb", {}).get("max", 0)
    if memory > RSS_MB_MAX:
        missed.append(f"a worker's RSS {memory} MB > {RSS_MB_MAX} MB")
    missed += [
        f"{name}: {page['errors']} errors"
        for name, page in results["pages"].items()
        if page["errors"]
    ]
    missed += [
        f"{page['against']} (next to {name}): {page['against_errors']} errors"
        for name, page in results["pages"].items()
        if page.get("against_errors")
    ]
    return missed
