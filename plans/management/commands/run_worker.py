"""`manage.py run_worker`: django-tasks-db's `db_worker`, made to outlive its database.

`db_worker` exits at the first database error that is not a lock (RealOrangeOne/django-tasks-db
#49), and a task claimed by a worker that died stays RUNNING for ever (RealOrangeOne/django-tasks
#46). This worker takes the same options and, instead, waits for the database with a back-off
(1, 2, 4 … 30 s, one log line per outage) and puts back to READY every RUNNING task whose lease
(`--lease-seconds`, TASK_LEASE_SECONDS, 300) has run out: at start and every half lease. Our
tasks are safe to run twice (plans/tasks.py), so "at least once" is the promise. The lease must
be longer than the longest task, or a second worker would start a task a live one still runs.
"""

import logging
import os
import time
from datetime import timedelta

from django.conf import settings
from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

logger = logging.getLogger("django_tasks_db")

DATABASE_GONE = (OperationalError, InterfaceError)
MAX_BACKOFF_SECONDS = 30
# A task that took its worker down this many times is failed rather than tried again.
MAX_ATTEMPTS = 5


class TaskLostError(Exception):
    """Recorded on a task whose workers died under it MAX_ATTEMPTS times."""


class Worker(db_worker.Worker):
    def __init__(self, *, lease_seconds: int, **options):
        super().__init__(**options)
        self.lease = timedelta(seconds=lease_seconds)
        self.lease_check_seconds = max(1.0, min(60.0, lease_seconds / 2))
        self._next_lease_check = 0.0
        self._claimed = None  # the task this worker holds, until its result is stored
        self._outage_since = None
        self._backoff = 1

    def run(self) -> None:
        logger.info(
            "Starting worker worker_id=%s queues=%s lease=%ss",
            self.worker_id,
            ",".join(self.queue_names),
            int(self.lease.total_seconds()),
        )
        while self.running:
            try:
                ran = self._step()
            except DATABASE_GONE as error:
                self._wait_for_database(error)
                continue
            if self.batch and not ran:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            if self.running and not ran:
                time.sleep(self.interval)

    def _step(self) -> bool:
        """Claim and run one task; False when there was none."""
        close_old_connections()
        self._release_own_claim()
        if time.monotonic() >= self._next_lease_check:
            self.requeue_expired()
            self._next_lease_check = time.monotonic() + self.lease_check_seconds
        task_result = self._claim_next()
        if self._outage_since is not None:  # the database answered
            logger.warning(
                "Database reachable again after %.1f s", time.monotonic() - self._outage_since
            )
            self._outage_since, self._backoff = None, 1
        if task_result is None:
            return False
        self._claimed = task_result
        self.run_task(task_result)
        # The task failed because the database went away under it: not the task's fault.
        if task_result.status == TaskResultStatus.FAILED and task_result.exception_class_path in {
            f"{e.__module__}.{e.__qualname__}" for e in DATABASE_GONE
        }:
            return True  # _claimed stays set: the next step puts it back to READY
        self._claimed = None
        close_old_connections()
        return True

    def _mine(self, tasks):
        tasks = tasks.filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        return tasks

    def _claim_next(self):
        tasks = self._mine(DBTaskResult.objects.ready())
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
            except OperationalError as error:
                if is_locked_database_exception(error):
                    return None
                raise
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result

    def _release_own_claim(self) -> None:
        """A task whose result could not be stored (the database went away) runs again."""
        claimed, self._claimed = self._claimed, None
        if claimed is None or len(claimed.worker_ids) >= MAX_ATTEMPTS:
            return
        DBTaskResult.objects.filter(
            id=claimed.id, status__in=[TaskResultStatus.RUNNING, TaskResultStatus.FAILED]
        ).update(status=TaskResultStatus.READY, finished_at=None)
        logger.warning("Task id=%s put back in the queue after a database outage", claimed.id)

    def requeue_expired(self) -> int:
        """RUNNING tasks claimed longer ago than the lease: their worker is gone."""
        cutoff = timezone.now() - self.lease
        expired = self._mine(DBTaskResult.objects.running()).filter(started_at__lt=cutoff)
        requeued = 0
        with exclusive_transaction(expired.db):
            for task_result in expired.select_for_update(skip_locked=True):
                if len(task_result.worker_ids) >= MAX_ATTEMPTS:
                    task_result.set_failed(TaskLostError(f"{MAX_ATTEMPTS} workers died under it"))
                    logger.error("Task id=%s failed: its workers kept dying", task_result.id)
                    continue
                task_result.status = TaskResultStatus.READY
                task_result.save(update_fields=["status"])
                requeued += 1
                logger.warning(
                    "Task id=%s taken up again: claimed by %s at %s, lease over",
                    task_result.id,
                    task_result.worker_ids[-1:],
                    task_result.started_at.isoformat(),
                )
        return requeued

    def _wait_for_database(self, error: Exception) -> None:
        if self._outage_since is None:
            self._outage_since = time.monotonic()
            first_line = (str(error).strip().splitlines() or [""])[0]
            logger.error(
                "Database unreachable (%s: %s); trying again with a back-off up to %s s",
                type(error).__name__,
                first_line,
                MAX_BACKOFF_SECONDS,
            )
        # A broken connection is thrown away, so the next try opens a new one.
        close_old_connections()
        connections.close_all()
        time.sleep(self._backoff)
        self._backoff = min(self._backoff * 2, MAX_BACKOFF_SECONDS)


class Command(db_worker.Command):
    help = "Run the task worker: db_worker that waits out database outages and retakes lost tasks"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--lease-seconds",
            type=int,
            default=getattr(settings, "TASK_LEASE_SECONDS", 300),
            help="A RUNNING task older than this is run again (default: %(default)s)",
        )

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, lease_seconds, **options):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        if lease_seconds < 1:
            raise CommandError("--lease-seconds must be 1 or more")
        worker = Worker(
            lease_seconds=lease_seconds,
            queue_names=queue_names,
            excluded_queue_names=excluded,
            interval=options["interval"],
            batch=options["batch"] and not reload,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if not reload or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            worker.configure_signals()  # with the reloader, only its child runs tasks
        if reload:
            run_with_reloader(worker.run)
        else:
            worker.run()
