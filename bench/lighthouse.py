"""`make lighthouse`: Lighthouse 12 (npm) with Debian's chromium, mobile profile, on the portal
served as in `make bench` (production settings, gunicorn, PostgreSQL, Redis): home, a guide,
login and Min plan (logged in). Prints the four category scores per page and writes
var/bench/lighthouse.json.

    python -m bench.lighthouse
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

from bench.services import (
    VAR,
    django_env,
    ensure_tools,
    gunicorn,
    inside,
    log,
    manage,
    postgres,
    redis,
)

CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = {
    "home": "/",
    "guide": "/vejledninger/saadan-virker-din-plan/",
    "login": "/konto/login/",
    "min_plan": "/min-plan/",
}
LOGGED_IN = {"min_plan": "borger@example.dk"}


def lighthouse(url: str, report: str, cookie: str = "") -> dict:
    command = [
        "npx", "--yes", "lighthouse@12", url,
        "--output=json", f"--output-path={report}", "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]  # fmt: skip
    if cookie:
        command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    with open(report) as f:
        data = json.load(f)
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    failed = [
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in {"binary", "numeric"}
    ]
    return {"scores": scores, "not_full_marks": failed}


def main() -> int:
    if not shutil.which("npx"):
        sys.exit(
            "[lighthouse] npx is missing: install Node.js and npm (Debian: apt-get install npm)"
        )
    ensure_tools(need_postgres=not os.environ.get("DATABASE_URL"))
    VAR.mkdir(parents=True, exist_ok=True)
    results = {}
    with postgres() as database_url, redis() as redis_url:
        env = django_env(database_url, redis_url)
        manage(env, "migrate", "--no-input")
        manage(env, "collectstatic", "--no-input", "--clear")
        inside(env, "build", "0", "0")
        manage(env, "update_index")
        cookies = {
            name: inside(env, "session", email)["cookie"] for name, email in LOGGED_IN.items()
        }
        with (
            gunicorn(env, "portal.wsgi:application") as base,
            tempfile.TemporaryDirectory() as tmp,
        ):
            for name, path in PAGES.items():
                log(f"lighthouse {name} {path}")
                results[name] = lighthouse(
                    base + path, f"{tmp}/{name}.json", cookie=cookies.get(name, "")
                )
    (VAR / "lighthouse.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\n{'page':<10}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, result in results.items():
        print(f"{name:<10}" + "".join(f"{result['scores'][c]:>16}" for c in CATEGORIES))
        if result["not_full_marks"]:
            print(f"{'':<10}below full marks: {', '.join(result['not_full_marks'])}")
    return 0 if all(s == 100 for r in results.values() for s in r["scores"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
