"""`make bench`: the portal under load against the floor, on loopback.

Builds the generated data set on PostgreSQL (a throwaway cluster unless DATABASE_URL is set),
serves the portal with production settings under gunicorn and Redis, loads each page with wrk,
then serves the floor (bench/floor.py: the home page's bytes from a bare Django view) under the
same gunicorn settings. Prints a table with each page's ratio to the floor and writes
bench/results.json. Exits 1 when a target is missed or a request failed.

    python -m bench.run [--duration 10] [--citizens 2000] [--scale]
"""

import argparse
import json
import os
import sys
import time

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

RESULTS = ROOT / "bench" / "results.json"


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
