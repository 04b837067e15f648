"""Demo data for the network (seed_demo): Lene, Mette's sister, sees one of Mette's goals and has
offered help twice; Mette said yes to one offer, the other waits for her answer. Idempotent."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from plans.models import Invitation, NetworkMembership, Offer, Plan, Relation
from plans.tokens import new_token
from portal.demo.accounts import ensure_demo_user

CITIZEN_EMAIL = "borger@example.dk"
MEMBER_EMAIL = "netvaerk@example.dk"


def seed_network():
    mette = get_user_model().objects.filter(email=CITIZEN_EMAIL).first()
    plan = mette and Plan.objects.filter(citizen=mette, status=Plan.Status.ACTIVE).first()
    goal = plan and plan.goals.order_by("sort_order", "pk").first()
    if goal is None:
        return  # Mette's plan comes from the plans seeder; without it there is nothing to share.
    lene = ensure_demo_user(email=MEMBER_EMAIL, first_name="Lene", last_name=mette.last_name)
    membership = NetworkMembership.objects.filter(
        plan=plan, user=lene, status=NetworkMembership.Status.ACTIVE
    ).first()
    if membership is None:
        now = timezone.now()
        # The accepted invitation she answered; its token was never kept, as for any invitation.
        invitation = Invitation.objects.create(
            plan=plan,
            invited_by=mette,
            name="Lene",
            email=MEMBER_EMAIL,
            relation=Relation.FAMILY,
            message="Du kender mig bedre end nogen. Vil du følge med i min plan?",
            token_hash=new_token()[1],
            status=Invitation.Status.ACCEPTED,
            created_at=now - timedelta(days=10),
            sent_at=now - timedelta(days=10),
            expires_at=now + timedelta(days=4),
            answered_at=now - timedelta(days=9),
        )
        invitation.goals.set([goal])
        membership = NetworkMembership.objects.create(
            plan=plan,
            user=lene,
            invitation=invitation,
            name="Lene",
            relation=Relation.FAMILY,
            joined_at=now - timedelta(days=9),
        )
    membership.goals.set([goal])
    Offer.objects.update_or_create(
        membership=membership,
        what="Jeg kører dig til jobsamtalen og venter udenfor.",
        defaults={
            "plan": plan,
            "goal": goal,
            "kind": Offer.Kind.TRANSPORT,
            "when": "Når du har en samtale",
            "status": Offer.Status.ACCEPTED,
            "answer": "Tak, det vil jeg rigtig gerne.",
            "answered_at": timezone.now() - timedelta(days=2),
        },
    )
    Offer.objects.update_or_create(
        membership=membership,
        what="Vi kan øve samtalen sammen hjemme hos mig.",
        defaults={
            "plan": plan,
            "goal": goal,
            "kind": Offer.Kind.KNOWLEDGE,
            "when": "Aftenen før",
            "status": Offer.Status.WAITING,
        },
    )
