"""Background work for plans: emails about new comments (django-tasks; a worker in production)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from .emails import send_text_and_html
from .models import AuthorRole, Comment
from .selectors import comment_notice_recipients
from .services import email_notice_claim


@task()
def send_comment_notices(comment_id: int) -> int:
    """Tell the other people in the conversation that something new was written, at most once
    an hour per plan and person. The email names who wrote, never what: a plan holds health and
    social details that do not belong in an inbox. Returns how many emails were sent."""
    comment = (
        Comment.objects.select_related("plan__citizen", "plan__coordinator__user")
        .filter(pk=comment_id, deleted_at__isnull=True)
        .first()
    )
    if comment is None:
        return 0
    sent = 0
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        for person in comment_notice_recipients(comment=comment):
            if not email_notice_claim(plan_id=comment.plan_id, recipient_id=person.pk):
                continue
            is_citizen = person.pk == comment.plan.citizen_id
            if is_citizen:
                link = base_url + reverse("plans:min_plan") + "#kommentarer"
            else:
                link = base_url + reverse("plans_admin:comments", args=[comment.plan_id])
            context = {
                "recipient_name": person.first_name or str(person),
                "author_name": comment.display_author,
                "is_answer": comment.author_role == AuthorRole.STAFF and is_citizen,
                "is_citizen": is_citizen,
                "citizen_name": str(comment.plan.citizen),
                "link": link,
            }
            subject = render_to_string("plans/email/comment_notice_subject.txt", context).strip()
            context["subject"] = subject
            send_text_and_html(
                to=person.email,
                subject=subject,
                template="plans/email/comment_notice",
                context=context,
            )
            sent += 1
    return sent
