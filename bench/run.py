"""`make bench`: the portal under load against the floor, on loopback.

Builds the generated data set on PostgreSQL (a throwaway cluster unless DATABASE_URL is set),
serves the portal with production settings under gunicorn and Redis, loads each page with wrk,
then serves the floor (bench/floor.py: the home page's bytes from a bare Django view) under the
same gunicorn settings. Prints a table with each page's ratio to the floor and writes
bench/results.json. Exits 1 when a target is missed or a request failed.

    python -m bench.run [--duration 10] [--citizens 2000] [--scale]
"""

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
RESULTS = ROOT / "bench" / "results.json"
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
GUNICORN = ["--workers", "2", "--worker-class", "gthread", "--threads", "4"]
WRK = ["--timeout", "5s"]


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_root() -> bool:
    return os.geteuid() == 0


def apt_install(*packages: str) -> None:
    if not is_root():
        sys.exit(f"[bench] missing {' '.join(packages)}: install them (apt needs root)")
    log(f"installing {' '.join(packages)} from Debian's packages")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", *packages],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def pg_bin(name: str) -> str | None:
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: p.parts)
    return str(versions[-1]) if versions else shutil.which(name)


def ensure_tools(need_postgres: bool) -> None:
    missing = [
        pkg
        for tool, pkg in [("wrk", "wrk"), ("redis-server", "redis-server")]
        if not shutil.which(tool)
    ]
    if need_postgres and not pg_bin("initdb"):
        missing.append("postgresql")
    if missing:
        apt_install(*missing)


@contextlib.contextmanager
def postgres():
    """DATABASE_URL when given; otherwise a throwaway cluster in a temporary folder."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    folder = Path(tempfile.mkdtemp(prefix="faellesplan-bench-pg-"))
    port = free_port()
    as_postgres = ["runuser", "-u", "postgres", "--"] if is_root() else []
    if is_root():
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    subprocess.run(
        [
            *as_postgres,
            pg_bin("initdb"),
            "-D",
            str(data),
            "-U",
            "faellesplan",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale",
            "C.UTF-8",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=100"
    pg_ctl = pg_bin("pg_ctl")
    subprocess.run(
        [
            *as_postgres,
            pg_ctl,
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "start",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        subprocess.run(
            [
                *as_postgres,
                pg_bin("createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                "faellesplan",
                "faellesplan",
            ],
            check=True,
        )
        log(f"throwaway PostgreSQL cluster on port {port}")
        yield f"postgres://faellesplan@127.0.0.1:{port}/faellesplan"
    finally:
        subprocess.run(
            [*as_postgres, pg_ctl, "-D", str(data), "-m", "fast", "stop"],
            stdout=subprocess.DEVNULL,
        )
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def redis():
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answered on port {port}")


def django_env(database_url: str, redis_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "VAR_DIR": str(VAR),
        "PYTHONPATH": str(ROOT),
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def inside(env: dict, command: str, *args: str) -> dict:
    """Run a step of this module inside Django (same settings as the server) and read its
    JSON answer from the last line."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.run", "--inside", command, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if out.returncode:
        sys.exit(f"[bench] step {command} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def gunicorn(env: dict, app: str):
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            "--bind",
            f"127.0.0.1:{port}",
            *GUNICORN,
            "--chdir",
            str(ROOT),
            "--log-level",
            "warning",
        ],
        env=env,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--citizens", type=int, default=2000)
    parser.add_argument("--guides", type=int, default=1000)
    parser.add_argument(
        "--scale",
        type=int,
        nargs="?",
        const=20000,
        default=0,
        help="also measure Min plan with this many citizens (default 20,000)",
    )
    parser.add_argument("--inside", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        return run_inside(*args.inside)

    ensure_tools(need_postgres=not os.environ.get("DATABASE_URL"))
    VAR.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with postgres() as database_url, redis() as redis_url:
        env = django_env(database_url, redis_url)
        log("migrate and collectstatic")
        manage(env, "migrate", "--no-input")
        manage(env, "createcachetable")
        manage(env, "collectstatic", "--no-input", "--clear")
        log(f"data set: {args.guides} guides, {args.citizens} citizens (this takes a while)")
        made = inside(env, "build", str(args.citizens), str(args.guides))
        log(f"made {made}")
        # Production updates the search index in the task worker; here it is done once, now.
        manage(env, "update_index")
        targets = inside(env, "targets")
        pages, floor = measure(env, targets, args.duration)
        results = {
            "floor": {k: floor[k] for k in ("rps", "p50_ms", "p95_ms", "p99_ms", "errors")},
            "pages": pages,
            "missing": targets["missing"],
            "setup": {
                "gunicorn": " ".join(GUNICORN),
                "wrk": f"--threads 2 --connections 16 --duration {args.duration}s",
                "citizens": args.citizens,
                "guides": args.guides,
                "cpus": os.cpu_count(),
            },
        }
        if args.scale and "min_plan" in targets:
            # One connection: the time one request takes, without waiting in line.
            alone, _ = measure(env, targets, args.duration, only=["min_plan"], connections=1)
            scale = {str(args.citizens): alone["min_plan"]}
            log(f"scale: growing to {args.scale} citizens")
            inside(env, "build", str(args.scale), str(args.guides))
            targets = inside(env, "targets")
            grown, _ = measure(env, targets, args.duration, only=["min_plan"], connections=1)
            scale[str(args.scale)] = grown["min_plan"]
            results["min_plan_by_citizens"] = scale
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print()
    print(table(results))
    if "min_plan_by_citizens" in results:
        for citizens, page in results["min_plan_by_citizens"].items():
            print(
                f"min_plan alone, {int(citizens):>6} citizens: {page['rps']} req/s, "
                f"p50 {page['p50_ms']} ms, p95 {page['p95_ms']} ms"
            )
    missed = missed_targets(results)
    print(f"\nwrote {RESULTS.relative_to(ROOT)} in {time.monotonic() - started:.0f} s")
    if missed:
        print("MISSED: " + "; ".join(missed))
        return 1
    print("all targets met, no errors")
    return 0


# --- Steps that run inside Django (python -m bench.run --inside ...) ---------------------------


def run_inside(command: str, *args: str) -> int:
    import django

    django.setup()
    if command == "build":
        from bench.dataset import build

        answer = build(citizens=int(args[0]), guide_count=int(args[1]))
    elif command == "session":
        from django.contrib.auth import get_user_model
        from django.test import Client

        client = Client()
        client.force_login(get_user_model().objects.get(email=args[0]))
        from bench.targets import _cookie

        answer = {"cookie": _cookie(client)}
    elif command == "targets":
        from bench.targets import targets

        answer = targets()
    else:
        raise SystemExit(f"unknown step {command}")
    print(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
