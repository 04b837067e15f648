"""Writes for the citizen's network: invitations, memberships, offers of help.

Every function checks its own rules and raises ValidationError with a plain Danish message, so
a view only shows the message. Access is never cached: each request asks the database whether a
membership is still active (plans.network_selectors).
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import network_notices
from . import network_selectors as selectors
from .emails import send_text_and_html
from .models import (
    AccessLogEntry,
    AuthorRole,
    Goal,
    Invitation,
    NetworkMembership,
    Offer,
    Plan,
)
from .services import access_log_record, comment_add
from .tokens import new_token

MAX_INVITATIONS_PER_DAY = 20
MAX_MEMBERS = 30
RESEND_AFTER = timedelta(hours=1)


def citizen_name(plan: Plan) -> str:
    citizen = plan.citizen
    return citizen.first_name or citizen.get_full_name() or _("En borger")


# --- Inviting ----


def invitation_check(*, plan: Plan, email: str) -> None:
    """The limits, checked before the preview and again when sending."""
    made_today, members, open_invitations = selectors.counts_for_limits(plan=plan)
    if made_today >= MAX_INVITATIONS_PER_DAY:
        raise ValidationError(
            _(
                "Du har sendt %(n)d invitationer det sidste døgn. Det er det højeste antal. "
                "Prøv igen i morgen."
            )
            % {"n": MAX_INVITATIONS_PER_DAY}
        )
    if members + open_invitations >= MAX_MEMBERS:
        raise ValidationError(
            _(
                "Der kan højst være %(n)d personer i dit netværk, også når invitationer "
                "venter på svar. Fjern en person eller træk en invitation tilbage først."
            )
            % {"n": MAX_MEMBERS}
        )
    email = email.strip().lower()
    if email == plan.citizen.email.lower():
        raise ValidationError({"email": _("Det er din egen e-mailadresse.")})
    taken = selectors.email_taken(plan=plan, email=email)
    if taken == "member":
        raise ValidationError({"email": _("Personen med den e-mailadresse er allerede med.")})
    if taken == "invited":
        raise ValidationError(
            {
                "email": _(
                    "Du har allerede sendt en invitation til den e-mailadresse. Du kan sende "
                    "den igen under “Invitationer”."
                )
            }
        )


def _send_invitation_email(*, invitation: Invitation, token: str, site_url: str) -> None:
    # Sent here, inside the transaction, not through the task queue: a queued task would keep
    # the link (the token) in the database, which the privacy rules forbid. If sending fails,
    # the transaction rolls back and the citizen is asked to try again; nothing half-saved.
    context = {
        "invitation": invitation,
        "citizen_name": citizen_name(invitation.plan),
        "link": site_url.rstrip("/") + reverse("network:invitation_answer", args=[token]),
    }
    # We do not know the invited person's language: the site's own (Danish), as for every
    # email that goes to someone who has not chosen one.
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("plans/email/invitation_subject.txt", context).strip()
        send_text_and_html(
            to=invitation.email,
            subject=f"Fællesplan: {subject}",
            template="plans/email/invitation",
            context=context,
        )


@transaction.atomic
def invitation_send(
    *,
    plan: Plan,
    invited_by,
    name: str,
    email: str,
    relation: str,
    whole_plan: bool,
    goals: list[Goal],
    message: str = "",
    site_url: str,
) -> Invitation:
    # Lock the plan row so two quick clicks cannot both pass the limits.
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    invitation_check(plan=plan, email=email)
    if any(goal.plan_id != plan.pk for goal in goals):
        raise ValidationError({"goals": _("Vælg kun blandt dine egne mål.")})
    if not whole_plan and not goals:
        raise ValidationError({"goals": _("Vælg mindst ét mål.")})
    token, token_hash = new_token()
    now = timezone.now()
    invitation = Invitation.objects.create(
        plan=plan,
        invited_by=invited_by,
        name=name.strip(),
        email=email.strip().lower(),
        relation=relation,
        whole_plan=whole_plan,
        message=message.strip(),
        token_hash=token_hash,
        created_at=now,
        sent_at=now,
        expires_at=now + timedelta(days=Invitation.VALID_DAYS),
    )
    if not whole_plan:
        invitation.goals.set(goals)
    _send_invitation_email(invitation=invitation, token=token, site_url=site_url)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, site_url: str) -> Invitation:
    """A new link; the old one stops working at once, because only the new hash is kept."""
    if invitation.status in (Invitation.Status.ACCEPTED, Invitation.Status.DECLINED):
        raise ValidationError(_("Personen har allerede svaret på invitationen."))
    now = timezone.now()
    if invitation.is_open and invitation.sent_at > now - RESEND_AFTER:
        raise ValidationError(
            _("Du har lige sendt invitationen. Vent en time, før du sender den igen.")
        )
    invitation_check_for_resend(invitation=invitation)
    token, invitation.token_hash = new_token()
    invitation.status = Invitation.Status.SENT
    invitation.sent_at = now
    invitation.expires_at = now + timedelta(days=Invitation.VALID_DAYS)
    invitation.save(update_fields=["token_hash", "status", "sent_at", "expires_at"])
    _send_invitation_email(invitation=invitation, token=token, site_url=site_url)
    return invitation


def invitation_check_for_resend(*, invitation: Invitation) -> None:
    if invitation.is_open:
        return
    # An expired or withdrawn invitation becomes open again: it counts like a new one.
    plan = invitation.plan
    _, members, open_invitations = selectors.counts_for_limits(plan=plan)
    if members + open_invitations >= MAX_MEMBERS:
        raise ValidationError(
            _("Der kan højst være %(n)d personer i dit netværk.") % {"n": MAX_MEMBERS}
        )
    if selectors.email_taken(plan=plan, email=invitation.email):
        raise ValidationError(_("Personen er allerede med, eller har en ny invitation."))


def invitation_withdraw(*, invitation: Invitation) -> None:
    if not invitation.is_open:
        raise ValidationError(_("Invitationen kan ikke trækkes tilbage. Den er ikke åben."))
    Invitation.objects.filter(pk=invitation.pk, status=Invitation.Status.SENT).update(
        status=Invitation.Status.WITHDRAWN, answered_at=timezone.now()
    )


# --- Answering ----


def _close(*, invitation: Invitation, status: str) -> bool:
    """Single use: only one answer can move an open invitation on, even if two arrive at once."""
    return bool(
        Invitation.objects.filter(
            pk=invitation.pk, status=Invitation.Status.SENT, expires_at__gt=timezone.now()
        ).update(status=status, answered_at=timezone.now())
    )


@transaction.atomic
def invitation_decline(*, invitation: Invitation) -> None:
    if not _close(invitation=invitation, status=Invitation.Status.DECLINED):
        raise ValidationError(_("Invitationen er ikke åben længere."))
    network_notices.invitation_answered(invitation=invitation, accepted=False)


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> NetworkMembership:
    plan = invitation.plan
    if user.pk == plan.citizen_id:
        raise ValidationError(_("Det er din egen plan. Du kan ikke invitere dig selv."))
    if not EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists():
        raise ValidationError(
            _(
                "Invitationen er sendt til %(email)s. Log ind med den e-mailadresse, eller "
                "tilføj og bekræft den på din konto først."
            )
            % {"email": invitation.email}
        )
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    if plan.network.filter(user=user, status=NetworkMembership.Status.ACTIVE).exists():
        raise ValidationError(_("Du er allerede med i netværket."))
    if plan.network.filter(status=NetworkMembership.Status.ACTIVE).count() >= MAX_MEMBERS:
        raise ValidationError(
            _("Der er ikke plads til flere i netværket lige nu. Tal med den, der inviterede dig.")
        )
    if not _close(invitation=invitation, status=Invitation.Status.ACCEPTED):
        raise ValidationError(_("Invitationen er ikke åben længere."))
    membership = NetworkMembership.objects.create(
        plan=plan,
        user=user,
        invitation=invitation,
        name=invitation.name,
        relation=invitation.relation,
        whole_plan=invitation.whole_plan,
    )
    if not invitation.whole_plan:
        membership.goals.set(invitation.goals.all())
    log(
        membership=membership,
        action=AccessLogEntry.Action.WRITE,
        what=_("Sagde ja til at være med"),
    )
    network_notices.invitation_answered(invitation=invitation, accepted=True)
    return membership


# --- Ending access ----


def _end(*, membership: NetworkMembership, status: str) -> bool:
    return bool(
        NetworkMembership.objects.filter(
            pk=membership.pk, status=NetworkMembership.Status.ACTIVE
        ).update(status=status, ended_at=timezone.now())
    )


@transaction.atomic
def membership_remove(*, membership: NetworkMembership, by) -> None:
    """The citizen ends a member's access; it ends on the member's very next request."""
    if not _end(membership=membership, status=NetworkMembership.Status.REMOVED):
        return
    access_log_record(
        plan=membership.plan,
        actor=by,
        actor_kind=AuthorRole.CITIZEN,
        action=AccessLogEntry.Action.WRITE,
        what=_("Fjernede %(name)s fra netværket") % {"name": membership.name},
    )
    network_notices.member_removed(membership=membership)


@transaction.atomic
def membership_leave(*, membership: NetworkMembership) -> None:
    if not _end(membership=membership, status=NetworkMembership.Status.LEFT):
        return
    log(membership=membership, action=AccessLogEntry.Action.WRITE, what=_("Forlod netværket"))
    network_notices.member_left(membership=membership)


# --- What members do ----


def log(*, membership: NetworkMembership, action: str, what: str) -> None:
    """Every read and write by a network member goes into the citizen's access log."""
    access_log_record(
        plan=membership.plan,
        actor=membership.user,
        action=action,
        what=what[:200],
        actor_name=membership.name,
        actor_role=str(membership.get_relation_display()),
        actor_department="",
        actor_kind=AuthorRole.NETWORK,
    )


