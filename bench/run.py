"""`make bench`: the portal under load against two floors, on loopback.

Builds the generated data set on PostgreSQL (a throwaway cluster unless DATABASE_URL is set),
serves the portal with production settings under gunicorn and Redis, and next to it, under the
same gunicorn settings, the anonymous floor (bench/floor.py: the home page's bytes from a bare
Django view) and the logged-in floor (bench/logged_in_floor.py: the same bytes behind the same
sessions and user table). Loads each page with wrk in turns with the floor it is compared with
(bench/targets.py: REFERENCE), times the personal pages alone in-process, and with --scale
again after growing the data set to 100,000 citizens. Prints a table with each target passed or
failed and writes bench/results.json. Exits 1 when a target is missed or a request failed.

    python -m bench.run [--duration 10] [--citizens 2000] [--scale [100000]] [--alone 50]

A short try of the machinery: `python -m bench.run --duration 2 --guides 50 --alone 10`.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

from .load import measure, missed_targets, table
from .services import (
    GUNICORN,
    ROOT,
    VAR,
    django_env,
    ensure_tools,
    inside,
    log,
    manage,
    postgres,
    redis,
)
from .targets import ALONE_PAGES

RESULTS = ROOT / "bench" / "results.json"
TARGETS_FILE = VAR / "targets.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--citizens", type=int, default=2000)
    parser.add_argument("--guides", type=int, default=1000)
    parser.add_argument(
        "--scale",
        type=int,
        nargs="?",
        const=100_000,
        default=0,
        help="also time the personal pages alone with this many citizens (default 100,000)",
    )
    parser.add_argument(
        "--alone", type=int, default=50, help="requests per page timed alone in-process"
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
        inside(env, "vacuum")
        targets = inside(env, "targets")
        TARGETS_FILE.write_text(json.dumps(targets))
        results = measure(env, targets, args.duration)
        # Alone means nothing else at work: not autovacuum on what the load just wrote either.
        inside(env, "vacuum")
        results["alone"] = inside(env, "alone", str(TARGETS_FILE), str(args.alone))
        results["missing"] = targets["missing"]
        results["setup"] = {
            "gunicorn": " ".join(GUNICORN),
            "wrk": f"--threads 2 --connections 16 --duration {args.duration}s",
            "citizens": args.citizens,
            "guides": args.guides,
            "cpus": os.cpu_count(),
        }
        if args.scale:
            scale = {str(args.citizens): results["alone"]}
            log(f"scale: growing to {args.scale} citizens")
            began = time.monotonic()
            inside(env, "build", str(args.scale), str(args.guides))
            inside(env, "vacuum")
            log(f"... built in {time.monotonic() - began:.0f} s")
            scale[str(args.scale)] = inside(env, "alone", str(TARGETS_FILE), str(args.alone))
            results["alone_by_citizens"] = scale
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print()
    print(table(results))
    for citizens, timings in results.get("alone_by_citizens", {}).items():
        for name, timing in timings.items():
            print(
                f"{name:<17} alone, {int(citizens):>7} citizens: "
                f"p50 {timing['p50_ms']} ms, p95 {timing['p95_ms']} ms"
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
    elif command == "vacuum":
        # What autovacuum does on a server that has been up, done now rather than during the
        # measurement: a freshly loaded table has no planner statistics and no visibility map,
        # and autovacuum would otherwise wake in the middle of the runs (README, Benchmarks).
        # Then a checkpoint, so the pages vacuum dirtied are written now, not during the timings
        # (only a superuser may ask: the throwaway cluster's user is one, DATABASE_URL's may not).
        from django.db import DatabaseError, connection

        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
            try:
                cursor.execute("CHECKPOINT")
                checkpoint = True
            except DatabaseError:
                checkpoint = False
        answer = {"vacuumed": connection.vendor, "checkpoint": checkpoint}
    elif command == "alone":
        from bench.targets import alone

        found = json.loads(Path(args[0]).read_text())
        answer = alone(found, ALONE_PAGES, int(args[1]))
    else:
        raise SystemExit(f"unknown step {command}")
    print(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
