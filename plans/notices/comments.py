"""Who hears about a new comment, and in which words: who wrote, never what."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import AuthorRole, Comment
from ..people import citizen_name, display_name
from ..selectors import comment_notice_recipients, members_who_see
from .delivery import email_notice_claim, send_text_and_html, site_url
from .network import Notice, send_notice


def comment_notices_send(*, comment_id: int) -> int:
    """Tell the citizen, the coordinator and staff in the conversation that something new was
    written (never the author). Returns how many emails were sent."""
    comment = (
        Comment.objects.select_related("plan__citizen", "plan__coordinator__user")
        .filter(pk=comment_id, deleted_at__isnull=True)
        .first()
    )
    if comment is None:
        return 0
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for person in comment_notice_recipients(comment=comment):
            if not email_notice_claim(plan_id=comment.plan_id, recipient_id=person.pk):
                continue
            is_citizen = person.pk == comment.plan.citizen_id
            if is_citizen:
                link = site_url("plans:min_plan") + "#kommentarer"
            else:
                link = site_url("plans_admin:comments", comment.plan_id)
            context = {
                "recipient_name": display_name(person, short=True),
                "author_name": comment.display_author,
                "is_answer": comment.author_role == AuthorRole.STAFF and is_citizen,
                "is_citizen": is_citizen,
                "citizen_name": display_name(comment.plan.citizen),
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


def comment_notices_to_network_send(*, comment_id: int) -> int:
    """Tell the members who can see a goal that someone wrote about it (who, never what), never
    the author. Comments on the plan as a whole or on an activity are not shared with them."""
    comment = (
        Comment.objects.select_related("goal", "plan__citizen")
        .filter(pk=comment_id, deleted_at__isnull=True, goal__isnull=False)
        .first()
    )
    if comment is None:
        return 0
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        citizen = citizen_name(comment.plan.citizen)
        for membership in members_who_see(goal=comment.goal):
            person = membership.user
            if person is None or person.pk == comment.author_id or not person.is_active:
                continue
            notice = Notice(
                plan=comment.plan,
                recipient=person,
                recipient_name=membership.name,
                subject=_("Ny kommentar i planen, du hjælper %(citizen)s med")
                % {"citizen": citizen},
                lines=[
                    _("%(author)s har skrevet til et af de mål, %(citizen)s har delt med dig.")
                    % {"author": comment.author_name or _("En person"), "citizen": citizen}
                ],
                link=site_url("network:member_plan", comment.plan_id) + f"#maal-{comment.goal_id}",
                link_text=_("Læs kommentaren"),
            )
            sent += send_notice(notice)
    return sent
