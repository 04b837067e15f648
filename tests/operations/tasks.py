"""Tasks the worker tests enqueue: they write to a file, so they need no table but the queue's."""

import os
import signal
from pathlib import Path

from django_tasks import task


@task()
def record_run(path: str, label: str) -> str:
    with Path(path).open("a") as runs:
        runs.write(label + "\n")
    return label


@task()
def kill_worker_once(path: str, label: str) -> str:
    """The first run kills its own worker mid-task (as an OOM kill or a lost machine would);
    any later run records itself."""
    marker = Path(path + ".killed-once")
    if not marker.exists():
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return record_run.func(path, label)