def member_read(*, membership: NetworkMembership, goals: list[Goal]) -> None:
    what = _("Så de delte mål: %(goals)s") % {"goals": "; ".join(g.text for g in goals)}
    log(membership=membership, action=AccessLogEntry.Action.READ, what=what)


@transaction.atomic
def member_comment_add(*, membership: NetworkMembership, goal: Goal, body: str):
    """A member comments on a goal they can see; the comment rules are the plan's own."""
    selectors.goal_in_scope(membership=membership, goal_id=goal.pk)
    comment = comment_add(
        plan=membership.plan,
        author=membership.user,
        author_role=AuthorRole.NETWORK,
        author_name=membership.name,
        body=body,
        goal=goal,
    )
    log(
        membership=membership,
        action=AccessLogEntry.Action.WRITE,
        what=_("Skrev en kommentar til målet: %(goal)s") % {"goal": goal.text},
    )
    return comment


@transaction.atomic
def offer_create(
    *, membership: NetworkMembership, goal: Goal, kind: str, what: str, when: str = ""
) -> Offer:
    # The goal must be one the member can see; a goal id from another plan or outside the
    # scope gives the same "no such goal" as an id that does not exist.
    selectors.goal_in_scope(membership=membership, goal_id=goal.pk)
    offer = Offer.objects.create(
        plan=membership.plan,
        membership=membership,
        goal=goal,
        kind=kind,
        what=what.strip(),
        when=when.strip(),
    )
    log(
        membership=membership,
        action=AccessLogEntry.Action.WRITE,
        what=_("Tilbød hjælp til målet: %(goal)s") % {"goal": goal.text},
    )
    network_notices.offer_made(offer=offer)
    return offer


@transaction.atomic
def offer_answer(*, offer: Offer, accepted: bool, answer: str = "") -> Offer:
    if offer.status != Offer.Status.WAITING:
        raise ValidationError(_("Du har allerede svaret på dette tilbud."))
    offer.status = Offer.Status.ACCEPTED if accepted else Offer.Status.DECLINED
    offer.answer = answer.strip()
    offer.answered_at = timezone.now()
    updated = Offer.objects.filter(pk=offer.pk, status=Offer.Status.WAITING).update(
        status=offer.status, answer=offer.answer, answered_at=offer.answered_at
    )
    if not updated:
        raise ValidationError(_("Du har allerede svaret på dette tilbud."))
    network_notices.offer_answered(offer=offer)
    return offer
