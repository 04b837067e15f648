"""Who hears about a new comment, and in which words: who wrote, never what."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import AuthorRole, Comment, Notice
from ..people import citizen_name, display_name
from .delivery import notice_record, site_url
from .recipients import comment_notice_recipients, members_who_see

COMMENT, COMMENT_TO_NETWORK = "comment", "comment_network"


def comment_notices_record(*, comment: Comment) -> list[Notice]:
    """Hold a notice for everyone who should hear about the comment, inside the comment's own
    transaction: the citizen, the coordinator and staff in the conversation, and the network
    members who can see its goal (never the author). Returns the notices held."""
    with translation.override(settings.LANGUAGE_CODE):
        return _to_plan_people(comment) + _to_network(comment)


def _to_plan_people(comment: Comment) -> list[Notice]:
    plan = comment.plan
    held = []
    for person in comment_notice_recipients(comment=comment):
        if person.pk == plan.citizen_id:
            if comment.author_role == AuthorRole.STAFF:
                subject = _("%(author)s har svaret dig i din plan") % {
                    "author": comment.display_author
                }
            else:
                subject = _("%(author)s har skrevet noget nyt i din plan") % {
                    "author": comment.display_author
                }
            link = site_url("plans:min_plan") + "#kommentarer"
        else:
            subject = _("%(author)s har skrevet i planen for %(citizen)s") % {
                "author": comment.display_author,
                "citizen": display_name(plan.citizen),
            }
            link = site_url("plans_admin:comments", comment.plan_id)
        notice = notice_record(
            recipient=person,
            plan=plan,
            kind=COMMENT,
            subject=subject,
            lines=[_("Du kan læse det, når du logger ind.")],
            link=link,
            link_text=_("Læs kommentaren"),
        )
        if notice is not None:
            held.append(notice)
    return held


def _to_network(comment: Comment) -> list[Notice]:
    # Comments on the plan as a whole or on an activity are not shared with the network.
    if comment.goal_id is None:
        return []
    held = []
    citizen = citizen_name(comment.plan.citizen)
    for membership in members_who_see(goal=comment.goal):
        person = membership.user
        if person is None or person.pk == comment.author_id:
            continue
        notice = notice_record(
            recipient=person,
            plan=comment.plan,
            kind=COMMENT_TO_NETWORK,
            subject=_("Ny kommentar i planen, du hjælper %(citizen)s med") % {"citizen": citizen},
            lines=[
                _("%(author)s har skrevet til et af de mål, %(citizen)s har delt med dig.")
                % {"author": comment.author_name or _("En person"), "citizen": citizen}
            ],
            link=site_url("network:member_plan", comment.plan_id) + f"#maal-{comment.goal_id}",
            link_text=_("Læs kommentaren"),
        )
        if notice is not None:
            held.append(notice)
    return held
