"""The task worker (`manage.py run_worker`, production settings) against a PostgreSQL that
restarts, stops for 8 seconds and comes back: it stays up, runs what was queued before and
after, and a task whose worker was killed under it runs once the lease is over."""

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import wait_for

ROOT = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 4


def _env(cluster) -> dict:
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL"}
    }
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ACCESS_LOG_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "plan.example.dk",
        "SITE_URL": "https://plan.example.dk",
        "DATABASE_URL": cluster.url,
        "PYTHONPATH": str(ROOT),
    }


def _manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


# An app server in miniature: one Django process (production settings) that enqueues a task for
# each line "<task> <label>" it reads, as a request would (close_old_connections first).
ENQUEUER = """
import sys, django
django.setup()
from django.db import close_old_connections
from tests.operations import tasks
for line in sys.stdin:
    task, label = line.split()
    close_old_connections()
    getattr(tasks, task).enqueue(sys.argv[1], label)
    print("queued", label, flush=True)
"""


class Enqueuer:
    def __init__(self, env, runs: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-c", ENQUEUER, str(runs)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def __call__(self, task: str, label: str) -> None:
        self.process.stdin.write(f"{task} {label}\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == f"queued {label}"

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(10)


def _worker(env, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.5", "--no-startup-delay"]
        + ["--lease-seconds", str(LEASE_SECONDS)],
        cwd=ROOT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )


def _ran(runs: Path) -> list[str]:
    return runs.read_text().split() if runs.exists() else []


@pytest.fixture
def worker_env(pg_cluster):
    env = _env(pg_cluster)
    _manage(env, "migrate", "django_tasks_database", "--no-input")
    return env


def test_the_worker_outlives_database_restarts_and_takes_up_a_dead_workers_task(
    pg_cluster, worker_env, tmp_path
):
    runs, log = tmp_path / "runs", tmp_path / "worker.log"
    worker = _worker(worker_env, log)
    enqueue = Enqueuer(worker_env, runs)
    try:
        enqueue("record_run", "before")
        wait_for(lambda: "before" in _ran(runs), seconds=20, what="the first task ran")

        pg_cluster.restart()
        enqueue("record_run", "after-restart")
        wait_for(lambda: "after-restart" in _ran(runs), seconds=20, what="ran after a restart")

        logged_before_outage = len(log.read_text())
        pg_cluster.stop()
        time.sleep(8)
        pg_cluster.start()
        enqueue("record_run", "after-outage")
        # The back-off is at 8 s by the time the database is back.
        wait_for(lambda: "after-outage" in _ran(runs), seconds=25, what="ran after an outage")

        assert worker.poll() is None, log.read_text()
        output = log.read_text()
        during_outage = output[logged_before_outage:]
        assert during_outage.count("Database unreachable") == 1, output
        assert during_outage.count("Database reachable again after") == 1, output
        assert "Traceback" not in output
        assert _ran(runs) == ["before", "after-restart", "after-outage"]

        # A task kills its worker mid-run: its row stays RUNNING, as after an OOM kill.
        enqueue("kill_worker_once", "survived-its-worker")
        wait_for(lambda: worker.poll() is not None, seconds=20, what="the worker was killed")
        assert worker.returncode == -signal.SIGKILL
        started = time.monotonic()
        worker = _worker(worker_env, log)  # the supervisor's restart
        wait_for(
            lambda: "survived-its-worker" in _ran(runs),
            seconds=LEASE_SECONDS + 15,
            what="the dead worker's task ran again after the lease",
        )
        assert time.monotonic() - started >= LEASE_SECONDS - 1
        assert "taken up again: claimed by" in log.read_text()
        assert _ran(runs).count("survived-its-worker") == 1
    finally:
        enqueue.close()
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            worker.wait(10)
