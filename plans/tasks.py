"""Every background task of the plans app, in one place (django-tasks; a worker in production).

A task takes ids only, so the queue holds no personal data; it loads what it needs and calls
down into plans.notices. Tasks never import services: services enqueue tasks, not the reverse.
django-tasks-db stores each queued task by its import path (plans.tasks.<name>), so a rename
here needs the queue drained first (README, "Deploying").
"""

from django_tasks import task

from . import notices


@task()
def send_comment_notices(comment_id: int) -> int:
    """The citizen and staff in the conversation hear that something new was written."""
    return notices.comment_notices_send(comment_id=comment_id)


@task()
def send_comment_notices_to_network(comment_id: int) -> int:
    """Network members who can see the comment's goal hear about it."""
    return notices.comment_notices_to_network_send(comment_id=comment_id)


@task()
def send_network_notice(kind: str, object_id: int) -> int:
    """An answer to an invitation, an offer of help, an answer to it, removed or left."""
    return notices.network_notice_send(kind=kind, object_id=object_id)


@task()
def send_erasure_request_notice(request_id: int) -> bool:
    """The coordinator hears that the citizen asks for her data to be deleted."""
    return notices.erasure_request_notice_send(request_id=request_id)
