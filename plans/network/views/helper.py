"""The trusted helper's pages: the citizen asks a member (after reauthentication) and ends the
role (at once, no reauthentication); the member answers; the helper reads the whole plan and
writes for her under a banner "Du hjælper Mette". Rules live in plans.network.services.helper,
who may see what in plans.network.selectors.helper; every helper read is logged."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.security import reauthentication_required

from ... import selectors as plan_selectors
from ...errors import PlanRuleError
from ...forms import CommentForm
from ...http import citizen_page, submitted_once, writes_to_plan
from ...people import citizen_name
from .. import selectors, services
from ..forms import OfferAnswerForm

# --- The citizen ----


@citizen_page
@writes_to_plan("network:index")
@reauthentication_required
@submitted_once
def helper_ask(request, plan, membership_id: int):
    """What a helper can and cannot do, in plain words, then "Ja, spørg Bente"."""
    membership = selectors.helper_of_plan(plan=plan, membership_id=membership_id)
    if request.method == "POST":
        try:
            services.helper_ask(
                membership=membership,
                by=request.user,
                sees_access_log=request.POST.get("sees_access_log") == "yes",
                reminded=request.POST.get("reminded") == "yes",
            )
        except PlanRuleError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(
                request,
                _("Vi har spurgt %(name)s. Rollen starter, når %(name)s siger ja.")
                % {"name": membership.name},
            )
        return redirect("network:index")
    return render(
        request,
        "plans/helper_ask.html",
        {"plan": plan, "membership": membership, "taken": selectors.helper_taken_by(plan=plan)},
    )


@citizen_page
@require_POST
def helper_stop(request, plan, membership_id: int):
    membership = selectors.helper_of_plan(plan=plan, membership_id=membership_id)
    if services.helper_end(membership=membership, by=request.user):
        messages.success(
            request,
            _("%(name)s er ikke længere din hjælper. %(name)s er stadig med i dit netværk.")
            % {"name": membership.name},
        )
    return redirect("network:index")


# --- The member who is asked ----


@login_required
@submitted_once
def helper_answer(request, plan_id: int):
    try:
        membership = selectors.helper_request_for_member(user=request.user, plan_id=plan_id)
    except Http404:
        return _answered_already(request, plan_id)
    name = citizen_name(membership.plan.citizen)
    if request.method == "POST":
        accepted = request.POST.get("action") == "accept"
        try:
            if accepted:
                services.helper_accept(membership=membership)
            else:
                services.helper_decline(membership=membership)
        except PlanRuleError as error:
            for text in error.messages:
                messages.error(request, text)
            return redirect("network:member_plans")
        if accepted:
            messages.success(request, _("Tak. Nu kan du hjælpe %(name)s.") % {"name": name})
            return redirect("network:helper_plan", plan_id=membership.plan_id)
        messages.success(request, _("Du har sagt nej tak. Du er stadig med i netværket."))
        return redirect("network:member_plans")
    return render(
        request, "plans/helper_answer.html", {"membership": membership, "citizen_name": name}
    )


def _answered_already(request, plan_id):
    """The email's link clicked again: her helper goes to the plan, a helper whose role ended
    is told why, anyone else gets 404."""
    try:
        selectors.helper_membership(user=request.user, plan_id=plan_id)
    except Http404:
        ended = selectors.helper_ended_access(user=request.user, plan_id=plan_id)
        if ended is None:
            raise
        return render(request, "plans/helper_ended.html", {"ended": ended}, status=403)
    return redirect("network:helper_plan", plan_id=plan_id)


# --- The helper ----


def helper_page(view):
    """Logged in and handed the person's helper role for the plan in the address, asked of the
    database on every request. When the role ended (stopped, removed, left, the plan finished)
    the page says why, with status 403 and nothing of the plan; strangers get 404."""

    @wraps(view)
    @login_required
    def wrapper(request, plan_id, *args, **kwargs):
        try:
            membership = selectors.helper_membership(user=request.user, plan_id=plan_id)
        except Http404:
            ended = selectors.helper_ended_access(user=request.user, plan_id=plan_id)
            if ended is None:
                raise
            return render(request, "plans/helper_ended.html", {"ended": ended}, status=403)
        return view(request, membership, *args, **kwargs)

    return wrapper


def _plan_page(request, membership, *, form=None, status=200):
    plan = membership.plan
    page_data = plan_selectors.min_plan(plan=plan)
    services.helper_read(membership=membership, what=_("hele planen"))
    return render(
        request,
        "plans/helper_plan.html",
        {
            "membership": membership,
            "citizen_name": citizen_name(plan.citizen),
            "page_data": page_data,
            "plan": plan,
            "comment_form": form or CommentForm(),
        },
        status=status,
    )


@helper_page
def helper_plan(request, membership):
    return _plan_page(request, membership)


@helper_page
@require_POST
@submitted_once
def helper_comment(request, membership):
    form = CommentForm(request.POST)
    goal = None
    if request.POST.get("goal"):  # a goal of another plan, or no number, is 404
        goal = plan_selectors.goal_for_citizen(plan=membership.plan, pk=request.POST["goal"])
    if form.is_valid():
        try:
            services.helper_comment_add(
                membership=membership, body=form.cleaned_data["body"], goal=goal
            )
        except PlanRuleError as error:
            form.add_error("body", error)
        else:
            messages.success(
                request,
                _("Din kommentar er sendt for %(name)s.")
                % {"name": citizen_name(membership.plan.citizen)},
            )
            url = reverse("network:helper_plan", args=[membership.plan_id])
            return redirect(url + "#kommentarer")
    return _plan_page(request, membership, form=form, status=400)


@helper_page
@require_POST
@submitted_once
def helper_offer_answer(request, membership, offer_id: int):
    offer = selectors.offer_for_helper(membership=membership, offer_id=offer_id)
    form = OfferAnswerForm(request.POST)
    accepted = request.POST.get("answer_with") == "yes"
    back = reverse("network:helper_plan", args=[membership.plan_id]) + "#tilbud"
    if not form.is_valid():
        for errors in form.errors.values():
            for text in errors:
                messages.error(request, text)
        return redirect(back)
    try:
        services.helper_offer_answer(
            membership=membership,
            offer=offer,
            accepted=accepted,
            answer=form.cleaned_data["answer"],
        )
    except PlanRuleError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(
            request,
            _("Du har svaret %(name)s for %(citizen)s.")
            % {"name": offer.membership.name, "citizen": citizen_name(membership.plan.citizen)},
        )
    return redirect(back)


@helper_page
def helper_access_log(request, membership):
    """ "Hvem har set planen", only when the citizen allowed her helper to see it."""
    if not membership.helper_sees_access_log:
        raise Http404
    services.helper_read(membership=membership, what=_("hvem der har set planen"))
    entries = list(plan_selectors.access_log_for_citizen(plan=membership.plan)[:100])
    return render(
        request,
        "plans/helper_access_log.html",
        {
            "membership": membership,
            "citizen_name": citizen_name(membership.plan.citizen),
            "entries": entries,
        },
    )
