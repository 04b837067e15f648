"""Inviting someone into the citizen's network, and the invited person's answer."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ... import notices
from ...access_log import READ, WRITE, access_log_record, plan_lock
from ...errors import PlanRuleError
from ...history import plan_event_record
from ...models import Goal, Invitation, InvitationSend, NetworkMembership, Plan, PlanEvent
from ...services import refuse_if_archived
from ...tokens import new_token
from .. import selectors
from .members import member_log, notify

MAX_INVITATIONS_PER_DAY = 20  # invitation emails a day from one plan, "Send igen" included
MAX_SENDS_PER_INVITATION_PER_DAY = 3  # to one address
MAX_MEMBERS = 30
RESEND_AFTER = timedelta(hours=1)


# --- Inviting ----


def _check_daily_limit(sent_today: int) -> None:
    if sent_today >= MAX_INVITATIONS_PER_DAY:
        raise PlanRuleError(
            _(
                "Du har sendt %(n)d invitationer det sidste døgn. Det er det højeste antal. "
                "Prøv igen i morgen."
            )
            % {"n": MAX_INVITATIONS_PER_DAY}
        )


def _sent(invitation: Invitation) -> None:
    InvitationSend.objects.create(plan_id=invitation.plan_id, invitation=invitation)


def invitation_check(*, plan: Plan, email: str) -> None:
    """The limits, checked before the preview and again when sending."""
    refuse_if_archived(plan=plan)
    made_today, members, open_invitations = selectors.counts_for_limits(plan=plan)
    _check_daily_limit(made_today)
    if members + open_invitations >= MAX_MEMBERS:
        raise PlanRuleError(
            _(
                "Der kan højst være %(n)d personer i dit netværk, også når invitationer "
                "venter på svar. Fjern en person eller træk en invitation tilbage først."
            )
            % {"n": MAX_MEMBERS}
        )
    email = email.strip().lower()
    if email == plan.citizen.email.lower():
        raise PlanRuleError({"email": _("Det er din egen e-mailadresse.")})
    taken = selectors.email_taken(plan=plan, email=email)
    if taken == "member":
        raise PlanRuleError({"email": _("Personen med den e-mailadresse er allerede med.")})
    if taken == "invited":
        raise PlanRuleError(
            {
                "email": _(
                    "Du har allerede sendt en invitation til den e-mailadresse. Du kan sende "
                    "den igen under “Invitationer”."
                )
            }
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
) -> Invitation:
    # Two quick clicks must not both pass the limits.
    plan_lock(plan=plan)
    invitation_check(plan=plan, email=email)
    if any(goal.plan_id != plan.pk for goal in goals):
        raise PlanRuleError({"goals": _("Vælg kun blandt dine egne mål.")})
    if not whole_plan and not goals:
        raise PlanRuleError({"goals": _("Vælg mindst ét mål.")})
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
    # Sent here, inside the transaction, not through the task queue: a queued task would keep
    # the link (the token) in the database, which the privacy rules forbid. If sending fails,
    # the transaction rolls back and the citizen is asked to try again; nothing half-saved.
    notices.invitation_email_send(invitation=invitation, token=token)
    _sent(invitation)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation) -> Invitation:
    """A new link; the old one stops working at once, because only the new hash is kept."""
    refuse_if_archived(plan=invitation.plan)
    if invitation.status in (Invitation.Status.ACCEPTED, Invitation.Status.DECLINED):
        raise PlanRuleError(_("Personen har allerede svaret på invitationen."))
    now = timezone.now()
    if invitation.is_open and invitation.sent_at > now - RESEND_AFTER:
        raise PlanRuleError(
            _("Du har lige sendt invitationen. Vent en time, før du sender den igen.")
        )
    invitation_check_for_resend(invitation=invitation)
    plan_lock(plan=invitation.plan)  # two quick clicks: the second sees the first's send
    _check_daily_limit(selectors.counts_for_limits(plan=invitation.plan)[0])
    if selectors.sends_today(invitation=invitation) >= MAX_SENDS_PER_INVITATION_PER_DAY:
        raise PlanRuleError(
            _(
                "Du har sendt invitationen %(n)d gange det sidste døgn. Prøv igen i morgen, "
                "eller ring til personen."
            )
            % {"n": MAX_SENDS_PER_INVITATION_PER_DAY}
        )
    token, invitation.token_hash = new_token()
    invitation.status = Invitation.Status.SENT
    invitation.sent_at = now
    invitation.expires_at = now + timedelta(days=Invitation.VALID_DAYS)
    invitation.save(update_fields=["token_hash", "status", "sent_at", "expires_at"])
    notices.invitation_email_send(invitation=invitation, token=token)
    _sent(invitation)
    return invitation


def invitation_check_for_resend(*, invitation: Invitation) -> None:
    if invitation.is_open:
        return
    # An expired or withdrawn invitation becomes open again: it counts like a new one.
    plan = invitation.plan
    _, members, open_invitations = selectors.counts_for_limits(plan=plan)
    if members + open_invitations >= MAX_MEMBERS:
        raise PlanRuleError(
            _("Der kan højst være %(n)d personer i dit netværk.") % {"n": MAX_MEMBERS}
        )
    if selectors.email_taken(plan=plan, email=invitation.email):
        raise PlanRuleError(_("Personen er allerede med, eller har en ny invitation."))


def invitation_withdraw(*, invitation: Invitation) -> None:
    if not invitation.is_open:
        raise PlanRuleError(_("Invitationen kan ikke trækkes tilbage. Den er ikke åben."))
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
        raise PlanRuleError(_("Invitationen er ikke åben længere."))
    notify(notices.DECLINED, invitation.pk)


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> NetworkMembership:
    plan = invitation.plan
    refuse_if_archived(plan=plan)
    if user.pk == plan.citizen_id:
        raise PlanRuleError(_("Det er din egen plan. Du kan ikke invitere dig selv."))
    if not EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists():
        raise PlanRuleError(
            _(
                "Invitationen er sendt til %(email)s. Log ind med den e-mailadresse, eller "
                "tilføj og bekræft den på din konto først."
            )
            % {"email": invitation.email}
        )
    plan_lock(plan=plan)
    if plan.network.filter(user=user, status=NetworkMembership.Status.ACTIVE).exists():
        raise PlanRuleError(_("Du er allerede med i netværket."))
    if plan.network.filter(status=NetworkMembership.Status.ACTIVE).count() >= MAX_MEMBERS:
        raise PlanRuleError(
            _("Der er ikke plads til flere i netværket lige nu. Tal med den, der inviterede dig.")
        )
    if not _close(invitation=invitation, status=Invitation.Status.ACCEPTED):
        raise PlanRuleError(_("Invitationen er ikke åben længere."))
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
    member_log(membership=membership, action=WRITE, what=_("Sagde ja til at være med"))
    plan_event_record(
        plan=plan,
        actor=user,
        membership=membership,
        kind=PlanEvent.Kind.NETWORK,
        what=_("Sagde ja til at være med i netværket"),
    )
    notify(notices.ACCEPTED, invitation.pk)
    return membership


def invitation_opened(*, invitation: Invitation, user) -> None:
    """Whoever holds the link reads what the citizen shared: a read in her access log, under
    the invited person's name (not when the citizen looks at her own invitation)."""
    if user is not None and user.is_authenticated and user.pk == invitation.plan.citizen_id:
        return
    access_log_record(
        plan=invitation.plan,
        actor=user if user is not None and user.is_authenticated else None,
        invitation=invitation,
        action=READ,
        what=_("Åbnede invitationen og så de delte mål"),
    )
