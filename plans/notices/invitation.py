"""The invitation email with its link, sent at once by the network's services: a queued task
would keep the link (the token) in the database, which the privacy rules forbid."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from ..models import Invitation
from ..people import citizen_name
from .delivery import send_text_and_html, site_url


def invitation_email_send(*, invitation: Invitation, token: str) -> None:
    """The invitation with its link. We do not know the invited person's language: the site's
    own (Danish), as for every email to someone who has not chosen one."""
    context = {
        "invitation": invitation,
        "citizen_name": citizen_name(invitation.plan.citizen),
        "link": site_url("network:invitation_answer", token),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("plans/email/invitation_subject.txt", context).strip()
        send_text_and_html(
            to=invitation.email,
            subject=f"Fællesplan: {subject}",
            template="plans/email/invitation",
            context=context,
        )
