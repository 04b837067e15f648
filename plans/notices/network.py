"""Notices about the network, one builder per kind: an answer to an invitation, removed, left,
an offer of help and the answer to it, the plan finished. Only the other party hears, never the
person who acted."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import Invitation, NetworkMembership, Offer, Plan
from ..people import citizen_name
from .delivery import notice_record, site_url

# The kinds of network notice, as the task queue carries them.
ACCEPTED, DECLINED, REMOVED, LEFT = "accepted", "declined", "removed", "left"
OFFER_MADE, OFFER_ANSWERED = "offer_made", "offer_answered"
PLAN_ARCHIVED = "plan_archived"
HELPER_ASKED, HELPER_STARTED = "helper_asked", "helper_started"
HELPER_DECLINED, HELPER_ENDED = "helper_declined", "helper_ended"


@dataclass
class Notice:
    """What one person hears about the network: the few lines a notice or digest says."""

    plan: Plan
    recipient: object  # the user, or None when their account is gone
    subject: str
    lines: list[str] = field(default_factory=list)
    link: str = ""
    link_text: str = ""
    urgent: bool = False


def hold(notice: Notice, *, kind: str) -> int:
    """Hold the notice for its recipient (plans.notices.delivery sends it); 1 if held."""
    held = notice_record(
        recipient=notice.recipient,
        plan=notice.plan,
        kind=kind,
        subject=notice.subject,
        lines=notice.lines,
        link=notice.link,
        link_text=notice.link_text,
        urgent=notice.urgent,
    )
    return int(held is not None)


def _invitation_accepted(invitation: Invitation) -> Notice:
    name, plan = invitation.name, invitation.plan
    return Notice(
        plan=plan,
        recipient=plan.citizen,
        subject=_("%(name)s har sagt ja til at være med i dit netværk") % {"name": name},
        lines=[
            _(
                "%(name)s kan nu se de mål, du har delt, skrive til dig om dem og tilbyde "
                "hjælp. Du kan altid fjerne %(name)s igen."
            )
            % {"name": name}
        ],
        link=site_url("network:index"),
        link_text=_("Se dit netværk"),
    )


def _invitation_declined(invitation: Invitation) -> Notice:
    plan = invitation.plan
    return Notice(
        plan=plan,
        recipient=plan.citizen,
        subject=_("%(name)s har sagt nej tak til din invitation") % {"name": invitation.name},
        lines=[_("Det er helt i orden. Du kan invitere andre, når du vil.")],
        link=site_url("network:index"),
        link_text=_("Se dit netværk"),
    )


def _member_removed(membership: NetworkMembership) -> Notice:
    citizen = citizen_name(membership.plan.citizen)
    return Notice(
        plan=membership.plan,
        recipient=membership.user,
        subject=_("Du er ikke længere med i netværket omkring %(citizen)s") % {"citizen": citizen},
        lines=[
            _(
                "%(citizen)s har lukket din adgang til sin plan. Du kan ikke længere se den. "
                "Tak for din hjælp."
            )
            % {"citizen": citizen}
        ],
        # Time-critical: a person who helps should not keep trying a closed door for a day.
        urgent=True,
    )


def _member_left(membership: NetworkMembership) -> Notice:
    plan = membership.plan
    return Notice(
        plan=plan,
        recipient=plan.citizen,
        subject=_("%(name)s har forladt dit netværk") % {"name": membership.name},
        lines=[_("%(name)s kan ikke længere se din plan.") % {"name": membership.name}],
        link=site_url("network:index"),
        link_text=_("Se dit netværk"),
    )


def _offer_made(offer: Offer) -> Notice:
    # Like the comment emails: who did something, never what. The offer may name a health or
    # job matter; the details are behind the login.
    plan, name = offer.plan, offer.membership.name
    return Notice(
        plan=plan,
        recipient=plan.citizen,
        subject=_("%(name)s tilbyder at hjælpe dig") % {"name": name},
        lines=[
            _("%(name)s har tilbudt at hjælpe dig med et af dine mål.") % {"name": name},
            _("Log ind og se tilbuddet. Du bestemmer selv, om du vil sige ja tak."),
        ],
        link=site_url("network:index"),
        link_text=_("Se tilbuddet"),
    )


def _offer_answered(offer: Offer) -> Notice:
    citizen = citizen_name(offer.plan.citizen)
    return Notice(
        plan=offer.plan,
        recipient=offer.membership.user,
        subject=_("%(citizen)s har svaret på dit tilbud") % {"citizen": citizen},
        lines=[_("Log ind og se svaret fra %(citizen)s.") % {"citizen": citizen}],
        link=site_url("network:member_plan", offer.plan_id),
        link_text=_("Se svaret"),
    )


def _plan_archived(membership: NetworkMembership) -> Notice:
    # No link: there is nothing left for the member to see.
    citizen = citizen_name(membership.plan.citizen)
    return Notice(
        plan=membership.plan,
        recipient=membership.user,
        subject=_("Planen, du hjalp %(citizen)s med, er afsluttet") % {"citizen": citizen},
        lines=[
            _("Kommunen har afsluttet planen sammen med %(citizen)s.") % {"citizen": citizen},
            _("Du kan ikke længere se den. Tak for din hjælp."),
        ],
        # Time-critical like a removal: the door is closed from now on.
        urgent=True,
    )


def _helper_asked(membership: NetworkMembership) -> Notice:
    citizen = citizen_name(membership.plan.citizen)
    return Notice(
        plan=membership.plan,
        recipient=membership.user,
        subject=_("%(citizen)s spørger, om du vil hjælpe med planen") % {"citizen": citizen},
        lines=[
            _(
                "%(citizen)s vil gerne have, at du kan se hele planen og skrive for "
                "%(citizen)s. Log ind og læs, hvad det betyder, før du svarer."
            )
            % {"citizen": citizen}
        ],
        link=site_url("network:helper_answer", membership.plan_id),
        link_text=_("Læs og svar"),
    )


def _helper_started(membership: NetworkMembership) -> Notice:
    plan, name = membership.plan, membership.name
    return Notice(
        plan=plan,
        recipient=plan.citizen,
        subject=_("%(name)s er nu din hjælper") % {"name": name},
        lines=[
            _(
                "%(name)s kan nu se hele din plan og skrive for dig. Du kan se alt, hvad "
                "%(name)s gør. Du kan stoppe det, når du vil."
            )
            % {"name": name}
        ],
        link=site_url("network:index"),
        link_text=_("Se dit netværk"),
    )


def _helper_declined(membership: NetworkMembership) -> Notice:
    plan, name = membership.plan, membership.name
    return Notice(
        plan=plan,
        recipient=plan.citizen,
        subject=_("%(name)s vil ikke være hjælper lige nu") % {"name": name},
        lines=[_("%(name)s er stadig med i dit netværk som før.") % {"name": name}],
        link=site_url("network:index"),
        link_text=_("Se dit netværk"),
    )


def _helper_ended(membership: NetworkMembership) -> Notice:
    citizen = citizen_name(membership.plan.citizen)
    return Notice(
        plan=membership.plan,
        recipient=membership.user,
        subject=_("Du er ikke længere hjælper for %(citizen)s") % {"citizen": citizen},
        lines=[
            _(
                "%(citizen)s har stoppet din rolle som hjælper. Du kan ikke længere se hele "
                "planen. Du kan stadig se det, %(citizen)s har delt med dig."
            )
            % {"citizen": citizen}
        ],
        link=site_url("network:member_plans"),
        link_text=_("Planer, jeg hjælper med"),
        # Time-critical like a removal: the door is closed from now on.
        urgent=True,
    )


_invitations = Invitation.objects.select_related("plan__citizen")
_memberships = NetworkMembership.objects.select_related("plan__citizen", "user")
_offers = Offer.objects.select_related("plan__citizen", "membership__user", "goal")

# kind -> (what the id points at, the builder for it)
NETWORK_NOTICES = {
    ACCEPTED: (_invitations, _invitation_accepted),
    DECLINED: (_invitations, _invitation_declined),
    REMOVED: (_memberships, _member_removed),
    LEFT: (_memberships, _member_left),
    OFFER_MADE: (_offers, _offer_made),
    OFFER_ANSWERED: (_offers, _offer_answered),
    PLAN_ARCHIVED: (_memberships, _plan_archived),
    HELPER_ASKED: (_memberships, _helper_asked),
    HELPER_STARTED: (_memberships, _helper_started),
    HELPER_DECLINED: (_memberships, _helper_declined),
    HELPER_ENDED: (_memberships, _helper_ended),
}


def network_notice_record(*, kind: str, object_id: int) -> int:
    """Hold one network notice, inside the event's transaction; 0 when the thing is gone."""
    queryset, build = NETWORK_NOTICES[kind]
    found = queryset.filter(pk=object_id).first()
    if found is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        return hold(build(found), kind=kind)
