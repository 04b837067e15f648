"""Mine data, one function per section: what one row becomes in the person's export."""

from allauth.account.models import EmailAddress

from ..models import (
    AccessLogEntry,
    Activity,
    Comment,
    Decision,
    ErasureRequest,
    Feedback,
    Goal,
    Invitation,
    Meeting,
    NetworkMembership,
    Offer,
    Plan,
)


def account(user) -> dict:
    emails = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": [{"email": e.email, "verified": e.verified} for e in emails],
    }


def plan_core(plan: Plan) -> dict:
    coordinator = plan.coordinator
    return {
        "id": plan.pk,
        "status": plan.get_status_display(),
        "created_at": plan.created_at,
        "updated_at": plan.updated_at,
        "what_matters": plan.what_matters,
        "coordinator": {
            "name": coordinator.name,
            "role": coordinator.role,
            "department": coordinator.department.name,
            "phone": coordinator.phone,
            "email": coordinator.email,
        },
        "team": plan.team.name,
    }


def goal(goal: Goal) -> dict:
    return {
        "id": goal.pk,
        "text": goal.text,
        "written_by": goal.get_written_by_display(),
        "status": goal.get_status_display(),
    }


def activity(activity: Activity) -> dict:
    return {
        "id": activity.pk,
        "goal_id": activity.goal_id,
        "department": activity.department.name,
        "title": activity.title,
        "description": activity.description,
        "responsible": activity.responsible.name,
        "responsible_role": activity.responsible.role,
        "status": activity.get_status_display(),
        "starts_on": activity.starts_on,
        "ends_on": activity.ends_on,
        "next_step": activity.next_step,
        "next_step_on": activity.next_step_on,
    }


def meeting(meeting: Meeting) -> dict:
    return {
        "starts_at": meeting.starts_at,
        "place": meeting.place,
        "online_url": meeting.online_url,
        "participants": meeting.participants,
        "bring": meeting.bring,
    }


def decision(decision: Decision) -> dict:
    return {
        "title": decision.title,
        "decided_on": decision.decided_on,
        "explanation": decision.explanation,
        "meaning": decision.meaning,
        "how_to_complain": decision.how_to_complain,
        "complaint_deadline": decision.complaint_deadline,
        "contact": decision.contact.name,
    }


def comment(comment: Comment) -> dict:
    return {
        "id": comment.pk,
        "goal_id": comment.goal_id,
        "activity_id": comment.activity_id,
        "reply_to_id": comment.reply_to_id,
        "author": comment.display_author,
        "author_role": comment.get_author_role_display(),
        # A deleted comment keeps its row, not its words.
        "body": "" if comment.is_deleted else comment.body,
        "created_at": comment.created_at,
        "edited_at": comment.edited_at,
        "deleted_at": comment.deleted_at,
    }


def member(membership: NetworkMembership) -> dict:
    return {
        "name": membership.name,
        "relation": membership.get_relation_display(),
        "whole_plan": membership.whole_plan,
        "goal_ids": sorted(g.pk for g in membership.goals.all()),
        "status": membership.get_status_display(),
        "joined_at": membership.joined_at,
        "ended_at": membership.ended_at,
    }


def invitation(invitation: Invitation) -> dict:
    # No token or token hash: the export must not open a plan if it leaks.
    return {
        "name": invitation.name,
        "email": invitation.email,
        "relation": invitation.get_relation_display(),
        "whole_plan": invitation.whole_plan,
        "goal_ids": sorted(g.pk for g in invitation.goals.all()),
        "message": invitation.message,
        "status": str(invitation.get_state_display()),
        "sent_at": invitation.sent_at,
        "expires_at": invitation.expires_at,
        "answered_at": invitation.answered_at,
    }


def offer(offer: Offer, *, with_member: bool) -> dict:
    data = {
        "goal_id": offer.goal_id,
        "kind": offer.get_kind_display(),
        "what": offer.what,
        "when": offer.when,
        "status": offer.get_status_display(),
        "answer": offer.answer,
        "created_at": offer.created_at,
        "answered_at": offer.answered_at,
    }
    if with_member:
        data = {"from": offer.membership.name, **data}
    return data


def access(entry: AccessLogEntry) -> dict:
    return {
        "at": entry.at,
        "who": entry.actor_name,
        "role": entry.actor_role,
        "department": entry.actor_department,
        "kind": entry.get_actor_kind_display(),
        "action": entry.get_action_display(),
        "what": entry.what,
    }


def feedback(feedback: Feedback) -> dict:
    return {
        "activity_id": feedback.activity_id,
        "score": feedback.score,
        "words": feedback.words,
        "answered_at": feedback.answered_at,
    }


def erasure_request(request: ErasureRequest) -> dict:
    return {"requested_at": request.requested_at, "coordinator_told_at": request.notified_at}
