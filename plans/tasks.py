"""Every background task of the plans app, in one place (django-tasks; a worker in production).

A task takes ids only, so the queue holds no personal data. Notices are not in the queue at
all: an event holds them in the database in its own transaction, and this task (enqueued when
the event commits) or `manage.py send_notices` (cron, for digests) sends whatever is due. So a
lost or repeated task loses or repeats nothing. django-tasks-db stores each queued task by its
import path (plans.tasks.<name>), so a rename here needs the queue drained first (README).
"""

from django_tasks import task

from . import notices
from .reminders.services import reminders_send


@task()
def deliver_notices() -> int:
    """Send every notice that is due now (urgent ones, and those of people who want email at
    once), and any email claimed earlier but not sent."""
    return notices.notices_deliver()


@task()
def send_reminders() -> int:
    """The reminders that are due (plans.reminders.services), for a scheduler that runs tasks;
    the same as `manage.py send_reminders`. Idempotent, so a repeated task sends nothing twice."""
    reminded = reminders_send()
    notices.notices_deliver()
    return reminded
