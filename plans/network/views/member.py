"""The network member's pages ("Planer, jeg hjælper med"): the goals in scope, comments on them,
offers of help, and leaving. Every read is written to the citizen's access log. A person whose
access ended (removed, left, the plan finished) gets a plain page saying so, without plan data;
anyone who never helped with the plan gets 404."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ...errors import PlanRuleError
from ...http import id_param, submitted_once
from ...people import citizen_name
from .. import page_parts, selectors, services
from ..forms import OfferForm


def member_page(view):
    """Logged in and handed the person's membership of the plan in the address (the reading
    rule, plans.network.selectors.membership_for_member). When their access has ended, the
    page says why, with status 403 and nothing of the plan; nothing is written."""

    @wraps(view)
    @login_required
    def wrapper(request, plan_id, *args, **kwargs):
        try:
            membership = selectors.membership_for_member(user=request.user, plan_id=plan_id)
        except Http404:
            ended = selectors.ended_access(user=request.user, plan_id=plan_id)
            if ended is None:
                raise
            return render(request, "plans/network_access_ended.html", {"ended": ended}, status=403)
        return view(request, membership, *args, **kwargs)

    return wrapper


@login_required
def member_plans(request):
    # The list is where a person looks after their access changed: the header asks afresh.
    selectors.header_roles(user=request.user)
    return render(
        request,
        "plans/network_membership_list.html",
        {"memberships": list(selectors.memberships_for_member(user=request.user))},
    )


def _member_page(request, membership, *, comment_form_goal=None, form_errors=(), status=200):
    # The goals come rendered from plans.fragments while nothing changed; the read is logged
    # every time, and the comment forms are made now.
    goals = page_parts.member_goals(membership=membership)
    services.member_read(membership=membership, goals=goals)
    return render(
        request,
        "plans/network_membership_detail.html",
        {
            "membership": membership,
            "citizen_name": citizen_name(membership.plan.citizen),
            "goals": goals,
            "comment_form_goal": comment_form_goal,
            "form_errors": form_errors,
            "comment_body": request.POST.get("body", "") if comment_form_goal else "",
        },
        status=status,
    )


@member_page
def member_plan(request, membership):
    return _member_page(request, membership)


@member_page
def member_print(request, membership):
    """The member's page on paper: the same scope (the shared goals and their activities'
    titles), comments only when asked for, and the read logged like every other."""
    view = selectors.member_plan(membership=membership)
    services.member_read(membership=membership, goals=view.goals)
    return render(
        request,
        "plans/network_membership_print.html",
        {
            "membership": membership,
            "citizen_name": citizen_name(membership.plan.citizen),
            "scope": view,
            "with_comments": request.GET.get("med_kommentarer") == "1",
            "printed_on": timezone.localdate(),
        },
    )


@member_page
@require_POST
@submitted_once
def member_comment(request, membership, goal_id: int):
    plan_id = membership.plan_id
    goal = selectors.goal_in_scope(membership=membership, goal_id=goal_id)
    body = request.POST.get("body", "")
    try:
        services.member_comment_add(membership=membership, goal=goal, body=body)
    except PlanRuleError as error:
        return _member_page(
            request,
            membership,
            comment_form_goal=goal.pk,
            form_errors=error.messages,
            status=400,
        )
    messages.success(request, _("Din kommentar er sendt."))
    return redirect(reverse("network:member_plan", args=[plan_id]) + f"#maal-{goal.pk}")


@member_page
@submitted_once
def offer_new(request, membership):
    plan_id = membership.plan_id
    goals = selectors.goals_in_scope(membership=membership)
    goal_id = id_param(request.GET.get("maal"))
    initial = {"goal": goal_id} if goal_id else {}
    form = OfferForm(request.POST or None, goals=goals, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_create(
                membership=membership,
                goal=form.cleaned_data["goal"],
                kind=form.cleaned_data["kind"],
                what=form.cleaned_data["what"],
                when=form.cleaned_data["when"],
            )
        except PlanRuleError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Tak. %(citizen)s får besked om dit tilbud og svarer dig her.")
                % {"citizen": citizen_name(membership.plan.citizen)},
            )
            return redirect("network:member_plan", plan_id=plan_id)
    if request.method == "GET":
        # The form lists the shared goals: a read like any other.
        services.member_read(membership=membership, goals=list(goals))
    return render(
        request,
        "plans/offer_form.html",
        {
            "membership": membership,
            "citizen_name": citizen_name(membership.plan.citizen),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@member_page
def member_leave(request, membership):
    citizen = citizen_name(membership.plan.citizen)
    if request.method == "POST":
        services.membership_leave(membership=membership)
        messages.success(
            request,
            _("Du er ikke længere med i netværket omkring %(citizen)s.") % {"citizen": citizen},
        )
        return redirect("network:member_plans")
    return render(
        request,
        "plans/network_membership_confirm_leave.html",
        {"membership": membership, "citizen_name": citizen},
    )
