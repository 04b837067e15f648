"""Emails about the network: an answer to an invitation, an offer of help, an answer to an offer,
removed, left. Same rule as comment emails (plans.services.email_notice_claim): at most one email
per plan an hour per person, and only to the other party, never to the person who acted.

The task receives ids only, so the queue holds no personal data; the invitation email itself
(with its link) is sent by plans.network_services, not from here.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from .emails import send_text_and_html
from .models import Comment, Invitation, NetworkMembership, Offer
from .network_selectors import members_who_see
from .services import email_notice_claim

ACCEPTED, DECLINED, REMOVED, LEFT = "accepted", "declined", "removed", "left"
OFFER_MADE, OFFER_ANSWERED = "offer_made", "offer_answered"


def _enqueue(kind: str, object_id: int) -> None:
    transaction.on_commit(lambda: send_network_notice.enqueue(kind, object_id))


def invitation_answered(*, invitation: Invitation, accepted: bool) -> None:
    _enqueue(ACCEPTED if accepted else DECLINED, invitation.pk)


def member_removed(*, membership: NetworkMembership) -> None:
    _enqueue(REMOVED, membership.pk)


def member_left(*, membership: NetworkMembership) -> None:
    _enqueue(LEFT, membership.pk)


def offer_made(*, offer: Offer) -> None:
    _enqueue(OFFER_MADE, offer.pk)


def offer_answered(*, offer: Offer) -> None:
    _enqueue(OFFER_ANSWERED, offer.pk)


def _url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _citizen(plan) -> str:
    return plan.citizen.first_name or plan.citizen.get_full_name() or _("Borgeren")


def _build(kind: str, object_id: int) -> dict | None:
    """Who gets which words; None when the thing is gone (then there is nothing to tell)."""
    if kind in (ACCEPTED, DECLINED):
        invitation = Invitation.objects.select_related("plan__citizen").filter(pk=object_id)
        invitation = invitation.first()
        if invitation is None:
            return None
        plan, name = invitation.plan, invitation.name
        if kind == ACCEPTED:
            subject = _("%(name)s har sagt ja til at være med i dit netværk") % {"name": name}
            lines = [
                _(
                    "%(name)s kan nu se de mål, du har delt, skrive til dig om dem og tilbyde "
                    "hjælp. Du kan altid fjerne %(name)s igen."
                )
                % {"name": name}
            ]
        else:
            subject = _("%(name)s har sagt nej tak til din invitation") % {"name": name}
            lines = [_("Det er helt i orden. Du kan invitere andre, når du vil.")]
        return {
            "plan": plan,
            "recipient": plan.citizen,
            "recipient_name": _citizen(plan),
            "subject": subject,
            "lines": lines,
            "link": _url("network:index"),
            "link_text": _("Se dit netværk"),
        }
    if kind in (REMOVED, LEFT):
        membership = (
            NetworkMembership.objects.select_related("plan__citizen", "user")
            .filter(pk=object_id)
            .first()
        )
        if membership is None:
            return None
        plan, citizen = membership.plan, _citizen(membership.plan)
        if kind == REMOVED:
            return {
                "plan": plan,
                "recipient": membership.user,
                "recipient_name": membership.name,
                "subject": _("Du er ikke længere med i netværket omkring %(citizen)s")
                % {"citizen": citizen},
                "lines": [
                    _(
                        "%(citizen)s har lukket din adgang til sin plan. Du kan ikke længere se "
                        "den. Tak for din hjælp."
                    )
                    % {"citizen": citizen}
                ],
                "link": "",
                "link_text": "",
            }
        return {
            "plan": plan,
            "recipient": plan.citizen,
            "recipient_name": citizen,
            "subject": _("%(name)s har forladt dit netværk") % {"name": membership.name},
            "lines": [_("%(name)s kan ikke længere se din plan.") % {"name": membership.name}],
            "link": _url("network:index"),
            "link_text": _("Se dit netværk"),
        }
    offer = (
        Offer.objects.select_related("plan__citizen", "membership__user", "goal")
        .filter(pk=object_id)
        .first()
    )
    if offer is None:
        return None
    plan, citizen, name = offer.plan, _citizen(offer.plan), offer.membership.name
    # Like the comment emails: who did something, never what. The offer may name a health or
    # job matter, and an inbox is not the place for that; the details are behind the login.
    if kind == OFFER_MADE:
        return {
            "plan": plan,
            "recipient": plan.citizen,
            "recipient_name": citizen,
            "subject": _("%(name)s tilbyder at hjælpe dig") % {"name": name},
            "lines": [
                _("%(name)s har tilbudt at hjælpe dig med et af dine mål.") % {"name": name},
                _("Log ind og se tilbuddet. Du bestemmer selv, om du vil sige ja tak."),
            ],
            "link": _url("network:index"),
            "link_text": _("Se tilbuddet"),
        }
    return {
        "plan": plan,
        "recipient": offer.membership.user,
        "recipient_name": name,
        "subject": _("%(citizen)s har svaret på dit tilbud") % {"citizen": citizen},
        "lines": [_("Log ind og se svaret fra %(citizen)s.") % {"citizen": citizen}],
        "link": _url("network:member_plan", plan.pk),
        "link_text": _("Se svaret"),
    }


@task()
def send_network_notice(kind: str, object_id: int) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        notice = _build(kind, object_id)
        # The recipient may have deleted their account since (NetworkMembership.user is null).
        if notice is None or notice["recipient"] is None or not notice["recipient"].email:
            return
        if not email_notice_claim(plan_id=notice["plan"].pk, recipient_id=notice["recipient"].pk):
            return
        send_text_and_html(
            to=notice["recipient"].email,
            subject=f"Fællesplan: {notice['subject']}",
            template="plans/email/network_notice",
            context=notice,
        )


@task()
def send_comment_notices_to_network(comment_id: int) -> int:
    """Tell the members who can see a goal that someone wrote about it (who, never what), under
    the same one-an-hour rule, never the author. plans.services enqueues it for every comment;
    comments on the plan as a whole or on an activity are not shared with the network."""
    comment = (
        Comment.objects.select_related("goal", "plan__citizen")
        .filter(pk=comment_id, deleted_at__isnull=True, goal__isnull=False)
        .first()
    )
    if comment is None:
        return 0
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        citizen = _citizen(comment.plan)
        for membership in members_who_see(goal=comment.goal):
            person = membership.user
            if person is None or person.pk == comment.author_id or not person.is_active:
                continue
            if not person.email:
                continue
            if not email_notice_claim(plan_id=comment.plan_id, recipient_id=person.pk):
                continue
            notice = {
                "recipient_name": membership.name,
                "subject": _("Ny kommentar i planen, du hjælper %(citizen)s med")
                % {"citizen": citizen},
                "lines": [
                    _("%(author)s har skrevet til et af de mål, %(citizen)s har delt med dig.")
                    % {"author": comment.author_name or _("En person"), "citizen": citizen}
                ],
                "link": _url("network:member_plan", comment.plan_id) + f"#maal-{comment.goal_id}",
                "link_text": _("Læs kommentaren"),
            }
            send_text_and_html(
                to=person.email,
                subject=f"Fællesplan: {notice['subject']}",
                template="plans/email/network_notice",
                context=notice,
            )
            sent += 1
    return sent
