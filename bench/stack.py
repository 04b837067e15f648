"""The whole service on loopback, as `make cluster` and `make faultload` run it: a throwaway
PostgreSQL cluster, Redis, two gunicorn app servers with production settings, nginx in front
of both (bench/nginx.conf.template) and the task worker, on a small data set
(bench/faultdata.py)."""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .services import (
    ROOT,
    VAR,
    Cluster,
    django_env,
    ensure_tools,
    free_port,
    gunicorn_process,
    inside,
    is_root,
    log,
    manage,
    postgres_cluster,
    redis,
    wait_for_port,
)

# What runs the background tasks (the notices' emails). One constant, so the supervised
# worker command can take its place in one line.
WORKER_COMMAND = ["run_worker"]
APP = "portal.wsgi:application"
TEMPLATE = ROOT / "bench" / "nginx.conf.template"


@dataclass
class Stack:
    database: Cluster
    env: dict
    front: str  # nginx
    app: list  # the two app servers' URLs
    masters: list  # their gunicorn master processes
    worker: subprocess.Popen
    data: dict  # what faultdata.build made


def worker_pids(master: subprocess.Popen) -> list[int]:
    """The gunicorn workers of one master, from /proc."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == master.pid:
                pids.append(int(stat.parent.name))
    return sorted(pids)


def kill_worker(master: subprocess.Popen) -> int:
    """One gunicorn worker dies (SIGKILL) with its requests; the master starts another."""
    pid = worker_pids(master)[0]
    os.kill(pid, signal.SIGKILL)
    return pid


def kill_app_server(master: subprocess.Popen) -> None:
    """The machine under it is gone: the master and its workers, SIGKILL, no goodbye."""
    pids = worker_pids(master)
    master.send_signal(signal.SIGKILL)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    master.wait(10)


@contextlib.contextmanager
def nginx(upstreams: list[str], *, port: int, env: dict):
    folder = Path(tempfile.mkdtemp(prefix="faellesplan-nginx-"))
    # What nginx answers when no app server does, as production's deploy writes it.
    manage(env, "write_unavailable_page", str(folder / "unavailable.html"))
    servers = "\n".join(
        f"        server {url.removeprefix('http://')} max_fails=0;" for url in upstreams
    )
    config = TEMPLATE.read_text().format(folder=folder, port=port, servers=servers)
    if is_root():  # the workers drop to this user; it must read and write the folder
        config = "user root;\n" + config
    (folder / "nginx.conf").write_text(config)
    nginx_bin = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen(
        [nginx_bin, "-p", str(folder), "-c", str(folder / "nginx.conf")],
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def task_worker(env: dict):
    process = subprocess.Popen(
        [sys.executable, "manage.py", *WORKER_COMMAND],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(VAR / "worker.log", "w"),  # noqa: SIM115 - closed with the process
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()


@contextlib.contextmanager
def stack(*, citizens: int):
    ensure_tools(need_postgres=True, nginx=True)
    VAR.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(VAR / "mail", ignore_errors=True)
    (VAR / "mail").mkdir()
    front_port = free_port()
    with postgres_cluster() as database, redis() as redis_url:
        env = {
            **django_env(database.url, redis_url),
            "SITE_URL": f"http://127.0.0.1:{front_port}",
            "LOG_LEVEL": "WARNING",
        }
        log("migrate and collectstatic")
        began = time.monotonic()
        manage(env, "migrate", "--no-input")
        manage(env, "createcachetable")
        manage(env, "collectstatic", "--no-input")
        log(f"... {time.monotonic() - began:.0f} s; data set: the demo and {citizens} citizens")
        data = inside(env, "build", str(citizens), module="bench.faultdata")
        log(f"... {time.monotonic() - began:.0f} s")
        with (
            open(VAR / "app-a.log", "w") as log_a,
            open(VAR / "app-b.log", "w") as log_b,
            gunicorn_process(env, APP, stderr=log_a) as (a, master_a),
            gunicorn_process(env, APP, stderr=log_b) as (b, master_b),
            nginx([a, b], port=front_port, env=env) as front,
            task_worker(env) as worker,
        ):
            worker_command = " ".join(WORKER_COMMAND)
            log(f"nginx {front} in front of {a} and {b}; worker: manage.py {worker_command}")
            yield Stack(database, env, front, [a, b], [master_a, master_b], worker, data)
