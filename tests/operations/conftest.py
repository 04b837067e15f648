"""A throwaway PostgreSQL cluster of the tests' own, which they may stop and restart (never the
shared server). CI installs PostgreSQL, so there a missing binary fails the run."""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import IN_CI

PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))


@dataclass
class Cluster:
    data: Path
    port: int
    run_as: list[str]

    @property
    def url(self) -> str:
        return f"postgres://faellesplan@127.0.0.1:{self.port}/faellesplan"

    def pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [*self.run_as, str(PG_BIN[-1] / "pg_ctl"), "-D", str(self.data), "-w", *args],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=60,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data.parent} -c listen_addresses=127.0.0.1"
        self.pg_ctl("-o", options, "-l", str(self.data.parent / "log"), "start")

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "stop")

    def restart(self) -> None:
        self.pg_ctl("-m", "fast", "restart")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_cluster():
    if not PG_BIN:
        message = "PostgreSQL's binaries (/usr/lib/postgresql/*/bin) are missing"
        if IN_CI:
            pytest.fail(f"CI needs them for the operations tests: {message}")
        pytest.skip(message)
    folder = Path(tempfile.mkdtemp(prefix="faellesplan-ops-pg-"))
    # PostgreSQL refuses to run as root.
    run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if run_as:
        shutil.chown(folder, "postgres", "postgres")
    cluster = Cluster(data=folder / "data", port=_free_port(), run_as=run_as)
    subprocess.run(
        [*run_as, str(PG_BIN[-1] / "initdb"), "-D", str(cluster.data), "-U", "faellesplan"]
        + ["-A", "trust", "-E", "UTF8", "--locale", "C.UTF-8"],
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=120,
    )
    cluster.start()
    try:
        subprocess.run(
            [str(PG_BIN[-1] / "createdb"), "-h", "127.0.0.1", "-p", str(cluster.port)]
            + ["-U", "faellesplan", "faellesplan"],
            check=True,
            timeout=30,
        )
        yield cluster
    finally:
        with contextlib.suppress(subprocess.SubprocessError):
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def wait_for(check, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.2)
    raise AssertionError(f"not within {seconds} s: {what}")
