"""`make bench`'s machinery: the tools it installs, a throwaway PostgreSQL and Redis, Django
commands run against them, and gunicorn serving the portal or the floor on loopback."""

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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
GUNICORN = ["--workers", "2", "--worker-class", "gthread", "--threads", "4"]


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


def ensure_tools(need_postgres: bool, *, nginx: bool = False) -> None:
    tools = [("wrk", "wrk"), ("redis-server", "redis-server")]
    if nginx:
        tools.append(("nginx", "nginx"))
    missing = [pkg for tool, pkg in tools if not shutil.which(tool)]
    if need_postgres and not pg_bin("initdb"):
        missing.append("postgresql")
    if missing:
        apt_install(*missing)


class Cluster:
    """A throwaway PostgreSQL cluster of our own, which `make faultload` may restart or stop."""

    def __init__(self, folder: Path, port: int):
        self.folder, self.port = folder, port
        self.data = folder / "data"
        self.url = f"postgres://faellesplan@127.0.0.1:{port}/faellesplan"
        self.options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=100"
        )

    def pg_ctl(self, *args: str) -> None:
        as_postgres = ["runuser", "-u", "postgres", "--"] if is_root() else []
        subprocess.run(
            [*as_postgres, pg_bin("pg_ctl"), "-D", str(self.data), *args],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self) -> None:
        self.pg_ctl("-o", self.options, "-l", str(self.folder / "log"), "-w", "start")

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "-w", "stop")

    def restart(self) -> None:
        self.pg_ctl("-m", "fast", "-w", "restart")


@contextlib.contextmanager
def postgres_cluster():
    """A throwaway cluster in a temporary folder, always (never DATABASE_URL's server)."""
    folder = Path(tempfile.mkdtemp(prefix="faellesplan-bench-pg-"))
    cluster = Cluster(folder, free_port())
    as_postgres = ["runuser", "-u", "postgres", "--"] if is_root() else []
    if is_root():
        shutil.chown(folder, "postgres", "postgres")
    subprocess.run(
        [
            *as_postgres,
            pg_bin("initdb"),
            "-D",
            str(cluster.data),
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
    cluster.start()
    try:
        subprocess.run(
            [
                *as_postgres,
                pg_bin("createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(cluster.port),
                "-U",
                "faellesplan",
                "faellesplan",
            ],
            check=True,
        )
        log(f"throwaway PostgreSQL cluster on port {cluster.port}")
        yield cluster
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def postgres():
    """DATABASE_URL when given; otherwise a throwaway cluster in a temporary folder."""
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    with postgres_cluster() as cluster:
        yield cluster.url


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


def inside(env: dict, command: str, *args: str, module: str = "bench.run") -> dict:
    """Run a step of `module` inside Django (same settings as the server) and read its
    JSON answer from the last line."""
    out = subprocess.run(
        [sys.executable, "-m", module, "--inside", command, *args],
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
    with gunicorn_process(env, app) as (url, _process):
        yield url


@contextlib.contextmanager
def gunicorn_process(env: dict, app: str, *, port: int = 0, stderr=None):
    """gunicorn with the bench's settings; yields its URL and the master process (whose
    workers `make faultload` kills). `stderr`: where its log goes (default: ours)."""
    port = port or free_port()
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
        # As README's "At scale" advises for threaded workers: glibc's malloc otherwise keeps an
        # arena per thread, ~2.5 MB of RSS per worker here.
        env={"MALLOC_ARENA_MAX": "2", **env},
        stderr=stderr,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}", process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(30)
